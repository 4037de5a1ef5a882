"""Writing the question bank: drafts (generated or by hand), edits as versions, and the
expert's bulk review. Every write keeps the version history; reviews are audited."""

from django.db import transaction
from django.utils import timezone

from ai.llm import generate
from ai.skills import canonical
from gdpr.audit import audit_record
from interviews import rubric
from interviews.errors import NoQuestionsForSkills, QuestionsNotReviewable
from interviews.models import (
    VERSIONED_FIELDS,
    Question,
    QuestionSource,
    QuestionStatus,
    QuestionVersion,
)
from interviews.selectors import questions_visible_to, reviews_every_question

MAX_GENERATED = 20


def canonical_skills(names) -> list[str]:
    """The taxonomy's names for known skills, the given wording for others; no repeats."""
    skills = [canonical(name) or name.strip() for name in names if name and name.strip()]
    return list(dict.fromkeys(skills))


@transaction.atomic
def question_create(
    *,
    user,
    text: str,
    question_type: str,
    difficulty: str,
    gold_answer: str,
    skills=(),
    key_points: list[dict] | None = None,
    expected_seconds: int | None = None,
    job=None,
    source: str = QuestionSource.MANUAL,
    engine: str = "",
    source_ref: str = "",
) -> Question:
    """A draft question and its first version; key points are proposed when none are given."""
    question = Question.objects.create(
        job=job,
        text=text.strip(),
        question_type=question_type,
        difficulty=difficulty,
        skills=canonical_skills(skills),
        gold_answer=gold_answer.strip(),
        key_points=rubric.normalised_key_points(key_points)
        if key_points
        else rubric.proposed_key_points(gold_answer),
        expected_seconds=expected_seconds or rubric.expected_seconds(difficulty),
        source=source,
        engine=engine,
        source_ref=source_ref,
        created_by=user,
    )
    _record_version(question, user)
    return question


def questions_generate(
    *, user, job=None, skills=(), difficulty: str, count: int, types=()
) -> tuple[list[Question], dict]:
    """Draft questions for a job's required skills (or the skills given): the starter bank's
    first, then templates; with Gemini configured, its drafts if they pass the checks.

    Returns the drafts and the engine's provenance (`AIResult.meta()`).
    """
    wanted = canonical_skills(skills) or (
        canonical_skills([*job.required_skills, *job.preferred_skills]) if job else []
    )
    if not wanted:
        raise NoQuestionsForSkills()
    types = list(types) or None
    bank = rubric.starter_items(skills=wanted, types=types, difficulty=difficulty, limit=count)
    facts = {
        "skills": wanted,
        "difficulty": difficulty,
        "count": count,
        "types": types or list(rubric.QUESTION_TYPES),
        "job_title": job.title if job else "",
        "bank": bank,
    }
    result = generate("interview_questions", facts)
    by_text = {item["text"]: item for item in bank}
    with transaction.atomic():
        drafts = [
            _create_draft(
                user=user,
                job=job,
                draft=draft,
                bank_item=by_text.get(draft["text"]) if result.engine == "local" else None,
                engine=result.engine,
            )
            for draft in result.data["questions"]
        ]
    return drafts, result.meta()


def _create_draft(*, user, job, draft: dict, bank_item: dict | None, engine: str) -> Question:
    """A starter-bank item keeps its reviewed key-point weights and time; a model's draft
    starts with equal weights (numbers never come from a model)."""
    if bank_item is not None:
        is_template = bank_item["id"].startswith("template-")
        source = QuestionSource.TEMPLATE if is_template else QuestionSource.STARTER_BANK
        ref, key_points = bank_item["id"], bank_item["key_points"]
        seconds = bank_item["expected_seconds"]
    else:
        source, ref, seconds = QuestionSource.MODEL, "", None
        key_points = [{**point, "weight": 1.0} for point in draft["key_points"]]
    return question_create(
        user=user,
        job=job,
        text=draft["text"],
        question_type=draft["question_type"],
        difficulty=draft["difficulty"],
        skills=draft["skills"],
        gold_answer=draft["gold_answer"],
        key_points=key_points,
        expected_seconds=seconds,
        source=source,
        engine=engine,
        source_ref=ref,
    )


@transaction.atomic
def question_update(*, user, question: Question, changes: dict) -> Question:
    """Apply an edit as a new version. A recruiter's edit of an approved question sends it
    back to the queue: the expert approved the old wording, not this one."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not _apply(question, changes):
        return question
    question.edited_by = user
    fields = [*VERSIONED_FIELDS, "version", "edited_by", "updated_at"]
    if question.status == QuestionStatus.APPROVED and not reviews_every_question(user):
        question.status, question.approved_by, question.approved_at = (
            QuestionStatus.DRAFT,
            None,
            None,
        )
        fields += ["status", "approved_by", "approved_at"]
    question.version += 1
    question.save(update_fields=fields)
    _record_version(question, user)
    return question


def _apply(question: Question, changes: dict) -> bool:
    """Set the changed fields; whether anything changed."""
    changes = dict(changes)
    if "skills" in changes:
        changes["skills"] = canonical_skills(changes["skills"])
    if "key_points" in changes:
        changes["key_points"] = rubric.normalised_key_points(changes["key_points"])
    changed = False
    for name in VERSIONED_FIELDS:
        if name in changes and changes[name] != getattr(question, name):
            setattr(question, name, changes[name])
            changed = True
    return changed


def _record_version(question: Question, user) -> None:
    QuestionVersion.objects.create(
        question=question, number=question.version, content=question.rubric_fields, edited_by=user
    )


# --- The expert's review ---------------------------------------------------------------------

APPROVE, REJECT, EDIT_APPROVE, RETIRE = "approve", "reject", "edit_approve", "retire"
_REVIEWABLE = {
    APPROVE: {QuestionStatus.DRAFT, QuestionStatus.REJECTED},
    EDIT_APPROVE: {QuestionStatus.DRAFT, QuestionStatus.REJECTED, QuestionStatus.APPROVED},
    REJECT: {QuestionStatus.DRAFT},
    RETIRE: {QuestionStatus.APPROVED},
}


@transaction.atomic
def questions_review(*, user, decisions: list[dict], ip: str | None = None) -> list[Question]:
    """Approve, reject (with a reason), edit-and-approve or retire many questions at once:
    all or none. Each decision is audited; each edit is a new version."""
    questions = _questions_for_review(user, [decision["question_id"] for decision in decisions])
    errors = {}
    for decision in decisions:
        question = questions.get(decision["question_id"])
        problem = _review_problem(question, decision)
        if problem:
            errors[str(decision["question_id"])] = [problem]
    if errors:
        raise QuestionsNotReviewable(errors)
    return [_decide(user, questions[d["question_id"]], d, ip) for d in decisions]


def _questions_for_review(user, ids: list[int]) -> dict[int, Question]:
    """The questions the reviewer may see among `ids`, locked until the review commits."""
    questions = questions_visible_to(user=user).select_for_update(of=("self",)).filter(pk__in=ids)
    return {question.pk: question for question in questions}


def _review_problem(question: Question | None, decision: dict) -> str:
    if question is None:
        return "No question with this id."
    action = decision["action"]
    if question.status not in _REVIEWABLE[action]:
        return f"A {question.status} question cannot take '{action}'."
    if action == REJECT and not (decision.get("reason") or "").strip():
        return "Give a reason for the rejection."
    if action == EDIT_APPROVE and not decision.get("changes"):
        return "Give the changes to make before approving."
    return ""


def _decide(user, question: Question, decision: dict, ip: str | None) -> Question:
    action = decision["action"]
    if action == EDIT_APPROVE:
        question = question_update(user=user, question=question, changes=decision["changes"])
    status = {
        APPROVE: QuestionStatus.APPROVED,
        EDIT_APPROVE: QuestionStatus.APPROVED,
        REJECT: QuestionStatus.REJECTED,
        RETIRE: QuestionStatus.RETIRED,
    }[action]
    question.status = status
    question.rejection_reason = decision.get("reason", "").strip() if action == REJECT else ""
    if status == QuestionStatus.APPROVED:
        question.approved_by, question.approved_at = user, timezone.now()
    question.save(
        update_fields=["status", "rejection_reason", "approved_by", "approved_at", "updated_at"]
    )
    audit_record(
        action=f"question.{action}",
        actor=user,
        target=question,
        ip=ip,
        metadata={"version": question.version},
    )
    return question
