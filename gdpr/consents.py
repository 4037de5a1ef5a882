"""Consent per purpose: the texts people agree to (versioned here, in code) and the
append-only record of each decision.

A new wording is a new version: add it with a new `version`, and the hash recorded with each
decision proves which words the person saw. The latest decision per purpose is the person's
current choice; a purpose nobody decided on yet has its declared default.
"""

import hashlib
from dataclasses import dataclass

from django.db import transaction

from gdpr.audit import audit_record
from gdpr.models import AuditAction, ConsentRecord


@dataclass(frozen=True)
class ConsentText:
    purpose: str
    title: str
    version: str
    text: str
    # Until the person decides: processing an application needs no separate opt-in (the
    # application is the request); outside AI keeps today's behaviour until withdrawn.
    default: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


APPLICATION_PROCESSING = "application_processing"
TALENT_POOL = "talent_pool"
PRODUCT_EMAILS = "product_emails"
AI_PROVIDER = "ai_provider"

CONSENT_TEXTS: dict[str, ConsentText] = {
    text.purpose: text
    for text in (
        ConsentText(
            APPLICATION_PROCESSING,
            "Processing my applications",
            "1",
            "Hirewise and the employers I apply to may store and review the details, resume "
            "and answers I send with an application, to decide on that application.",
            default=True,
        ),
        ConsentText(
            TALENT_POOL,
            "Talent pool",
            "1",
            "Employers on Hirewise may keep my profile after an application ends and contact "
            "me about other openings that fit it.",
            default=False,
        ),
        ConsentText(
            PRODUCT_EMAILS,
            "Product emails",
            "1",
            "Hirewise may email me about new features and tips for my job search. Emails "
            "about my account and my applications come regardless.",
            default=False,
        ),
        ConsentText(
            AI_PROVIDER,
            "AI processing by an outside provider",
            "1",
            "Hirewise may send the text of my resume (without my name and contact details) "
            "and my interview answers to Google Gemini to write reviews and feedback. "
            "Without this, Hirewise's own offline engine writes them.",
            default=True,
        ),
    )
}
PURPOSES = tuple(CONSENT_TEXTS)


def consent_record(
    *, user, purpose: str, granted: bool, source: str = "api", ip: str | None = None
) -> ConsentRecord:
    """Record `user`'s decision on `purpose` against the current text; takes effect at once."""
    text = CONSENT_TEXTS[purpose]
    with transaction.atomic():
        record = ConsentRecord.objects.create(
            user=user,
            purpose=purpose,
            granted=granted,
            text_version=text.version,
            text_sha256=text.sha256,
            source=source,
        )
        audit_record(
            action=AuditAction.CONSENT_GIVEN if granted else AuditAction.CONSENT_WITHDRAWN,
            actor=user,
            target=record,
            ip=ip,
            metadata={"purpose": purpose, "version": text.version},
        )
    return record


def consent_history(*, user):
    """Every decision of `user`, newest first."""
    return ConsentRecord.objects.filter(user=user).order_by("-created_at", "-id")


def latest_decisions(history) -> dict[str, ConsentRecord | None]:
    """The latest decision per purpose in `history` (newest first); None: not decided yet."""
    latest: dict[str, ConsentRecord | None] = dict.fromkeys(PURPOSES)
    for record in history:
        if latest.get(record.purpose, False) is None:
            latest[record.purpose] = record
    return latest


def has_consent(*, user_id: int, purpose: str) -> bool:
    """Whether the person currently allows `purpose` (their latest decision, else the default)."""
    granted = (
        ConsentRecord.objects.filter(user_id=user_id, purpose=purpose)
        .order_by("-created_at", "-id")
        .values_list("granted", flat=True)
        .first()
    )
    return CONSENT_TEXTS[purpose].default if granted is None else granted


def allows_outside_ai(user_id: int) -> bool:
    return has_consent(user_id=user_id, purpose=AI_PROVIDER)
