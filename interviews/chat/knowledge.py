"""What the assistant knows about one user: entries written only from their own records.

Every answer states what the records hold, including that they hold nothing yet ("Your
resume lists no certifications"), so a question about the resume is answered truthfully
even before there is one. The profile passes through `model_safe_profile` first: no name,
email, phone number, address or link reaches an answer, and so none reaches a model.
"""

from ai.generation.facts import certification_names, latest_job
from ai.generation.text import format_number, join_limited, join_words, strip_end
from ats.selectors import applications_of_candidate
from interviews.chat.entry import Entry
from interviews.chat.help import HELP
from jobs.selectors import saved_jobs_for
from resumes.analysis.review import model_safe_profile
from resumes.models import AnalysisStatus
from resumes.selectors import analyses_for_user, resumes_for_user

MAX_LISTED = 12
# Resumes looked through for the newest one that was read successfully.
RECENT_RESUMES = 10
NO_RESUME = (
    "I don't have a resume of yours that I could read yet. Upload one on the Resumes page "
    "and I can answer from it."
)
NO_ANALYSIS = (
    "You have no completed resume analysis yet. Open a resume on the Resumes page and "
    "choose Analyse."
)


def knowledge_for(user, parsed_resume: dict | None) -> list[Entry]:
    """Every entry the assistant may answer `user` from: their records, then product help.

    `parsed_resume` is the parsed data of their latest readable resume (`latest_parsed_resume`).
    """
    profile = model_safe_profile(parsed_resume) if parsed_resume is not None else None
    return [
        *_resume_entries(profile),
        *_analysis_entries(_latest_analysis_result(user)),
        _saved_jobs_entry(user),
        _applications_entry(user),
        *HELP,
    ]


def latest_parsed_resume(user) -> dict | None:
    """The parsed data of the user's newest resume that was read successfully."""
    for resume in resumes_for_user(user=user)[:RECENT_RESUMES]:
        if resume.is_parsed:
            return resume.parsed_data
    return None


def _latest_analysis_result(user) -> dict | None:
    latest = analyses_for_user(user=user).filter(status=AnalysisStatus.COMPLETED).first()
    return latest.result if latest is not None and latest.result else None


# --- The resume ---------------------------------------------------------------------------


def _resume_entries(profile: dict | None) -> list[Entry]:
    experience = [job for job in (profile or {}).get("experience") or [] if isinstance(job, dict)]
    entries = [
        _skills_entry(profile),
        _latest_job_entry(profile, experience),
        _history_entry(profile, experience),
        _years_entry(profile),
        _education_entry(profile),
        _certifications_entry(profile),
        _languages_entry(profile),
        _summary_entry(profile),
    ]
    return entries + [_job_entry(job) for job in experience if job.get("company")]


def _when(job: dict) -> str:
    start, end = job.get("start"), job.get("end")
    if job.get("current") or (start and not end):
        return f" (since {start})" if start else " (current)"
    if start and end:
        return f" ({start} to {end})"
    return ""


def _role(job: dict) -> str:
    company = f" at {job['company']}" if job.get("company") else ""
    return f"{job.get('title') or 'a role'}{company}"


def _skills_entry(profile: dict | None) -> Entry:
    names = _skill_names(profile)
    if profile is None:
        answer = NO_RESUME
    elif names:
        answer = f"Your resume lists these skills: {join_limited(names, MAX_LISTED * 2)}."
    else:
        answer = "Your resume lists no skills I could recognise."
    return Entry(
        "Which skills do I have?",
        answer,
        (
            "what are my skills",
            "what are my top skills",
            "which technologies do I know",
            "which programming languages do I know",
            "what am I good at",
            "skills on my resume",
        ),
    )


def _skill_names(profile: dict | None) -> list[str]:
    skills = (profile or {}).get("skills") or {}
    if isinstance(skills, dict):
        return [name for names in skills.values() for name in names if isinstance(name, str)]
    return [name for name in skills if isinstance(name, str)]


def _latest_job_entry(profile: dict | None, experience: list[dict]) -> Entry:
    job = latest_job(experience)
    if profile is None:
        answer = NO_RESUME
    elif job is None:
        answer = "Your resume lists no jobs."
    else:
        answer = f"Your most recent role on your resume is {_role(job)}{_when(job)}."
    return Entry(
        "What was my last job?",
        answer,
        (
            "what is my current job",
            "what is my current role",
            "where do I work now",
            "what is my most recent position",
            "my latest job title",
            "what do I do now",
        ),
    )


def _history_entry(profile: dict | None, experience: list[dict]) -> Entry:
    if profile is None:
        answer = NO_RESUME
    elif not experience:
        answer = "Your resume lists no jobs."
    else:
        roles = [f"{_role(job)}{_when(job)}" for job in experience[:MAX_LISTED]]
        answer = f"Your resume lists: {'; '.join(roles)}."
    return Entry(
        "Where have I worked?",
        answer,
        (
            "what is my work history",
            "which companies have I worked for",
            "list my jobs",
            "my previous jobs",
            "my employment history",
            "my work experience",
        ),
    )


def _years_entry(profile: dict | None) -> Entry:
    years = (profile or {}).get("total_experience_years")
    if profile is None:
        answer = NO_RESUME
    elif years:
        answer = f"The jobs on your resume add up to {format_number(years)} years of experience."
    else:
        answer = "Your resume gives no dates from which to count your years of experience."
    return Entry(
        "How many years of experience do I have?",
        answer,
        ("how long have I been working", "my total experience", "years of experience"),
    )


def _education_entry(profile: dict | None) -> Entry:
    items = [item for item in (profile or {}).get("education") or [] if isinstance(item, dict)]
    if profile is None:
        answer = NO_RESUME
    elif items:
        answer = f"Your resume lists: {'; '.join(_study(item) for item in items)}."
    else:
        answer = "Your resume lists no education."
    return Entry(
        "What is my education?",
        answer,
        (
            "which degree do I have",
            "where did I study",
            "what did I study",
            "my university",
            "my qualifications",
        ),
    )


def _study(item: dict) -> str:
    words = [item.get("degree") or "Studies"]
    if item.get("field"):
        words.append(f"in {item['field']}")
    if item.get("institution"):
        words.append(f"at {item['institution']}")
    if item.get("start") and item.get("end"):
        words.append(f"({item['start']} to {item['end']})")
    elif item.get("end"):
        words.append(f"({item['end']})")
    return " ".join(words)


def _certifications_entry(profile: dict | None) -> Entry:
    names = certification_names((profile or {}).get("certifications"))
    if profile is None:
        answer = NO_RESUME
    elif names:
        answer = f"Your resume lists these certifications: {join_words(names)}."
    else:
        answer = "Your resume lists no certifications."
    return Entry(
        "Which certifications do I have?",
        answer,
        ("my certifications", "am I certified", "my certificates", "licences"),
    )


def _languages_entry(profile: dict | None) -> Entry:
    items = [item for item in (profile or {}).get("languages") or [] if isinstance(item, dict)]
    spoken = [
        f"{item['language']} ({item['proficiency']})"
        if item.get("proficiency")
        else item["language"]
        for item in items
        if item.get("language")
    ]
    if profile is None:
        answer = NO_RESUME
    elif spoken:
        answer = f"Your resume lists these languages: {join_words(spoken)}."
    else:
        answer = "Your resume lists no spoken languages."
    return Entry(
        "Which languages do I speak?",
        answer,
        ("what languages do I know", "my spoken languages", "do I speak Spanish"),
    )


def _summary_entry(profile: dict | None) -> Entry:
    summary = strip_end((profile or {}).get("summary") or "")
    if profile is None:
        answer = NO_RESUME
    elif summary:
        answer = f"Your resume's summary says: {summary}."
    else:
        answer = "Your resume has no summary section."
    return Entry(
        "How does my resume summarise me?",
        answer,
        (
            "what is my profile summary",
            "tell me about myself",
            "describe me",
            "my professional summary",
        ),
    )


def _job_entry(job: dict) -> Entry:
    company = job["company"]
    bullets = [strip_end(bullet) for bullet in job.get("bullets") or [] if isinstance(bullet, str)]
    said = f" Your resume says: {'; '.join(bullets[:MAX_LISTED])}." if bullets else ""
    return Entry(
        f"What did I do at {company}?",
        f"At {company} you were {job.get('title') or 'employed'}{_when(job)}.{said}",
        (
            f"my role at {company}",
            f"what did I achieve at {company}",
            f"tell me about my job at {company}",
            f"when did I work at {company}",
        ),
    )


# --- The latest analysis -------------------------------------------------------------------


def _analysis_entries(result: dict | None) -> list[Entry]:
    score = ((result or {}).get("ats_score") or {}).get("overall")
    strengths = (result or {}).get("strengths") or []
    advice = (result or {}).get("recommendations") or []
    entries = [
        Entry(
            "What is my resume score?",
            NO_ANALYSIS
            if result is None
            else f"Your latest analysis gave your resume an ATS score of {score} out of 100.",
            (
                "how did my resume score",
                "my ATS score",
                "how good is my resume",
                "my analysis result",
                "resume rating",
            ),
        ),
        Entry(
            "What are the strengths of my resume?",
            NO_ANALYSIS if result is None else _listed("Your latest analysis found", strengths),
            ("what is good about my resume", "my resume strengths", "what did I do well"),
        ),
        Entry(
            "How can I improve my resume?",
            NO_ANALYSIS if result is None else _listed("Your latest analysis suggests", advice),
            (
                "what are the weaknesses of my resume",
                "what should I fix in my resume",
                "resume recommendations",
                "what is wrong with my resume",
                "make my resume better",
            ),
        ),
    ]
    gap = (result or {}).get("skill_match_analysis")
    if gap:
        entries.append(_gap_entry(result, gap))
    return entries


def _listed(opening: str, items: list) -> str:
    texts = [strip_end(item) for item in items if isinstance(item, str)][:MAX_LISTED]
    if not texts:
        return f"{opening} nothing to mention here."
    return f"{opening}: {'; '.join(texts)}."


def _gap_entry(result: dict, gap: dict) -> Entry:
    job = result.get("job") or {}
    title = job.get("title") or "the job"
    missing = [*gap.get("missing_required_skills", []), *gap.get("missing_preferred_skills", [])]
    answer = (
        f"Against {title}, your latest analysis found these skills missing: {join_words(missing)}."
        if missing
        else f"Against {title}, your latest analysis found no missing skills."
    )
    return Entry(
        "Which skills am I missing for the job?",
        answer,
        ("what skills do I lack", "my skill gap", "what should I learn for this job"),
    )


# --- Saved jobs and applications -------------------------------------------------------------


def _posting(job) -> str:
    return f"{job.title} at {job.company}" if job.company else job.title


def _saved_jobs_entry(user) -> Entry:
    jobs = [saved.job for saved in saved_jobs_for(user=user)[: MAX_LISTED + 1]]
    if not jobs:
        answer = "You have no saved jobs. Open a job on the Jobs board and choose Save."
    else:
        listed = [_posting(job) for job in jobs[:MAX_LISTED]]
        more = " and more" if len(jobs) > MAX_LISTED else ""
        answer = f"Your saved jobs: {'; '.join(listed)}{more}."
    return Entry(
        "Which jobs have I saved?",
        answer,
        ("my saved jobs", "jobs I bookmarked", "what jobs did I save", "show my saved jobs"),
    )


def _applications_entry(user) -> Entry:
    applications = list(applications_of_candidate(user=user).order_by("-created_at")[:MAX_LISTED])
    if not applications:
        answer = "You have not applied for any job yet. Open a job on the Jobs board to apply."
    else:
        stages = [
            f"{_posting(application.job)}: {application.get_stage_display()}"
            for application in applications
        ]
        answer = f"Your applications and their stages: {'; '.join(stages)}."
    return Entry(
        "What is the status of my applications?",
        answer,
        (
            "which jobs did I apply for",
            "which jobs have I applied to",
            "my applications",
            "where am I in the hiring process",
            "did I get an interview",
            "application status",
        ),
    )
