import factory

from interviews.models import Question, QuestionSource, QuestionStatus, QuestionVersion
from tests.jobs.factories import JobFactory

GOLD = (
    "An index lets the database find rows without scanning the whole table. It speeds up "
    "reads but slows down writes, because every insert must update the index too."
)
KEY_POINTS = [
    {
        "text": "find rows without scanning the table",
        "weight": 2.0,
        "alternatives": ["avoids a full table scan"],
    },
    {"text": "speeds up reads", "weight": 1.0, "alternatives": ["faster queries"]},
    {"text": "slows down writes", "weight": 1.0, "alternatives": ["slower inserts"]},
]


class QuestionFactory(factory.django.DjangoModelFactory):
    """A bank question of a recruiter's job, with its first version."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    job = factory.SubFactory(JobFactory)
    created_by = factory.SelfAttribute("job.owner")
    text = factory.Sequence(
        lambda n: f"What does a database index do, and what does it cost? ({n})"
    )
    question_type = "technical"
    difficulty = "medium"
    skills = factory.LazyFunction(lambda: ["PostgreSQL"])
    gold_answer = GOLD
    key_points = factory.LazyFunction(lambda: [dict(point) for point in KEY_POINTS])
    expected_seconds = 120
    status = QuestionStatus.DRAFT
    source = QuestionSource.MANUAL

    @factory.post_generation
    def first_version(question, create, extracted, **kwargs):
        if create:
            QuestionVersion.objects.create(
                question=question,
                number=1,
                content=question.rubric_fields,
                edited_by=question.created_by,
            )


class ApprovedQuestionFactory(QuestionFactory):
    status = QuestionStatus.APPROVED
