"""The pipeline board page: columns and cards, moving and rejecting with plain forms, bulk
actions, and another recruiter's job or applicant a 404."""

import re

import pytest
from django.core import mail

from ats import hooks
from ats.board import BOARD_STAGES
from ats.hooks import MoveFollowUp, register_move_followup
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


def _card_html(html, application) -> str:
    card = html[html.index(f'id="card-{application.pk}"') :]
    return card[: card.index("</article>")]


def test_the_board_shows_open_columns_then_the_final_stages_folded(owner_client, job):
    ApplicationFactory(job=job, fit_score=88, applicant_name="Grace Hopper")
    ApplicationFactory(job=job, fit_score=55, applicant_name="Alan Turing")
    ApplicationFactory(job=job, stage=Stage.HIRED, applicant_name="Ada Lovelace")
    ApplicationFactory.create_batch(2, job=job, stage=Stage.REJECTED)

    html = page_of(owner_client.get(board_url(job)))

    assert_clean_page(html)
    text = text_of(html)
    assert "Site Reliability Engineer" in text
    assert "5 applicants" in text
    headings = re.findall(r'<h2 class="pipeline__title" id="stage-([a-z_]+)">\s*([^<]+?) <', html)
    assert headings == [(stage, Stage(stage).label) for stage in BOARD_STAGES]
    # The final stages are folded (<details> without open), each with its count in view.
    finals = re.findall(
        r'<details class="pipeline__column pipeline__column--final[^"]*"[^>]*data-stage="(\w+)"'
        r'[^>]*>\s*<summary class="pipeline__summary">\s*<h2[^>]*>\s*\w+ <span class='
        r'"pipeline__count" data-count>(\d+)</span>',
        html,
    )
    assert finals == [("hired", "1"), ("rejected", "2"), ("withdrawn", "0")]
    assert text.index("Grace Hopper") < text.index("Alan Turing")  # best fit first
    assert "0 days in stage" in text


def test_a_card_is_compact_with_a_move_link_instead_of_forms(owner_client, job):
    best = ApplicationFactory(job=job, fit_score=88, applicant_name="Grace Hopper")
    hired = ApplicationFactory(job=job, stage=Stage.HIRED, applicant_name="Ada Lovelace")

    html = page_of(owner_client.get(board_url(job)))

    card = _card_html(html, best)
    assert "<form" not in card and "<select" not in card
    assert ">88<" in card
    assert f'href="/recruiter/applications/{best.pk}/"' in card  # the candidate page
    assert f'href="{move_url(best)}" data-move-menu' in card  # the move page without JS
    assert 'data-allowed="under_review rejected"' in card  # withdrawing is the applicant's
    assert 'form="bulk-form"' in card
    assert 'id="bulk-form"' in html and f'action="{bulk_url(job)}"' in html
    assert "data-move-menu" not in _card_html(html, hired)  # final: nowhere to go
    assert 'src="/static/js/ats/board.js"' in html


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
    assert response.redirect_chain[-1][0] == (
        f"{board_url(job)}?moved={application.pk}#card-{application.pk}"
    )
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
    assert message.startswith("Grace Hopper cannot move from Applied to Hired.")
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


def test_the_move_page_offers_the_allowed_stages_without_javascript(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper", fit_score=70)
    html = page_of(owner_client.get(move_url(application)))
    assert_clean_page(html)
    assert "Move Grace Hopper" in text_of(html)
    stages = re.findall(r'<input type="radio" name="stage" value="(\w+)" required>', html)
    assert stages == ["under_review", "rejected"]
    assert 'name="from_stage" value="applied"' in html
    assert f'action="{move_url(application)}"' in html


def test_the_move_page_of_a_final_stage_says_it_is_final(owner_client, job):
    application = ApplicationFactory(job=job, stage=Stage.HIRED, applicant_name="Ada Lovelace")
    text = text_of(page_of(owner_client.get(move_url(application))))
    assert "Hired is a final stage: Ada Lovelace cannot move from it." in text


def test_another_recruiters_move_page_is_a_404(client, job):
    application = ApplicationFactory(job=job)
    client.force_login(RecruiterFactory())
    assert client.get(move_url(application)).status_code == 404


def test_a_refused_move_without_javascript_is_said_on_the_card(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper")
    response = owner_client.post(
        move_url(application), {"stage": "hired", "from_stage": "applied"}, follow=True
    )
    expected = (
        "Grace Hopper cannot move from Applied to Hired. From Applied: Under review or Rejected."
    )
    card = _card_html(response.content.decode(), application)
    assert f'role="alert" data-card-note>{expected}</p>' in card
    assert _stage(application) == Stage.APPLIED


# --- Moves from the board's script (JSON) ---------------------------------------------------


def _post_json(client, application, data):
    return client.post(move_url(application), data, headers={"accept": "application/json"})


def test_a_dragged_move_answers_with_the_new_stage_and_its_moves(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper")
    response = _post_json(
        owner_client, application, {"stage": "under_review", "from_stage": "applied"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["moved"] is True
    assert body["message"] == "Grace Hopper moved to under review."
    assert body["stage"] == "under_review"
    assert [item["label"] for item in body["allowed"]] == [
        "Interview scheduled",
        "Offer",
        "Rejected",
    ]
    assert body["followups"] == []
    assert _stage(application) == Stage.UNDER_REVIEW


def test_a_disallowed_drop_is_refused_in_plain_words(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper")
    response = _post_json(owner_client, application, {"stage": "hired", "from_stage": "applied"})
    assert response.status_code == 200  # an answer for the card, not a failed request
    assert response.json() == {
        "moved": False,
        "detail": "Grace Hopper cannot move from Applied to Hired. "
        "From Applied: Under review or Rejected.",
    }
    assert _stage(application) == Stage.APPLIED
    assert not StageChange.objects.filter(application=application, to_stage="hired").exists()


def test_dropping_on_withdrawn_says_only_the_applicant_may(owner_client, job):
    application = ApplicationFactory(job=job, applicant_name="Grace Hopper")
    response = _post_json(
        owner_client, application, {"stage": "withdrawn", "from_stage": "applied"}
    )
    assert response.json()["detail"].startswith("Only Grace Hopper can withdraw")


def test_a_move_of_a_final_card_says_the_stage_is_final(owner_client, job):
    application = ApplicationFactory(job=job, stage=Stage.HIRED, applicant_name="Ada Lovelace")
    response = _post_json(owner_client, application, {"stage": "offer", "from_stage": "hired"})
    assert response.json()["detail"] == "Ada Lovelace cannot move to Offer: Hired is a final stage."


def test_a_stale_drop_is_refused_on_the_card_and_a_malformed_one_is_a_400(owner_client, job):
    application = ApplicationFactory(job=job)
    Application.objects.filter(pk=application.pk).update(stage=Stage.UNDER_REVIEW)
    stale = _post_json(owner_client, application, {"stage": "rejected", "from_stage": "applied"})
    assert stale.json()["moved"] is False
    assert "Someone moved this application meanwhile" in stale.json()["detail"]
    malformed = _post_json(owner_client, application, {"stage": "promoted"})
    assert malformed.status_code == 400 and malformed.json()["detail"]
    assert _stage(application) == Stage.UNDER_REVIEW


def test_another_recruiters_drop_is_a_404(client, job):
    application = ApplicationFactory(job=job)
    client.force_login(RecruiterFactory())
    response = _post_json(client, application, {"stage": "under_review"})
    assert response.status_code == 404
    assert _stage(application) == Stage.APPLIED


@pytest.fixture
def meeting_offer(monkeypatch):
    """A follow-up like the one the meetings feature registers for interview_scheduled,
    alone (the apps' own follow-ups are set aside)."""
    monkeypatch.setattr(hooks, "_followups", {})

    def offer(*, application, user):
        if application.stage != Stage.INTERVIEW_SCHEDULED:
            return None
        return MoveFollowUp("Interview to arrange.", "/meetings/new/", "Schedule a meeting")

    register_move_followup("test-meeting", offer)


def test_a_move_offers_the_registered_follow_ups(owner_client, job, meeting_offer):
    application = ApplicationFactory(job=job, stage=Stage.UNDER_REVIEW)
    body = _post_json(
        owner_client, application, {"stage": "interview_scheduled", "from_stage": "under_review"}
    ).json()
    assert body["followups"] == [
        {
            "text": "Interview to arrange.",
            "url": "/meetings/new/",
            "link_label": "Schedule a meeting",
        }
    ]


def test_a_move_without_javascript_shows_the_follow_ups_on_the_card(
    owner_client, job, meeting_offer
):
    application = ApplicationFactory(job=job, stage=Stage.UNDER_REVIEW)
    response = owner_client.post(
        move_url(application), {"stage": "interview_scheduled", "from_stage": "under_review"}
    )
    assert response.url == f"{board_url(job)}?moved={application.pk}#card-{application.pk}"
    html = page_of(owner_client.get(response.url.split("#")[0]))
    assert '<a href="/meetings/new/">Schedule a meeting</a>' in _card_html(html, application)


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
