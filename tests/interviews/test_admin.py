"""Staff read the bank, libraries, sessions and answers in the admin; the writes there are
approving and retiring questions, through the review service (versions and audit kept)."""

import pytest

from gdpr.models import AuditLogEntry
from interviews.models import Question, QuestionStatus
from tests.interviews.factories import ApprovedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    "model", ["question", "questionversion", "savedquestion", "interviewsession", "answer"]
)
def test_every_interviews_model_is_listed(staff_client, model):
    QuestionFactory()

    assert staff_client.get(f"/admin/interviews/{model}/").status_code == 200


def test_a_question_page_shows_its_versions(staff_client):
    question = QuestionFactory()

    page = staff_client.get(f"/admin/interviews/question/{question.pk}/change/").content.decode()

    assert question.text in page


def test_approve_and_retire_actions_go_through_the_review(staff_client, admin_user):
    draft, approved = QuestionFactory(), ApprovedQuestionFactory()

    staff_client.post(
        "/admin/interviews/question/",
        {"action": "approve_selected", "_selected_action": [draft.pk]},
    )
    staff_client.post(
        "/admin/interviews/question/",
        {"action": "retire_selected", "_selected_action": [approved.pk]},
    )

    assert dict(Question.objects.values_list("pk", "status")) == {
        draft.pk: QuestionStatus.APPROVED,
        approved.pk: QuestionStatus.RETIRED,
    }
    assert AuditLogEntry.objects.filter(actor=admin_user, action="question.retire").exists()


def test_a_refused_action_changes_nothing_and_says_why(staff_client):
    draft = QuestionFactory()

    response = staff_client.post(
        "/admin/interviews/question/",
        {"action": "retire_selected", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert "Nothing changed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == QuestionStatus.DRAFT
