"""`/ws/ai-interview/?session_id=&candidate_id=`: the live AI interview.

Client → server: `initialize_interview`, `submit_answer`, `end_interview`, `ping`.
Server → client: `connection_success`, `welcome`, `question`, `answer_received`,
`analysis_started`, `interview_completed`, `error`, `pong`.

The socket holds only the user and the interview's id; the interview itself lives in the
database and is read and written per message (in a thread), so a thousand idle sockets cost
little, and a reconnect with `session_id` picks up exactly where the database is: the
unanswered question is sent again, a finished interview sends its analysis again. Once an
interview has ended, `initialize_interview` on the same socket starts a new one.
"""

import uuid
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from django.http import Http404

from core.errors import InvalidInput
from core.realtime.consumers import RealtimeConsumer
from interviews.errors import LiveInterviewNotFound, LiveInterviewNotStarted
from interviews.live.phases import INSTRUCTIONS, PHASES, TOTAL_QUESTIONS
from interviews.models import LiveStatus
from interviews.services.live import Start, live_answer, live_end, live_get, live_initialize

MAX_ANSWER_CHARS = 10000
MAX_DESCRIPTION_CHARS = 20000
MAX_SECONDS = 36000


def question_message(question: dict) -> dict:
    return {
        "type": "question",
        "question_id": question["id"],
        "phase": question["phase"],
        "number": question["number"],
        "total_questions": TOTAL_QUESTIONS,
        "text": question["text"],
        "expected_seconds": question["expected_seconds"],
    }


def completed_message(interview) -> dict:
    return {
        "type": "interview_completed",
        "session_id": str(interview.pk),
        "questions_answered": interview.questions_answered,
        "early_termination": interview.early_termination,
        "analysis": interview.analysis,
    }


def _uuid_or_none(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _query(scope) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(scope["query_string"].decode()).items()}


def _text(message: dict, name: str, limit: int, *, required: bool = False) -> str:
    value = message.get(name, "")
    if not isinstance(value, str) or len(value) > limit:
        raise InvalidInput({name: [f"Give text of at most {limit} characters."]})
    if required and not value.strip():
        raise InvalidInput({name: ["This field may not be blank."]})
    return value.strip()


def _start(message: dict, *, on_session: bool) -> Start:
    """`initialize_interview`'s fields: job_id or job_description (+ job_title), resume_id,
    or invitation_id; a socket opened on an invitation's session needs none."""
    errors = {}
    job_id = message.get("job_id")
    if job_id is not None and (type(job_id) is not int or job_id < 1):
        errors["job_id"] = ["A job id is a positive whole number."]
    ids = {name: message.get(name) for name in ("resume_id", "invitation_id")}
    for name, value in ids.items():
        if value is not None and _uuid_or_none(value) is None:
            errors[name] = ["Give a valid UUID."]
    if errors:
        raise InvalidInput(errors)
    description = _text(message, "job_description", MAX_DESCRIPTION_CHARS)
    title = _text(message, "job_title", 200)
    invited = ids["invitation_id"] is not None
    if job_id is None and not (description or title or invited or on_session):
        raise InvalidInput({"job_id": ["Give a job_id, or a job_title or job_description."]})
    return Start(
        job_id=job_id,
        job_title=title,
        job_description=description,
        resume_id=str(ids["resume_id"]) if ids["resume_id"] else None,
        invitation_id=str(ids["invitation_id"]) if invited else None,
    )


def _seconds(message: dict) -> int:
    value = message.get("time_taken_seconds", 0)
    if type(value) is not int or not 0 <= value <= MAX_SECONDS:
        raise InvalidInput(
            {"time_taken_seconds": [f"A whole number of seconds from 0 to {MAX_SECONDS}."]}
        )
    return value


class LiveInterviewConsumer(RealtimeConsumer):
    handlers = {
        "initialize_interview": "on_initialize",
        "submit_answer": "on_answer",
        "end_interview": "on_end",
    }

    interview_id: uuid.UUID | None = None
    # Once the socket's interview has ended, initialize_interview starts a new one.
    interview_ended = False

    async def on_authenticated(self) -> None:
        """Close with 4404 for anything not the user's own; else say where the interview is."""
        query = _query(self.scope)
        candidate = query.get("candidate_id")
        if candidate and candidate != str(self.user.pk):
            raise Http404
        interview = None
        if query.get("session_id"):
            interview = await self._own(_uuid_or_none(query["session_id"]))
            self.interview_id = interview.pk
            self.interview_ended = interview.status == LiveStatus.COMPLETED
        await self.send_json(
            {
                "type": "connection_success",
                "user_id": self.user.pk,
                "session_id": str(interview.pk) if interview else None,
                "status": interview.status if interview else None,
                "questions_asked": interview.questions_asked if interview else 0,
                "total_questions": TOTAL_QUESTIONS,
            }
        )
        if interview is not None:
            await self._resume(interview)

    async def _own(self, interview_id):
        if interview_id is None:
            raise Http404
        try:
            return await database_sync_to_async(live_get)(user=self.user, interview_id=interview_id)
        except LiveInterviewNotFound as exc:
            raise Http404 from exc

    async def _resume(self, interview) -> None:
        """A reconnect: the unanswered question again, or the finished interview's analysis."""
        if interview.status == LiveStatus.COMPLETED:
            await self.send_json(completed_message(interview))
        elif interview.current_question is not None:
            await self.send_json(question_message(interview.current_question))

    async def on_initialize(self, message: dict) -> None:
        current = None if self.interview_ended else self.interview_id
        start = _start(message, on_session=current is not None)
        interview, question = await database_sync_to_async(live_initialize)(
            user=self.user, interview_id=current, start=start
        )
        self.interview_id, self.interview_ended = interview.pk, False
        await self.send_json(
            {
                "type": "welcome",
                "session_id": str(interview.pk),
                "job_title": interview.job_title,
                "instructions": INSTRUCTIONS,
                "phases": [str(phase) for phase in PHASES],
                "total_questions": TOTAL_QUESTIONS,
            }
        )
        await self.send_json(question_message(question))

    async def on_answer(self, message: dict) -> None:
        if self.interview_id is None:
            raise LiveInterviewNotStarted()
        answer = _text(message, "answer", MAX_ANSWER_CHARS, required=True)
        question_id = message.get("question_id")
        if question_id is not None and not isinstance(question_id, str):
            raise InvalidInput({"question_id": ["Give the question_id of the question."]})
        result = await database_sync_to_async(live_answer)(
            user=self.user,
            interview_id=self.interview_id,
            question_id=question_id,
            answer_text=answer,
            time_taken_seconds=_seconds(message),
        )
        await self.send_json(
            {
                "type": "answer_received",
                "question_id": result.answered["id"],
                "phase": result.answered["phase"],
                "number": result.answered["number"],
                "questions_answered": result.interview.questions_answered,
                "total_questions": TOTAL_QUESTIONS,
            }
        )
        if result.next_question is not None:
            await self.send_json(question_message(result.next_question))
        else:
            await self._finished(result.interview)

    async def on_end(self, message: dict) -> None:
        if self.interview_id is None:
            raise LiveInterviewNotStarted()
        interview = await database_sync_to_async(live_end)(
            user=self.user, interview_id=self.interview_id
        )
        await self._finished(interview)

    async def _finished(self, interview) -> None:
        self.interview_ended = True
        await self.send_json({"type": "analysis_started", "session_id": str(interview.pk)})
        await self.send_json(completed_message(interview))
