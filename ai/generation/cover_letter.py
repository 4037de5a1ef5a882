"""Local cover letters in three tones, built only from the candidate's and the job's facts.

Every employer, title, number, degree and certification in the letter is copied from the
facts; where a fact is missing the sentence that needs it is left out rather than guessed.
"""

import re

from ai.generation.facts import certification_names, education_phrase, latest_job
from ai.generation.text import format_years, join_words, sentence, strip_end
from ai.generation.verbs import is_past
from ai.llm.fact_guard import ALL_RULES, claims_in
from ai.llm.registry import Task, register
from ai.llm.schemas import TEXT, object_schema, texts_schema

TONES = ("professional", "enthusiastic", "concise")
_SKILLS_SHOWN = 4
# Personal fields of the cover letter's candidate that never leave the machine.
PERSONAL_FIELDS = frozenset({"name", "email", "phone", "location", "links"})
# A job description beyond this adds cost, not facts the letter can use.
_DESCRIPTION_CHARS = 6000


def write_cover_letter(facts: dict) -> dict:
    """The `cover_letter` task: subject, greeting, paragraphs, closing and signature."""
    tone = facts.get("tone") or "professional"
    if tone not in TONES:
        raise ValueError(f"Unknown cover letter tone {tone!r}; use one of {', '.join(TONES)}.")
    letter = _Letter(facts.get("candidate") or {}, facts.get("job") or {})
    return {**getattr(letter, tone)(), "signature": signature(facts.get("candidate") or {})}


def signature(candidate: dict) -> str:
    """The candidate's name (or nothing when unknown) over an email · phone line."""
    contact = " · ".join(
        value for value in (candidate.get("email"), candidate.get("phone")) if value
    )
    return "\n".join(line for line in (candidate.get("name") or "", contact) if line)


class _Letter:
    """Phrases drawn from the facts, assembled differently by each tone."""

    def __init__(self, candidate: dict, job: dict):
        self.candidate = candidate
        self.title = job.get("title") or None
        self.company = job.get("company") or None
        self.required = list(job.get("required_skills") or [])
        experience = candidate.get("experience") or []
        latest = latest_job(experience)
        self.who = candidate.get("current_title") or (latest or {}).get("title")
        self.years = format_years(candidate.get("total_experience_years"))
        self.skills = list(candidate.get("matched_skills") or candidate.get("skills") or [])
        self.experience = [job for job in experience if isinstance(job, dict)]

    # Tones -------------------------------------------------------------------------------

    def professional(self) -> dict:
        skills = self._skills_phrase(
            "I bring hands-on skills in {skills}.",
            "I would bring relevant, hands-on experience to the position.",
        )
        paragraphs = [
            f"I am writing to apply for {self._target()}. As {self._identity()}, {skills}",
            " ".join(self._highlights(2)),
            " ".join(filter(None, (self._requirements_sentence(), *self._credentials()))),
            "I would welcome the opportunity to discuss how I can contribute to "
            f"{self.company or 'your team'}. Thank you for your time and consideration.",
        ]
        subject = f"Application for the {self.title} role" if self.title else "Job application"
        return self._letter(
            subject + self._at(), "Dear Hiring Manager,", paragraphs, "Kind regards,"
        )

    def enthusiastic(self) -> dict:
        skills = self._skills_phrase(
            "I enjoy building with {skills} every day.",
            "I love learning fast and shipping work that people use.",
        )
        highlights = self._highlights(2)
        paragraphs = [
            f"I was thrilled to come across {self._target()}, and I would love to bring my "
            f"energy to it! As {self._identity()}, {skills}",
            " ".join(["Here are a few things I am proud of.", *highlights]) if highlights else "",
            " ".join(filter(None, (self._excitement_sentence(), *self._credentials()))),
            f"I would be delighted to talk about how I can help {self.company or 'your team'} "
            "succeed. Thank you so much for considering my application!",
        ]
        subject = f"Excited to apply: {self.title}" if self.title else "Excited to apply"
        greeting = f"Hello {self.company} team," if self.company else "Hello hiring team,"
        return self._letter(subject + self._at(), greeting, paragraphs, "With enthusiasm,")

    def concise(self) -> dict:
        skills = self._skills_phrase(" skilled in {skills}", "", limit=3)
        paragraphs = [
            f"I am applying for {self._target()}. I am {self._identity()}{skills}.",
            " ".join(
                [*self._highlights(1), "I would welcome a short conversation about the role."]
            ),
        ]
        subject = f"{self.title} application" if self.title else "Application"
        return self._letter(subject + self._at(), "Dear Hiring Manager,", paragraphs, "Regards,")

    # Phrases -----------------------------------------------------------------------------

    def _letter(self, subject: str, greeting: str, paragraphs: list[str], closing: str) -> dict:
        body = [paragraph for paragraph in paragraphs if paragraph.strip()]
        return {"subject": subject, "greeting": greeting, "paragraphs": body, "closing": closing}

    def _at(self) -> str:
        return f" at {self.company}" if self.company else ""

    def _target(self) -> str:
        """The role: "the Backend Engineer role at Acme" or "this role with your team"."""
        role = f"the {self.title} role" if self.title else "this role"
        return f"{role} at {self.company}" if self.company else f"{role} with your team"

    def _identity(self) -> str:
        """Who the candidate is, e.g. "a Backend Developer with 5 years of experience"."""
        if self.who and self.years:
            return f"{_article(self.who)} {self.who} with {self.years} of experience"
        if self.who:
            return f"{_article(self.who)} {self.who}"
        if self.years:
            return f"a professional with {self.years} of experience"
        return "a motivated professional"

    def _skills_phrase(self, template: str, without: str, limit: int = _SKILLS_SHOWN) -> str:
        if not self.skills:
            return without
        return template.format(skills=join_words(self.skills[:limit]))

    def _highlights(self, count: int) -> list[str]:
        """Up to `count` real bullets, those naming the candidate's matched skills first."""
        ranked = sorted(self._bullets(), key=lambda item: item[0])
        return [_highlight(job, bullet) for _, job, bullet in ranked[:count]]

    def _bullets(self) -> list[tuple[tuple[int, int, int], dict, str]]:
        found = []
        for job in self.experience:
            for bullet in job.get("bullets") or []:
                if not strip_end(bullet):
                    continue
                mentions = sum(_mentions(bullet, skill) for skill in self.skills)
                quantified = bool(re.search(r"\d", bullet))
                found.append(((-mentions, -quantified, len(found)), job, bullet))
        return found

    def _requirements_sentence(self) -> str:
        wanted = {skill.lower() for skill in self.required}
        covered = [skill for skill in self.skills if skill.lower() in wanted]
        if not covered:
            return ""
        return f"Your posting asks for {join_words(covered)}, which I use in my day-to-day work."

    def _excitement_sentence(self) -> str:
        place = self.company or "your team"
        if not self.skills:
            return f"What excites me most about {place} is the chance to grow with the team."
        return (
            f"What excites me most about {place} is the chance to put "
            f"{join_words(self.skills[:2])} to work on problems that matter to you."
        )

    def _credentials(self) -> list[str]:
        sentences = []
        education = education_phrase(self.candidate.get("education"))
        if education:
            sentences.append(f"I also bring a solid academic foundation: {education}.")
        certifications = certification_names(self.candidate.get("certifications"))
        if certifications:
            sentences.append(f"My certifications include {join_words(certifications)}.")
        return sentences


def _highlight(job: dict, bullet: str) -> str:
    """One bullet retold in the first person, framed by the job it comes from."""
    text = strip_end(bullet)
    first, _, rest = text.partition(" ")
    clause = f"I {first.lower()} {rest}".strip() if is_past(first) else f'my work included "{text}"'
    title, company = job.get("title"), job.get("company")
    if title and company:
        return sentence(f"At {company}, as {title}, {clause}")
    if company or title:
        return sentence(f"{'At ' + company if company else 'As ' + title}, {clause}")
    return sentence(clause)


def _mentions(text: str, skill: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(skill)}(?![\w+#])", text, re.IGNORECASE) is not None


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _remote_facts(facts: dict) -> dict:
    tone = facts.get("tone") or "professional"
    if tone not in TONES:
        raise ValueError(f"Unknown cover letter tone {tone!r}; use one of {', '.join(TONES)}.")
    candidate = {
        key: value
        for key, value in (facts.get("candidate") or {}).items()
        if key not in PERSONAL_FIELDS
    }
    job = dict(facts.get("job") or {})
    job["description"] = (job.get("description") or "")[:_DESCRIPTION_CHARS]
    return {"tone": tone, "candidate": candidate, "job": job}


def _complete(data: dict, facts: dict) -> dict:
    return {**data, "signature": signature(facts.get("candidate") or {})}


def _verify(data: dict, facts: dict) -> list[str]:
    texts = [data["subject"], data["greeting"], *data["paragraphs"], data["closing"]]
    return claims_in(texts, facts, ALL_RULES)


# What Gemini writes; the signature is always filled in locally, so the candidate's name and
# contact details never need to reach the model.
BODY_SCHEMA = object_schema(
    {"subject": TEXT, "greeting": TEXT, "paragraphs": texts_schema(1, 6), "closing": TEXT}
)
SCHEMA = object_schema({**BODY_SCHEMA["properties"], "signature": {"type": "string"}})
register(
    Task(
        name="cover_letter",
        schema=SCHEMA,
        remote_schema=BODY_SCHEMA,
        brief=(
            "Write a cover letter in the tone `tone`: professional (formal and measured, 3 to "
            "4 paragraphs), enthusiastic (warm and energetic, 3 to 4 paragraphs) or concise "
            "(2 short paragraphs). Use the candidate's current title, years of experience, "
            "matched skills and one or two achievements from `candidate.experience[].bullets`. "
            'Name the company only as `job.company` gives it; when it is null, say "your '
            'team". Mention only employers, degrees, schools and certifications listed in the '
            "facts. `subject` is the email subject, `greeting` the salutation, `paragraphs` "
            "the body without greeting or sign-off, `closing` the sign-off phrase. Write no "
            "signature or contact details: they are added afterwards."
        ),
        write=write_cover_letter,
        remote_facts=_remote_facts,
        verify=_verify,
        complete=_complete,
    )
)
