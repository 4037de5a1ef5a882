"""The job list's filters: one parser for query strings (the list, the board) and JSON bodies
(search, match), so every entry point reads them the same way and reports the same errors.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.utils import html

from core.api.validation import MAX_DB_INTEGER
from jobs.derived import skills_clean
from jobs.models import ExperienceLevel, JobStatus, JobType, WorkMode

MAX_QUERY_LENGTH = 200
MAX_LIST_ITEMS = 20
MAX_SKILL_LENGTH = 60
SORT_FIELDS = ("relevance", "created_at", "posted_at", "salary", "title")
SORT_ORDERS = ("asc", "desc")
# Accepted in a JSON body beside the filters: the search view pages with them.
PAGE_KEYS = frozenset({"page", "page_size"})

# Spellings people and feeds use, by their letters and digits only ("Full-time" → fulltime).
JOB_TYPE_ALIASES = {
    "fulltime": JobType.FULL_TIME, "permanent": JobType.FULL_TIME,
    "parttime": JobType.PART_TIME,
    "contract": JobType.CONTRACT, "contractor": JobType.CONTRACT,
    "temporary": JobType.TEMPORARY, "temp": JobType.TEMPORARY,
    "internship": JobType.INTERNSHIP, "intern": JobType.INTERNSHIP,
    "freelance": JobType.FREELANCE, "freelancer": JobType.FREELANCE,
}  # fmt: skip
WORK_MODE_ALIASES = {
    "onsite": WorkMode.ONSITE, "inoffice": WorkMode.ONSITE, "office": WorkMode.ONSITE,
    "hybrid": WorkMode.HYBRID,
    "remote": WorkMode.REMOTE, "fullyremote": WorkMode.REMOTE,
}  # fmt: skip
LEVEL_ALIASES = {
    "entry": ExperienceLevel.ENTRY, "entrylevel": ExperienceLevel.ENTRY,
    "junior": ExperienceLevel.ENTRY, "graduate": ExperienceLevel.ENTRY,
    "mid": ExperienceLevel.MID, "midlevel": ExperienceLevel.MID,
    "intermediate": ExperienceLevel.MID,
    "senior": ExperienceLevel.SENIOR,
    "lead": ExperienceLevel.LEAD, "principal": ExperienceLevel.LEAD,
    "staff": ExperienceLevel.LEAD,
}  # fmt: skip


@dataclass(frozen=True)
class JobFilters:
    q: str = ""
    location: str = ""
    job_type: tuple[str, ...] = ()
    experience_level: tuple[str, ...] = ()
    work_mode: tuple[str, ...] = ()
    remote: bool | None = None  # True: remote only; False: exclude remote
    salary_min: int | None = None  # jobs that can pay at least this (salary_max, else min)
    skills: tuple[str, ...] = ()  # all of them, by canonical name, required or preferred
    company: str = ""
    recruiter: int | None = None  # owner id
    status: tuple[str, ...] = ()  # default: open only; other states only for own/admin
    sort_by: str = ""  # "" = relevance when q, else created_at
    sort_order: str = "desc"


def choice_key(value) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value).casefold())


class AliasChoiceField(serializers.ChoiceField):
    """A choice written any common way: "Full-time", "FULLTIME" and "full_time" alike."""

    def __init__(self, choices, aliases: Mapping[str, str], **kwargs):
        super().__init__(choices, **kwargs)
        self.aliases = {**{choice_key(key): key for key in self.choices}, **aliases}

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        value = self.aliases.get(choice_key(data))
        if value is None:
            self.fail("invalid_choice", input=data)
        return str(value)


class CommaListField(serializers.ListField):
    """A list given as a JSON list, repeated query keys, or comma-separated text."""

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = [data]
        if isinstance(data, list | tuple) and all(isinstance(item, str) for item in data):
            data = [part.strip() for item in data for part in item.split(",") if part.strip()]
        return super().to_internal_value(data)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "pattern": r"^\s*([Mm][Ee]|0*[1-9][0-9]{0,17})\s*$"},
            {"type": "integer", "minimum": 1, "maximum": MAX_DB_INTEGER},
        ]
    }
)
class RecruiterField(serializers.Field):
    """An owner id, or "me" for the signed-in caller."""

    default_error_messages = {
        "invalid": "Give a user id or 'me'.",
        "anonymous": "Sign in to see your own jobs.",
    }

    def to_internal_value(self, data):
        if str(data).strip().lower() == "me":
            user = self.context.get("user")
            if user is None or not user.is_authenticated:
                self.fail("anonymous")
            return user.pk
        try:
            value = int(str(data).strip())
        except ValueError:
            self.fail("invalid")
        if not 1 <= value <= MAX_DB_INTEGER:
            self.fail("invalid")
        return value

    def to_representation(self, value):
        return value


def _choice_list(choices, aliases=None, help_text=""):
    child = AliasChoiceField(choices, aliases or {})
    return CommaListField(
        child=child, required=False, max_length=MAX_LIST_ITEMS, help_text=help_text
    )


class JobFiltersSerializer(serializers.Serializer):
    """The filters of the job list (query parameters) and of the search body (JSON)."""

    refuses_unknown_fields = True  # in a JSON body (job_filters_parse)

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_QUERY_LENGTH,
        help_text="Words to search for; web-search syntax: quotes, OR, -word.",
    )
    location = serializers.CharField(required=False, allow_blank=True, max_length=200)
    job_type = _choice_list(JobType.choices, JOB_TYPE_ALIASES, "Any of these (comma list).")
    experience_level = _choice_list(ExperienceLevel.choices, LEVEL_ALIASES)
    work_mode = _choice_list(WorkMode.choices, WORK_MODE_ALIASES)
    remote = serializers.BooleanField(
        required=False, allow_null=True, help_text="true: remote only; false: no remote jobs."
    )
    salary_min = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        help_text="Jobs paying at least this (their maximum, else their minimum).",
    )
    skills = CommaListField(
        # Blank parts are dropped before the child sees them ("python, ,go").
        child=serializers.CharField(max_length=MAX_SKILL_LENGTH, allow_blank=True),
        required=False,
        max_length=MAX_LIST_ITEMS,
        help_text="Jobs asking for every one of these skills (required or preferred).",
    )
    company = serializers.CharField(required=False, allow_blank=True, max_length=200)
    recruiter = RecruiterField(required=False, help_text="Owner's user id, or 'me'.")
    status = _choice_list(
        JobStatus.choices, help_text="Default open; drafts and closed jobs only your own."
    )
    sort_by = serializers.ChoiceField(
        choices=SORT_FIELDS,
        required=False,
        allow_blank=True,
        help_text="Default: relevance when q is given, else created_at.",
    )
    sort_order = serializers.ChoiceField(choices=SORT_ORDERS, required=False)

    def to_internal_value(self, data):
        if isinstance(data, Mapping) and isinstance(data.get("sort_order"), str):
            data = _with(data, "sort_order", data["sort_order"].strip().lower())
        return super().to_internal_value(data)


def _with(data, key, value):
    if html.is_html_input(data):
        data = data.copy()
        data[key] = value
        return data
    return {**data, key: value}


def job_filters_parse(data, *, user=None) -> JobFilters:
    """Filters from a QueryDict (comma lists, repeated keys) or a JSON object (lists).

    Unknown keys of a JSON object are refused (query strings also carry page, format...).
    `user` resolves recruiter=me. Bad input raises ValidationError with per-field errors.
    """
    if not html.is_html_input(data):
        _check_object(data)
    serializer = JobFiltersSerializer(data=data, context={"user": user})
    serializer.is_valid(raise_exception=True)
    values = serializer.validated_data
    return JobFilters(
        q=" ".join(values.get("q", "").split()),
        location=values.get("location", "").strip(),
        job_type=tuple(dict.fromkeys(values.get("job_type", ()))),
        experience_level=tuple(dict.fromkeys(values.get("experience_level", ()))),
        work_mode=tuple(dict.fromkeys(values.get("work_mode", ()))),
        remote=values.get("remote"),
        salary_min=values.get("salary_min"),
        skills=tuple(skills_clean(values.get("skills", ()))),
        company=values.get("company", "").strip(),
        recruiter=values.get("recruiter"),
        status=tuple(dict.fromkeys(values.get("status", ()))),
        sort_by="" if values.get("sort_by") == "relevance" else values.get("sort_by", ""),
        sort_order=values.get("sort_order", "desc"),
    )


def _check_object(data) -> None:
    if not isinstance(data, Mapping):
        raise serializers.ValidationError(
            {"non_field_errors": ["Send the filters as a JSON object."]}
        )
    known = set(JobFiltersSerializer().fields) | PAGE_KEYS
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise serializers.ValidationError({key: ["Unknown filter."] for key in unknown})


class CommaListFieldSchema(OpenApiSerializerFieldExtension):
    """The schema says what the field takes: a list, or the same items as comma-separated text."""

    target_class = CommaListField

    def map_serializer_field(self, auto_schema, direction):
        listed = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "response":
            return listed
        text = {"type": "string", "description": "Comma-separated items."}
        choices = getattr(self.target.child, "choices", None)
        if choices:
            item = "|".join(re.escape(str(choice)) for choice in choices)
            # Blank parts are dropped, so "" and "open, ,closed" are valid too.
            text["pattern"] = rf"^\s*({item})?\s*(,\s*({item})?\s*)*$"
        return {"oneOf": [listed, text]}
