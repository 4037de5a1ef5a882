"""Generated resume fixtures: texts and the files they are uploaded as.

Every builder returns `bytes` (or `str` for texts), is deterministic, and works offline.
The expensive ones (WeasyPrint takes about 100 ms a document, the zip bomb a few hundred)
are cached, so tests across modules share one copy; treat the results as read-only.

Texts: `resume_text`, `resume_variant`, `SAMPLE_AS_OF`.
PDFs: `pdf_one_column`, `pdf_two_columns`, `pdf_with_pages`, `pdf_without_text`, `pdf_encrypted`,
`corrupt_pdf`, `exe_renamed_pdf`.
Word: `docx_from_text`, `docx_with_table`, `docx_zip_bomb`, `docx_with_many_entries`,
`zip_without_document`, `doc_bytes`.
Other: `txt`, `oversized`.
"""

import functools
import hashlib
import html
import io
import re
import struct
import zipfile
from datetime import date

import docx
import weasyprint

# "Present" in `resume_text` resolves against this date in tests that pin the months.
SAMPLE_AS_OF = date(2025, 6, 1)

_JOBS = (
    (
        "Senior Backend Engineer — Analytical Engines Ltd, London, UK",
        "Jan 2021 \u2013 Present",
        (
            "Led the migration of the billing service to Django and PostgreSQL, cutting p95 "
            "latency by 40%",
            "Designed an event pipeline on Kafka processing 3M messages a day",
            "Mentored four engineers and introduced code review guidelines",
        ),
    ),
    (
        "Software Engineer at Difference Corp",
        "March 2017 - Dec 2020 | Manchester, UK",
        (
            "Built REST APIs in Python and Flask serving 2M requests per day",
            "Ran Kubernetes clusters on AWS with Terraform",
            "Cut CI time from 25 to 8 minutes by parallelising pytest suites",
        ),
    ),
    (
        "Junior Developer | Babbage & Co | Bristol, UK",
        "2015-09 \u2013 2017-02",
        (
            "Maintained a Django e-commerce site with 20k monthly orders",
            "Wrote JavaScript widgets for the checkout with jQuery",
        ),
    ),
    (
        "Teaching Assistant, University of Bristol",
        "Oct 2013 \u2013 Jun 2015",
        (
            "Taught weekly Python labs to 60 first-year students",
            "Graded coursework and held office hours",
        ),
    ),
    (
        "Intern — Jacquard Systems",
        "Summer 2013",
        ("Automated test reports with Bash and Excel",),
    ),
    (
        "Volunteer Web Developer at Code Club",
        "2012 \u2013 2013",
        ("Built the club website with HTML and CSS",),
    ),
)


def resume_text(
    name: str = "Ada Lovelace",
    *,
    email: str = "ada.lovelace@example.com",
    phone: str = "+44 20 7946 0958",
    location: str = "London, UK",
    possessive: str = "her",
    jobs: int = 3,
) -> str:
    """A realistic backend engineer's resume as plain text.

    `possessive` ("her", "his", "their") appears once in the summary, so fairness tests can
    swap names and pronouns and nothing else. `jobs` (1-6) adds older jobs: 3 fills about one
    page, 6 about two. Against `SAMPLE_AS_OF` the first three jobs give 9.8 years.
    """
    experience = []
    for title, dates, bullets in _JOBS[:jobs]:
        experience += [title, dates, *(f"- {bullet}" for bullet in bullets), ""]
    return "\n".join(
        [
            name,
            "Senior Backend Engineer",
            f"{location} | {email} | {phone}",
            "linkedin.com/in/ada-lovelace · github.com/adalovelace",
            "",
            "SUMMARY",
            "Backend engineer with 9 years of experience building payment platforms in Python. "
            f"Known for {possessive} clear design documents and calm incident leadership.",
            "",
            "EXPERIENCE",
            *experience,
            "EDUCATION",
            "BSc Computer Science, University of Bristol, 2012 \u2013 2015, First Class Honours",
            "",
            "SKILLS",
            "Languages: Python, Go, SQL, JavaScript",
            "Frameworks: Django, Flask, FastAPI",
            "Tools: Docker, Kubernetes, Terraform, Git, PostgreSQL, Redis",
            "",
            "CERTIFICATIONS",
            "AWS Certified Solutions Architect \u2013 Associate (Amazon Web Services, 2022)",
            "",
            "LANGUAGES",
            "English (native), French (fluent)",
        ]
    )


_VARIANT_NAMES = (
    "Ada Lovelace", "Zoë Müller", "Søren Kierkegaard", "Aiyana Begay", "Wei Zhang",
    "Priya Raghunathan", "José Álvarez", "Chidi Okonkwo", "Mei-Ling O'Brien", "Nguyen Van An",
    "Fatima Al-Sayed", "Lars van der Berg",
)  # fmt: skip
_VARIANT_PHONES = ("+44 20 7946 0958", "+49 30 901820", "(415) 555-0199", "+91 98765 43210")


def resume_variant(index: int) -> str:
    """The `index`-th resume of a deterministic corpus (names, phones and lengths vary).

    For benchmarks and property-style tests: `[resume_variant(i) for i in range(100)]`.
    """
    name = _VARIANT_NAMES[index % len(_VARIANT_NAMES)]
    handle = re.sub(r"[^a-z]", "", name.lower()) or "candidate"
    return resume_text(
        name,
        email=f"{handle}{index}@example.com",
        phone=_VARIANT_PHONES[index % len(_VARIANT_PHONES)],
        jobs=3 + index % 4,
    )


# --- PDFs -----------------------------------------------------------------------------------

_PAGE_CSS = """
@page { size: A4; margin: 16mm 18mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 5mm 0 1.5mm; text-transform: uppercase; }
p { margin: 0 0 1mm; }
p.item { padding-left: 4mm; text-indent: -4mm; }
p.row { display: flex; justify-content: space-between; }
"""
_HEADING = re.compile(
    r"^(?:[A-Z][A-Z &/]{3,}|Summary|Experience|Education|Skills|Certifications|Languages|"
    r"Projects|Contact|Profile|Work Experience|Professional Experience)$"
)


def _text_to_html(text: str, *, first_is_name: bool = True) -> str:
    """Lines to HTML: the first line a title, headings h2, "- " lines "•" items, and a tab
    right-aligns the rest of its line (dates beside a job title).

    The bullet is a character, as in a PDF printed from Word (CSS list markers do not reach
    the text layer).
    """
    parts = []
    for number, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        if line.startswith("- "):
            parts.append(f'<p class="item">\u2022 {html.escape(line[2:])}</p>')
        elif number == 0 and first_is_name:
            parts.append(f"<h1>{html.escape(line)}</h1>")
        elif _HEADING.match(line.strip()):
            parts.append(f"<h2>{html.escape(line)}</h2>")
        elif "\t" in line:
            left, right = (html.escape(part) for part in line.split("\t", 1))
            parts.append(f'<p class="row"><span>{left}</span><span>{right}</span></p>')
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    return "\n".join(parts)


def _render(body: str, css: str = "") -> bytes:
    document = f"<html><head><style>{_PAGE_CSS}{css}</style></head><body>{body}</body></html>"
    return weasyprint.HTML(string=document).write_pdf()


@functools.cache
def pdf_one_column(text: str) -> bytes:
    """`text` typeset as a one-column A4 PDF (WeasyPrint): name as title, bullets as lists."""
    return _render(_text_to_html(text))


@functools.cache
def pdf_two_columns(left_text: str, right_text: str, header_text: str = "") -> bytes:
    """A sidebar layout: `header_text` full width, then `left_text` beside `right_text`.

    The right column comes first in the HTML (and so in the PDF's content stream), as in
    many designer templates, so only a column-aware reader puts the left column first.
    """
    css = """
    .columns { display: grid; grid-template-columns: 34% 1fr; column-gap: 9mm; }
    .left { grid-column: 1; grid-row: 1; }
    .right { grid-column: 2; grid-row: 1; }
    """
    header = _text_to_html(header_text) if header_text else ""
    left = _text_to_html(left_text, first_is_name=False)
    right = _text_to_html(right_text, first_is_name=False)
    body = f'{header}<div class="columns"><div class="right">{right}</div>'
    body += f'<div class="left">{left}</div></div>'
    return _render(body, css)


@functools.cache
def pdf_with_pages(count: int) -> bytes:
    """`count` A4 pages, the n-th saying only "Page n"."""
    pages = (f'<p style="break-after: page">Page {number}</p>' for number in range(1, count + 1))
    return _render("".join(pages))


@functools.cache
def pdf_without_text() -> bytes:
    """A PDF with drawn boxes and lines but no text layer, like a scan without OCR."""
    css = """
    .box { height: 20mm; margin: 6mm 0; background: #d0d7e1; border: 1mm solid #35495e; }
    .line { height: 2mm; margin: 3mm 0; background: #333; width: 70%; }
    """
    shapes = '<div class="box"></div>' + '<div class="line"></div>' * 12
    return _render(shapes, css)


_PDF_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state, j = list(range(256)), 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _md5(data: bytes) -> bytes:
    return hashlib.md5(data, usedforsecurity=False).digest()


@functools.cache
def pdf_encrypted(
    password: str = "secret",  # noqa: S107 (a test fixture's well-known password)
    text: str = "Ada Lovelace, Backend Engineer",
) -> bytes:
    """A one-page PDF that needs `password` to open (standard security handler, RC4 40-bit).

    Built by hand after the PDF 1.3 spec (algorithms 3.1-3.4) because neither pypdfium2 nor
    WeasyPrint writes encrypted files and no package for it is installed.
    """
    padded = (password.encode("latin-1") + _PDF_PADDING)[:32]
    owner = _rc4(_md5(padded)[:5], padded)  # owner password = user password
    permissions = struct.pack("<i", -44)
    file_id = _md5(b"hirewise-encrypted-fixture")
    key = _md5(padded + owner + permissions + file_id)[:5]
    user = _rc4(key, _PDF_PADDING)
    content = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    object_key = _md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little"))[:10]
    stream = _rc4(object_key, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
        % (owner.hex().encode(), user.hex().encode()),
    ]
    trailer = b"/Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>]" % (
        file_id.hex().encode(),
        file_id.hex().encode(),
    )
    return _assemble_pdf(objects, trailer)


def _assemble_pdf(objects: list[bytes], trailer: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def corrupt_pdf() -> bytes:
    """Starts like a PDF, then nothing a reader can recover: no objects, no xref."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def exe_renamed_pdf() -> bytes:
    """The start of a Windows executable (MZ header, DOS stub), as if renamed to .pdf."""
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    stub = b"This program cannot be run in DOS mode.\r\r\n$"
    return header + b"\x00" * 48 + stub + b"\x00" * 400


# --- Word -----------------------------------------------------------------------------------

_HEADING_LINE = re.compile(r"^[A-Z][A-Z &/]{3,}$")


@functools.cache
def docx_from_text(text: str, *, header: str | None = None, footer: str | None = None) -> bytes:
    """`text` as a DOCX (python-docx): "- " lines become Word bullets (List Bullet style),
    consecutive "a | b" lines starting with "|" become a table, CAPS lines headings, and
    `header`/`footer` go into the page header and footer.
    """
    document = docx.Document()
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    rows: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
            continue
        if rows:
            _add_table(document, rows)
            rows = []
        _add_line(document, line)
    return _docx_bytes(document)


def _add_line(document, line: str) -> None:
    if line.startswith("- "):
        document.add_paragraph(line[2:], style="List Bullet")
    elif _HEADING_LINE.match(line):
        document.add_heading(line.title(), level=2)
    else:
        document.add_paragraph(line)


def _add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=False):
            cell.text = value


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SKILL_TABLE = (
    ("Languages", "Python, Go, SQL"),
    ("Frameworks", "Django, FastAPI"),
    ("Cloud & DevOps", "AWS, Docker, Kubernetes"),
)


@functools.cache
def docx_with_table(
    rows: tuple[tuple[str, ...], ...] = SKILL_TABLE, *, header: str | None = None
) -> bytes:
    """`resume_text()` as a DOCX whose skills section is a two-column table of `rows`.

    Extraction reads a table row as "Languages | Python, Go, SQL".
    """
    table = [f"| {' | '.join(row)} |" for row in rows]
    lines = resume_text().splitlines()
    start = lines.index("SKILLS") + 1
    stop = lines.index("", start)
    return docx_from_text("\n".join([*lines[:start], *table, *lines[stop:]]), header=header)


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b"</Types>"
)


@functools.cache
def docx_zip_bomb(megabytes: int = 200) -> bytes:
    """A small ZIP named like a DOCX whose word/document.xml unpacks to `megabytes` of zeros.

    Written in 1 MB chunks (never held in memory at once); about 1000:1 compressed, so 200 MB
    is a ~200 KB file. Keep `megabytes` above 1 to trip the ratio check.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(megabytes):
                entry.write(chunk)
    return buffer.getvalue()


def docx_with_many_entries(count: int = 1_500) -> bytes:
    """A DOCX-shaped ZIP with `count` tiny entries (a bomb by entry count)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", b"<w:document/>")
        for number in range(count - 2):
            archive.writestr(f"word/media/part{number}.xml", b"")
    return buffer.getvalue()


def zip_without_document() -> bytes:
    """A ZIP archive that is not a Word document (no word/document.xml)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a resume")
    return buffer.getvalue()


def doc_bytes() -> bytes:
    """The start of a Word 97-2003 file: the OLE compound-file signature and a header."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00" + b"\x00" * 484


# --- Text and size ----------------------------------------------------------------------------


def txt(text: str, encoding: str = "utf-8") -> bytes:
    """`text` encoded; "utf-16" and "utf-8-sig" write a byte-order mark, "cp1252" none."""
    return text.encode(encoding)


_KIND_START = {
    "pdf": b"%PDF-1.7\n",
    "docx": b"PK\x03\x04",
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "txt": b"Ada Lovelace\n",
}


def oversized(kind: str = "pdf", *, limit: int = 10 * 1024 * 1024) -> bytes:
    """One byte over `limit`, starting with `kind`'s signature (the size check comes first)."""
    start = _KIND_START[kind]
    return start + b"a" * (limit + 1 - len(start))
