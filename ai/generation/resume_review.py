"""Local resume review: a summary and 3 to 6 pros and cons derived from the computed analysis.

Reads only the profile's skills, experience, education, certifications and sections, the ATS
breakdown and deductions and the skill match; never the personal information, so the review
cannot name the candidate or assume a gender.
"""

from ai.generation.facts import certification_names, education_phrase, latest_title
from ai.generation.text import format_number, format_years, join_limited, join_words, sentence
from ai.llm.fact_guard import DEGREES, NUMBERS, claims_in
from ai.llm.registry import Task, register
from ai.llm.schemas import TEXT, object_schema, texts_schema
from ai.skills import CATEGORY_LABELS

MIN_POINTS = 3
MAX_POINTS = 6
STRONG_SCORE = 75
WEAK_SCORE = 60

_AREA_NAMES = {
    "formatting": "formatting",
    "keywords": "keyword coverage",
    "sections": "section structure",
    "readability": "readability",
    "impact": "measurable impact",
}
_AREA_PRAISE = {
    "formatting": "Clean, ATS-friendly formatting that parsers read without trouble",
    "keywords": "Strong keyword coverage with recognisable technical terms",
    "sections": "All the core sections are present and easy to find",
    "readability": "Concise bullets that are easy to scan",
    "impact": "Achievements are backed by concrete, measurable results",
}
_AREA_ADVICE = {
    "formatting": "The layout is hard for ATS parsers; use one column, standard headings and "
    "plain bullets",
    "keywords": "Keyword coverage is thin; name the tools and skills the target roles ask for",
    "sections": "Core sections are missing or hard to find; use standard headings such as "
    "Experience, Education and Skills",
    "readability": "Bullets are long or dense; keep each to one line of action and result",
    "impact": "Few bullets show results; add numbers such as time saved, users served or costs cut",
}
_LAST_RESORT_PROS = (
    "The resume parses cleanly into a structured profile",
    "Experience is listed in a form recruiters can scan quickly",
    "The skills are recognisable to applicant tracking systems",
)
_LAST_RESORT_CONS = (
    "Tailor the summary and skills to each job description",
    "Lead every bullet with a strong action verb",
    "Quantify more achievements with concrete numbers",
)
_CORE_SECTIONS = ("summary", "experience", "education", "skills")


def write_resume_review(facts: dict) -> dict:
    """The `resume_review` task: summary, pros and cons."""
    review = _Review(facts)
    # Cons first: they claim the weak areas, so the pros' fill-ins pick other areas.
    cons = review.cons()
    return {"summary": review.summary(), "pros": review.pros(), "cons": cons}


class _Review:
    """The facts of one review, read once, and the rules that turn them into points."""

    def __init__(self, facts: dict):
        self.profile = facts.get("profile") or {}
        ats = facts.get("ats_score") or {}
        self.breakdown = {area: int(score) for area, score in (ats.get("breakdown") or {}).items()}
        self.deductions = ats.get("deductions") or []
        self.match = facts.get("skill_match") or None
        self.role = f"the {facts['job_title']} role" if facts.get("job_title") else "the role"
        ranked = sorted(self.breakdown, key=lambda area: -self.breakdown[area])
        self.strong = [area for area in ranked if self.breakdown[area] >= STRONG_SCORE]
        self.weak = [a for a in reversed(ranked) if self.breakdown[a] < WEAK_SCORE]
        self.ranked = ranked
        self.used_areas: set[str] = set()

    def summary(self) -> str:
        parts = [self._areas_clause(), self._skills_clause()]
        opening = sentence(", and ".join(part for part in parts if part))
        extra = [self._match_sentence(), self._weakest_sentence()]
        return " ".join([opening, *(text for text in extra if text)])

    def pros(self) -> list[str]:
        points = [_AREA_PRAISE[area] for area in self.strong if area in _AREA_PRAISE]
        self.used_areas.update(self.strong)
        points += [
            point
            for point in (
                self._matched_point(),
                self._experience_point(),
                self._depth_point(),
                self._breadth_point(),
                self._certifications_point(),
                self._education_point(),
            )
            if point
        ]
        for area in self.ranked:
            if len(points) >= MIN_POINTS:
                break
            if area not in self.used_areas and area not in self.weak:
                name = _AREA_NAMES.get(area, area).capitalize()
                points.append(
                    f"{name} is among the better-scoring areas ({self.breakdown[area]}/100)"
                )
                self.used_areas.add(area)
        return _bounded(points, _LAST_RESORT_PROS)

    def cons(self) -> list[str]:
        points, covered = self._deduction_points()
        points += [
            _AREA_ADVICE[area] for area in self.weak if area in _AREA_ADVICE and area not in covered
        ]
        self.used_areas.update(self.weak)
        points += [p for p in (self._missing_skills_point(), self._missing_sections_point()) if p]
        for area in reversed(self.ranked):
            if len(points) >= MIN_POINTS:
                break
            if area not in self.used_areas and area not in self.strong:
                name = _AREA_NAMES.get(area, area).capitalize()
                points.append(f"{name} could be stronger ({self.breakdown[area]}/100)")
                self.used_areas.add(area)
        return _bounded(points, _LAST_RESORT_CONS)

    def _areas_clause(self) -> str:
        if not self.ranked:
            return ""
        best = self.strong[:2] or self.ranked[:1]
        names = join_words(_AREA_NAMES.get(area, area) for area in best)
        if self.strong:
            noun = "areas are" if len(best) > 1 else "area is"
            return f"the resume's strongest {noun} {names}"
        return f"the resume has no standout area yet; its best-scoring area is {names}"

    def _skills_clause(self) -> str:
        categories = self._categories()[:2]
        if not categories:
            return ""
        listed = join_words(
            f"{CATEGORY_LABELS.get(key, key)} ({join_limited(names, 3)})"
            for key, names in categories
        )
        return f"its skills run deepest in {listed}"

    def _match_sentence(self) -> str:
        if not self.match:
            return ""
        percentage = format_number(self.match.get("match_percentage") or 0)
        return f"Against {self.role} it covers {percentage}% of the required skills."

    def _weakest_sentence(self) -> str:
        if not self.weak:
            return ""
        return f"{_AREA_NAMES.get(self.weak[0], self.weak[0]).capitalize()} needs the most work."

    def _deduction_points(self) -> tuple[list[str], set[str]]:
        """The largest deductions first, one point per distinct detail, at most three."""
        ordered = sorted(self.deductions, key=lambda item: -int(item.get("points") or 0))
        points: list[str] = []
        covered: set[str] = set()
        for deduction in ordered:
            detail = (deduction.get("detail") or "").strip().rstrip(".")
            if detail and detail not in points and len(points) < MIN_POINTS:
                points.append(detail[:1].upper() + detail[1:])
                covered.add(deduction.get("category") or "")
        return points, covered

    def _matched_point(self) -> str | None:
        matched = (self.match or {}).get("matched_skills") or []
        if not matched:
            return None
        return f"Covers required skills for {self.role}: {join_limited(matched, 5)}"

    def _missing_skills_point(self) -> str | None:
        missing = (self.match or {}).get("missing_required_skills") or []
        if not missing:
            return None
        return f"Missing required skills for {self.role}: {join_limited(missing, 5)}"

    def _experience_point(self) -> str | None:
        years = format_years(self.profile.get("total_experience_years"))
        title = latest_title(self.profile.get("experience") or [])
        if years and title:
            return f"{years} of experience, most recently as {title}"
        return f"{years} of professional experience" if years else None

    def _depth_point(self) -> str | None:
        categories = self._categories()
        if not categories or len(categories[0][1]) < 3:
            return None
        key, names = categories[0]
        return f"Depth in {CATEGORY_LABELS.get(key, key)}: {join_limited(names, 4)}"

    def _breadth_point(self) -> str | None:
        keys = [key for key, _ in self._categories()]
        if len(keys) < 3:
            return None
        labels = sorted((CATEGORY_LABELS.get(key, key) for key in keys), key=str.lower)
        return f"A broad skill set across {join_limited(labels, 4)}"

    def _certifications_point(self) -> str | None:
        names = certification_names(self.profile.get("certifications"))
        return f"Lists certifications: {join_limited(names, 3)}" if names else None

    def _education_point(self) -> str | None:
        phrase = education_phrase(self.profile.get("education"))
        return f"Education is clearly listed: {phrase}" if phrase else None

    def _missing_sections_point(self) -> str | None:
        sections = self.profile.get("sections")
        if sections is None or any(d.get("category") == "sections" for d in self.deductions):
            return None
        missing = [name for name in _CORE_SECTIONS if name not in sections]
        return f"No {join_words(missing)} section" if missing else None

    def _categories(self) -> list[tuple[str, list[str]]]:
        """Skill categories with names, the largest first (ties keep the profile's order)."""
        skills = self.profile.get("skills") or {}
        present = [(key, list(names)) for key, names in skills.items() if names]
        return sorted(present, key=lambda item: -len(item[1]))


def _bounded(points: list[str], last_resorts: tuple[str, ...]) -> list[str]:
    """Between MIN_POINTS and MAX_POINTS distinct points, topped up from `last_resorts`."""
    unique = list(dict.fromkeys(points))
    for extra in last_resorts:
        if len(unique) >= MIN_POINTS:
            break
        if extra not in unique:
            unique.append(extra)
    return unique[:MAX_POINTS]


def _remote_facts(facts: dict) -> dict:
    profile = {k: v for k, v in (facts.get("profile") or {}).items() if k != "personal_info"}
    return {**facts, "profile": profile}


def _verify(data: dict, facts: dict) -> list[str]:
    return claims_in([data["summary"], *data["pros"], *data["cons"]], facts, (NUMBERS, DEGREES))


SCHEMA = object_schema(
    {
        "summary": TEXT,
        "pros": texts_schema(MIN_POINTS, MAX_POINTS),
        "cons": texts_schema(MIN_POINTS, MAX_POINTS),
    }
)
register(
    Task(
        name="resume_review",
        schema=SCHEMA,
        brief=(
            "Review the resume described by the facts. `summary`: two or three sentences "
            "naming the strongest areas (from `ats_score.breakdown` and the profile's skills) "
            "and the area that needs most work. `pros` and `cons`: 3 to 6 short points each, "
            "each grounded in the breakdown, the deductions, the skills or the skill match."
        ),
        write=write_resume_review,
        remote_facts=_remote_facts,
        verify=_verify,
    )
)
