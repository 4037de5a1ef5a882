from http import HTTPStatus

from core.errors import ConflictError, DomainError


class ConsentTextOutdated(ConflictError):
    error_code = "consent_text_outdated"
    message = "The consent text changed since it was shown: read the new version and decide again."
    field = "version"


class RequestLinkInvalid(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "request_link_invalid"
    message = "This link is not valid or was already used. Ask for a new one."


class RequestLinkExpired(DomainError):
    status_code = HTTPStatus.GONE
    error_code = "request_link_expired"
    message = "This link has expired. Ask again and open the new link sooner."


class ExportNotReady(ConflictError):
    error_code = "export_not_ready"
    message = "This export is not ready yet; its status says when it is."


class ExportExpired(DomainError):
    status_code = HTTPStatus.GONE
    error_code = "export_expired"
    message = "This download link has expired and the file is deleted. Request a new export."


class InvalidDownloadLink(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "not_found"
    message = "This download link is not valid."


class ExportNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "not_found"
    message = "No such export."
