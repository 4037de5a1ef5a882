"""Reading uploaded feeds: JSON and CSV shapes, column aliases, and whole-file refusals."""

import codecs
import json

import pytest

from jobs.errors import FeedTooLarge, FeedTooManyRows, UnreadableFeed, UnsupportedFeed
from jobs.imports.feeds import feed_rows
from jobs.imports.rows import row_clean, salary_from_text, source_job_id_derive

POSTING = {"title": "Data Engineer", "company": "Acme", "description": "Spark and Python."}


def test_a_json_list_of_postings_is_read():
    data = json.dumps([POSTING, {**POSTING, "title": "ML Engineer"}]).encode()

    rows = feed_rows(name="feed.json", data=data)

    assert [row["title"] for row in rows] == ["Data Engineer", "ML Engineer"]


@pytest.mark.parametrize("key", ["jobs", "data"])
def test_a_json_object_holding_the_list_is_read(key):
    rows = feed_rows(name="feed.json", data=json.dumps({key: [POSTING]}).encode())

    assert rows == [POSTING]


def test_json_aliases_map_to_our_field_names():
    data = json.dumps(
        [{"job_title": "SRE", "company_name": "Acme", "job_description": "Linux.", "URL": "x"}]
    )

    (row,) = feed_rows(name="feed.json", data=data.encode())

    assert row == {"title": "SRE", "company": "Acme", "description": "Linux.", "apply_url": "x"}


def test_a_saved_jsearch_answer_maps_like_the_live_client():
    item = {"job_id": "abc", "job_title": "SRE", "employer_name": "Acme", "job_is_remote": True}

    (row,) = feed_rows(name="jsearch.json", data=json.dumps({"data": [item]}).encode())

    assert row == {"source_job_id": "abc", "title": "SRE", "company": "Acme", "work_mode": "remote"}


def test_a_csv_with_a_bom_and_semicolons_is_read():
    text = "Job Title;Employer;Location;Skills;Remote\nSRE;Acme;Berlin;Linux, Go;yes\n"
    data = codecs.BOM_UTF8 + text.encode()

    (row,) = feed_rows(name="feed.csv", data=data)

    assert row == {
        "title": "SRE",
        "company": "Acme",
        "location": "Berlin",
        "required_skills": "Linux, Go",
        "remote": "yes",
    }


def test_a_comma_csv_with_quoted_multiline_descriptions_is_read():
    text = 'title,company,description,salary\nSRE,Acme,"Line one\nline two","£50k\u201360k"\n'

    (row,) = feed_rows(name="feed.csv", data=text.encode())

    assert row["description"] == "Line one\nline two"
    assert row["salary_text"] == "£50k\u201360k"


def test_empty_rows_at_the_end_of_a_csv_are_dropped():
    text = "title,company\nSRE,Acme\n,\n,\n"

    assert feed_rows(name="feed.csv", data=text.encode()) == [{"title": "SRE", "company": "Acme"}]


def test_a_feed_over_the_size_limit_is_413(settings):
    settings.JOB_IMPORT_MAX_UPLOAD_BYTES = 100

    with pytest.raises(FeedTooLarge) as caught:
        feed_rows(name="feed.json", data=b"[" + b" " * 200 + b"]")

    assert caught.value.status_code == 413


def test_a_feed_with_too_many_rows_is_400(settings):
    settings.JOB_IMPORT_MAX_ROWS = 2

    with pytest.raises(FeedTooManyRows, match="at most 2") as caught:
        feed_rows(name="feed.json", data=json.dumps([POSTING] * 3).encode())

    assert caught.value.status_code == 400


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00rest-of-an-xlsx", "ZIP archive"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"title,company\n\x00\x01\x02\x03", "binary data"),
    ],
)
def test_binary_content_named_csv_is_415(data, says):
    with pytest.raises(UnsupportedFeed, match=says) as caught:
        feed_rows(name="feed.csv", data=data)

    assert caught.value.status_code == 415


def test_an_unknown_extension_is_415():
    with pytest.raises(UnsupportedFeed, match=r"\.xml"):
        feed_rows(name="feed.xml", data=b"<jobs/>")


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("feed.json", b'[{"title": "SRE",}]', "not valid JSON"),
        ("feed.json", b'{"postings": []}', '"jobs" or "data"'),
        ("feed.json", b'"just a string"', "list of postings"),
        ("feed.csv", "title,company\nDéveloppeur,Acme\n".encode("latin-1"), "not UTF-8"),
        ("feed.csv", codecs.BOM_UTF16_LE + "title\nSRE\n".encode("utf-16-le"), "UTF-16"),
        ("feed.csv", b"   \n", "empty"),
        ("feed.csv", b"foo,bar\n1,2\n", "name its columns"),
    ],
)
def test_unreadable_feeds_are_400_with_the_reason(name, data, says):
    with pytest.raises(UnreadableFeed, match=says) as caught:
        feed_rows(name=name, data=data)

    assert caught.value.status_code == 400


def test_the_kind_is_sniffed_when_the_name_has_no_extension():
    assert feed_rows(name="upload", data=json.dumps([POSTING]).encode()) == [POSTING]
    assert feed_rows(name="upload", data=b"title\nSRE\n") == [{"title": "SRE"}]


def test_cleaning_reads_common_spellings():
    cleaned, errors = row_clean(
        {
            "title": " SRE ",
            "required_skills": "Linux, Go; AWS",
            "remote": "Yes",
            "job_type": "Full-Time",
            "experience_level": "Junior",
            "salary_min": "50,000",
            "salary_currency": "£",
            "posted_at": "2025-05-01",
        }
    )

    assert errors == {}
    assert cleaned == {
        "title": "SRE",
        "required_skills": ["Linux", "Go", "AWS"],
        "work_mode": "remote",
        "job_type": "Full-Time",
        "experience_level": "Junior",
        "salary_min": 50000,
        "salary_currency": "GBP",
        "posted_at": "2025-05-01T00:00:00",
    }


def test_a_remote_value_that_is_neither_yes_nor_no_is_an_error():
    _, errors = row_clean({"title": "SRE", "remote": "sometimes"})

    assert "remote" in errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£50k\u201360k", {"salary_min": 50_000, "salary_max": 60_000, "salary_currency": "GBP"}),
        (
            "$120,000 - $140,000 a year",
            {"salary_min": 120_000, "salary_max": 140_000, "salary_currency": "USD",
             "salary_period": "year"},
        ),
        ("45 EUR/hour", {"salary_min": 45, "salary_currency": "EUR", "salary_period": "hour"}),
        ("Up to £60k", {"salary_max": 60_000, "salary_currency": "GBP"}),
        ("Competitive", {}),
        ("£500 per day", {}),
    ],
)  # fmt: skip
def test_free_text_salaries_are_read_when_clear(text, expected):
    assert salary_from_text(text) == expected


def test_a_free_text_salary_stays_as_written():
    cleaned, _ = row_clean({"title": "SRE", "salary_text": "£50k\u201360k + bonus"})

    assert cleaned["salary_text"] == "£50k\u201360k + bonus"
    assert (cleaned["salary_min"], cleaned["salary_max"]) == (50_000, 60_000)


def test_the_derived_id_ignores_case_and_spacing_but_not_content():
    one = {"title": "SRE", "company": "Acme", "location": "Berlin", "apply_url": ""}
    same = {"title": " sre ", "company": "ACME", "location": "Berlin"}
    other = {**one, "location": "Paris"}

    assert source_job_id_derive(one) == source_job_id_derive(same)
    assert source_job_id_derive(one) != source_job_id_derive(other)
    assert len(source_job_id_derive(one)) == 32
