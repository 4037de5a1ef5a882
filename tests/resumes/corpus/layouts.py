"""The corpus's layouts: each renders a `Person` as the file a candidate would upload.

HTML/CSS through WeasyPrint imitates the LaTeX templates (moderncv's date column,
awesome-cv's right-aligned places and dates, two-column and sidebar designs); python-docx
writes Word- and Google-Docs-style documents; plain text is the rest.
"""

import functools
import html
import io

import docx
import weasyprint
from docx.shared import Pt

from tests.resumes.corpus.people import Degree, Job, Person

BULLET = "  \u2022  "
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _e(text: str) -> str:
    return html.escape(text)


def _full_name(person: Person) -> str:
    return f"{person.name}, {person.credentials}" if person.credentials else person.name


def _dates(item: Job | Degree) -> str:
    start = getattr(item, "start", None)
    return f"{start} \u2013 {item.end}" if start else item.end


def _degree_line(degree: Degree) -> str:
    return f"{degree.degree} in {degree.field}" if degree.field else degree.degree


def _contact(person: Person, separator: str) -> str:
    return separator.join((person.email, person.phone, person.location))


# --- PDF (WeasyPrint) ----------------------------------------------------------------------

_BASE_CSS = """
@page { size: Letter; margin: 14mm 16mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; line-height: 1.3; }
h1 { font-size: 20pt; margin: 0; font-weight: normal; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 0.8mm; }
.item { padding-left: 4mm; text-indent: -4mm; }
.row { display: flex; justify-content: space-between; }
"""


def _bullets(items) -> str:
    return "".join(f'<p class="item">\u2022 {_e(item)}</p>' for item in items)


def _render(body: str, css: str) -> bytes:
    document = f"<html><head><style>{_BASE_CSS}{css}</style></head><body>{body}</body></html>"
    return weasyprint.HTML(string=document).write_pdf()


def _certifications_html(person: Person) -> str:
    if not person.certifications:
        return ""
    return "<h2>Certifications</h2>" + "".join(f"<p>{_e(c)}</p>" for c in person.certifications)


def moderncv(person: Person) -> bytes:
    """Name and title on top, contact below; each entry with its dates in a narrow column
    on the left, where "2021 - Present" wraps onto two lines."""
    css = """
    .entry { display: grid; grid-template-columns: 17mm 1fr; column-gap: 5mm; margin: 0 0 2mm; }
    .when { text-align: right; color: #444; }
    h2 { color: #3873b3; border-bottom: 0.4pt solid #3873b3; }
    .title { font-size: 12pt; font-style: italic; color: #666; }
    """

    def entry(when: str, head: str, details: str = "") -> str:
        return (
            f'<div class="entry"><div class="when">{_e(when)}</div><div>{head}{details}</div></div>'
        )

    parts = [f"<h1>{_e(_full_name(person))}</h1>", f'<p class="title">{_e(person.headline)}</p>',
             f"<p>{_e(_contact(person, BULLET))}</p>", "<h2>Summary</h2>",
             f"<p>{_e(person.summary)}</p>", "<h2>Experience</h2>"]  # fmt: skip
    for job in person.jobs:
        head = f"<p><b>{_e(job.title)}</b>, {_e(job.company)}, {_e(job.location)}</p>"
        parts.append(entry(_dates(job), head, _bullets(job.bullets)))
    parts.append("<h2>Education</h2>")
    for degree in person.education:
        head = (
            f"<p><b>{_e(_degree_line(degree))}</b>, {_e(degree.school)}, {_e(degree.location)}</p>"
        )
        parts.append(entry(_dates(degree), head))
    parts.append("<h2>Skills</h2>")
    for label, items in person.skills:
        parts.append(entry(label, f"<p>{_e(items)}</p>"))
    parts.append(_certifications_html(person))
    return _render("".join(parts), css)


def awesome_cv(person: Person) -> bytes:
    """A centred name in capitals; per entry the employer with its place on the right, then
    the title with its dates on the right."""
    css = """
    h1 { text-align: center; text-transform: uppercase; letter-spacing: 2pt; }
    .center { text-align: center; }
    h2 { text-transform: uppercase; color: #dc3522; }
    .row span:last-child { color: #666; font-style: italic; }
    """

    def rows(left1: str, right1: str, left2: str, right2: str) -> str:
        first = f"<span><b>{_e(left1)}</b></span><span>{_e(right1)}</span>"
        second = f"<span>{_e(left2)}</span><span>{_e(right2)}</span>"
        return f'<p class="row">{first}</p><p class="row">{second}</p>'

    parts = [f"<h1>{_e(_full_name(person))}</h1>",
             f'<p class="center">{_e(person.headline)}</p>',
             f'<p class="center">{_e(_contact(person, " | "))}</p>',
             "<h2>Summary</h2>", f"<p>{_e(person.summary)}</p>", "<h2>Experience</h2>"]  # fmt: skip
    for job in person.jobs:
        parts.append(rows(job.company, job.location, job.title, _dates(job)))
        parts.append(_bullets(job.bullets))
    parts.append("<h2>Education</h2>")
    for degree in person.education:
        parts.append(rows(degree.school, degree.location, _degree_line(degree), _dates(degree)))
    parts.append("<h2>Skills</h2>")
    parts += [f"<p><b>{_e(label)}:</b> {_e(items)}</p>" for label, items in person.skills]
    parts.append(_certifications_html(person))
    return _render("".join(parts), css)


def _sidebar_html(person: Person) -> str:
    parts = ["<h2>Contact</h2>", f"<p>{_e(person.phone)}</p>", f"<p>{_e(person.email)}</p>",
             f"<p>{_e(person.location)}</p>", "<h2>Skills</h2>"]  # fmt: skip
    parts += [
        f"<p>{_e(item.strip())}</p>" for _, items in person.skills for item in items.split(",")
    ]
    parts.append("<h2>Education</h2>")
    for degree in person.education:
        parts += [f"<p><b>{_e(_degree_line(degree))}</b></p>", f"<p>{_e(degree.school)}</p>",
                  f"<p>{_e(_dates(degree))}</p>"]  # fmt: skip
    return "".join(parts)


def _main_html(person: Person) -> str:
    parts = ["<h2>Profile</h2>", f"<p>{_e(person.summary)}</p>", "<h2>Experience</h2>"]
    for job in person.jobs:
        parts += [f"<p><b>{_e(job.title)}</b></p>",
                  f"<p>{_e(job.company)} ({_e(job.location)})</p>",
                  f"<p>{_e(_dates(job))}</p>", _bullets(job.bullets)]  # fmt: skip
    parts.append(_certifications_html(person))
    return "".join(parts)


_COLUMNS_CSS = """
.columns { display: grid; grid-template-columns: 36% 1fr; column-gap: 8mm; }
.side { grid-column: 1; grid-row: 1; background: #eef1f5; padding: 2mm; font-size: 8.5pt; }
.main { grid-column: 2; grid-row: 1; }
"""


def two_column(person: Person) -> bytes:
    """A full-width name header above a left sidebar (contact, skills, education) and the
    main column; the main column comes first in the page's content."""
    header = f"<h1>{_e(_full_name(person))}</h1><p>{_e(person.headline)}</p>"
    body = (f'{header}<div class="columns"><div class="main">{_main_html(person)}</div>'
            f'<div class="side">{_sidebar_html(person)}</div></div>')  # fmt: skip
    return _render(body, _COLUMNS_CSS)


def sidebar(person: Person) -> bytes:
    """A sidebar from the top of the page; the name heads the main column beside it."""
    main = f"<h1>{_e(_full_name(person).upper())}</h1><p>{_e(person.headline)}</p>"
    body = (f'<div class="columns"><div class="side">{_sidebar_html(person)}</div>'
            f'<div class="main">{main}{_main_html(person)}</div></div>')  # fmt: skip
    return _render(body, _COLUMNS_CSS)


# --- Word (python-docx) --------------------------------------------------------------------


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_docx(person: Person) -> bytes:
    """Word's look: a bold name, capitals headings, "Title, Company, City, ST<tab>dates"."""
    document = docx.Document()
    name = document.add_paragraph().add_run(_full_name(person))
    name.bold, name.font.size = True, Pt(18)
    document.add_paragraph(person.headline)
    document.add_paragraph(_contact(person, " | "))
    for heading, lines in _word_sections(person):
        document.add_paragraph().add_run(heading).bold = True
        for line in lines:
            if line.startswith("- "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    return _docx_bytes(document)


def _word_sections(person: Person):
    yield "PROFESSIONAL SUMMARY", [person.summary]
    jobs = []
    for job in person.jobs:
        jobs.append(f"{job.title}, {job.company}, {job.location}\t{_dates(job)}")
        jobs += [f"- {bullet}" for bullet in job.bullets]
    yield "WORK EXPERIENCE", jobs
    yield (
        "EDUCATION",
        [
            f"{d.degree}{', ' + d.field if d.field else ''}, {d.school}, {d.location}\t{_dates(d)}"
            for d in person.education
        ],
    )
    yield "SKILLS", [f"{label}: {items}" for label, items in person.skills]
    if person.certifications:
        yield "CERTIFICATIONS", list(person.certifications)


def gdocs_docx(person: Person) -> bytes:
    """Google Docs' look: the name in Title style, Heading 2 sections, entries as
    "Company, City, ST — Title" over their dates."""
    document = docx.Document()
    document.add_heading(_full_name(person), level=0)
    document.add_paragraph(_contact(person, " \u2022 "))
    document.add_heading("Summary", level=2)
    document.add_paragraph(person.summary)
    document.add_heading("Experience", level=2)
    for job in person.jobs:
        document.add_paragraph().add_run(
            f"{job.company}, {job.location} \u2014 {job.title}"
        ).bold = True
        document.add_paragraph().add_run(_dates(job)).italic = True
        for bullet in job.bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_heading("Education", level=2)
    for degree in person.education:
        field = f", {degree.field}" if degree.field else ""
        document.add_paragraph(f"{degree.school}, {degree.location} \u2014 {degree.degree}{field}")
        document.add_paragraph(_dates(degree))
    document.add_heading("Skills", level=2)
    for label, items in person.skills:
        document.add_paragraph(f"{label}: {items}")
    if person.certifications:
        document.add_heading("Certifications", level=2)
        for certification in person.certifications:
            document.add_paragraph(certification)
    return _docx_bytes(document)


# --- Plain text ----------------------------------------------------------------------------


def text(person: Person) -> bytes:
    lines = [_full_name(person).upper(), person.headline, _contact(person, " | "), "",
             "SUMMARY", person.summary, "", "EXPERIENCE"]  # fmt: skip
    for job in person.jobs:
        lines.append(f"{job.title} | {job.company} | {job.location} | {_dates(job)}")
        lines += [f"* {bullet}" for bullet in job.bullets]
        lines.append("")
    lines.append("EDUCATION")
    for degree in person.education:
        lines.append(
            f"{_degree_line(degree)} - {degree.school}, {degree.location} ({_dates(degree)})"
        )
    lines += ["", "SKILLS", *(f"{label}: {items}" for label, items in person.skills)]
    if person.certifications:
        lines += ["", "CERTIFICATIONS", *person.certifications]
    return "\n".join(lines).encode("utf-8")


RENDERERS = {
    "moderncv": (moderncv, "resume.pdf", "application/pdf"),
    "awesome_cv": (awesome_cv, "resume.pdf", "application/pdf"),
    "two_column": (two_column, "resume.pdf", "application/pdf"),
    "sidebar": (sidebar, "resume.pdf", "application/pdf"),
    "word_docx": (word_docx, "resume.docx", DOCX_TYPE),
    "gdocs_docx": (gdocs_docx, "resume.docx", DOCX_TYPE),
    "text": (text, "resume.txt", "text/plain"),
}


@functools.cache
def rendered(person: Person) -> tuple[bytes, str, str]:
    """The file as uploaded: bytes, file name and declared type."""
    render, filename, declared = RENDERERS[person.layout]
    return render(person), filename, declared
