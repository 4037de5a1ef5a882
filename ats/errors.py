from core.errors import ConflictError, DomainError


class ApplicationNotFound(DomainError):
    status_code = 404
    default_code = "application_not_found"
    default_detail = "No application with this id."


class StageMoveNotAllowed(DomainError):
    status_code = 400
    default_code = "stage_move_not_allowed"
    default_detail = "This stage change is not allowed."


class StageChangedMeanwhile(ConflictError):
    default_code = "stage_changed_meanwhile"
    default_detail = "Someone moved this application meanwhile. Reload it and try again."


# --- Applications (apply, withdraw) ---------------------------------------------------------


class FieldDomainError(DomainError):
    """A domain error that belongs to one input field: `field_errors` = {field: [message]}."""

    field = ""

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {self.field: [str(self.detail)]} if self.field else {}


class ConsentRequired(FieldDomainError):
    default_code = "consent_required"
    default_detail = "Agree to the employer processing your application and personal data to apply."
    field = "consent"


class AlreadyApplied(ConflictError):
    default_code = "already_applied"
    default_detail = "An application to this job with this email address exists already."


class ResumeRequired(FieldDomainError):
    default_code = "resume_required"
    default_detail = "Choose one of your stored resumes or upload a resume file."
    field = "file"


class WithdrawByCandidateOnly(DomainError):
    status_code = 403
    default_code = "withdraw_by_candidate_only"
    default_detail = "Only the applicant can withdraw an application."


class CandidateMayOnlyWithdraw(FieldDomainError):
    default_code = "candidate_may_only_withdraw"
    default_detail = "You can withdraw your application; other stage changes are the recruiter's."
    field = "stage"


# --- Candidates and scorecards -------------------------------------------------------------


class CandidateSearchNeedsJob(DomainError):
    status_code = 400
    default_code = "candidate_search_needs_job"
    default_detail = "Searching applicants by name needs a job_id: names are stored encrypted."


# --- Pipeline (moves, bulk moves) -----------------------------------------------------------


class BulkStageMoveNotAllowed(DomainError):
    """Some of the applications cannot make the move: none is moved.

    `field_errors` = {application_id: [why]}; the API returns it as the body's `errors`.
    """

    status_code = 400
    default_code = "bulk_move_not_allowed"
    default_detail = "Some of these applications cannot make this move; none was moved."

    def __init__(self, errors: dict[str, list[str]]):
        count = len(errors)
        noun = "application" if count == 1 else "applications"
        super().__init__(f"{count} {noun} cannot make this move; none was moved.")
        self.field_errors = errors


class RejectReasonRequired(FieldDomainError):
    default_code = "reject_reason_required"
    default_detail = "Give a reason for the rejection (the candidate does not see it)."
    field = "reason"


class NoResumeFile(DomainError):
    status_code = 404
    default_code = "no_resume_file"
    default_detail = "This application has no resume file."
