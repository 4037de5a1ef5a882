"""Scores of the parser on the layout corpus, per profession.

    .venv/bin/python -m tests.resumes.corpus.report

Fields exact: name, email, phone, latest title and employer, highest degree and its field
(7 a resume). Skill recall: stated skills found. Unstated: skills in the profile that the
resume does not state, as a share of the profile's skills. Traps: employers, products or
implied skills taken as skills.
"""

import functools
import os
from dataclasses import dataclass
from datetime import date

from tests.resumes.corpus.layouts import rendered
from tests.resumes.corpus.people import PEOPLE, Person

AS_OF = date(2025, 6, 1)
MAX_BYTES = 10 * 1024 * 1024
FIELDS = ("name", "email", "phone", "title", "company", "degree", "field")


@functools.cache
def profile(person: Person) -> dict:
    """Upload check, extraction and parsing, as the upload service runs them."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resumes.extraction import extract_text
    from resumes.files import check_upload
    from resumes.parsing import parse_resume

    data, filename, declared = rendered(person)
    upload = SimpleUploadedFile(filename, data, declared)
    kind = check_upload(upload, max_bytes=MAX_BYTES).kind
    return parse_resume(extract_text(data, kind).text, as_of=AS_OF)


def expected_fields(person: Person) -> dict:
    latest, highest = person.jobs[0], person.education[0]
    return {
        "name": person.name,
        "email": person.email,
        "phone": person.phone_label,
        "title": latest.title,
        "company": latest.company,
        "degree": person.extra.get("degree_label", highest.degree),
        "field": person.extra.get("field_label", highest.field),
    }


def found_fields(found: dict) -> dict:
    job = (found["experience"] or [{}])[0]
    education = (found["education"] or [{}])[0]
    return {
        "name": found["personal_info"]["name"],
        "email": found["personal_info"]["email"],
        "phone": found["personal_info"]["phone"],
        "title": job.get("title"),
        "company": job.get("company"),
        "degree": education.get("degree"),
        "field": education.get("field"),
    }


def stated(person: Person) -> set[str]:
    from ai.skills import canonical

    return {canonical(name) or name for name in person.stated}


def profile_skills(found: dict) -> set[str]:
    return {name for names in found["skills"].values() for name in names}


@dataclass
class Score:
    resumes: int = 0
    fields: int = 0
    fields_exact: int = 0
    stated: int = 0
    recalled: int = 0
    listed: int = 0
    unstated: int = 0
    traps: int = 0

    def add(self, person: Person, found: dict) -> None:
        expected, got = expected_fields(person), found_fields(found)
        skills = profile_skills(found)
        self.resumes += 1
        self.fields += len(FIELDS)
        self.fields_exact += sum(expected[key] == got[key] for key in FIELDS)
        self.stated += len(stated(person))
        self.recalled += len(stated(person) & skills)
        self.listed += len(skills)
        self.unstated += len(skills - stated(person))
        self.traps += len(set(person.traps) & skills)

    @property
    def rates(self) -> tuple[float, float, float]:
        return (
            self.fields_exact / self.fields,
            self.recalled / self.stated,
            self.unstated / self.listed if self.listed else 0.0,
        )


def scores() -> dict[str, Score]:
    """Per profession, plus "software", "others" and "all"."""
    table: dict[str, Score] = {}
    for person in PEOPLE:
        found = profile(person)
        group = "software" if person.profession == "software" else "others"
        for key in dict.fromkeys((person.profession, group, "all")):
            table.setdefault(key, Score()).add(person, found)
    return table


def mismatches() -> list[str]:
    """What each resume got wrong, for reading."""
    lines = []
    for person in PEOPLE:
        found = profile(person)
        expected, got = expected_fields(person), found_fields(found)
        wrong = {key: (expected[key], got[key]) for key in FIELDS if expected[key] != got[key]}
        skills = profile_skills(found)
        missed, extra = stated(person) - skills, skills - stated(person)
        if wrong or missed or extra:
            lines.append(
                f"{person.key}: fields {wrong} missed {sorted(missed)} extra {sorted(extra)}"
            )
    return lines


def main() -> None:
    columns = ("resumes", "fields", "recall", "unstated", "traps")
    print(f"{'profession':<12} " + " ".join(f"{column:>8}" for column in columns))
    groups = {"software", "others", "all"}
    for key, score in sorted(scores().items(), key=lambda item: item[0] in groups):
        fields, recall, unstated = score.rates
        print(
            f"{key:<12} {score.resumes:>8} {fields:>8.2f} {recall:>8.2f} {unstated:>8.1%} "
            f"{score.traps:>8}"
        )
    if os.environ.get("CORPUS_DETAILS"):
        print("\n".join(mismatches()))


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
