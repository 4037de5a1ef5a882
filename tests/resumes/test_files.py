"""Upload checks: what a candidate sees when a file is accepted or refused, and why."""

import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes.errors import FileTooLarge, UnreadableFile, UnsupportedFileType
from resumes.files import check_upload
from tests.resumes.generated import (
    corrupt_pdf,
    doc_bytes,
    docx_with_many_entries,
    docx_with_table,
    docx_zip_bomb,
    exe_renamed_pdf,
    oversized,
    pdf_one_column,
    resume_text,
    txt,
    zip_without_document,
)

LIMIT = 10 * 1024 * 1024
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def check(name: str, data: bytes, declared_type: str | None = None, limit: int = LIMIT) -> str:
    upload = SimpleUploadedFile(name, data, declared_type)
    return check_upload(upload, max_bytes=limit).kind


@pytest.mark.parametrize(
    ("name", "declared_type"),
    [
        ("resume.pdf", "application/pdf"),
        ("resume.pdf", "application/x-pdf"),
        ("resume.pdf", "application/octet-stream"),
        ("RESUME.PDF", None),
        ("resume.pdf", "application/pdf; charset=binary"),
    ],
)
def test_a_pdf_is_accepted_under_the_types_browsers_send(name, declared_type):
    assert check(name, pdf_one_column(resume_text()), declared_type) == "pdf"


@pytest.mark.parametrize("declared_type", [DOCX_TYPE, "application/zip", None])
def test_a_docx_is_accepted(declared_type):
    assert check("resume.docx", docx_with_table(), declared_type) == "docx"


def test_a_doc_is_accepted_by_its_ole_signature():
    assert check("resume.doc", doc_bytes(), "application/msword") == "doc"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_a_text_file_is_accepted_in_common_encodings(encoding):
    data = txt("Zoë Müller\nFinancial Analyst, Zürich", encoding)
    assert check("resume.txt", data, "text/plain") == "txt"


def test_a_file_over_the_limit_is_refused_with_413_before_any_other_check():
    with pytest.raises(FileTooLarge) as error:
        check("resume.exe", oversized("pdf", limit=LIMIT), "image/png")
    assert error.value.status_code == 413
    assert "limit is 10 MB" in str(error.value.detail)
    assert "10.1 MB" in str(error.value.detail)


def test_an_empty_file_is_refused_as_unreadable():
    with pytest.raises(UnreadableFile) as error:
        check("resume.pdf", b"")
    assert error.value.status_code == 400
    assert "empty" in str(error.value.detail)


@pytest.mark.parametrize("name", ["resume.exe", "resume.png", "resume", "resume.pdf.zip"])
def test_an_unsupported_extension_is_refused_with_415(name):
    with pytest.raises(UnsupportedFileType) as error:
        check(name, pdf_one_column(resume_text()))
    assert error.value.status_code == 415
    assert "PDF, DOCX, DOC or TXT" in str(error.value.detail)


def test_a_declared_type_that_contradicts_the_extension_is_refused():
    with pytest.raises(UnsupportedFileType) as error:
        check("resume.pdf", pdf_one_column(resume_text()), "text/plain")
    assert "text/plain" in str(error.value.detail)
    assert "a PDF" in str(error.value.detail)


def test_a_declared_type_that_is_not_a_resume_format_is_refused():
    with pytest.raises(UnsupportedFileType) as error:
        check("resume.pdf", pdf_one_column(resume_text()), "image/png")
    assert "image/png" in str(error.value.detail)


def test_an_executable_renamed_to_pdf_is_refused_with_415():
    with pytest.raises(UnsupportedFileType) as error:
        check("resume.pdf", exe_renamed_pdf(), "application/pdf")
    assert error.value.status_code == 415
    assert "a Windows program, not a PDF" in str(error.value.detail)


@pytest.mark.parametrize(
    ("name", "data", "content"),
    [
        ("resume.docx", pdf_one_column(resume_text()), "a PDF"),
        ("resume.pdf", docx_with_table(), "a ZIP archive"),
        ("resume.doc", docx_with_table(), "a ZIP archive"),
        ("resume.docx", doc_bytes(), "an Office 97-2003 document"),
    ],
    ids=["pdf-named-docx", "docx-named-pdf", "docx-named-doc", "doc-named-docx"],
)
def test_content_that_disagrees_with_the_extension_is_refused_and_named(name, data, content):
    with pytest.raises(UnsupportedFileType) as error:
        check(name, data)
    assert content in str(error.value.detail)


@pytest.mark.parametrize(
    "data",
    [
        pdf_one_column(resume_text()),
        exe_renamed_pdf(),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
        docx_with_table(),
        b"Ada Lovelace\x00\x00\x00binary",
    ],
    ids=["pdf", "windows-program", "linux-program", "zip", "nul-bytes"],
)
def test_a_txt_upload_must_really_be_text(data):
    with pytest.raises(UnsupportedFileType) as error:
        check("resume.txt", data, "text/plain")
    assert "not plain text" in str(error.value.detail)


def test_a_pdf_header_after_leading_junk_is_still_a_pdf():
    data = b"\x00" * 200 + pdf_one_column(resume_text())
    assert check("resume.pdf", data) == "pdf"


def test_a_damaged_pdf_passes_the_type_check_and_fails_later_at_reading():
    assert check("resume.pdf", corrupt_pdf()) == "pdf"


@pytest.fixture
def no_decompression(monkeypatch):
    """Fail the test if anything reads a ZIP entry: the bomb checks must read sizes only."""

    def refuse(*args, **kwargs):
        raise AssertionError("a ZIP entry was opened for reading")

    monkeypatch.setattr(zipfile.ZipExtFile, "__init__", refuse)


def test_a_docx_bomb_by_total_size_is_refused_without_decompressing(no_decompression):
    with pytest.raises(UnreadableFile) as error:
        check("resume.docx", docx_zip_bomb(), DOCX_TYPE)
    assert error.value.status_code == 400
    assert "looks like a zip bomb" in str(error.value.detail)
    assert "would unpack to 200.1 MB" in str(error.value.detail)


def test_a_docx_bomb_by_compression_ratio_is_refused(no_decompression):
    with pytest.raises(UnreadableFile) as error:
        check("resume.docx", docx_zip_bomb(megabytes=5), DOCX_TYPE)
    assert "looks like a zip bomb" in str(error.value.detail)
    assert "100:1" in str(error.value.detail)


def test_a_docx_bomb_by_entry_count_is_refused(no_decompression):
    with pytest.raises(UnreadableFile) as error:
        check("resume.docx", docx_with_many_entries(1_500), DOCX_TYPE)
    assert "1,500 entries" in str(error.value.detail)


def test_a_docx_with_a_thousand_entries_is_not_a_bomb():
    assert check("resume.docx", docx_with_many_entries(1_000), DOCX_TYPE) == "docx"


def test_a_zip_that_is_not_a_word_document_is_refused():
    with pytest.raises(UnsupportedFileType) as error:
        check("resume.docx", zip_without_document(), DOCX_TYPE)
    assert "not a Word document" in str(error.value.detail)


def test_a_docx_with_a_damaged_zip_directory_is_unreadable():
    with pytest.raises(UnreadableFile) as error:
        check("resume.docx", b"PK\x03\x04" + b"\x00" * 200)
    assert "damaged" in str(error.value.detail)
