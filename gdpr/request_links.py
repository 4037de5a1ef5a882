"""The signed link that confirms an anonymous applicant's request: it names the request,
never the address (links end up in logs), and expires after GDPR_REQUEST_LINK_TTL_HOURS."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from gdpr.errors import RequestLinkExpired, RequestLinkInvalid
from gdpr.models import DataSubjectRequest, RequestStatus

SALT = "gdpr.anonymous-request"


def link_ttl() -> timedelta:
    return timedelta(hours=settings.GDPR_REQUEST_LINK_TTL_HOURS)


def confirmation_link(request: DataSubjectRequest) -> str:
    token = signing.dumps({"request": request.pk}, salt=SALT)
    return settings.SITE_URL + reverse("gdpr:confirm_request", kwargs={"token": token})


def request_from_token(token: str) -> DataSubjectRequest:
    """The request awaiting confirmation that `token` names; RequestLinkExpired past the link's
    lifetime, RequestLinkInvalid for a forged, altered or already used link."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=link_ttl())
    except signing.SignatureExpired as exc:
        raise RequestLinkExpired() from exc
    except signing.BadSignature as exc:
        raise RequestLinkInvalid() from exc
    if not isinstance(claims, dict) or not isinstance(claims.get("request"), int):
        raise RequestLinkInvalid()
    request = DataSubjectRequest.objects.filter(
        pk=claims["request"], anonymous=True, status=RequestStatus.AWAITING_CONFIRMATION
    ).first()
    if request is None:
        raise RequestLinkInvalid()
    return request
