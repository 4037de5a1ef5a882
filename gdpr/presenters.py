from gdpr.consents import CONSENT_TEXTS
from gdpr.models import ConsentRecord


def consent_rows(latest: dict[str, ConsentRecord | None]) -> list[dict]:
    """Each purpose with its current text and the person's current choice (API and page)."""
    rows = []
    for purpose, text in CONSENT_TEXTS.items():
        record = latest.get(purpose)
        rows.append(
            {
                "purpose": purpose,
                "title": text.title,
                "text": text.text,
                "version": text.version,
                "text_sha256": text.sha256,
                "granted": record.granted if record else text.default,
                "decided_at": record.created_at if record else None,
                "decided_version": record.text_version if record else None,
            }
        )
    return rows
