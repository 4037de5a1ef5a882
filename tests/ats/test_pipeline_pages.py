"""The pipeline board page: columns and cards, moving and rejecting with plain forms, bulk
actions, and another recruiter's job or applicant a 404."""

import re

import pytest
from django.core import mail

from ats.board import BOARD_STAGES
from ats.models import Application, StageChange
from ats.stages import Stage
from tests.accounts.factories import CandidateFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.jobs.factories import JobFactory
from tests.jobs.test_pages import assert_clean_page, page_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def job():
    return JobFactory(title="Site Reliability Engineer", company="Acme Pay")


@pytest.fixture
def owner_client(client, job):
    client.force_login(job.owner)
    return client


def board_url(job):
    return f"/recruiter/jobs/{job.pk}/pipeline/"


def move_url(application):
    return f"/recruiter/applications/{application.pk}/move/"


def bulk_url(job):
    return f"/recruiter/jobs/{job.pk}/pipeline/bulk/"


def _stage(application):
    return Application.objects.get(pk=application.pk).stage


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- Board --------------------------------------------------------------------------------


def test_the_board_shows_columns_cards_and_forms(owner_client, job):
    best = ApplicationFactory(job=job, fit_score=88, applicant_name="Grace Hopper")
    ApplicationFactory(job=job, fit_score=55, applicant_name="Alan Turing")
    ApplicationFactory(job=job, stage=Stage.HIRED, applicant_name="Ada Lovelace")

    html = page_of(owner_client.get(board_url(job)))

    assert_clean_page(html)
    text = text_of(html)
    assert "Site Reliability Engineer" in text
    assert "3 applicants" in text
    headings = re.findall(r'<h2 class="pipeline__title" id="stage-([a-z_]+)">\s*([^<]+?) <', html)
    assert headings == [(stage, Stage(stage).label) for stage in BOARD_STAGES]
    assert text.index("Grace Hopper") < text.index("Alan Turing")  # best fit first
    assert "88" in text and "0 days" in text
    card = html[html.index(f'id="card-{best.pk}"') :]
    card = card[: card.index("</article>")]
    assert f'action="/recruiter/applications/{best.pk}/move/"' in card
    assert re.search(r'<option value="under_review">Under review</option>', card)
    assert 'value="withdrawn"' not in card  # withdrawing is the applicant's
    assert 'name="from_stage" value="applied"' in card
    assert 'form="bulk-form"' in card
    assert ">Reject<" in card
    assert f'href="/recruiter/applications/{best.pk}/"' in card
    assert 'id="bulk-form"' in html and f'action="{bulk_url(job)}"' in html
    hired = html[html.index("Ada Lovelace") :]
    assert "Final stage." in hired[: hired.index("</article>")]


def test_an_empty_board_says_so(owner_client, job):
    text = text_of(page_of(owner_client.get(board_url(job))))
    assert "No applicants yet." in text


def test_the_board_reads_a_constant_number_of_queries(
    owner_client, job, django_assert_max_num_queries
):
    for index in range(30):
        ApplicationFactory(job=job, fit_score=index, stage=[Stage.APPLIED, Stage.OFFER][index % 2])
    # Session, user, the job, the counts, the cards (+ the messages' session read).
    with django_assert_max_num_queries(7):
        page_of(owner_client.get(board_url(job)))


def test_another_recruiters_board_is_a_404(client, job):
    client.force_login(RecruiterFactory())
    assert client.get(board_url(job)).status_code == 404


def test_candidates_get_a_403_and_visitors_the_login_page(client, job):
    assert client.get(board_url(job)).status_code == 302
    client.force_login(CandidateFactory())
    assert client.get(board_url(job)).status_code == 403


def test_the_postings_page_links_each_job_to_its_pipeline(owner_client, job):
    html = page_of(owner_client.get("/recruiter/jobs/"))
    assert f'href="{board_url(job)}"' in html


# --- Move ---------------------------------------------------------------------------------


def test_a_move_form_moves_and_says_so(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper")
    response = owner_client.post(
        move_url(application),
        {"stage": "under_review", "note": "Promising", "from_stage": "applied"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"{board_url(job)}#card-{application.pk}"
    assert "Grace Hopper moved to under review." in _messages(response)
    assert _stage(application) == Stage.UNDER_REVIEW
    row = StageChange.objects.filter(application=application).last()
    assert (row.actor, row.note) == (job.owner, "Promising")


def test_the_reject_button_rejects_and_emails(
    owner_client, job, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(job=job)
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(move_url(application), {"stage": "rejected", "from_stage": "applied"})
    assert _stage(application) == Stage.REJECTED
    assert len(mail.outbox) == 1


def test_a_refused_move_is_a_message_not_an_error_page(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper")
    response = owner_client.post(move_url(application), {"stage": "hired"}, follow=True)
    assert response.status_code == 200
    (message,) = _messages(response)
    assert message.startswith("Grace Hopper: An application cannot move from applied to hired.")
    assert _stage(application) == Stage.APPLIED


def test_a_move_from_a_stale_board_is_a_conflict_message(owner_client, job):
    application = ApplicationFactory(job=job)
    Application.objects.filter(pk=application.pk).update(stage=Stage.UNDER_REVIEW)
    response = owner_client.post(
        move_url(application), {"stage": "rejected", "from_stage": "applied"}, follow=True
    )
    assert "Someone moved this application meanwhile" in _messages(response)[0]
    assert _stage(application) == Stage.UNDER_REVIEW


def test_an_unknown_stage_is_a_message(owner_client, job):
    application = ApplicationFactory(job=job)
    response = owner_client.post(move_url(application), {"stage": "promoted"}, follow=True)
    assert response.status_code == 200
    assert _messages(response)
    assert _stage(application) == Stage.APPLIED


def test_a_move_may_return_to_another_of_our_pages_but_not_elsewhere(owner_client, job):
    application = ApplicationFactory(job=job)
    ours = f"/recruiter/applications/{application.pk}/"
    response = owner_client.post(move_url(application), {"stage": "under_review", "next": ours})
    assert response.url == ours
    response = owner_client.post(
        move_url(application), {"stage": "rejected", "next": "https://evil.example/"}
    )
    assert response.url.startswith(board_url(job))


def test_moving_another_recruiters_applicant_is_a_404(client, job):
    application = ApplicationFactory(job=job)
    client.force_login(RecruiterFactory())
    assert client.post(move_url(application), {"stage": "under_review"}).status_code == 404
    assert _stage(application) == Stage.APPLIED


def test_the_move_page_only_takes_posts(owner_client, job):
    application = ApplicationFactory(job=job)
    assert owner_client.get(move_url(application)).status_code == 405


# --- Bulk ---------------------------------------------------------------------------------


def test_the_bulk_form_moves_the_ticked_applicants(owner_client, job):
    ticked = ApplicationFactory.create_batch(2, job=job)
    other = ApplicationFactory(job=job)
    response = owner_client.post(
        bulk_url(job),
        {
            "application_ids": [str(a.pk) for a in ticked],
            "action": "move",
            "stage": "under_review",
            "note": "",
        },
        follow=True,
    )
    assert "2 applicants moved to under review." in _messages(response)
    assert [_stage(a) for a in ticked] == ["under_review", "under_review"]
    assert _stage(other) == "applied"


def test_the_bulk_form_rejects_with_a_reason(owner_client, job):
    ticked = ApplicationFactory.create_batch(2, job=job)
    owner_client.post(
        bulk_url(job),
        {"application_ids": [str(a.pk) for a in ticked], "action": "reject", "note": "Filled"},
    )
    assert [_stage(a) for a in ticked] == ["rejected", "rejected"]
    rows = StageChange.objects.filter(application__in=ticked, to_stage="rejected")
    assert [row.note for row in rows] == ["Filled", "Filled"]


def test_a_bulk_reject_without_a_reason_moves_none(owner_client, job):
    application = ApplicationFactory(job=job)
    response = owner_client.post(
        bulk_url(job),
        {"application_ids": [str(application.pk)], "action": "reject", "note": ""},
        follow=True,
    )
    assert "Give a reason for the rejection." in _messages(response)[0]
    assert _stage(application) == "applied"


def test_a_bulk_move_that_one_cannot_make_moves_none_and_names_them(owner_client, job):
    fine = ApplicationFactory(job=job)
    hired = ApplicationFactory(job=job, stage=Stage.HIRED, applicant_name="Ada Lovelace")
    response = owner_client.post(
        bulk_url(job),
        {
            "application_ids": [str(fine.pk), str(hired.pk)],
            "action": "move",
            "stage": "under_review",
        },
        follow=True,
    )
    (message,) = _messages(response)
    assert "none was moved" in message and "Ada Lovelace" in message
    assert [_stage(fine), _stage(hired)] == ["applied", "hired"]


def test_nothing_ticked_is_a_message(owner_client, job):
    ApplicationFactory(job=job)
    response = owner_client.post(
        bulk_url(job), {"action": "move", "stage": "under_review"}, follow=True
    )
    assert "Tick at least one applicant." in _messages(response)[0]


def test_a_bulk_form_cannot_reach_another_jobs_applicants(owner_client, job):
    """Even the same recruiter's other job: the board's form only moves its own cards."""
    elsewhere = ApplicationFactory(job=JobFactory(owner=job.owner))
    owner_client.post(
        bulk_url(job),
        {"application_ids": [str(elsewhere.pk)], "action": "move", "stage": "under_review"},
    )
    assert _stage(elsewhere) == "applied"


def test_another_recruiters_bulk_form_is_a_404(client, job):
    application = ApplicationFactory(job=job)
    client.force_login(RecruiterFactory())
    response = client.post(
        bulk_url(job),
        {"application_ids": [str(application.pk)], "action": "reject", "note": "x"},
    )
    assert response.status_code == 404
    assert _stage(application) == "applied"


def test_a_column_shows_twenty_cards_then_shows_more_on_request(owner_client, job):
    ApplicationFactory.create_batch(23, job=job)
    first = owner_client.get(board_url(job)).content.decode()
    assert first.count('class="pipeline-card"') == 20
    assert "3 more with a lower fit score." in first
    assert "?per_stage=40" in first
    everything = owner_client.get(board_url(job), {"per_stage": 40}).content.decode()
    assert everything.count('class="pipeline-card"') == 23
    assert "more with a lower fit score" not in everything
