"""The recruiter's candidate page and its scorecard form."""

import re

import pytest

from ats.models import Scorecard
from tests.accounts.factories import CandidateFactory, DomainExpertFactory, RecruiterFactory
from tests.ats.factories import ScorecardFactory
from tests.ats.test_candidates import JOB_DESCRIPTION, apply, apply_anonymously, with_fit
from tests.jobs.factories import JobFactory
from tests.jobs.test_pages import assert_clean_page, page_of, text_of

pytestmark = pytest.mark.django_db


def page_url(application) -> str:
    return f"/recruiter/applications/{application.pk}/"


def scorecard_url(application) -> str:
    return f"/recruiter/applications/{application.pk}/scorecard/"


@pytest.fixture
def owner():
    return RecruiterFactory(name="Rita Recruiter")


@pytest.fixture
def application(owner):
    job = JobFactory(
        owner=owner,
        description=JOB_DESCRIPTION,
        required_skills=["Python", "Django", "PostgreSQL"],
        preferred_skills=["Docker"],
    )
    application = apply(job, name="Ada Strong", skills="Python, Django")
    return with_fit(application, 71, ["Python", "Django"], missing=["PostgreSQL"])


def form_data(**changes) -> dict:
    return {
        "criterion_0": "Technical skills",
        "rating_0": "4",
        "criterion_1": "Communication",
        "rating_1": "2",
        "criterion_2": "",
        "rating_2": "",
        "recommendation": "yes",
        "notes": "Knows Django well.",
    } | changes


def test_page_shows_the_applicant_fit_timeline_and_forms(client, owner, application):
    ScorecardFactory(application=application, author=DomainExpertFactory(name="Exa Expert"))
    client.force_login(owner)
    html = page_of(client.get(page_url(application)))
    assert_clean_page(html)
    text = text_of(html)
    assert "Ada Strong" in text
    assert f'href="mailto:{application.applicant_email}"' in html  # shown with line-break hints
    assert "Fit score: 71/100" in text
    assert 'class="chip chip--matched">Python' in html
    assert 'class="chip chip--missing">PostgreSQL' in html
    assert "Software Engineer" in text and "University of Leeds" in text
    assert "Exa Expert" in text and "from 1 scorecard" in text
    assert f'action="/recruiter/applications/{application.pk}/move/"' in html
    assert 'value="under_review"' in html
    assert f'action="{scorecard_url(application)}"' in html
    assert 'value="Technical skills"' in html  # the default criteria


def test_page_of_an_anonymous_applicant(client, owner, application):
    other = apply_anonymously(application.job, name="Ben Middle", skills="Python, Flask")
    client.force_login(owner)
    text = text_of(page_of(client.get(page_url(other))))
    assert "applied without an account" in text and "Flask" in text


def test_scorecard_form_creates_then_updates(client, owner, application):
    client.force_login(owner)
    response = client.post(scorecard_url(application), form_data())
    assert response.status_code == 302 and response["Location"] == page_url(application)
    scorecard = Scorecard.objects.get(application=application, author=owner)
    assert scorecard.ratings == {"Technical skills": 4, "Communication": 2}
    html = page_of(client.get(page_url(application)))
    assert "Your scorecard is saved." in html and "Update your scorecard" in html
    assert 'value="Communication"' in html
    client.post(scorecard_url(application), form_data(rating_1="5", recommendation="strong_yes"))
    scorecard.refresh_from_db()
    assert scorecard.ratings["Communication"] == 5 and scorecard.recommendation == "strong_yes"
    assert Scorecard.objects.count() == 1


def test_scorecard_form_shows_errors(client, owner, application):
    client.force_login(owner)
    response = client.post(
        scorecard_url(application), form_data(criterion_2="Leadership", rating_1="9")
    )
    assert response.status_code == 200  # the page again, landing on its errors
    html = response.content.decode()
    text = text_of(html)
    assert "Rate Leadership from 1 to 5." in text
    # The summary at the top of the form links to each field at fault.
    summary = html[html.index('class="alert alert--error form-errors"') :]
    assert 'href="#id_rating_2"' in summary and 'href="#id_rating_1"' in summary
    assert 'src="/static/js/form-errors.js"' in html
    assert not Scorecard.objects.exists()
    blank = form_data(criterion_0="", criterion_1="")
    response = client.post(scorecard_url(application), blank)
    assert response.status_code == 200
    assert "Name and rate at least one criterion." in response.content.decode()


def test_the_recommendation_is_not_chosen_for_the_reviewer(client, owner, application):
    client.force_login(owner)
    html = page_of(client.get(page_url(application)))
    radios = re.findall(r'<input type="radio" name="recommendation"[^>]*>', html)
    assert [re.search(r'value="(\w+)"', radio)[1] for radio in radios] == [
        "strong_no",
        "no",
        "yes",
        "strong_yes",
    ]
    assert not any("checked" in radio for radio in radios)
    assert all("required" in radio for radio in radios)
    # The page holds other fieldsets (panels of other apps): this one is the scorecard's.
    legends = re.findall(r"<legend[^>]*>(.*?)</legend>", html, flags=re.S)
    (legend,) = [legend for legend in legends if "Recommendation" in legend]
    assert "(optional)" not in legend


def test_a_scorecard_without_a_recommendation_is_refused(client, owner, application):
    client.force_login(owner)
    response = client.post(scorecard_url(application), form_data(recommendation=""))
    assert response.status_code == 200
    assert "Choose your recommendation." in text_of(response.content.decode())
    assert not Scorecard.objects.exists()


def test_prefilled_criteria_may_stay_unrated(client, owner, application):
    client.force_login(owner)
    data = form_data(rating_1="", criterion_3="Problem solving", rating_3="")
    response = client.post(scorecard_url(application), data)
    assert response.status_code == 302
    assert Scorecard.objects.get().ratings == {"Technical skills": 4}


def test_domain_expert_scores_from_the_page_without_contact_or_moves(client, application):
    expert = DomainExpertFactory()
    client.force_login(expert)
    html = page_of(client.get(page_url(application)))
    assert application.applicant_email not in html
    assert "/move/" not in html
    assert client.post(scorecard_url(application), form_data()).status_code == 302
    assert Scorecard.objects.get().author == expert


def test_recruiter_b_gets_404_and_candidates_403(client, application):
    client.force_login(RecruiterFactory())
    assert client.get(page_url(application)).status_code == 404
    assert client.post(scorecard_url(application), form_data()).status_code == 404
    client.force_login(CandidateFactory())
    assert client.get(page_url(application)).status_code == 403
    assert client.post(scorecard_url(application), form_data()).status_code == 403
    assert not Scorecard.objects.exists()


def test_anonymous_visitors_go_to_the_login_page(client, application):
    response = client.get(page_url(application))
    assert response.status_code == 302 and "login" in response["Location"]


def test_page_query_count_does_not_grow_with_scorecards(
    client, owner, application, django_assert_max_num_queries
):
    client.force_login(owner)
    ScorecardFactory(application=application, author=DomainExpertFactory())
    with django_assert_max_num_queries(14) as few:
        page_of(client.get(page_url(application)))
    for _ in range(5):
        ScorecardFactory(application=application, author=DomainExpertFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        page_of(client.get(page_url(application)))
