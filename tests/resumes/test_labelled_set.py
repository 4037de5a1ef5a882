"""The labelled set: resumes we wrote, each uploaded, extracted and parsed, then checked field
by field against the profile a careful reader would write down (`labelled/<name>.json`).

Each resume's `.txt` is the text; its JSON says how it is uploaded (`source`: a TXT in some
encoding, a one- or two-column PDF, or a DOCX whose first lines go into the page header)
and what the profile must contain. A two-column resume's text holds its full-width header,
then `[[left]]` and the sidebar, then `[[right]]` and the main column.
"""

import functools
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ai.skills import canonical
from resumes.extraction import extract_text
from resumes.files import check_upload
from resumes.parsing import parse_resume
from tests.resumes.generated import (
    docx_from_text,
    pdf_one_column,
    pdf_two_columns,
    txt,
)

LABELLED = Path(__file__).parent / "labelled"
NAMES = sorted(path.stem for path in LABELLED.glob("*.json"))
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_BYTES = 10 * 1024 * 1024
JOB_FIELDS = ("title", "company", "location", "start", "end", "current", "months")


@functools.cache
def expected(name: str) -> dict:
    return json.loads((LABELLED / f"{name}.json").read_text(encoding="utf-8"))


def _upload(text: str, source: dict) -> tuple[bytes, str, str]:
    """The file a candidate would upload: bytes, file name and declared type."""
    kind = source["format"]
    if kind == "txt":
        return txt(text, source["encoding"]), "resume.txt", "text/plain"
    if kind == "pdf":
        return pdf_one_column(text), "resume.pdf", "application/pdf"
    if kind == "pdf_two_columns":
        header, columns = text.split("[[left]]\n")
        left, right = columns.split("[[right]]\n")
        return pdf_two_columns(left, right, header), "resume.pdf", "application/pdf"
    lines = text.splitlines()
    count = source["header_lines"]
    header, body = "\n".join(lines[:count]), "\n".join(lines[count:])
    return docx_from_text(body, header=header), "resume.docx", DOCX_TYPE


@functools.cache
def profile(name: str) -> dict:
    """Upload check, extraction and parsing, as the upload service runs them."""
    labels = expected(name)
    text = (LABELLED / f"{name}.txt").read_text(encoding="utf-8")
    data, filename, declared_type = _upload(text, labels["source"])
    upload = SimpleUploadedFile(filename, data, declared_type)
    kind = check_upload(upload, max_bytes=MAX_BYTES).kind
    extracted = extract_text(data, kind)
    return parse_resume(extracted.text, as_of=date.fromisoformat(labels["as_of"]))


def _cases():
    fields = ("name", "email", "phone", "location", "links", "summary", "job_titles")
    fields += ("total_experience_years", "education", "certifications", "languages", "sections")
    for name in NAMES:
        labels = expected(name)
        yield from (pytest.param(name, field, id=f"{name}-{field}") for field in fields)
        for number in range(1, len(labels["experience"]) + 1):
            yield pytest.param(name, f"job_{number}", id=f"{name}-job_{number}")
        if labels["skills_include"]:
            yield pytest.param(name, "skills_include", id=f"{name}-skills_include")
        yield pytest.param(name, "skills_exclude", id=f"{name}-skills_exclude")


def test_the_set_is_large_and_varied_enough():
    sources = {expected(name)["source"]["format"] for name in NAMES}
    assert len(NAMES) >= 10
    assert {"txt", "pdf", "pdf_two_columns", "docx"} <= sources


@pytest.mark.parametrize(("name", "field"), list(_cases()))
def test_labelled_field(name, field):
    labels, found = expected(name), profile(name)
    if field in ("name", "email", "phone", "location", "links"):
        assert found["personal_info"][field] == labels["personal_info"][field]
    elif field == "summary":
        _check_summary(found["summary"], labels["summary_starts_with"])
    elif field == "job_titles":
        assert [job["title"] for job in found["experience"]] == [
            job["title"] for job in labels["experience"]
        ]
    elif field.startswith("job_"):
        _check_job(found["experience"], labels["experience"], int(field.removeprefix("job_")))
    elif field == "skills_include":
        wanted = {canonical(skill) or skill for skill in labels["skills_include"]}
        assert wanted <= _all_skills(found)
    elif field == "skills_exclude":
        unwanted = {canonical(skill) or skill for skill in labels["skills_exclude"]}
        assert not unwanted & _all_skills(found)
    else:
        assert found[field] == labels[field]


def _check_summary(summary: str | None, starts_with: str | None) -> None:
    if starts_with is None:
        assert summary is None
    else:
        assert summary is not None
        assert summary.startswith(starts_with)


def _check_job(found: list[dict], labelled: list[dict], number: int) -> None:
    assert len(found) >= number, f"job {number} was not found"
    job, label = found[number - 1], labelled[number - 1]
    assert {key: job[key] for key in JOB_FIELDS} == {key: label[key] for key in JOB_FIELDS}
    assert len(job["bullets"]) == label["bullet_count"]


def _all_skills(found: dict) -> set[str]:
    return {skill for names in found["skills"].values() for skill in names}
