"""How long closing the skill gaps takes: hours of the first project per missing skill."""

import math

HOURS_PER_WEEK = 15


def preparation_hours(recommendations: list[dict]) -> int:
    """Hours of each gap's first recommended project, a project shared by gaps counted once."""
    chosen: dict[str, int] = {}
    for recommendation in recommendations:
        projects = recommendation["recommended_projects"]
        if projects:
            chosen.setdefault(projects[0]["title"], projects[0]["estimated_hours"])
    return sum(chosen.values())


def preparation_time(hours: int) -> str:
    """ "about 4 weeks (60 hours at 15 hours a week)"."""
    if hours <= 0:
        return "none: the resume already covers every skill the job names"
    weeks = math.ceil(hours / HOURS_PER_WEEK)
    unit = "week" if weeks == 1 else "weeks"
    return f"about {weeks} {unit} ({hours} hours at {HOURS_PER_WEEK} hours a week)"
