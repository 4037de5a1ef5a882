"""The signed download link of a data export: it names one export and stops working
`GDPR_EXPORT_TTL_HOURS` after it was made (the file itself goes at the export's expiry)."""

from datetime import timedelta

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner

from gdpr.errors import ExportExpired, InvalidDownloadLink

_signer = TimestampSigner(salt="gdpr.export.download")


def export_ttl() -> timedelta:
    return timedelta(hours=settings.GDPR_EXPORT_TTL_HOURS)


def export_download_token(export) -> str:
    return _signer.sign(str(export.pk))


def export_token_check(export, token: str) -> None:
    """Expired → ExportExpired (410); a token that does not name `export` → 404."""
    try:
        signed_id = _signer.unsign(token, max_age=export_ttl())
    except SignatureExpired as exc:
        raise ExportExpired() from exc
    except BadSignature as exc:
        raise InvalidDownloadLink() from exc
    if signed_id != str(export.pk):
        raise InvalidDownloadLink()
