"""Parsing resume text into the profile: the formats people write, and nothing made up."""

# ruff: noqa: RUF001 (resumes write date ranges with en dashes; the tests must too)

import json
from datetime import date

import pytest

from resumes.extraction.normalise import normalise
from resumes.parsing import parse_resume
from resumes.parsing.dates import find_range
from resumes.parsing.sections import heading_key
from tests.resumes.generated import SAMPLE_AS_OF, resume_text, resume_variant
from tests.work import python_calls

AS_OF = date(2025, 6, 1)


def parse(text: str, as_of: date = AS_OF) -> dict:
    return parse_resume(text, as_of=as_of)


def only_job(lines: str) -> dict:
    (job,) = parse(f"Ada Lovelace\n\nExperience\n{lines}")["experience"]
    return job


# --- Dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start", "end", "current", "months"),
    [
        ("Jan 2019 – Present", "2019-01", None, True, 78),
        ("January 2019 - Mar 2021", "2019-01", "2021-03", False, 27),
        ("Sept. 2019 — Feb. 2020", "2019-09", "2020-02", False, 6),
        ("2019-03 – 2021-05", "2019-03", "2021-05", False, 27),
        ("03/2019 - 05/2021", "2019-03", "2021-05", False, 27),
        ("3.2019 - 5.2021", "2019-03", "2021-05", False, 27),
        ("2018 – 2020", "2018-01", "2020-01", False, 24),
        ("Since 2020", "2020-01", None, True, 66),
        ("2020 - Current", "2020-01", None, True, 66),
        ("Mar 2022 to now", "2022-03", None, True, 40),
        ("Jan – Mar 2021", "2021-01", "2021-03", False, 3),
        ("Jun '19 – Aug '19", "2019-06", "2019-08", False, 3),
    ],
)
def test_date_ranges_in_many_formats(written, start, end, current, months):
    job = only_job(f"Software Engineer, Acme Corp\n{written}\n- Built things")
    assert (job["start"], job["end"], job["current"], job["months"]) == (
        start,
        end,
        current,
        months,
    )


def test_months_are_counted_inclusively():
    assert only_job("Engineer, Acme\nJan 2020 – Jan 2020")["months"] == 1
    assert only_job("Engineer, Acme\nJan 2020 – Dec 2020")["months"] == 12


def test_present_is_resolved_against_as_of():
    text = "Ada Lovelace\n\nExperience\nEngineer, Acme\nJan 2024 – Present"
    assert parse(text, as_of=date(2024, 12, 15))["experience"][0]["months"] == 12
    assert parse(text, as_of=date(2025, 12, 15))["experience"][0]["months"] == 24
    assert parse(text, as_of=date(2025, 12, 15))["total_experience_years"] == 2.0


def test_dates_after_as_of_do_not_count():
    job = only_job("Engineer, Acme\nJan 2025 – Dec 2026")
    assert job["end"] == "2026-12"
    assert job["months"] == 6


def test_a_phone_number_is_not_a_date_range():
    assert find_range("+1 415 555 2019") is None
    assert find_range("(415) 555-2019") is None
    assert find_range("Python 3.12 and Django 4.2") is None


# --- Total experience -----------------------------------------------------------------------


def test_parallel_jobs_count_once_in_total_experience():
    text = """Ada Lovelace

Experience
Engineer, Acme Corp
Jan 2018 – Dec 2021
- Built things

Consultant, Self-employed
Jan 2019 – Dec 2019
- Advised startups

Lead Engineer, Globex
Jan 2022 – Dec 2022
"""
    profile = parse(text)
    assert [job["months"] for job in profile["experience"]] == [48, 12, 12]
    assert profile["total_experience_years"] == 5.0


def test_gaps_between_jobs_are_not_counted():
    text = "A B\n\nExperience\nEngineer, Acme\n2010 – 2012\nEngineer, Globex\n2020 – 2022"
    assert parse(text)["total_experience_years"] == 4.0


def test_the_sample_resume_has_the_documented_total():
    assert parse(resume_text(), as_of=SAMPLE_AS_OF)["total_experience_years"] == 9.8


# --- Sections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("Employment History", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("— Experience —", "experience"),
        ("Academic Background", "education"),
        ("Core Competencies", "skills"),
        ("Technical Skills", "skills"),
        ("About Me", "summary"),
        ("OBJECTIVE", "summary"),
        ("Licenses & Certifications", "certifications"),
        ("Languages", "languages"),
        ("Projects", "projects"),
        ("Honors and Awards", "awards"),
        ("Volunteer Experience", "volunteering"),
        ("Hobbies & Interests", "interests"),
    ],
)
def test_heading_synonyms_in_any_case(line, key):
    assert heading_key(line) == key


@pytest.mark.parametrize(
    "line",
    ["Led the experience team", "Experience with Python and Go for five years", "- Skills"],
)
def test_sentences_are_not_headings(line):
    assert heading_key(line) is None


def test_sections_are_listed_in_order_with_contact_first():
    profile = parse(resume_text())
    assert profile["sections"] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
        "certifications",
        "languages",
    ]


def test_an_inline_heading_carries_its_content():
    profile = parse("Ada Lovelace\nada@example.com\n\nLanguages: English (native), Polish (B2)")
    assert profile["languages"] == [
        {"language": "English", "proficiency": "native"},
        {"language": "Polish", "proficiency": "B2"},
    ]


def test_programming_languages_under_skills_are_not_spoken_languages():
    text = "Ada Lovelace\n\nSkills\nLanguages\nPython, Go\nLanguages: Rust, C++\nFrameworks: Django"
    profile = parse(text)
    assert profile["languages"] == []
    assert profile["sections"] == ["skills"]
    assert {"Python", "Go", "Rust", "C++"} <= set(profile["skills"]["languages"])


# --- Contact --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "+44 20 7946 0958",
        "(415) 555-0134",
        "+1 (415) 555-0134",
        "+49 (0)30 901820",
        "+33 6 12 34 56 78",
        "+91 98765 43210",
        "0044 20 7946 0958",
        "555.123.4567",
    ],
)
def test_phone_numbers_are_kept_as_written(phone):
    profile = parse(f"Ada Lovelace\nada@example.com | {phone} | London, UK")
    assert profile["personal_info"]["phone"] == phone


def test_phone_spacing_is_normalised():
    profile = parse("Ada Lovelace\nPhone:  +44  20   7946 0958")
    assert profile["personal_info"]["phone"] == "+44 20 7946 0958"


def test_a_year_range_in_the_header_is_not_taken_for_a_phone():
    profile = parse("Ada Lovelace\nLondon, UK | 2019 - 2021 | ada@example.com")
    assert profile["personal_info"]["phone"] is None


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Zoë Müller", "Zoë Müller"),
        ("Mei-Ling O'Brien", "Mei-Ling O'Brien"),
        ("Lars van der Berg", "Lars van der Berg"),
        ("JEAN-LUC O'NEILL", "Jean-Luc O'Neill"),
        ("Maria Santos, RN, BSN", "Maria Santos"),
        ("Curriculum Vitae\nŁukasz Wiśniewski", "Łukasz Wiśniewski"),
        ("ada@example.com\nAda Lovelace", "Ada Lovelace"),
        ("Ada Lovelace | Senior Engineer", "Ada Lovelace"),
        ("Name: Grace Hopper", "Grace Hopper"),
    ],
)
def test_the_name_is_the_first_header_line_that_looks_like_one(header, name):
    assert parse(f"{header}\n\nExperience\n")["personal_info"]["name"] == name


@pytest.mark.parametrize(
    "header", ["Senior Software Engineer", "Professional Summary", "ada@example.com", "Ada"]
)
def test_no_name_is_invented_from_lines_that_are_not_names(header):
    assert parse(f"{header}\n\nExperience\n")["personal_info"]["name"] is None


@pytest.mark.parametrize(
    ("line", "location"),
    [
        ("Austin, TX", "Austin, TX"),
        ("Austin, TX 78701", "Austin, TX 78701"),
        ("Berlin, Germany", "Berlin, Germany"),
        ("Toronto, ON, Canada", "Toronto, ON, Canada"),
        ("Location: São Paulo, Brazil", "São Paulo, Brazil"),
        ("London", "London"),
    ],
)
def test_a_location_line_in_the_header(line, location):
    profile = parse(f"Ada Lovelace\nada@example.com · {line}")
    assert profile["personal_info"]["location"] == location


def test_links_are_sorted_by_site_and_kept_as_written():
    text = (
        "Ada Lovelace\nhttps://www.linkedin.com/in/ada-lovelace/ | https://github.com/ada\n"
        "stackoverflow.com/users/1815/ada | https://ada.dev/portfolio"
    )
    assert parse(text)["personal_info"]["links"] == {
        "linkedin": "https://www.linkedin.com/in/ada-lovelace",
        "github": "https://github.com/ada",
        "stackoverflow": "stackoverflow.com/users/1815/ada",
        "website": "https://ada.dev/portfolio",
    }


def test_framework_names_are_not_websites():
    text = "Ada Lovelace\nada@example.com\n\nSkills\nASP.NET, Node.js, Vue.js"
    assert parse(text)["personal_info"]["links"]["website"] is None


# --- Experience -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "title", "company"),
    [
        ("Senior Engineer at Acme Corp\nJan 2020 – Present", "Senior Engineer", "Acme Corp"),
        ("Senior Engineer — Acme Corp\nJan 2020 – Present", "Senior Engineer", "Acme Corp"),
        ("Senior Engineer | Acme Corp\nJan 2020 – Present", "Senior Engineer", "Acme Corp"),
        ("Senior Engineer, Acme Corp\nJan 2020 – Present", "Senior Engineer", "Acme Corp"),
        ("Acme Corp\nSenior Engineer\nJan 2020 – Present", "Senior Engineer", "Acme Corp"),
        ("Senior Engineer\nAcme Corp\nJan 2020 – Present", "Senior Engineer", "Acme Corp"),
        ("Jan 2020 – Present\nSenior Engineer, Acme Corp", "Senior Engineer", "Acme Corp"),
        ("Senior Engineer, Acme Corp (Jan 2020 – Present)", "Senior Engineer", "Acme Corp"),
        ("Acme, Inc. — Senior Engineer — Jan 2020 – Present", "Senior Engineer", "Acme, Inc."),
    ],
    ids=["at", "dash", "pipe", "comma", "company-first", "title-first", "dates-first",
         "dates-in-brackets", "company-dash-title"],
)  # fmt: skip
def test_title_and_company_patterns(header, title, company):
    job = only_job(f"{header}\n- Shipped the product")
    assert (job["title"], job["company"]) == (title, company)
    assert job["bullets"] == ["Shipped the product"]


def test_a_job_with_one_date_counts_that_month():
    job = only_job("Intern — Jacquard Systems\nSummer 2013\n- Automated test reports")
    assert (job["title"], job["company"], job["start"], job["end"]) == (
        "Intern",
        "Jacquard Systems",
        "2013-06",
        None,
    )
    assert job["months"] == 1


def test_a_year_inside_a_bullet_does_not_start_a_job():
    job = only_job("Analyst, Acme\n2019 – 2021\n- Migrated reports from Office 2010\n- Cut costs")
    assert job["bullets"] == ["Migrated reports from Office 2010", "Cut costs"]


def test_one_line_and_multi_line_job_headers_can_mix():
    text = """Ada Lovelace

Experience
Senior Engineer — Acme Corp Jan 2021 – Present
- Led the platform team
Developer | Globex
2015-09 – 2017-02
- Maintained the checkout
"""
    jobs = parse(text)["experience"]
    assert [(job["title"], job["company"], job["start"]) for job in jobs] == [
        ("Senior Engineer", "Acme Corp", "2021-01"),
        ("Developer", "Globex", "2015-09"),
    ]


def test_a_job_location_is_split_from_the_company():
    job = only_job("Engineer — Acme GmbH, Berlin, Germany\n2019 – 2021")
    assert (job["company"], job["location"]) == ("Acme GmbH", "Berlin, Germany")


def test_wrapped_bullet_lines_are_joined():
    job = only_job(
        "Engineer, Acme\n2019 – 2021\n- Built the billing service that handles\n"
        "2M payments a day\n- Led a team of four"
    )
    assert job["bullets"] == [
        "Built the billing service that handles 2M payments a day",
        "Led a team of four",
    ]


def test_jobs_without_bullet_markers_are_still_told_apart():
    text = """Ada Lovelace

Experience
Engineer, Acme Corp
2019 – 2021
Built the billing service
Mentored four engineers and introduced code review guidelines
Developer, Globex Corporation
2016 – 2019
Maintained the checkout
"""
    jobs = parse(text)["experience"]
    assert [(job["title"], job["company"]) for job in jobs] == [
        ("Engineer", "Acme Corp"),
        ("Developer", "Globex Corporation"),
    ]
    assert jobs[0]["bullets"] == [
        "Built the billing service",
        "Mentored four engineers and introduced code review guidelines",
    ]


def test_a_job_without_dates_is_kept_without_inventing_any():
    job = only_job("Barista, Blue Bottle Coffee\n- Made coffee")
    assert job == {
        "title": "Barista",
        "company": "Blue Bottle Coffee",
        "location": None,
        "start": None,
        "end": None,
        "current": False,
        "months": None,
        "bullets": ["Made coffee"],
    }


# --- Education, certifications, languages ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "degree", "field"),
    [
        ("BSc Computer Science, University of Leeds, 2015", "BSc", "Computer Science"),
        ("B.S. in Biology, Ohio State University, 2015", "B.S.", "Biology"),
        ("Bachelor of Arts in History, Yale University, 2015", "Bachelor of Arts", "History"),
        ("MSc in Data Science, University of Edinburgh, 2015", "MSc", "Data Science"),
        ("MBA, INSEAD, 2015", "MBA", None),
        ("Ph.D. in Physics, ETH Zurich, 2015", "Ph.D.", "Physics"),
        ("Master of Science in Nursing, Duke University, 2015", "Master of Science", "Nursing"),
        ("MA English Literature, King's College London, 2015", "MA", "English Literature"),
    ],
)
def test_degrees_and_fields(line, degree, field):
    (entry,) = parse(f"Ada Lovelace\n\nEducation\n{line}")["education"]
    assert (entry["degree"], entry["field"], entry["end"]) == (degree, field, "2015")


def test_a_state_abbreviation_is_not_a_degree():
    (entry,) = parse("Ada Lovelace\n\nEducation\nBoston University, Boston, MA\n2010 – 2014")[
        "education"
    ]
    assert entry["degree"] is None
    assert entry["institution"] == "Boston University"
    assert (entry["start"], entry["end"]) == ("2010", "2014")


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("GPA: 3.8/4.0", "GPA 3.8/4.0"),
        ("CGPA 8.7 / 10", "CGPA 8.7 / 10"),
        ("First Class Honours", "First Class Honours"),
        ("Upper Second-Class Honours (2:1)", "Upper Second-Class Honours (2:1)"),
        ("magna cum laude", "magna cum laude"),
    ],
)
def test_grades(text, grade):
    profile = parse(f"Ada Lovelace\n\nEducation\nBSc Mathematics, University of York, 2015, {text}")
    assert profile["education"][0]["grade"] == grade


@pytest.mark.parametrize(
    ("line", "certification"),
    [
        (
            "AWS Certified Developer – Associate (Amazon Web Services, 2022)",
            {"name": "AWS Certified Developer – Associate", "issuer": "Amazon Web Services",
             "year": 2022},
        ),
        (
            "Certified ScrumMaster, Scrum Alliance, 2021",
            {"name": "Certified ScrumMaster", "issuer": "Scrum Alliance", "year": 2021},
        ),
        (
            "PMP | Project Management Institute | Issued Mar 2020",
            {"name": "PMP", "issuer": "Project Management Institute", "year": 2020},
        ),
        (
            "Google Data Analytics Certificate by Coursera",
            {"name": "Google Data Analytics Certificate", "issuer": "Coursera", "year": None},
        ),
        (
            "CompTIA Security+",
            {"name": "CompTIA Security+", "issuer": None, "year": None},
        ),
    ],
)  # fmt: skip
def test_certifications_with_issuer_and_year(line, certification):
    profile = parse(f"Ada Lovelace\n\nCertifications\n- {line}")
    assert profile["certifications"] == [certification]


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("French (fluent), German – B2", [("French", "fluent"), ("German", "B2")]),
        ("English: native | Spanish: C1", [("English", "native"), ("Spanish", "C1")]),
        ("Fluent: French, Italian", [("French", "Fluent"), ("Italian", "Fluent")]),
        ("Native English speaker", [("English", "Native speaker")]),
        ("Japanese (JLPT N2)", [("Japanese", "JLPT N2")]),
        ("Arabic, Farsi", [("Arabic", None), ("Farsi", None)]),
    ],
)
def test_languages_with_proficiency(line, languages):
    profile = parse(f"Ada Lovelace\n\nLanguages\n{line}")
    assert [(item["language"], item["proficiency"]) for item in profile["languages"]] == languages


# --- Skills ---------------------------------------------------------------------------------


def test_skills_come_from_the_whole_text_grouped_by_category():
    skills = parse(resume_text())["skills"]
    assert {"Python", "Go", "SQL", "JavaScript"} <= set(skills["languages"])
    assert {"Django", "Flask", "FastAPI"} <= set(skills["frameworks"])
    named_in_a_bullet = "Apache Kafka"
    assert named_in_a_bullet in {name for names in skills.values() for name in names}
    assert "Java" not in skills["languages"]


# --- Honesty, determinism, speed ------------------------------------------------------------


def test_an_empty_text_gives_an_empty_profile():
    assert parse("") == {
        "personal_info": {
            "name": None,
            "email": None,
            "phone": None,
            "location": None,
            "links": {"linkedin": None, "github": None, "stackoverflow": None, "website": None},
        },
        "summary": None,
        "skills": {},
        "experience": [],
        "total_experience_years": 0.0,
        "education": [],
        "certifications": [],
        "languages": [],
        "sections": [],
    }


def test_the_same_text_always_gives_the_same_profile():
    text = resume_variant(7)
    assert parse(text) == parse(text)


def test_the_profile_is_json_serialisable_data():
    profile = parse(resume_text())
    assert json.loads(json.dumps(profile)) == profile


def test_a_very_long_text_is_parsed_whole():
    # Speed is bench/resumes.py's business (a wall clock here depends on the machine's load).
    text = "\n\n".join(resume_variant(index) for index in range(50))  # ~150 pages

    profile = parse(text)

    assert len(profile["experience"]) == sum(3 + index % 4 for index in range(50))


def test_a_former_employer_named_like_a_product_is_not_a_skill():
    text = (
        "Jane Roe\njane@example.com\n\nExperience\nProduct Designer, Figma\nJan 2021 - Dec 2023\n"
        "- Designed onboarding flows\nSRE, New Relic\n2018 - 2020\n- Ran on-call rotations\n\n"
        "Skills\nSketch, prototyping"
    )

    found = {name for names in parse(text)["skills"].values() for name in names}

    assert not {"Figma", "New Relic"} & found
    assert "Prototyping" in found


def test_an_employer_that_is_also_listed_as_a_skill_stays_a_skill():
    text = (
        "Jane Roe\njane@example.com\n\nExperience\nDesigner, Figma\nJan 2021 - Dec 2023\n"
        "- Designed flows\n\nSkills\nFigma, Sketch"
    )

    assert "Figma" in parse(text)["skills"]["tools"]


# --- layouts of real resumes: date columns, field orders, names, phones, degrees -----------


def _jobs(body: str) -> list[tuple]:
    profile = parse(f"Ann Lee\nann@example.com\n\nExperience\n{body}")
    return [(job["title"], job["company"], job["location"]) for job in profile["experience"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "2021 –\nPresent\nProduct Manager, Google, Mountain View, CA\n- Led launches",
            ("Product Manager", "Google", "Mountain View, CA"),
        ),
        (
            "Jan 2019\n– Mar 2021\nStaff Accountant | Smith & Jones, LLP | Boston, MA\n- Closed",
            ("Staff Accountant", "Smith & Jones, LLP", "Boston, MA"),
        ),
        (
            "Acme Health, Austin, TX, Registered Nurse\nJan 2020 - Present\n- Cared for patients",
            ("Registered Nurse", "Acme Health", "Austin, TX"),
        ),
        (
            "Senior Engineer, Initech, Inc.\n2018 - 2019\n- Shipped billing",
            ("Senior Engineer", "Initech, Inc.", None),
        ),
        (
            "Pied Piper (Palo Alto, CA)\nSoftware Engineer\n2016 - 2018\n- Built compression",
            ("Software Engineer", "Pied Piper", "Palo Alto, CA"),
        ),
    ],
)
def test_entry_headers_in_any_common_layout(body, expected):
    assert _jobs(body) == [expected]


def test_a_wrapped_date_column_gives_a_current_range():
    profile = parse("Ann Lee\nann@example.com\n\nExperience\n2021 –\nPresent\nAnalyst, Acme Corp")

    job = profile["experience"][0]
    assert (job["start"], job["end"], job["current"]) == ("2021-01", None, True)


@pytest.mark.parametrize(
    ("top", "name"),
    [
        ("Last updated: May 2025\nAnn Lee\nann@example.com", "Ann Lee"),
        ("Ann Lee ann.lee@example.com\nBoston, MA", "Ann Lee"),
        ("J O H N  D O E\njohn@example.com", "John Doe"),
        ("J\tO\tH\tN  D\tO\tE\njohn@example.com", "John Doe"),
        ("MICHAEL CHEN, RN, BSN, CCRN\nm.chen@example.com", "Michael Chen"),
        ("MICHAEL CHEN RN BSN\nm.chen@example.com", "Michael Chen"),
        ("Jennifer Thompson, RN, MSN, C-EFM\nj.t@example.com", "Jennifer Thompson"),
    ],
)
def test_names_found_by_shape_not_by_being_first(top, name):
    assert parse(normalise(top))["personal_info"]["name"] == name


def test_a_name_below_a_sidebar_is_found_and_kept_out_of_its_sections():
    text = (
        "CONTACT\n617-555-0100\nann@example.com\n\nSKILLS\nPatient Assessment\nWound Care\n\n"
        "EDUCATION\nBSN, Boston College, 2015\n\nANN MARIE LEE\nRegistered Nurse\n\n"
        "EXPERIENCE\nStaff Nurse, Mass General Hospital\n2016 - Present\n- Cared for patients"
    )

    profile = parse(text)

    assert profile["personal_info"]["name"] == "Ann Marie Lee"
    assert [entry["institution"] for entry in profile["education"]] == ["Boston College"]


@pytest.mark.parametrize(
    ("written", "phone"),
    [
        ("312\u2011555\u20110187", "312-555-0187"),
        ("312\u2013555\u20130187", "312-555-0187"),
        ("312\u00ad555\u00ad0187", "312-555-0187"),
        ("(312)\r555-0187", "(312) 555-0187"),
        ("(312)\u00a0555-0187", "(312) 555-0187"),
        ("312\t555\t0187", "312 555 0187"),
    ],
)
def test_phones_with_any_space_or_hyphen_character(written, phone):
    text = normalise(f"Ann Lee\nPhone: {written}\nann@example.com")

    assert parse(text)["personal_info"]["phone"] == phone


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "Master of Engineering (MEng), Computer Science\nCornell University, 2019 – 2020\n"
            "B.S. in Computer Science\nUniversity of Texas at Austin, 2015 – 2019",
            [
                ("Master of Engineering", "Computer Science", "Cornell University"),
                ("B.S.", "Computer Science", "University of Texas at Austin"),
            ],
        ),
        (
            "B.E. in Computer Engineering, Anna University, 2014",
            [("B.E.", "Computer Engineering", "Anna University")],
        ),
        (
            "Juris Doctor (J.D.), cum laude\nGeorgetown University Law Center, 2016\n"
            "LL.M. in Taxation, New York University School of Law, 2017",
            [
                ("Juris Doctor", None, "Georgetown University Law Center"),
                ("LL.M.", "Taxation", "New York University School of Law"),
            ],
        ),
        (
            "Bachelor of Arts, Business Administration\nJune 2015\nUniversity of Oregon",
            [("Bachelor of Arts", "Business Administration", "University of Oregon")],
        ),
        (
            "Bachelor of Science\nNursing\nLoyola University Chicago\nSep 2011 | June 2015",
            [("Bachelor of Science", "Nursing", "Loyola University Chicago")],
        ),
        (
            "Associate of Applied Science in Nursing (ADN), Miami Dade College, 2012\n"
            "BSN, Florida International University, 2016",
            [
                ("Associate of Applied Science", "Nursing", "Miami Dade College"),
                ("BSN", None, "Florida International University"),
            ],
        ),
        (
            "B.Tech, Mechanical Engineering\nIIT Bombay | 2012 - 2016",
            [("B.Tech", "Mechanical Engineering", "IIT Bombay")],
        ),
    ],
)
def test_several_degrees_abbreviated_or_long(lines, expected):
    education = parse(f"Ann Lee\nann@example.com\n\nEducation\n{lines}")["education"]

    assert [(e["degree"], e["field"], e["institution"]) for e in education] == expected


def test_parsing_work_grows_linearly_with_a_very_long_text():
    """Counted, not timed: 50 resumes in one text (~150 pages) cost about twice the work
    of 25."""
    work = []
    for count in (25, 50):
        text = "\n\n".join(resume_variant(index) for index in range(count))
        parse(text)  # warm the caches
        work.append(python_calls(parse, text))
    assert work[1] <= 2.2 * work[0]


def test_a_degree_wrapped_in_a_narrow_column_is_read_whole_but_a_lone_school_is_not_its_field():
    wrapped = parse(
        "Ann Lee\nann@example.com\n\nEducation\nBachelor of Science in Business\nAdministration\n"
        "University of North Carolina\n2022 - 2026"
    )["education"][0]
    school = parse("Ann Lee\nann@example.com\n\nEducation\nBSc Computer Science\nStanford\n2014")[
        "education"
    ][0]

    assert (wrapped["field"], wrapped["institution"]) == (
        "Business Administration",
        "University of North Carolina",
    )
    assert (school["field"], school["institution"]) == ("Computer Science", "Stanford")
