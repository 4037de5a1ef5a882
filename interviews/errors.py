from http import HTTPStatus

from core.errors import ConflictError, DomainError


class QuestionNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "question_not_found"
    message = "No question with this id."


class QuestionsNotReviewable(DomainError):
    """Some questions of a bulk review cannot take the decision: none was changed.

    `errors` = {question_id: [why]}; the API returns it as the body's `errors`.
    """

    error_code = "questions_not_reviewable"
    message = "Some of these questions cannot take this decision; none was changed."

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors=errors)


class NoQuestionsForSkills(DomainError):
    error_code = "no_questions_for_skills"
    message = "Name at least one skill, or a job whose description names some."


class AnalysisNotReady(DomainError):
    status_code = HTTPStatus.CONFLICT
    error_code = "analysis_not_completed"
    message = "Personal questions need a completed analysis of your resume."


class AlreadyInLibrary(ConflictError):
    error_code = "question_already_saved"
    message = "This question is already in your library."


class SavedQuestionNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "saved_question_not_found"
    message = "No saved question with this id in your library."


class SessionNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "session_not_found"
    message = "No interview session with this id."


class SessionCompleted(ConflictError):
    error_code = "session_completed"
    message = "This session is completed; start a new one to answer more questions."


class WrongQuestion(DomainError):
    error_code = "wrong_question"
    message = "This is not the session's current question; fetch the next question."


class NothingAnswered(DomainError):
    error_code = "nothing_answered"
    message = "Answer at least one question before completing the session."


class NotEnoughApprovedQuestions(DomainError):
    error_code = "not_enough_approved_questions"
    message = "This job has no approved questions yet; approve some in the bank first."


class NoStarterQuestions(DomainError):
    error_code = "no_starter_questions"
    message = "No practice questions match this role; try another role or difficulty."


class ApplicantHasNoAccount(DomainError):
    error_code = "applicant_has_no_account"
    message = "This applicant applied without an account, so they cannot take a screening session."


class ScreeningAlreadyOpen(ConflictError):
    error_code = "screening_already_open"
    message = "This applicant has a screening session that is not completed yet."


class ScreeningNotDeletable(ConflictError):
    error_code = "screening_not_deletable"
    message = (
        "A screening session belongs to your application and cannot be deleted here; your "
        "privacy settings can erase it with your account data."
    )


class LiveInterviewNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "live_interview_not_found"
    message = "No live interview with this id."


class LiveInterviewNotStarted(ConflictError):
    error_code = "interview_not_started"
    message = 'Start the interview first: send {"type": "initialize_interview", ...}.'


class LiveInterviewAlreadyStarted(ConflictError):
    error_code = "interview_already_started"
    message = "This interview has already started; answer the current question."


class LiveInterviewFinished(ConflictError):
    error_code = "interview_already_completed"
    message = "This interview has ended; start a new one to answer more questions."


class LiveInterviewNotCompleted(ConflictError):
    error_code = "interview_not_completed"
    message = "This interview is not completed yet, so it has no results."


class LiveInterviewNotDeletable(ConflictError):
    error_code = "live_interview_not_deletable"
    message = (
        "An interview a recruiter invited you to belongs to your application and cannot be "
        "deleted here; your privacy settings can erase it with your account data."
    )


class LiveInterviewAlreadyOpen(ConflictError):
    error_code = "live_interview_already_open"
    message = "This applicant has a live interview that is not completed yet."


class ResumeNotParsed(DomainError):
    error_code = "resume_not_parsed"
    field = "resume_id"
    message = "This resume has not been read yet; wait for it to finish, or choose another."


class LiveResumeNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "resume_not_found"
    field = "resume_id"
    message = "No resume of yours with this id."
