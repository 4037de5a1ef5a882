import pytest
from django.core.management import call_command

from interviews.models import Question

pytestmark = pytest.mark.django_db


def test_demo_questions_give_the_expert_a_queue_and_a_job_an_approved_bank():
    call_command("seed_demo")
    call_command("seed_demo_jobs")

    call_command("seed_demo_questions")
    call_command("seed_demo_questions")

    assert Question.objects.filter(status="approved").count() == 3
    assert Question.objects.filter(status="draft").exists()
    assert Question.objects.count() <= 10
