"""Personal data held by the resumes app: files, their text and parsed profiles, analysis
results, enhancement suggestions and cover letters."""

from django.db import transaction

from gdpr.registry import registry
from resumes.models import Analysis, CoverLetter, Resume
from resumes.services.resumes import resume_files_delete, resume_read_original


def export_resumes(user) -> list[dict]:
    resumes = Resume.objects.filter(owner=user).prefetch_related("analyses", "enhancements")
    return [_export_resume(resume) for resume in resumes]


def _export_resume(resume: Resume) -> dict:
    return {
        "id": str(resume.pk),
        "file_name": resume.original_name,
        "file_kind": resume.file_kind,
        "uploaded_at": resume.created_at.isoformat(),
        "linkedin_url": resume.linkedin_url,
        "text": resume.text,
        "parsed_data": resume.parsed_data,
        "analyses": [
            {
                "id": str(analysis.pk),
                "status": analysis.status,
                "job_title": analysis.job_title,
                "created_at": analysis.created_at.isoformat(),
                "result": analysis.result,
            }
            for analysis in resume.analyses.all()
        ],
        "enhancements": [
            {"id": str(item.pk), "suggestions": item.suggestions, "decisions": item.decisions}
            for item in resume.enhancements.all()
        ],
    }


def export_resume_files(user):
    """The original files, decrypted, named `<resume id>-<file name as uploaded>`."""
    for resume in Resume.objects.filter(owner=user).only("pk", "original_name", "stored_file"):
        yield f"{resume.pk}-{resume.original_name}", resume_read_original(resume=resume)


def export_cover_letters(user) -> list[dict]:
    return [
        {
            "id": str(letter.pk),
            "job_title": letter.job_title,
            "tone": letter.tone,
            "created_at": letter.created_at.isoformat(),
            "letter": letter.letter,
        }
        for letter in CoverLetter.objects.filter(owner=user)
    ]


@transaction.atomic
def erase_resumes(user) -> None:
    """Delete every resume with its analyses and enhancements in one go; the encrypted files
    go once the erasure commits."""
    resumes = Resume.objects.filter(owner=user)
    files = [name for name in resumes.values_list("stored_file", flat=True) if name]
    resumes.delete()
    if files:
        transaction.on_commit(lambda: resume_files_delete(files))


def erase_cover_letters(user) -> None:
    CoverLetter.objects.filter(owner=user).delete()


registry.register(
    "resumes",
    title="Resumes, analyses and suggestions",
    export=export_resumes,
    erase=erase_resumes,
    count=lambda user: Resume.objects.filter(owner=user).count(),
    files=export_resume_files,
)
registry.register(
    "cover_letters",
    title="Cover letters",
    export=export_cover_letters,
    erase=erase_cover_letters,
    count=lambda user: CoverLetter.objects.filter(owner=user).count(),
)


def expired_analyses(cutoff):
    """Finished analyses (completed or failed) older than the cutoff."""
    return Analysis.objects.filter(completed_at__lt=cutoff)


registry.register_retention(
    "analyses", label="Resume analyses", default_days=365, expired=expired_analyses
)
