"""A finished analysis as a file: JSON, CSV (SECTION,KEY,VALUE), PDF or DOCX.

Output depends only on the arguments: the export time is written only when the caller
passes it, so the same result always gives the same file.
"""

import csv
import io
import json
import re
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder

from resumes.rendering.context import period, skill_groups
from resumes.rendering.formats import CONTENT_TYPES, require_format
from resumes.rendering.report import report_docx, report_pdf

EXPORT_FORMATS = ("json", "csv", "pdf", "docx")
CSV_HEADER = ("SECTION", "KEY", "VALUE")
# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_LIKE = re.compile(r"[+-]?[\d][\d ().-]*")
_SECTION_TITLES = {"personal_info": "PERSONAL INFORMATION", "experience": "WORK EXPERIENCE"}
_LINK_LABELS = {"linkedin": "LinkedIn", "github": "GitHub", "stackoverflow": "Stack Overflow"}


def export_filename(analysis_id: str | None, fmt: str) -> str:
    """resume_analysis_<first 8 characters of the id>.<fmt>, safe as a file name."""
    stem = re.sub(r"[^A-Za-z0-9_-]", "", str(analysis_id or ""))[:8]
    return f"resume_analysis_{stem}.{fmt}" if stem else f"resume_analysis.{fmt}"


def export_analysis(
    result: dict,
    *,
    analysis_id: str | None = None,
    fmt: str,
    exported_at: datetime | None = None,
) -> tuple[bytes, str, str]:
    """(content, content type, file name) of `result` in `fmt`.

    Raises UnsupportedFormat (400, also a ValueError) for a format other than json, csv,
    pdf or docx.
    """
    require_format(fmt, EXPORT_FORMATS)
    if fmt == "json":
        content = analysis_json(result, analysis_id=analysis_id, exported_at=exported_at)
    elif fmt == "csv":
        content = analysis_csv(result)
    elif fmt == "pdf":
        content = report_pdf(result, analysis_id)
    else:
        content = report_docx(result, analysis_id)
    return content, CONTENT_TYPES[fmt], export_filename(analysis_id, fmt)


def analysis_json(
    result: dict, *, analysis_id: str | None = None, exported_at: datetime | None = None
) -> bytes:
    """The result as UTF-8 JSON, with `analysis_id` and `exported_at` first when given."""
    header = {"analysis_id": analysis_id, "exported_at": exported_at}
    payload = {**{key: value for key, value in header.items() if value is not None}, **result}
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def safe_cell(value) -> str:
    """The cell as text, with a leading apostrophe where a spreadsheet would see a formula.

    A plain number or phone number ("+44 20 7946 0958", "-3") cannot call anything and stays
    as written.
    """
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _NUMBER_LIKE.fullmatch(text):
        return f"'{text}"
    return text


def section_title(section: str) -> str:
    """`personal_info` → `PERSONAL INFORMATION`, as spreadsheet readers of earlier exports know."""
    return _SECTION_TITLES.get(section, section.replace("_", " ").upper())


def key_title(key) -> str:
    text = str(key).replace("_", " ")
    return text[:1].upper() + text[1:]


def analysis_csv(result: dict) -> bytes:
    """Every part of the result as SECTION,KEY,VALUE rows, quoted by the csv module."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for section, key, value in csv_rows(result):
        writer.writerow(
            [safe_cell(section_title(section)), safe_cell(key_title(key)), safe_cell(value)]
        )
    return buffer.getvalue().encode("utf-8")


def csv_rows(result: dict) -> list[tuple]:
    profile = result.get("profile") or {}
    return [
        *_personal_rows(profile.get("personal_info") or {}),
        *_ats_rows(result.get("ats_score") or {}),
        *(
            ("section_scores", key, value)
            for key, value in (result.get("section_scores") or {}).items()
        ),
        *(
            ("skills", group["label"], "; ".join(group["items"]))
            for group in skill_groups(profile.get("skills") or {})
        ),
        *_experience_rows(profile.get("experience") or []),
        *_education_rows(profile.get("education") or []),
        *_numbered("strengths", result.get("strengths")),
        *_numbered("weaknesses", result.get("weaknesses")),
        *_numbered("recommendations", result.get("recommendations")),
        *_review_rows(result.get("review") or {}),
        *_match_rows(result),
        *_gap_rows(result.get("skill_gap_recommendations") or []),
    ]


def _numbered(section: str, items) -> list[tuple]:
    return [(section, str(number), item) for number, item in enumerate(items or [], start=1)]


def _personal_rows(info: dict) -> list[tuple]:
    rows = [("personal_info", key, info.get(key)) for key in ("name", "email", "phone", "location")]
    links = info.get("links") or {}
    rows += [
        ("personal_info", _LINK_LABELS.get(kind, kind), url) for kind, url in links.items() if url
    ]
    return rows


def _ats_rows(ats: dict) -> list[tuple]:
    rows = [("ats_score", "overall", ats.get("overall"))]
    weights = ats.get("weights") or {}
    for key, value in (ats.get("breakdown") or {}).items():
        rows.append(("ats_breakdown", key, value))
        if key in weights:
            rows.append(("ats_weight", key, weights[key]))
    rows += [
        (
            "ats_deduction",
            f"{item.get('category')}.{item.get('rule')}",
            f"{item.get('points')} points: {item.get('detail')}",
        )
        for item in ats.get("deductions") or []
    ]
    return rows


def _experience_rows(experience: list) -> list[tuple]:
    rows = []
    for number, job in enumerate(experience, start=1):
        where = ", ".join(part for part in (job.get("company"), job.get("location")) if part)
        when = period(job.get("start"), job.get("end"), bool(job.get("current")))
        summary = " | ".join(part for part in (job.get("title"), where, when) if part)
        rows.append(("experience", str(number), summary))
        rows += [("experience_bullet", str(number), bullet) for bullet in job.get("bullets") or []]
    return rows


def _education_rows(education: list) -> list[tuple]:
    rows = []
    for number, item in enumerate(education, start=1):
        parts = (
            item.get("degree"),
            item.get("field"),
            item.get("institution"),
            period(item.get("start"), item.get("end")),
            item.get("grade"),
        )
        rows.append(("education", str(number), " | ".join(part for part in parts if part)))
    return rows


def _review_rows(review: dict) -> list[tuple]:
    if not review:
        return []
    rows = [("review", "score", review.get("score")), ("review", "summary", review.get("summary"))]
    rows += [("review_pro", str(n), item) for n, item in enumerate(review.get("pros") or [], 1)]
    rows += [("review_con", str(n), item) for n, item in enumerate(review.get("cons") or [], 1)]
    return rows


def _match_rows(result: dict) -> list[tuple]:
    match = result.get("skill_match_analysis")
    if not match:
        return []
    job = result.get("job") or {}
    rows = [("job", key, job.get(key)) for key in ("title", "company") if job.get(key)]
    rows += [
        ("skill_match", "match_percentage", match.get("match_percentage")),
        ("skill_match", "total_required_skills", match.get("total_required_skills")),
    ]
    for key in ("matched_skills", "missing_required_skills", "missing_preferred_skills"):
        rows.append(("skill_match", key, "; ".join(match.get(key) or [])))
    rows += _numbered("skill_match_strength", match.get("strengths"))
    rows += _numbered("skill_match_improvement", match.get("areas_for_improvement"))
    similarity = result.get("similarity") or {}
    if similarity:
        rows.append(("similarity", similarity.get("backend"), similarity.get("score")))
    for key in ("overall_assessment", "estimated_preparation_time"):
        if result.get(key):
            rows.append(("assessment", key, result[key]))
    return rows


def _gap_rows(gaps: list) -> list[tuple]:
    rows = []
    for gap in gaps:
        skill = gap.get("skill_gap") or {}
        name = skill.get("skill_name")
        rows.append(
            (
                "skill_gap",
                name,
                f"{skill.get('priority')} | {skill.get('category')} | {skill.get('impact')}",
            )
        )
        rows += [
            (
                "skill_gap_project",
                name,
                f"{project.get('title')} ({project.get('difficulty')}, "
                f"{project.get('estimated_hours')} hours)",
            )
            for project in gap.get("recommended_projects") or []
        ]
        rows += [
            ("skill_gap_resource", name, f"{resource.get('title')} {resource.get('url')}")
            for resource in gap.get("learning_resources") or []
        ]
        if gap.get("learning_path"):
            rows.append(("skill_gap_path", name, gap["learning_path"]))
    return rows
