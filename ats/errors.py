from http import HTTPStatus

from core.errors import ConflictError, DomainError


class ApplicationNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "application_not_found"
    message = "No application with this id."


class StageMoveNotAllowed(DomainError):
    error_code = "stage_move_not_allowed"
    message = "This stage change is not allowed."


class StageChangedMeanwhile(ConflictError):
    error_code = "stage_changed_meanwhile"
    message = "Someone moved this application meanwhile. Reload it and try again."


# --- Applications (apply, withdraw) ---------------------------------------------------------


class ConsentRequired(DomainError):
    error_code = "consent_required"
    message = "Agree to the employer processing your application and personal data to apply."
    field = "consent"


class AlreadyApplied(ConflictError):
    error_code = "already_applied"
    message = "An application to this job with this email address exists already."


class ResumeRequired(DomainError):
    error_code = "resume_required"
    message = "Choose one of your stored resumes or upload a resume file."
    field = "file"


class WithdrawByCandidateOnly(DomainError):
    status_code = HTTPStatus.FORBIDDEN
    error_code = "withdraw_by_candidate_only"
    message = "Only the applicant can withdraw an application."


class CandidateMayOnlyWithdraw(DomainError):
    error_code = "candidate_may_only_withdraw"
    message = "You can withdraw your application; other stage changes are the recruiter's."
    field = "stage"


# --- Candidates and scorecards -------------------------------------------------------------


class CandidateSearchNeedsJob(DomainError):
    error_code = "candidate_search_needs_job"
    message = "Searching applicants by name needs a job_id: names are stored encrypted."


# --- Pipeline (moves, bulk moves) -----------------------------------------------------------


class BulkStageMoveNotAllowed(DomainError):
    """Some of the applications cannot make the move: none is moved.

    `errors` = {application_id: [why]}; the API returns it as the body's `errors`.
    """

    error_code = "bulk_move_not_allowed"
    message = "Some of these applications cannot make this move; none was moved."

    def __init__(self, errors: dict[str, list[str]]):
        count = len(errors)
        noun = "application" if count == 1 else "applications"
        super().__init__(f"{count} {noun} cannot make this move; none was moved.", errors=errors)


class RejectReasonRequired(DomainError):
    error_code = "reject_reason_required"
    message = "Give a reason for the rejection (the candidate does not see it)."
    field = "reason"


class NoResumeFile(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "no_resume_file"
    message = "This application has no resume file."
