"""Why a job ranks where it does, in sentences a candidate reads.

Skill lists come from `resumes.analysis.skill_match` on the job's JobTarget, so a match shows
the same matched and missing skills an analysis against that job would.
"""

from jobs.matching.index import LEVELS
from jobs.matching.locations import is_broad_place, location_places
from jobs.matching.scoring import ResumeProbe, level_for_years
from jobs.models import WorkMode
from jobs.targets import job_target
from resumes.analysis import skill_match

LEVEL_WORDS = {"entry": "Entry", "mid": "Mid", "senior": "Senior", "lead": "Lead"}
LISTED = 3  # skills named in one sentence before "and N more"
# Rescaled similarity at or above which the wording is "close", and "somewhat like".
CLOSE_TEXT = 0.6
SOMEWHAT_TEXT = 0.3


def job_skill_match(probe: ResumeProbe, job) -> dict:
    return skill_match(probe.skills, job_target(job))


def reasons(job, match: dict, parts: dict[str, float], probe: ResumeProbe) -> list[str]:
    """Skills, level, place and wording, most telling first; preferred skills last."""
    found = [
        _required_reason(match, job),
        _level_reason(job.experience_level, probe.years),
        _location_reason(job, probe),
        _text_reason(parts["similarity"], parts["cosine"]),
        _preferred_reason(match, job),
    ]
    return [sentence for sentence in found if sentence]


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    more = len(names) - LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def _required_reason(match: dict, job) -> str:
    required = len(job.required_skills)
    missing = match["missing_required_skills"]
    if required:
        covered = required - len(missing)
        sentence = f"Covers {covered} of {required} required skills"
        return f"{sentence}; missing {_names(missing)}." if missing else f"{sentence}."
    preferred = len(job.preferred_skills)
    if preferred:
        missing = match["missing_preferred_skills"]
        sentence = f"Names no required skills; you have {preferred - len(missing)} of its "
        sentence += f"{preferred} preferred ones"
        return f"{sentence}, missing {_names(missing)}." if missing else f"{sentence}."
    return "The posting names no skills we recognise; compare it by hand."


def _preferred_reason(match: dict, job) -> str | None:
    preferred = list(job.preferred_skills)
    if not preferred or not job.required_skills:
        return None
    missing = set(match["missing_preferred_skills"])
    have = [name for name in preferred if name not in missing]
    if not have:
        return f"None of its {len(preferred)} preferred skills appear in your resume."
    return f"Also brings {len(have)} of {len(preferred)} preferred skills: {_names(have)}."


def _experience(years: float) -> str:
    if years < 1:
        return "your experience so far"
    shown = f"{years:g}"
    return f"your {shown} {'year' if shown == '1' else 'years'} of experience"


def _level_reason(level: str, years: float | None) -> str | None:
    if not level:
        return "The posting does not say what level it is."
    if level not in LEVELS:
        return None
    label = f"{LEVEL_WORDS[level]} level"
    if years is None:
        return f"{label}; your resume does not show your years of experience."
    gap = level_for_years(years) - LEVELS.index(level)
    experience = _experience(years)
    if gap == 0:
        return f"{label}, right for a first role." if years < 1 else f"{label}, like {experience}."
    if gap == 1:
        return f"{label}: {experience} is more than it asks."
    if gap == -1:
        return f"{label}: a step up from {experience}."
    if gap > 0:
        return f"{label}: well below {experience}."
    return f"{label}: well beyond {experience}."


def _location_reason(job, probe: ResumeProbe) -> str:
    if job.work_mode == WorkMode.REMOTE:
        if "remote" in probe.work_modes:
            return "Remote, which you accept."
        return "Remote, which you said you do not want."
    mode = "Hybrid" if job.work_mode == WorkMode.HYBRID else "On-site"
    places = location_places(job.location)
    if not places:
        return f"{mode}; the posting gives no location."
    if not probe.places:
        return f"{mode} in {job.location}; give a preferred location to compare."
    shared = places & probe.places
    if any(not is_broad_place(place) for place in shared):
        return f"{mode} in {job.location}, near your preferred location."
    if shared:
        return f"{mode} in {job.location}, in your country but not your city."
    return f"{mode} in {job.location}, away from your preferred location."


def _text_reason(rescaled: float, cosine: float) -> str:
    shown = f"similarity {cosine:.2f}"
    if rescaled >= CLOSE_TEXT:
        return f"Your resume reads close to this description ({shown})."
    if rescaled >= SOMEWHAT_TEXT:
        return f"Your resume reads somewhat like this description ({shown})."
    return f"Your resume reads unlike this description ({shown})."
