"""`/ws/chat/`: in-band auth, grounded answers with their metadata, the conversation kept
per connection, heartbeat and every kind of bad message."""

import httpx
import pytest
import respx

from accounts.tokens import token_pair
from gdpr.consents import AI_PROVIDER, consent_record
from interviews.chat import consumer
from tests.resumes.factories import ResumeFactory
from tests.sockets import WAIT, refused, socket_to

pytestmark = pytest.mark.django_db(transaction=True)
CHAT = "/ws/chat/"


@pytest.fixture
def resume():
    return ResumeFactory()


@pytest.fixture
def token(resume):
    return token_pair(resume.owner)["access_token"]


async def authenticated(token):
    """A chat socket after `{"type": "auth"}` and the server's `system` greeting."""
    socket = socket_to(CHAT)
    connected, _ = await socket.connect(timeout=WAIT)
    assert connected
    await socket.send_json_to({"type": "auth", "token": token})
    greeting = await socket.receive_json_from(timeout=WAIT)
    assert greeting["type"] == "system"
    assert greeting["content"].startswith("Connected to the Hirewise assistant")
    assert greeting["timestamp"].endswith("Z")
    return socket


async def test_a_question_is_answered_from_the_resume_with_its_match(token):
    socket = await authenticated(token)

    await socket.send_json_to({"type": "message", "content": "What was my last job?"})
    answer = await socket.receive_json_from(timeout=WAIT)

    assert answer["type"] == "message"
    assert "Senior Software Engineer at Acme Analytics" in answer["content"]
    assert answer["metadata"] == {
        "from_qa": True,
        "similarity": 1.0,
        "matched_question": "What was my last job?",
    }
    assert answer["sentiment"] == "continue"
    assert answer["timestamp"].endswith("Z")
    await socket.disconnect()


async def test_an_unanswerable_question_is_refused(token):
    socket = await authenticated(token)

    await socket.send_json_to({"type": "message", "content": "Am I married?"})
    answer = await socket.receive_json_from(timeout=WAIT)

    assert answer["content"].startswith("I don't know that from your resume")
    assert answer["metadata"]["from_qa"] is False
    assert answer["metadata"]["matched_question"] is None
    await socket.disconnect()


async def test_the_conversation_is_kept_for_the_connection(token, monkeypatch):
    seen = []
    real = consumer.chat_reply

    def recording(**kwargs):
        seen.append([message["type"] for message in kwargs["history"]])
        return real(**kwargs)

    monkeypatch.setattr(consumer, "chat_reply", recording)
    socket = await authenticated(token)

    for question in ("Hello", "Which skills do I have?"):
        await socket.send_json_to({"type": "message", "content": question})
        await socket.receive_json_from(timeout=WAIT)

    assert seen == [[], ["human", "ai"]]
    await socket.disconnect()


async def test_ping_is_answered_with_pong(token):
    socket = await authenticated(token)

    await socket.send_json_to({"type": "ping"})

    assert await socket.receive_json_from(timeout=WAIT) == {"type": "pong"}
    await socket.disconnect()


@pytest.mark.parametrize(
    ("frame", "error_code"),
    [
        ("{not json", "invalid_json"),
        ('{"content": "no type"}', "invalid_message"),
        ('{"type": "shout", "content": "Hi"}', "unknown_type"),
        ('{"type": "message"}', "validation_error"),
        ('{"type": "message", "content": "   "}', "validation_error"),
        ('{"type": "message", "content": 42}', "validation_error"),
        ('{"type": "message", "content": "' + "x" * 2001 + '"}', "validation_error"),
    ],
)
async def test_a_bad_message_is_an_error_and_the_socket_stays_open(token, frame, error_code):
    socket = await authenticated(token)

    await socket.send_to(text_data=frame)
    error = await socket.receive_json_from(timeout=WAIT)

    assert error["type"] == "error"
    assert error["error_code"] == error_code
    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from(timeout=WAIT) == {"type": "pong"}
    await socket.disconnect()


async def test_an_oversized_message_is_refused(token, settings):
    socket = await authenticated(token)

    await socket.send_json_to(
        {"type": "message", "content": "x" * settings.REALTIME_MAX_MESSAGE_BYTES}
    )
    error = await socket.receive_json_from(timeout=WAIT)

    assert error["error_code"] == "message_too_large"
    assert str(settings.REALTIME_MAX_MESSAGE_BYTES) in error["detail"]
    await socket.disconnect()


async def test_a_message_before_auth_closes_with_4401(token):
    socket = socket_to(CHAT)
    await socket.connect(timeout=WAIT)

    await socket.send_json_to({"type": "message", "content": "What was my last job?"})
    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)


async def test_a_bad_token_closes_with_4401():
    socket = socket_to(CHAT)
    await socket.connect(timeout=WAIT)

    await socket.send_json_to({"type": "auth", "token": "not-a-token"})
    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)


async def test_no_credentials_in_time_closes_with_4401(settings):
    settings.REALTIME_AUTH_TIMEOUT_SECONDS = 0.01
    socket = socket_to(CHAT)
    await socket.connect(timeout=WAIT)

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)


@pytest.fixture
def other_token(resume):
    other = ResumeFactory(text="Alex Roe\n\nSkills\nCobol, Fortran\n")
    return token_pair(other.owner)["access_token"]


async def test_answers_use_only_the_sockets_own_user(other_token):
    socket = await authenticated(other_token)

    await socket.send_json_to({"type": "message", "content": "Which skills do I have?"})
    answer = await socket.receive_json_from(timeout=WAIT)

    assert "COBOL" in answer["content"]
    assert "Kubernetes" not in answer["content"]
    await socket.disconnect()


@pytest.fixture
def withdrawn(resume, settings, monkeypatch):
    """Gemini is keyed, but the user withdrew consent to outside AI processing."""
    settings.GEMINI_API_KEY = "test-key"
    monkeypatch.setenv("GOOGLE_GENAI_HTTP_CLIENT", "httpx")
    consent_record(user=resume.owner, purpose=AI_PROVIDER, granted=False)


@respx.mock
async def test_a_withdrawn_consent_keeps_the_socket_answers_local(token, withdrawn):
    gemini = respx.post(url__regex=r"generativelanguage").mock(return_value=httpx.Response(500))
    socket = await authenticated(token)

    await socket.send_json_to({"type": "message", "content": "What was my last job?"})
    answer = await socket.receive_json_from(timeout=WAIT)

    assert "Acme Analytics" in answer["content"]
    assert not gemini.called
    await socket.disconnect()
