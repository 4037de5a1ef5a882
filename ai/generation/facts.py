"""Reading the facts of a profile the same way in every writer."""


def latest_job(experience: list[dict]) -> dict | None:
    """The current job, else the one that ended or started last (first listed on a tie).

    A job with a start and no end is current, as parsers write "Present".
    """
    titled = [job for job in experience or [] if isinstance(job, dict) and job.get("title")]
    if not titled:
        return None

    def recency(job: dict) -> tuple[bool, str, str]:
        ongoing = bool(job.get("current")) or (bool(job.get("start")) and not job.get("end"))
        return (ongoing, job.get("end") or "", job.get("start") or "")

    return max(titled, key=recency)


def latest_title(experience: list[dict]) -> str | None:
    """Title of the latest job (see `latest_job`)."""
    job = latest_job(experience)
    return job["title"] if job else None


def certification_names(certifications: list | None) -> list[str]:
    """Names of certifications given as dicts (`{"name": ...}`) or plain strings."""
    names = [
        item.get("name") if isinstance(item, dict) else str(item) for item in certifications or []
    ]
    return [name for name in names if name]


def education_phrase(education: list | None) -> str | None:
    """The first degree as a phrase, e.g. "BSc in Computer Science from University of Leeds"."""
    for item in education or []:
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict) and item.get("degree"):
            field = f" in {item['field']}" if item.get("field") else ""
            school = f" from {item['institution']}" if item.get("institution") else ""
            return f"{item['degree']}{field}{school}"
    return None
