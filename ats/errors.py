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
