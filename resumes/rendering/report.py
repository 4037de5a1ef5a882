"""An analysis result as a readable report: the same content in PDF and DOCX.

The PDF draws each score as a bar whose width is the score in percent (plain CSS, no
images); the DOCX shows the same scores in tables.
"""

from docx.shared import Pt

from resumes.rendering.context import skill_groups
from resumes.rendering.docx_tools import add_label_value, new_document, to_bytes
from resumes.rendering.pdf import render_pdf

REPORT_FONT = "DejaVu Sans"
REPORT_ACCENT = "#4338ca"


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _score(value) -> int:
    """A 0-100 score as an int inside that range (a bar must never overflow its track)."""
    try:
        return max(0, min(100, round(float(value))))
    except (TypeError, ValueError):
        return 0


def _bars(scores: dict, prefix: str, weights: dict | None = None) -> list[dict]:
    return [
        {
            "css": f"{prefix}{index}",
            "label": _label(key),
            "value": _score(value),
            "weight": round(100 * weights[key]) if weights and key in weights else None,
        }
        for index, (key, value) in enumerate(scores.items(), start=1)
    ]


def report_context(result: dict, analysis_id: str | None = None) -> dict:
    """Display values for the report, from a completed analysis result."""
    ats = result.get("ats_score") or {}
    profile = result.get("profile") or {}
    breakdown = _bars(ats.get("breakdown") or {}, "b", ats.get("weights"))
    sections = _bars(result.get("section_scores") or {}, "s")
    return {
        "analysis_id": analysis_id,
        "name": (profile.get("personal_info") or {}).get("name"),
        "job": result.get("job"),
        "overall": _score(ats.get("overall")),
        "breakdown": breakdown,
        "deductions": ats.get("deductions") or [],
        "section_scores": sections,
        "bars": breakdown + sections,
        "skills": skill_groups(profile.get("skills") or {}),
        "lists": [
            ("Strengths", result.get("strengths") or []),
            ("Weaknesses", result.get("weaknesses") or []),
            ("Recommendations", result.get("recommendations") or []),
        ],
        "review": result.get("review") or {},
        "match": result.get("skill_match_analysis"),
        "gaps": result.get("skill_gap_recommendations") or [],
        "overall_assessment": result.get("overall_assessment"),
        "preparation_time": result.get("estimated_preparation_time"),
    }


def report_pdf(result: dict, analysis_id: str | None = None) -> bytes:
    return render_pdf("resumes/documents/analysis_report.html", report_context(result, analysis_id))


def report_docx(result: dict, analysis_id: str | None = None) -> bytes:
    context = report_context(result, analysis_id)
    document = new_document(
        font=REPORT_FONT,
        body_pt=10,
        accent=REPORT_ACCENT,
        margin_mm=18,
        title="Resume analysis report",
    )
    _docx_header(document, context)
    _docx_scores(document, context)
    _docx_skills_and_lists(document, context)
    _docx_review(document, context["review"])
    _docx_match(document, context)
    return to_bytes(document)


def _docx_header(document, context: dict) -> None:
    document.add_paragraph("Resume analysis report", style="Title")
    if context["name"]:
        add_label_value(document, "Candidate", context["name"])
    job = context["job"] or {}
    if job.get("title") or job.get("company"):
        target = " at ".join(part for part in (job.get("title"), job.get("company")) if part)
        add_label_value(document, "Job", target)
    if context["analysis_id"]:
        add_label_value(document, "Analysis", context["analysis_id"])


def _score_table(document, bars: list[dict], with_weight: bool) -> None:
    headers = ["Area", "Score"] + (["Weight"] if with_weight else [])
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for bar in bars:
        values = [bar["label"], f"{bar['value']}/100"]
        if with_weight:
            values.append(f"{bar['weight']}%" if bar["weight"] is not None else "")
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _docx_scores(document, context: dict) -> None:
    document.add_paragraph("ATS score", style="Heading 1")
    overall = document.add_paragraph()
    run = overall.add_run(f"{context['overall']}/100")
    run.bold, run.font.size = True, Pt(22)
    if context["breakdown"]:
        _score_table(document, context["breakdown"], with_weight=True)
    if context["deductions"]:
        document.add_paragraph("Deductions", style="Heading 2")
        for item in context["deductions"]:
            document.add_paragraph(
                f"{_label(item.get('category', ''))}: {item.get('detail') or item.get('rule')} "
                f"(\u2212{item.get('points', 0)} points; rule {item.get('rule')})",
                style="List Bullet",
            )
    if context["section_scores"]:
        document.add_paragraph("Section scores", style="Heading 1")
        _score_table(document, context["section_scores"], with_weight=False)


def _docx_skills_and_lists(document, context: dict) -> None:
    if context["skills"]:
        document.add_paragraph("Skills by category", style="Heading 1")
        for group in context["skills"]:
            add_label_value(document, group["label"], ", ".join(group["items"]))
    for heading, items in context["lists"]:
        if items:
            document.add_paragraph(heading, style="Heading 1")
            for item in items:
                document.add_paragraph(item, style="List Bullet")


def _docx_review(document, review: dict) -> None:
    if not review:
        return
    document.add_paragraph("Review", style="Heading 1")
    if review.get("score") is not None:
        add_label_value(document, "Score", f"{review['score']}/10")
    if review.get("summary"):
        document.add_paragraph(review["summary"])
    for heading, key in (("Pros", "pros"), ("Cons", "cons")):
        if review.get(key):
            document.add_paragraph(heading, style="Heading 2")
            for item in review[key]:
                document.add_paragraph(item, style="List Bullet")


def _docx_match(document, context: dict) -> None:
    match = context["match"]
    if not match:
        return
    document.add_paragraph("Skill match", style="Heading 1")
    add_label_value(document, "Match", f"{match.get('match_percentage', 0)}%")
    for label, key in (
        ("Matched", "matched_skills"),
        ("Missing (required)", "missing_required_skills"),
        ("Missing (preferred)", "missing_preferred_skills"),
    ):
        add_label_value(document, label, ", ".join(match.get(key) or []) or "none")
    for gap in context["gaps"]:
        skill = gap.get("skill_gap") or {}
        document.add_paragraph(
            f"{skill.get('skill_name')} ({skill.get('priority')})", style="Heading 2"
        )
        if skill.get("impact"):
            document.add_paragraph(skill["impact"])
        for project in gap.get("recommended_projects") or []:
            document.add_paragraph(
                f"Project: {project.get('title')} \u2014 {project.get('difficulty')}, "
                f"about {project.get('estimated_hours')} hours",
                style="List Bullet",
            )
        for resource in gap.get("learning_resources") or []:
            document.add_paragraph(
                f"Resource: {resource.get('title')} ({resource.get('url')})", style="List Bullet"
            )
        if gap.get("learning_path"):
            add_label_value(document, "Learning path", gap["learning_path"])
    if context["overall_assessment"]:
        document.add_paragraph("Overall assessment", style="Heading 2")
        document.add_paragraph(context["overall_assessment"])
    if context["preparation_time"]:
        add_label_value(document, "Estimated preparation time", context["preparation_time"])
