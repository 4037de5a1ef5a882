import pytest

from ai import skills
from ai.skills import (
    CATEGORIES,
    CATEGORY_LABELS,
    TAXONOMY_DIR,
    canonical,
    category_of,
    expand_implied,
    extract_skill_mentions,
    extract_skills,
    load_taxonomy,
    skills_by_category,
    taxonomy,
)

RESUME = """Jane Doe
Senior Software Engineer | jane.doe@example.com | github.com/janedoe/react-app

SUMMARY
Backend-leaning engineer with 8 years building distributed systems in Go and Python.
A Go-getter who enjoys R&D and a good go to market plan; strong communication.

SKILLS
Languages: Python, Go, TypeScript, JavaScript, C++, C#, SQL, R, Bash
Frameworks: Django, FastAPI, Flask, React, React Native, Vue.js, Node.js, Express, Spring Boot
Data: PostgreSQL, Redis, Elasticsearch, MongoDB, Kafka, Apache Spark, pandas, scikit-learn
Cloud & DevOps: AWS (EC2, S3, Lambda, EKS), GCP, Docker, Kubernetes (k8s), Terraform, CI/CD
Testing: pytest, Jest, Cypress, Playwright, Selenium, TDD
Tools: Git, Jira, Confluence, Figma, Excel, VS Code

EXPERIENCE
Senior Software Engineer, Acme Corp, Jan 2020 - Present
- Led the move of a monolith to microservices written in Go and Python, p95 latency -40%.
- Built event pipelines with Kafka, Spark Structured Streaming and Airflow, 2B events a day.
- Designed REST APIs and GraphQL gateways with FastAPI; added OpenTelemetry tracing.
- Introduced Terraform modules and Argo CD for 30 Kubernetes clusters on Amazon EKS.
- Mentored 6 engineers; ran code reviews and sprint planning in an Agile/Scrum team.

Software Engineer, Globex, Jun 2016 - Dec 2019
- Developed React and Redux front ends and a React Native app used by 200k people.
- Wrote NodeJS services with Express and NestJS, backed by Postgres and Redis.
- Trained churn models with sklearn and XGBoost, served with Flask.
- Set up Jenkins pipelines and SonarQube; automated tests with pytest and Cypress.

EDUCATION
B.Sc. Computer Science, State University, 2012 - 2016. Graduated in Spring 2016.

INTERESTS
Chess, cooking (no Chef here), puppet theatre, and Spring hiking trips.
"""


PROFESSIONS = (
    "healthcare", "finance", "office_admin", "legal", "sales_marketing", "education",
    "hospitality", "design", "trades",
)  # fmt: skip


def test_taxonomy_holds_at_least_2000_skills_across_software_and_other_professions():
    skills = list(taxonomy())
    per_category = dict.fromkeys(CATEGORIES, 0)
    for skill in skills:
        per_category[skill.category] += 1

    assert len(taxonomy()) == len(skills) >= 2000
    assert set(PROFESSIONS) < set(CATEGORIES)
    minimum = {category: 25 if category in PROFESSIONS else 50 for category in CATEGORIES}
    assert all(count >= minimum[category] for category, count in per_category.items())
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert CATEGORY_LABELS["data_ml"] == "Data & ML"


def test_no_name_or_alias_belongs_to_two_skills():
    owner: dict[str, str] = {}
    clashes = []
    for skill in taxonomy():
        for form in (skill.name, *skill.aliases):
            key = " ".join(form.lower().split())
            if owner.setdefault(key, skill.name) != skill.name:
                clashes.append((form, owner[key], skill.name))

    assert clashes == []


def test_every_implied_skill_exists_and_no_skill_implies_itself():
    names = {skill.name for skill in taxonomy()}
    broken = [
        (skill.name, implied)
        for skill in taxonomy()
        for implied in skill.implies
        if implied not in names or implied == skill.name
    ]

    assert broken == []


def _write_taxonomy(directory, lines_by_category):
    for category in CATEGORIES:
        lines = lines_by_category.get(category, [f"Skill of {category}"])
        (directory / f"{category}.txt").write_text("\n".join(lines), encoding="utf-8")


def test_loader_refuses_an_alias_shared_by_two_skills(tmp_path):
    _write_taxonomy(tmp_path, {"languages": ["Go | golang", "Golang Tools | GoLang"]})

    with pytest.raises(ValueError, match="names both 'Go' and 'Golang Tools'"):
        load_taxonomy(tmp_path)


def test_loader_refuses_an_implied_skill_that_does_not_exist(tmp_path):
    _write_taxonomy(tmp_path, {"frameworks": ["Django | | Pythn"]})

    with pytest.raises(ValueError, match="Pythn"):
        load_taxonomy(tmp_path)


def test_shipped_taxonomy_loads_cleanly_and_is_cached():
    assert len(load_taxonomy(TAXONOMY_DIR)) == len(taxonomy())
    assert taxonomy() is taxonomy()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C++ and C# on .NET", ["C++", "C#", ".NET"]),
        ("ASP.NET Core and VB.NET", ["ASP.NET Core", "VB.NET"]),
        ("Node.js, NodeJS and node", ["Node.js"]),
        ("Express and node", ["Express", "Node.js"]),
        ("Python, Go, Rust", ["Python", "Go", "Rust"]),
        ("services written in Go", ["Go"]),
        ("Go developer", ["Go"]),
        ("golang", ["Go"]),
        ("Golang microservices", ["Go", "Microservices"]),
        ("R, Python", ["R", "Python"]),
        ("R programming", ["R"]),
        ("Java and JavaScript", ["Java", "JavaScript"]),
        ("JavaScript", ["JavaScript"]),
        ("React Native", ["React Native"]),
        ("React and React Native", ["React", "React Native"]),
        ("Vue.js or VueJS", ["Vue.js"]),
        ("C, C++", ["C", "C++"]),
        ("C/C++", ["C", "C++"]),
        ("C programming", ["C"]),
        ("Objective-C", ["Objective-C"]),
        ("Excel", ["Excel"]),
        ("CI/CD", ["CI/CD"]),
        ("scikit-learn and sklearn", ["scikit-learn"]),
        ("PostgreSQL or Postgres", ["PostgreSQL"]),
        ("AWS and Amazon Web Services", ["AWS"]),
        ("k8s", ["Kubernetes"]),
        ("Java/Spring", ["Java", "Spring"]),
        ("Spring Boot", ["Spring Boot"]),
        ("Swift, Kotlin", ["Swift", "Kotlin"]),
        ("Chef, Puppet, Ansible", ["Chef", "Puppet", "Ansible"]),
        ("Ruby on Rails", ["Ruby on Rails"]),
        ("Ruby, Python", ["Ruby", "Python"]),
        ("Express, Node.js", ["Express", "Node.js"]),
        ("REST APIs with Flask", ["REST", "Flask"]),
        ("Make, CMake", ["Make", "CMake"]),
        ("Ant, Maven", ["Apache Ant", "Apache Maven"]),
        ("Sass/Less", ["Sass", "Less"]),
        ("Languages: Go", ["Go"]),
        ("Skills\nGo\nRust\n", ["Go", "Rust"]),
        ("a Swift iOS app", ["Swift", "iOS"]),
        ("Python3 and Python-based tools", ["Python"]),
    ],
)
def test_extracts_skills_despite_case_punctuation_and_look_alikes(text, expected):
    assert extract_skills(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We are going to go to market next week",
        "Go to market strategy",
        "A Go-getter attitude",
        "R&D lead",
        "John R. Smith",
        "C-level executives",
        "Grade C",
        "excel at this",
        "Spring 2020",
        "in Spring semester",
        "rust on the car",
        "Rust belt",
        "swift delivery",
        "head chef",
        "Chef de partie",
        "puppet show",
        "Ruby Smith",
        "express delivery",
        "American Express",
        "flask of coffee",
        "Make sure to",
        "Ant colony",
        "Less than 5%",
        "sass",
        "node pools in the cluster",
    ],
)
def test_common_words_that_are_also_skill_names_are_not_skills(text):
    assert extract_skills(text) == []


def test_links_and_email_addresses_name_no_skills():
    text = "jane@python.org, github.com/jane/react-app, https://kotlinlang.org/docs, python.org"

    assert extract_skills(text) == []


def test_resume_skills_come_in_order_of_first_mention_once_each():
    skills = extract_skills(RESUME)

    assert skills[:3] == ["Distributed Systems", "Go", "Python"]
    assert len(skills) == len(set(skills))
    assert {"Node.js", "PostgreSQL", "scikit-learn", "Amazon EKS", "Jenkins"} <= set(skills)
    assert not {"Chef", "Puppet", "Spring"} & set(skills)


def test_mentions_point_at_the_text_they_came_from():
    text = "Built APIs with NodeJS; deployed on k8s."

    mentions = extract_skill_mentions(text)

    assert [(m.name, m.category, m.surface) for m in mentions] == [
        ("Node.js", "frameworks", "NodeJS"),
        ("Kubernetes", "devops", "k8s"),
    ]
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_go_in_a_resume_counts_only_where_it_is_the_language():
    go_lines = [
        RESUME[: m.start].count("\n") for m in extract_skill_mentions(RESUME) if m.name == "Go"
    ]

    # Summary "in Go and Python", the Languages line, and the microservices bullet;
    # not "Go-getter" nor "go to market".
    assert go_lines == [4, 8, 17]


def test_canonical_and_category_of_accept_any_alias_in_any_case():
    assert canonical("nodejs") == "Node.js"
    assert canonical("K8S") == "Kubernetes"
    assert canonical("amazon web services") == "AWS"
    assert canonical("Cobol 2000") is None
    assert category_of("sklearn") == "data_ml"
    assert category_of("Spring Boot") == "frameworks"
    assert category_of("Underwater Basket Weaving") is None


def test_skills_by_category_orders_categories_and_sorts_names_case_insensitively():
    grouped = skills_by_category(["pytorch", "Python", "React", "bash", "Not A Skill", "Python"])

    assert grouped == {
        "languages": ["Bash", "Python"],
        "frameworks": ["React"],
        "data_ml": ["PyTorch"],
    }
    assert list(grouped) == [c for c in CATEGORIES if c in grouped]


def test_expand_implied_follows_implications_transitively():
    assert expand_implied(["React Native"]) == {"React Native", "React", "JavaScript"}
    assert expand_implied(["Spring Boot"]) == {"Spring Boot", "Spring", "Java"}
    assert {"Django", "Python"} <= expand_implied(["django"])
    assert "Python" in expand_implied(["PyTorch"])
    assert {"Kubernetes", "Containers"} <= expand_implied(["Amazon EKS"])
    assert expand_implied(["Basket Weaving"]) == {"Basket Weaving"}


class _CountingPattern:
    """A compiled pattern that adds up how many characters each call hands the regex engine
    (`match`, `search`, `fullmatch`, `finditer` with optional bounds; `sub` the whole text)."""

    def __init__(self, pattern, tally: list[int]):
        self._pattern = pattern
        self._tally = tally

    def __getattr__(self, method: str):
        run = getattr(self._pattern, method)

        def counted(*args):
            string, *bounds = args[1:2] if method == "sub" else args
            end = len(string) if len(bounds) < 2 else min(bounds[1], len(string))
            self._tally[0] += max(0, end - (bounds[0] if bounds else 0))
            return run(*args)

        return counted


@pytest.fixture
def characters_read(monkeypatch) -> list[int]:
    """Every regex the extractor runs, counting the characters it is given to read."""
    tally = [0]
    for name in (
        "_LINK",
        "_JOINER",
        "_COMPOUND_AFTER",
        "_COMPOUND_BEFORE",
        "_DATE_AFTER",
        "_WORD_BEFORE",
        "_HEADING",
        "_TECH_WORD_AFTER",
        "_SECTION_HEADING",
        "_SKILLS_HEADING",
        "_OTHER_HEADING",
    ):
        monkeypatch.setattr(skills, name, _CountingPattern(getattr(skills, name), tally))
    matcher = taxonomy()
    monkeypatch.setattr(matcher, "pattern", _CountingPattern(matcher.pattern, tally))
    return tally


def _hostile(scale: int) -> str:
    # One line: a long run of letters, a dotted run, many bare "Go"s that each need context.
    return "a" * 25_000 * scale + " " + "x." * 12_500 * scale + " " + "Go " * 3_750 * scale


def test_extraction_work_grows_linearly_on_hostile_input(characters_read):
    """Counted, not timed: the context read around each mention stays within a window, so
    twice the text is twice the reading (a whole-line read per mention would square it)."""
    reads = []
    for scale in (1, 2):
        text = _hostile(scale)
        characters_read[0] = 0
        assert extract_skills(text) == []
        reads.append(characters_read[0])
        # The matcher reads every character; the context around mentions adds a bounded few.
        assert len(text) <= characters_read[0] <= 25 * len(text)
    assert reads[1] <= 2.05 * reads[0]


def _qualities_in_prose(scale: int) -> str:
    # Qualities that count only where skills are listed, each in a line of prose under a
    # heading far above: every one looks upwards for its section's heading.
    line = "A proactive, adaptable and empathetic colleague who stays curious.\n"
    return "Experience\n" + line * 400 * scale


def test_looking_up_the_heading_of_qualities_grows_linearly(characters_read):
    reads = []
    for scale in (1, 2):
        text = _qualities_in_prose(scale)
        characters_read[0] = 0
        assert extract_skills(text) == []
        reads.append(characters_read[0])
        assert characters_read[0] <= 25 * len(text)
    assert reads[1] <= 2.05 * reads[0]


def test_a_two_page_resume_is_read_a_bounded_number_of_times(characters_read):
    """Its speed (well under 5 ms) is measured by `make bench`; here, the work it costs."""
    text = RESUME * 3
    assert len(text) >= 5000
    assert "Kubernetes" in extract_skills(text)
    assert len(text) <= characters_read[0] <= 25 * len(text)


# --- other professions, qualities in prose, implications, certificate names -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Requirements:\n- BLS and ACLS certification\n- IV therapy, wound care and telemetry"
            "\n- Patient assessment and medication administration in Epic EMR",
            {
                "Basic Life Support",
                "Advanced Cardiovascular Life Support",
                "IV Therapy",
                "Wound Care",
                "Telemetry",
                "Patient Assessment",
                "Medication Administration",
                "Epic",
            },
        ),
        (
            "Processed accounts payable, bank reconciliations and month-end close under US GAAP "
            "in QuickBooks; supported the external audit. CPA.",
            {
                "Accounts Payable",
                "Account Reconciliation",
                "Month-End Close",
                "GAAP",
                "QuickBooks",
                "Auditing",
                "Certified Public Accountant",
            },
        ),
        (
            "Skills: data entry (70 WPM), calendar management, scheduling, Microsoft Office",
            {"Data Entry", "Typing", "Calendar Management", "Scheduling", "Microsoft Office"},
        ),
        (
            "Drafted motions and conducted legal research on Westlaw for civil litigation.",
            {"Legal Writing", "Legal Research", "Westlaw", "Litigation"},
        ),
        (
            "Lesson planning, classroom management, differentiated instruction; Google Classroom",
            {
                "Lesson Planning",
                "Classroom Management",
                "Differentiated Instruction",
                "Google Classroom",
            },
        ),
        (
            "ServSafe certified line cook: food preparation, menu planning, HACCP logs",
            {"ServSafe", "Food Preparation", "Menu Planning", "HACCP"},
        ),
        (
            "Licensed electrician: conduit bending, blueprint reading, OSHA 30, NEC code",
            {"Conduit Bending", "Blueprint Reading", "OSHA", "National Electrical Code"},
        ),
    ],
)
def test_skills_of_other_professions_are_found(text, expected):
    assert expected <= set(extract_skills(text))


def test_software_wording_names_no_skill_of_another_profession():
    text = (
        "Ran bug triage, shipped telemetry data to Grafana, tuned Kubernetes job scheduling, "
        "wrote audit logs, built the invoicing service and a typing-speed test for onboarding "
        "flows; added static typing."
    )

    found = {category_of(name) for name in extract_skills(text)}

    assert found <= {"devops", "cloud", "tools", "data_ml", "languages", "frameworks"}


def test_qualities_in_prose_are_not_skills_but_listed_ones_are():
    prose = "Proactive, results-driven and creative accountant, adaptable and empathetic."
    listed = "SKILLS\nProactive, Adaptable\nKey strengths: results-driven, empathy"

    assert extract_skills(prose) == []
    assert {"Proactivity", "Adaptability", "Results Orientation", "Empathy"} <= set(
        extract_skills(listed)
    )


def test_a_quality_listed_beside_a_skill_counts():
    assert "Teamwork" in extract_skills("Patient assessment, teamwork and wound care")


def test_an_implying_form_counts_for_matching_but_is_not_stated():
    text = "Improved the user experience of the checkout"

    assert "UX Design" not in extract_skills(text)
    assert "UX Design" in extract_skills(text, implied=True)
    assert [m.stated for m in extract_skill_mentions(text) if m.name == "UX Design"] == [False]


def test_a_b_testing_implies_experimental_design_only_for_matching():
    assert "Experimental Design" not in extract_skills("Ran A/B testing on pricing pages")
    assert "Experimental Design" in expand_implied(["A/B Testing"])


def test_a_vendor_in_a_certificate_name_is_not_its_product():
    found = extract_skills("Oracle Certified Professional, Java SE 11 Developer")

    assert "Oracle Database" not in found
    assert "Java" in found
