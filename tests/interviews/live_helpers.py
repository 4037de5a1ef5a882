"""Running a live interview through its service, for tests that need one finished."""

from interviews.services.live import Start, live_answer, live_end, live_initialize

ANSWER = (
    "I build Python and Django services with PostgreSQL; I led a migration to Kubernetes, "
    "measured the result and explained the trade-offs to the team."
)


def finished_interview(*, user, job, resume, answers: int = 5):
    """An interview of `user` with `answers` questions answered, then ended."""
    interview, _ = live_initialize(
        user=user, interview_id=None, start=Start(job_id=job.pk, resume_id=str(resume.pk))
    )
    for _ in range(answers):
        result = live_answer(
            user=user,
            interview_id=interview.pk,
            question_id=None,
            answer_text=ANSWER,
            time_taken_seconds=45,
        )
        interview = result.interview
    if answers < 5:
        interview = live_end(user=user, interview_id=interview.pk)
    return interview
