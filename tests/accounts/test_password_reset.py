import re

import pytest
from django.core import mail
from django.urls import reverse

from gdpr.models import AuditLogEntry
from tests.accounts.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def emailed_link() -> str:
    return re.search(r"https?://[^/\s]+(/password/set/\S+)", mail.outbox[-1].body).group(1)


def test_an_invited_user_without_a_password_can_still_ask_for_a_link(client):
    user = CandidateFactory(email="invited@example.com")
    user.set_unusable_password()
    user.save(update_fields=["password"])

    client.post(reverse("accounts:password_reset"), {"email": "Invited@Example.com"})

    assert mail.outbox[-1].to == ["invited@example.com"]
    assert "/password/set/" in mail.outbox[-1].body


def test_setting_a_new_password_confirms_and_is_audited(client):
    user = CandidateFactory()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    form_page = client.get(emailed_link(), follow=True)
    new_password = "a-fresh-long-passphrase"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert "Your password is changed. Sign in with it." in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(new_password)
    assert AuditLogEntry.objects.filter(action="auth.password_reset", actor=user).exists()


def test_reset_requests_are_rate_limited_per_email(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset_email": "2/h"}
    user = CandidateFactory()
    for _ in range(2):
        assert (
            client.post(reverse("accounts:password_reset"), {"email": user.email}).status_code
            == 302
        )
    blocked = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert len(mail.outbox) == 2
