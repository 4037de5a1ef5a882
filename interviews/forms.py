"""Forms of the interview pages; the services check everything again."""

import json

from django import forms

from interviews.models import Difficulty, QuestionType
from interviews.services.chat import MAX_CONTENT, MAX_HISTORY, MAX_INPUT, MESSAGE_TYPES

KEY_POINTS_HELP = (
    "One key point a line: the point, then optionally | weight | other wordings separated by "
    "semicolons. Example: uses an index | 2 | index; indexes"
)


def parse_key_points(text: str) -> list[dict]:
    """ "point | 2 | alt one; alt two" lines → key point dicts; raises ValidationError."""
    points = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = [part.strip() for part in line.split("|")]
        if not parts[0]:
            continue
        weight = 1.0
        if len(parts) > 1 and parts[1]:
            try:
                weight = float(parts[1])
            except ValueError:
                raise forms.ValidationError(
                    f"Line {number}: the weight must be a number."
                ) from None
            if not 0 < weight <= 10:
                raise forms.ValidationError(
                    f"Line {number}: the weight must be above 0, at most 10."
                )
        alternatives = [alt.strip() for alt in (parts[2] if len(parts) > 2 else "").split(";")]
        points.append(
            {"text": parts[0], "weight": weight, "alternatives": [a for a in alternatives if a]}
        )
    return points


def key_points_text(points: list[dict]) -> str:
    return "\n".join(
        " | ".join(
            [
                point["text"],
                f"{point.get('weight', 1.0):g}",
                "; ".join(point.get("alternatives") or []),
            ]
        ).rstrip(" |")
        for point in points
    )


class PracticeStartForm(forms.Form):
    role = forms.ChoiceField(label="Role", required=False)
    job_role = forms.CharField(
        label="Or type a role",
        max_length=200,
        required=False,
        help_text="For example: Data engineer",
    )
    job_id = forms.TypedChoiceField(
        label="Or practise for a saved job", coerce=int, required=False, empty_value=None
    )
    difficulty = forms.ChoiceField(
        label="Difficulty", choices=Difficulty.choices, initial=Difficulty.MEDIUM
    )
    total_questions = forms.IntegerField(label="Questions", min_value=1, max_value=20, initial=5)

    def __init__(self, *args, roles=(), saved_jobs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "Choose a role"), *roles]
        self.fields["job_id"].choices = [
            ("", "No job"),
            *((job.pk, str(job)) for job in saved_jobs),
        ]
        self.role_labels = dict(roles)

    def clean(self):
        data = super().clean()
        if not (data.get("role") or data.get("job_role", "").strip() or data.get("job_id")):
            raise forms.ValidationError("Choose a role, type one, or pick a saved job.")
        return data


class AnswerForm(forms.Form):
    question_id = forms.CharField(max_length=40, widget=forms.HiddenInput)
    answer_text = forms.CharField(
        label="Your answer",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10, "data-answer": ""}),
    )
    time_taken_seconds = forms.IntegerField(
        label="Time taken (seconds)",
        min_value=0,
        max_value=36000,
        initial=0,
        widget=forms.NumberInput(attrs={"data-answer-seconds": ""}),
        help_text="Filled in by the timer when scripts run; else roughly how long you took.",
    )
    paste_count = forms.IntegerField(
        min_value=0,
        initial=0,
        required=False,
        widget=forms.HiddenInput(attrs={"data-paste-count": ""}),
    )
    tab_switches = forms.IntegerField(
        min_value=0,
        initial=0,
        required=False,
        widget=forms.HiddenInput(attrs={"data-tab-switches": ""}),
    )


class QuestionEditForm(forms.Form):
    text = forms.CharField(
        label="Question", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    question_type = forms.ChoiceField(label="Type", choices=QuestionType.choices)
    difficulty = forms.ChoiceField(label="Difficulty", choices=Difficulty.choices)
    skills = forms.CharField(
        label="Skills", max_length=600, required=False, help_text="Comma-separated."
    )
    gold_answer = forms.CharField(
        label="Gold answer", max_length=6000, widget=forms.Textarea(attrs={"rows": 6})
    )
    key_points = forms.CharField(
        label="Key points",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=KEY_POINTS_HELP,
        required=False,
    )
    expected_seconds = forms.IntegerField(
        label="Expected answer time (seconds)", min_value=15, max_value=1800
    )

    def clean_skills(self):
        return [skill.strip() for skill in self.cleaned_data["skills"].split(",") if skill.strip()]

    def clean_key_points(self):
        return parse_key_points(self.cleaned_data["key_points"])

    @classmethod
    def initial_for(cls, question) -> dict:
        return {
            "text": question.text,
            "question_type": question.question_type,
            "difficulty": question.difficulty,
            "skills": ", ".join(question.skills),
            "gold_answer": question.gold_answer,
            "key_points": key_points_text(question.key_points),
            "expected_seconds": question.expected_seconds,
        }


class GenerateForm(forms.Form):
    skills = forms.CharField(
        label="Skills",
        max_length=600,
        required=False,
        help_text="Comma-separated; leave empty to use the job's required and preferred skills.",
    )
    difficulty = forms.ChoiceField(
        label="Difficulty", choices=Difficulty.choices, initial=Difficulty.MEDIUM
    )
    count = forms.IntegerField(label="How many", min_value=1, max_value=20, initial=5)
    types = forms.MultipleChoiceField(
        label="Types",
        choices=QuestionType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_skills(self):
        return [skill.strip() for skill in self.cleaned_data["skills"].split(",") if skill.strip()]


class TryRubricForm(forms.Form):
    answer_text = forms.CharField(
        label="An answer to try", max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )


class PersonalForm(forms.Form):
    analysis_id = forms.TypedChoiceField(label="Analysis", coerce=str)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    company = forms.CharField(label="Company", max_length=200, required=False)
    num_questions = forms.IntegerField(label="Questions", min_value=1, max_value=20, initial=8)

    def __init__(self, *args, analyses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analysis_id"].choices = [
            (str(analysis.pk), f"{analysis.resume} · {analysis.completed_at:%d %b %Y}")
            for analysis in analyses
        ]


class SaveQuestionForm(forms.Form):
    question = forms.CharField(max_length=2000, widget=forms.HiddenInput)
    answer = forms.CharField(max_length=6000, required=False, widget=forms.HiddenInput)
    category = forms.ChoiceField(choices=QuestionType.choices, widget=forms.HiddenInput)
    difficulty = forms.ChoiceField(choices=Difficulty.choices, widget=forms.HiddenInput)
    job_title = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    company = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    tags = forms.CharField(
        label="Tags", max_length=400, required=False, help_text="Comma-separated."
    )

    def clean_tags(self):
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


class LibraryFilterForm(forms.Form):
    category = forms.ChoiceField(
        label="Category", choices=[("", "Any"), *QuestionType.choices], required=False
    )
    difficulty = forms.ChoiceField(
        label="Difficulty", choices=[("", "Any"), *Difficulty.choices], required=False
    )
    tag = forms.CharField(label="Tag", max_length=40, required=False)


class InviteForm(forms.Form):
    total_questions = forms.IntegerField(label="Questions", min_value=1, max_value=20, initial=5)


class ChatForm(forms.Form):
    """A question to the assistant; `history` carries the conversation on pages without
    scripts (the script keeps it itself)."""

    user_input = forms.CharField(
        label="Your question", max_length=MAX_INPUT, widget=forms.Textarea(attrs={"rows": 2})
    )
    history = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_history(self) -> list[dict]:
        try:
            messages = json.loads(self.cleaned_data.get("history") or "[]")
        except ValueError:
            messages = None
        if not isinstance(messages, list) or not all(map(_is_message, messages)):
            raise forms.ValidationError("The conversation could not be read; start again.")
        kept = messages[-MAX_HISTORY:]
        return [{"type": message["type"], "content": message["content"]} for message in kept]


def _is_message(message) -> bool:
    return (
        isinstance(message, dict)
        and message.get("type") in MESSAGE_TYPES
        and isinstance(message.get("content"), str)
        and len(message["content"]) <= MAX_CONTENT
    )
