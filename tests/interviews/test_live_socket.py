"""The live AI interview socket: every message both ways, refusals, reconnects, and the
transcript at rest."""

import json

import pytest
from asgiref.sync import sync_to_async
from django.db import connection

from accounts.tokens import token_pair
from interviews.models import LiveInterview, LiveStatus
from interviews.services.live import live_invite
from tests.accounts.factories import CandidateFactory
from tests.ats.factories import ApplicationFactory
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory
from tests.sockets import WAIT, refused, socket_to

pytestmark = pytest.mark.django_db(transaction=True)

PHASES = ["greeting", "resume", "follow_up", "scenario", "scenario_follow_up"]
ANSWERS = {
    "greeting": "I am a senior software engineer who builds Python and Django services; I want "
    "this backend role because it builds on my work with PostgreSQL and Kubernetes.",
    "resume": "I led the migration of our services to Kubernetes: I planned the order, wrote the "
    "Helm charts and moved one service a week. The result was much faster deploys.",
    "follow_up": "I also built a Django REST API for our customers, with tests and reviews.",
    "scenario": "I would first measure where the time goes, then fix the biggest cause, "
    "communicate the plan to the team and check the result against the metric.",
    "scenario_follow_up": "The risk is breaking production, so I would roll out gradually, "
    "monitor the error rate and roll back if it rises.",
}


@pytest.fixture
def candidate():
    return CandidateFactory()


@pytest.fixture
def resume(candidate):
    return ResumeFactory(owner=candidate)


@pytest.fixture
def job():
    return JobFactory()


def token_of(user) -> str:
    return token_pair(user)["access_token"]


async def connect(user, query: str = ""):
    token = await sync_to_async(token_of)(user)
    socket = socket_to(f"/ws/ai-interview/?token={token}{query}")
    connected, _ = await socket.connect()
    assert connected
    return socket


async def receive(socket) -> dict:
    return await socket.receive_json_from(timeout=WAIT)


async def start(socket, job, resume) -> tuple[dict, dict]:
    await socket.send_json_to(
        {"type": "initialize_interview", "job_id": job.pk, "resume_id": str(resume.pk)}
    )
    return await receive(socket), await receive(socket)


async def answer(socket, question: dict, text: str | None = None) -> dict:
    await socket.send_json_to(
        {
            "type": "submit_answer",
            "question_id": question["question_id"],
            "answer": text or ANSWERS[question["phase"]],
            "time_taken_seconds": 60,
        }
    )
    return await receive(socket)


async def test_a_candidate_is_interviewed_in_five_phases_and_gets_the_analysis(
    candidate, resume, job
):
    socket = await connect(candidate)
    hello = await receive(socket)
    assert hello["type"] == "connection_success"
    assert (hello["session_id"], hello["total_questions"]) == (None, 5)

    welcome, question = await start(socket, job, resume)
    assert welcome["type"] == "welcome"
    assert welcome["phases"] == PHASES and len(welcome["instructions"]) >= 3
    seen = []
    while True:
        assert question["type"] == "question"
        seen.append((question["phase"], question["number"]))
        received = await answer(socket, question)
        assert received["type"] == "answer_received"
        assert received["question_id"] == question["question_id"]
        following = await receive(socket)
        if following["type"] != "question":
            break
        question = following
    assert seen == [(phase, number) for number, phase in enumerate(PHASES, start=1)]
    assert following == {"type": "analysis_started", "session_id": welcome["session_id"]}
    completed = await receive(socket)
    assert completed["type"] == "interview_completed"
    analysis = completed["analysis"]
    for score in (
        "overall_score",
        "technical_score",
        "communication_score",
        "problem_solving_score",
        "cultural_fit_score",
    ):
        assert 0 < analysis[score] <= 10, score
    assert analysis["recommendation"] in ("select", "next_round", "reject")
    assert analysis["overall_feedback"]
    assert isinstance(analysis["strengths"], list)
    assert isinstance(analysis["areas_for_improvement"], list)
    assert completed["early_termination"] is False
    await socket.disconnect()


async def test_the_resume_question_quotes_the_candidates_own_experience(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    _, greeting = await start(socket, job, resume)
    await answer(socket, greeting)
    resume_question = await receive(socket)

    assert resume_question["phase"] == "resume"
    assert "Acme Analytics" in resume_question["text"] or "Brightside" in resume_question["text"]
    await socket.disconnect()


async def test_the_follow_up_asks_about_what_the_previous_answer_missed(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    _, greeting = await start(socket, job, resume)
    await answer(socket, greeting)
    resume_question = await receive(socket)
    await answer(socket, resume_question, "I was on that team and it went well.")
    follow_up = await receive(socket)

    interview = await sync_to_async(LiveInterview.objects.get)(user=candidate)
    missed = interview.answers[-1]["result"]["missing_key_points"]
    assert follow_up["phase"] == "follow_up"
    assert missed and missed[0].rstrip(".") in follow_up["text"]
    await socket.disconnect()


async def test_a_reconnect_gets_the_current_question_again_and_nothing_twice(
    candidate, resume, job
):
    socket = await connect(candidate)
    await receive(socket)
    welcome, greeting = await start(socket, job, resume)
    await answer(socket, greeting)
    resume_question = await receive(socket)
    await socket.disconnect()

    again = await connect(candidate, f"&session_id={welcome['session_id']}")
    hello = await receive(again)
    assert (hello["session_id"], hello["status"], hello["questions_asked"]) == (
        welcome["session_id"],
        "in_progress",
        2,
    )
    assert await receive(again) == resume_question
    assert await again.receive_nothing(timeout=0.2)

    # The greeting was answered already: answering it again is refused, nothing is lost.
    refusal = await answer(again, greeting)
    assert refusal["error_code"] == "wrong_question"
    received = await answer(again, resume_question)
    assert (received["type"], received["questions_answered"]) == ("answer_received", 2)
    assert (await receive(again))["phase"] == "follow_up"
    interview = await sync_to_async(LiveInterview.objects.get)(pk=welcome["session_id"])
    assert [a["question_id"] for a in interview.answers] == ["greeting", "resume"]
    await again.disconnect()


async def test_a_reconnect_after_the_end_gets_the_analysis_again(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    welcome, greeting = await start(socket, job, resume)
    await answer(socket, greeting)
    await receive(socket)
    await socket.send_json_to({"type": "end_interview"})
    assert (await receive(socket))["type"] == "analysis_started"
    ended = await receive(socket)
    assert (ended["type"], ended["early_termination"], ended["questions_answered"]) == (
        "interview_completed",
        True,
        1,
    )
    await socket.disconnect()

    again = await connect(candidate, f"&session_id={welcome['session_id']}")
    assert (await receive(again))["status"] == "completed"
    assert (await receive(again))["analysis"] == ended["analysis"]
    await again.disconnect()


async def test_the_transcript_is_saved_encrypted_after_every_message(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    welcome, greeting = await start(socket, job, resume)
    await answer(socket, greeting, "My secret answer about Kubernetes and Django.")
    await receive(socket)

    interview = await sync_to_async(LiveInterview.objects.get)(pk=welcome["session_id"])
    kinds = [entry["kind"] for entry in interview.transcript]
    assert kinds == ["welcome", "question", "answer", "question"]
    assert interview.transcript[2]["text"] == "My secret answer about Kubernetes and Django."

    def raw_columns():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT transcript, answers, questions FROM interviews_liveinterview WHERE id = %s",
                [interview.pk.hex if connection.vendor == "sqlite" else str(interview.pk)],
            )
            return cursor.fetchone()

    for raw in await sync_to_async(raw_columns)():
        assert "secret answer" not in raw and "Acme" not in raw
        with pytest.raises(ValueError):
            json.loads(raw)
    await socket.disconnect()


async def test_a_job_description_works_without_a_job(candidate, resume):
    socket = await connect(candidate)
    await receive(socket)
    await socket.send_json_to(
        {
            "type": "initialize_interview",
            "job_title": "Data Engineer",
            "job_description": "We need Python, SQL and Airflow to build data pipelines.",
            "resume_id": str(resume.pk),
        }
    )
    welcome = await receive(socket)
    assert welcome["job_title"] == "Data Engineer"
    assert (await receive(socket))["phase"] == "greeting"
    await socket.disconnect()


# --- Bad input and refusals ------------------------------------------------------------------


async def test_malformed_json_and_unknown_types_are_errors_and_the_socket_stays(candidate):
    socket = await connect(candidate)
    await receive(socket)

    await socket.send_to(text_data="{not json")
    assert (await receive(socket))["error_code"] == "invalid_json"
    await socket.send_json_to({"type": "dance"})
    unknown = await receive(socket)
    assert unknown["error_code"] == "unknown_type"
    assert "submit_answer" in unknown["detail"]
    await socket.send_json_to(["ping"])
    assert (await receive(socket))["error_code"] == "invalid_message"
    await socket.send_json_to({"type": "ping"})
    assert await receive(socket) == {"type": "pong"}
    await socket.disconnect()


async def test_an_answer_or_an_end_before_initialisation_is_an_error(candidate):
    socket = await connect(candidate)
    await receive(socket)

    await socket.send_json_to({"type": "submit_answer", "answer": "Hello"})
    assert (await receive(socket))["error_code"] == "interview_not_started"
    await socket.send_json_to({"type": "end_interview"})
    assert (await receive(socket))["error_code"] == "interview_not_started"
    await socket.disconnect()


async def test_an_answer_after_the_end_is_an_error(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    _, greeting = await start(socket, job, resume)
    await socket.send_json_to({"type": "end_interview"})
    await receive(socket)
    await receive(socket)

    refusal = await answer(socket, greeting)
    assert refusal["type"] == "error"
    assert refusal["error_code"] == "interview_already_completed"
    await socket.send_json_to({"type": "end_interview"})
    assert (await receive(socket))["error_code"] == "interview_already_completed"
    interview = await sync_to_async(LiveInterview.objects.get)(user=candidate)
    assert interview.answers == []
    await socket.disconnect()


async def test_after_the_end_the_same_socket_may_start_a_new_interview(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    first, _ = await start(socket, job, resume)
    await socket.send_json_to({"type": "end_interview"})
    await receive(socket)
    await receive(socket)

    second, question = await start(socket, job, resume)

    assert second["session_id"] != first["session_id"]
    assert (question["phase"], question["number"]) == ("greeting", 1)
    assert (await answer(socket, question))["type"] == "answer_received"
    assert await sync_to_async(LiveInterview.objects.count)() == 2
    await socket.disconnect()


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ({"type": "initialize_interview", "resume_id": "nope", "job_id": 1}, "resume_id"),
        ({"type": "initialize_interview", "job_id": "seven"}, "job_id"),
        ({"type": "initialize_interview"}, "job_id"),
        ({"type": "initialize_interview", "job_description": 5}, "job_description"),
    ],
)
async def test_a_malformed_initialisation_names_the_field(candidate, message, field):
    socket = await connect(candidate)
    await receive(socket)
    await socket.send_json_to(message)

    error = await receive(socket)

    assert (error["type"], error["error_code"]) == ("error", "validation_error")
    assert field in error["errors"]
    assert await sync_to_async(LiveInterview.objects.count)() == 0
    await socket.disconnect()


async def test_another_users_resume_or_an_unknown_job_cannot_start_an_interview(candidate, job):
    stranger_resume = await sync_to_async(ResumeFactory)()
    socket = await connect(candidate)
    await receive(socket)

    await socket.send_json_to(
        {"type": "initialize_interview", "job_id": job.pk, "resume_id": str(stranger_resume.pk)}
    )
    assert (await receive(socket))["error_code"] == "resume_not_found"
    own = await sync_to_async(ResumeFactory)(owner=candidate)
    await socket.send_json_to(
        {"type": "initialize_interview", "job_id": 999999, "resume_id": str(own.pk)}
    )
    assert (await receive(socket))["errors"] == {"job_id": ["No job you can see has this id."]}
    assert await sync_to_async(LiveInterview.objects.count)() == 0
    await socket.disconnect()


@pytest.mark.parametrize(
    "answer_fields",
    [
        {"answer": ""},
        {"answer": 12},
        {"answer": "x" * 10001},
        {"answer": "Fine", "time_taken_seconds": -1},
        {"answer": "Fine", "question_id": 3},
    ],
)
async def test_a_malformed_answer_is_refused_and_not_recorded(
    candidate, resume, job, answer_fields
):
    socket = await connect(candidate)
    await receive(socket)
    await start(socket, job, resume)

    await socket.send_json_to({"type": "submit_answer", **answer_fields})

    assert (await receive(socket))["error_code"] == "validation_error"
    interview = await sync_to_async(LiveInterview.objects.get)(user=candidate)
    assert interview.answers == [] and interview.questions_answered == 0
    await socket.disconnect()


async def test_starting_twice_is_refused(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    await start(socket, job, resume)
    await socket.send_json_to(
        {"type": "initialize_interview", "job_id": job.pk, "resume_id": str(resume.pk)}
    )
    assert (await receive(socket))["error_code"] == "interview_already_started"
    await socket.disconnect()


async def test_another_users_session_is_closed_with_4404(candidate, resume, job):
    socket = await connect(candidate)
    await receive(socket)
    welcome, _ = await start(socket, job, resume)
    await socket.disconnect()
    stranger = await sync_to_async(CandidateFactory)()

    for query in (f"&session_id={welcome['session_id']}", "&session_id=not-a-uuid"):
        intruder = await connect(stranger, query)
        error, code = await refused(intruder)
        assert (error["error_code"], code) == ("not_found", 4404)
        await intruder.disconnect()

    other_candidate = await connect(stranger, f"&candidate_id={candidate.pk}")
    assert (await refused(other_candidate))[1] == 4404
    await other_candidate.disconnect()


async def test_no_token_is_closed_with_4401():
    socket = socket_to("/ws/ai-interview/")
    connected, _ = await socket.connect()
    assert connected

    await socket.send_json_to({"type": "initialize_interview", "job_id": 1})

    error, code = await refused(socket)
    assert (error["error_code"], code) == ("unauthenticated", 4401)
    await socket.disconnect()


async def test_the_token_may_come_in_band(candidate):
    socket = socket_to("/ws/ai-interview/")
    await socket.connect()
    await socket.send_json_to({"type": "auth", "token": await sync_to_async(token_of)(candidate)})
    hello = await receive(socket)
    assert (hello["type"], hello["user_id"]) == ("connection_success", candidate.pk)
    await socket.disconnect()


async def test_an_invitation_is_started_from_its_session(candidate, resume):
    application = await sync_to_async(ApplicationFactory)(resume=resume)
    invited = await sync_to_async(live_invite)(
        user=application.job.owner, application_id=application.pk
    )
    socket = await connect(candidate, f"&session_id={invited.pk}")
    hello = await receive(socket)
    assert hello["status"] == LiveStatus.INVITED
    assert await socket.receive_nothing(timeout=0.1)

    await socket.send_json_to({"type": "initialize_interview", "invitation_id": str(invited.pk)})

    welcome = await receive(socket)
    assert (welcome["session_id"], welcome["job_title"]) == (str(invited.pk), application.job.title)
    assert (await receive(socket))["phase"] == "greeting"
    await socket.disconnect()


async def test_a_socket_opened_on_an_invitation_starts_it_with_no_fields(candidate, resume):
    application = await sync_to_async(ApplicationFactory)(resume=resume)
    invited = await sync_to_async(live_invite)(
        user=application.job.owner, application_id=application.pk
    )
    socket = await connect(candidate, f"&session_id={invited.pk}")
    await receive(socket)

    await socket.send_json_to({"type": "initialize_interview"})

    assert (await receive(socket))["session_id"] == str(invited.pk)
    assert (await receive(socket))["phase"] == "greeting"
    await socket.disconnect()
