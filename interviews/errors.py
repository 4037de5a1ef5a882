from core.errors import ConflictError, DomainError


class QuestionNotFound(DomainError):
    status_code = 404
    default_code = "question_not_found"
    default_detail = "No question with this id."


class QuestionsNotReviewable(DomainError):
    """Some questions of a bulk review cannot take the decision: none was changed.

    `field_errors` = {question_id: [why]}; the API returns it as the body's `errors`.
    """

    default_code = "questions_not_reviewable"
    default_detail = "Some of these questions cannot take this decision; none was changed."

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(self.default_detail)
        self.field_errors = errors


class NoQuestionsForSkills(DomainError):
    default_code = "no_questions_for_skills"
    default_detail = "Name at least one skill, or a job whose description names some."


class AnalysisNotReady(DomainError):
    status_code = 409
    default_code = "analysis_not_completed"
    default_detail = "Personal questions need a completed analysis of your resume."


class AlreadyInLibrary(ConflictError):
    default_code = "question_already_saved"
    default_detail = "This question is already in your library."


class SavedQuestionNotFound(DomainError):
    status_code = 404
    default_code = "saved_question_not_found"
    default_detail = "No saved question with this id in your library."


class SessionNotFound(DomainError):
    status_code = 404
    default_code = "session_not_found"
    default_detail = "No interview session with this id."


class SessionCompleted(ConflictError):
    default_code = "session_completed"
    default_detail = "This session is completed; start a new one to answer more questions."


class WrongQuestion(DomainError):
    default_code = "wrong_question"
    default_detail = "This is not the session's current question; fetch the next question."


class NothingAnswered(DomainError):
    default_code = "nothing_answered"
    default_detail = "Answer at least one question before completing the session."


class NotEnoughApprovedQuestions(DomainError):
    default_code = "not_enough_approved_questions"
    default_detail = "This job has no approved questions yet; approve some in the bank first."


class NoStarterQuestions(DomainError):
    default_code = "no_starter_questions"
    default_detail = "No practice questions match this role; try another role or difficulty."


class ApplicantHasNoAccount(DomainError):
    default_code = "applicant_has_no_account"
    default_detail = (
        "This applicant applied without an account, so they cannot take a screening session."
    )


class ScreeningAlreadyOpen(ConflictError):
    default_code = "screening_already_open"
    default_detail = "This applicant has a screening session that is not completed yet."


class ScreeningNotDeletable(ConflictError):
    default_code = "screening_not_deletable"
    default_detail = (
        "A screening session belongs to your application and cannot be deleted here; your "
        "privacy settings can erase it with your account data."
    )
