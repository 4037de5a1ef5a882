"""Text extraction: what the parser gets to read from each kind of file, and the errors a
person sees when there is nothing honest to read."""

import io
import sys
import textwrap

import pypdfium2 as pdfium
import pytest
from django.test import override_settings

from resumes.errors import EncryptedFile, NoReadableText, ReaderMissing, UnreadableFile
from resumes.extraction import extract_text, normalise
from resumes.extraction import pdf as pdf_reader
from resumes.extraction.plumber import plumber_page_texts
from tests.resumes.generated import (
    corrupt_pdf,
    doc_bytes,
    docx_from_text,
    docx_with_table,
    pdf_encrypted,
    pdf_one_column,
    pdf_two_columns,
    pdf_with_pages,
    pdf_without_text,
    resume_text,
    txt,
)

SIDEBAR = "Skills\nPython, Django, PostgreSQL\n\nLanguages\nEnglish (native)\nFrench (fluent)"
MAIN = "Experience\nSenior Backend Engineer — Analytical Engines Ltd\nJan 2021 \u2013 Present\n" + (
    "- Led the migration of the billing service to Django\n" * 12
)
HEADER = "Ada Lovelace\nLondon, UK | ada.lovelace@example.com | +44 20 7946 0958"


@pytest.fixture
def no_tools(settings, monkeypatch):
    """No tesseract, antiword or LibreOffice, whatever this machine has installed."""
    settings.EXTERNAL_TOOLS = {"tesseract": "", "antiword": "", "libreoffice": ""}
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr("resumes.extraction.ocr.rapid_engine", lambda: None)


def fake_tool(tmp_path, name: str, body: str) -> str:
    """An executable Python script standing in for an external reader."""
    script = tmp_path / name
    script.write_text(f"#!{sys.executable}\nimport sys\n{textwrap.dedent(body)}")
    script.chmod(0o755)
    return str(script)


# --- PDF ------------------------------------------------------------------------------------


def test_a_one_column_pdf_reads_top_to_bottom_with_bullets_normalised():
    extracted = extract_text(pdf_one_column(resume_text()), "pdf")
    assert extracted.method == "pypdfium2"
    assert extracted.pages == 1
    assert extracted.text.startswith("Ada Lovelace\nSenior Backend Engineer\n")
    assert "\n- Built REST APIs in Python and Flask serving 2M requests per day\n" in extracted.text
    assert extracted.text.index("EXPERIENCE") < extracted.text.index("EDUCATION")


def test_a_two_page_pdf_is_read_to_the_end():
    data = pdf_one_column(resume_text(jobs=6))
    last_page = pdfium.PdfDocument(data)[1].get_textpage().get_text_range()
    extracted = extract_text(data, "pdf")
    assert extracted.pages == 2
    assert "English (native), French (fluent)" in last_page
    assert extracted.text.endswith("English (native), French (fluent)")


def test_a_two_column_pdf_reads_the_header_then_the_left_column_then_the_right():
    data = pdf_two_columns(SIDEBAR, MAIN, HEADER)
    raw = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    extracted = extract_text(data, "pdf")
    text = extracted.text
    assert raw.index("EXPERIENCE") < raw.index("SKILLS"), "fixture: right column first in stream"
    assert extracted.method == "pypdfium2+columns"
    assert text.index("ada.lovelace@example.com") < text.index("SKILLS")
    assert text.index("French (fluent)") < text.index("EXPERIENCE")
    assert "London, UK | ada.lovelace@example.com | +44 20 7946 0958" in text


def test_right_aligned_dates_do_not_make_a_page_two_columns():
    text = resume_text().replace("\nJan 2021 \u2013 Present", "\tJan 2021 \u2013 Present")
    extracted = extract_text(pdf_one_column(text.replace("Corp\nMarch", "Corp\tMarch")), "pdf")
    assert extracted.method == "pypdfium2"
    assert "Analytical Engines Ltd, London, UK Jan 2021 \u2013 Present\n" in extracted.text


def test_a_two_column_page_keeps_each_line_whole():
    text = extract_text(pdf_two_columns(SIDEBAR, MAIN, HEADER), "pdf").text
    assert "\nPython, Django, PostgreSQL\n" in text
    assert "\nSenior Backend Engineer — Analytical Engines Ltd\n" in text


def test_only_the_first_twenty_pages_are_read_but_all_are_counted():
    extracted = extract_text(pdf_with_pages(25), "pdf")
    assert extracted.pages == 25
    assert "Page 20" in extracted.text
    assert "Page 21" not in extracted.text


def test_a_password_protected_pdf_is_refused_as_encrypted():
    with pytest.raises(EncryptedFile) as error:
        extract_text(pdf_encrypted(), "pdf")
    assert error.value.status_code == 400
    assert "password" in str(error.value.detail)


def test_the_encrypted_fixture_is_a_real_pdf_that_opens_with_its_password():
    document = pdfium.PdfDocument(pdf_encrypted(), password="secret")
    assert document[0].get_textpage().get_text_range() == "Ada Lovelace, Backend Engineer"


def test_a_corrupt_pdf_is_refused_as_unreadable():
    with pytest.raises(UnreadableFile) as error:
        extract_text(corrupt_pdf(), "pdf")
    assert "damaged" in str(error.value.detail)


def test_a_pdf_without_text_is_refused_when_no_ocr_is_installed(no_tools):
    with pytest.raises(NoReadableText) as error:
        extract_text(pdf_without_text(), "pdf")
    assert error.value.status_code == 400
    assert "tesseract" in str(error.value.detail)
    assert "make ocr" in str(error.value.detail)


def test_a_pdf_without_text_is_read_by_tesseract_when_installed(settings, tmp_path):
    log = tmp_path / "calls.log"
    settings.EXTERNAL_TOOLS = {
        **settings.EXTERNAL_TOOLS,
        "tesseract": fake_tool(
            tmp_path,
            "tesseract",
            f"""
            image = sys.stdin.buffer.read()
            open({str(log)!r}, "a").write(" ".join(sys.argv[1:]) + f" {{image[:4]!r}}\\n")
            print("Ada Lovelace\\nada@example.com\\n\\u2022 Scanned resume line")
            """,
        ),
    }
    extracted = extract_text(pdf_without_text(), "pdf")
    assert extracted.method == "ocr"
    assert extracted.text == "Ada Lovelace\nada@example.com\n- Scanned resume line"
    assert log.read_text() == "stdin stdout b'\\x89PNG'\n"


def test_ocr_that_finds_nothing_is_refused_rather_than_inventing_text(settings, tmp_path):
    settings.EXTERNAL_TOOLS = {
        **settings.EXTERNAL_TOOLS,
        "tesseract": fake_tool(tmp_path, "tesseract", "sys.stdin.buffer.read()\nprint('  ')"),
    }
    with pytest.raises(NoReadableText) as error:
        extract_text(pdf_without_text(), "pdf")
    assert "OCR found no readable text" in str(error.value.detail)


def test_a_pdf_whose_text_is_unreadable_characters_is_refused_not_passed_on(no_tools):
    garbled = pdf_one_column("\ue010\ue011\ue012 " * 200)
    with pytest.raises(NoReadableText):
        extract_text(garbled, "pdf")


def test_a_page_pdfium_garbles_is_replaced_by_pdfplumbers_better_reading(monkeypatch):
    garbled = pdf_one_column("\ue010\ue011\ue012 " * 200)
    seen = []

    def second_opinion(data, indexes):
        seen.append(indexes)
        return {0: "Ada Lovelace\nBackend Engineer with nine years of experience"}

    monkeypatch.setattr(pdf_reader, "plumber_page_texts", second_opinion)
    extracted = extract_text(garbled, "pdf")
    assert seen == [[0]]
    assert extracted.method == "pdfplumber"
    assert extracted.text.startswith("Ada Lovelace\n")


def test_readable_pages_never_pay_for_a_second_opinion(monkeypatch):
    def second_opinion(data, indexes):
        raise AssertionError("pdfplumber ran on a readable page")

    monkeypatch.setattr(pdf_reader, "plumber_page_texts", second_opinion)
    assert extract_text(pdf_one_column(resume_text()), "pdf").method == "pypdfium2"


def test_pdfplumber_reads_the_pages_it_is_asked_for():
    texts = plumber_page_texts(pdf_one_column(resume_text()), [0])
    assert set(texts) == {0}
    assert "Analytical Engines Ltd" in texts[0]


def test_pdfplumber_failing_on_a_file_keeps_the_first_reading():
    assert plumber_page_texts(b"not a pdf", [0]) == {}


# --- Word -----------------------------------------------------------------------------------


def test_a_docx_reads_the_page_header_first_then_the_body_in_order():
    data = docx_with_table(header="Ada Lovelace · ada@example.com")
    extracted = extract_text(data, "docx")
    text = extracted.text
    assert extracted.method == "docx"
    assert text.startswith("Ada Lovelace · ada@example.com\n")
    assert text.index("Skills") < text.index("Languages | Python, Go, SQL")
    assert text.index("Cloud & DevOps | AWS, Docker, Kubernetes") < text.index("Certifications")


def test_a_docx_table_is_read_row_by_row():
    text = extract_text(docx_with_table(), "docx").text
    assert "Languages | Python, Go, SQL\nFrameworks | Django, FastAPI\n" in text


def test_word_bullets_become_dash_bullets():
    text = extract_text(docx_with_table(), "docx").text
    assert "\n- Built REST APIs in Python and Flask serving 2M requests per day\n" in text


def test_a_docx_footer_is_read_too():
    text = extract_text(docx_from_text("Ada Lovelace", footer="ada@example.com"), "docx").text
    assert text.split("\n") == ["ada@example.com", "Ada Lovelace"]


def test_a_docx_without_text_is_refused():
    with pytest.raises(NoReadableText):
        extract_text(docx_from_text(""), "docx")


def test_a_damaged_docx_is_refused_as_unreadable():
    with pytest.raises(UnreadableFile):
        extract_text(b"PK\x03\x04" + b"\x00" * 200, "docx")


def test_a_doc_without_antiword_or_libreoffice_names_what_to_install(no_tools):
    with pytest.raises(ReaderMissing) as error:
        extract_text(doc_bytes(), "doc")
    assert error.value.status_code == 415
    assert "antiword or LibreOffice" in str(error.value.detail)


def test_a_doc_is_read_by_antiword_without_line_wrapping(settings, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    antiword = fake_tool(
        tmp_path,
        "antiword",
        """
        assert sys.argv[1:5] == ["-m", "UTF-8.txt", "-w", "0"], sys.argv
        assert open(sys.argv[5], "rb").read(4) == b"\\xd0\\xcf\\x11\\xe0"
        sys.stdout.buffer.write("Zoë Müller\\n\\n\\n\\nFinancial Analyst\\n".encode())
        """,
    )
    settings.EXTERNAL_TOOLS = {"tesseract": "", "antiword": antiword, "libreoffice": ""}
    extracted = extract_text(doc_bytes(), "doc")
    assert extracted.method == "antiword"
    assert extracted.text == "Zoë Müller\n\nFinancial Analyst"


def test_libreoffice_reads_a_doc_antiword_cannot(settings, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    antiword = fake_tool(tmp_path, "antiword", "sys.exit(1)")
    office = fake_tool(
        tmp_path,
        "soffice",
        """
        import pathlib
        args = sys.argv[1:]
        assert "--headless" in args and "txt:Text (encoded):UTF8" in args, args
        outdir = pathlib.Path(args[args.index("--outdir") + 1])
        (outdir / "resume.txt").write_text("Ada Lovelace\\nBackend Engineer", encoding="utf-8")
        """,
    )
    settings.EXTERNAL_TOOLS = {"tesseract": "", "antiword": antiword, "libreoffice": office}
    extracted = extract_text(doc_bytes(), "doc")
    assert extracted.method == "libreoffice"
    assert extracted.text == "Ada Lovelace\nBackend Engineer"


def test_a_doc_antiword_cannot_read_and_no_libreoffice_is_unreadable(
    settings, tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", "/nonexistent")
    antiword = fake_tool(tmp_path, "antiword", "sys.exit(1)")
    settings.EXTERNAL_TOOLS = {"tesseract": "", "antiword": antiword, "libreoffice": ""}
    with pytest.raises(UnreadableFile):
        extract_text(doc_bytes(), "doc")


# --- Text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "method"),
    [
        ("utf-8", "txt:utf-8"),
        ("utf-8-sig", "txt:utf-8-sig"),
        ("utf-16", "txt:utf-16"),
        ("cp1252", "txt:cp1252"),
    ],
)
def test_a_text_file_decodes_in_its_encoding(encoding, method):
    text = "Zoë Müller\nFinancial Analyst \u2013 Zürich\nCrédit Lémanique SA, Genève"
    extracted = extract_text(txt(text, encoding), "txt")
    assert extracted.method == method
    assert extracted.text == text


def test_form_feeds_count_text_pages():
    assert extract_text(txt("Page one\fPage two"), "txt").pages == 2


def test_an_empty_text_file_has_no_readable_text():
    with pytest.raises(NoReadableText):
        extract_text(txt("  \n\n  "), "txt")


# --- Normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize("bullet", ["•", "▪", "\u2013", "*", "●", "\uf0b7", "-", "◦"])
def test_every_bullet_glyph_becomes_a_dash(bullet):
    assert normalise(f"Work\n{bullet} Built APIs\n{bullet}Led a team") == (
        "Work\n- Built APIs\n- Led a team"
    )


def test_a_bullet_on_a_line_of_its_own_joins_its_text():
    assert normalise("•\nBuilt APIs") == "- Built APIs"


def test_normalisation_folds_compatibility_forms_and_spaces_but_keeps_lines():
    raw = "  Ada\u00a0\u00a0Lovelace \r\n\r\n\r\n\r\nE\ufb03cient  ﬁxes\x00\u200b\tdone\f"
    assert normalise(raw) == "Ada Lovelace\n\nEfficient fixes done"


def test_pdfium_generated_hyphens_stay_visible():
    assert normalise("multi\x02\nline") == "multi-\nline"


# --- OCR without tesseract: the RapidOCR extra ---------------------------------------------


class FakeRapidOCR:
    """RapidOCR's call shape: an image in, (corner points, text, score) boxes out."""

    def __init__(self, boxes):
        self.boxes, self.images = boxes, []

    def __call__(self, image):
        self.images.append(image.shape)
        return self.boxes, [0.1, 0.1, 0.1]


def _box(left, top, right, bottom, text):
    return [[[left, top], [right, top], [right, bottom], [left, bottom]], text, 0.99]


def test_without_tesseract_a_scan_is_read_by_the_rapidocr_extra(no_tools, monkeypatch):
    engine = FakeRapidOCR(
        [
            _box(600, 100, 900, 130, "Jan 2021 - Present"),
            _box(100, 40, 400, 80, "Ada Lovelace"),
            _box(100, 102, 500, 128, "Senior Engineer, Acme"),
            _box(100, 150, 700, 180, "ada@example.com | +44 20 7946 0958"),
        ]
    )
    monkeypatch.setattr("resumes.extraction.ocr.rapid_engine", lambda: engine)

    extracted = extract_text(pdf_without_text(), "pdf")

    assert extracted.method == "ocr"
    assert extracted.text.splitlines() == [
        "Ada Lovelace",
        "Senior Engineer, Acme Jan 2021 - Present",
        "ada@example.com | +44 20 7946 0958",
    ]
    assert len(engine.images) == 1 and engine.images[0][2] == 3  # one page, as RGB


def test_rapidocr_that_finds_nothing_is_refused(no_tools, monkeypatch):
    monkeypatch.setattr("resumes.extraction.ocr.rapid_engine", lambda: FakeRapidOCR([]))

    with pytest.raises(NoReadableText) as error:
        extract_text(pdf_without_text(), "pdf")
    assert "OCR found no readable text" in str(error.value.detail)


@pytest.mark.parametrize(
    ("read", "respaced"),
    [
        ("SeniorBackendEngineer", "Senior Backend Engineer"),
        (
            "cleardesigndocumentsandcalmincidentleadership.",
            "clear design documents and calm incident leadership.",
        ),
        (
            "RanKubernetes clusters onAWS withTerraform",
            "Ran Kubernetes clusters on AWS with Terraform",
        ),
        ("March2017-Dec2020|Manchester,UK", "March 2017-Dec 2020| Manchester, UK"),
        ("ada.lovelace@example.com", "ada.lovelace@example.com"),
        ("linkedin.com/in/adalovelace", "linkedin.com/in/adalovelace"),
    ],
)
def test_words_glued_by_ocr_are_set_apart_and_skill_names_kept_whole(read, respaced):
    pytest.importorskip("wordninja")
    from resumes.extraction.spacing import respace

    assert respace(read) == respaced


def test_the_rapidocr_extra_reads_a_real_scan():
    pytest.importorskip("rapidocr_onnxruntime")
    pytest.importorskip("wordninja")
    from resumes.extraction.ocr import rapid_engine

    scan = _scanned_pdf("Ada Lovelace\nSenior Backend Engineer\nada.lovelace@example.com")
    with override_settings(EXTERNAL_TOOLS={"tesseract": ""}):
        text = extract_text(scan, "pdf").text
    assert rapid_engine() is not None
    assert "Ada Lovelace" in text
    assert "Senior Backend Engineer" in text


def _scanned_pdf(text: str) -> bytes:
    """The top of a typeset page as an image-only PDF, like a scanner's output."""
    document = pdfium.PdfDocument(pdf_one_column(text))
    try:
        image = document[0].render(scale=150 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    top = image.crop((0, 0, image.width, image.height // 4))
    buffer = io.BytesIO()
    top.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
