"""The privacy centre page, as a signed-in person meets it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["candidate", "recruiter", "admin"])
def test_every_signed_in_user_has_a_privacy_centre(client, user_of_role, role):
    client.force_login(user_of_role(role))

    response = client.get(reverse("gdpr:privacy_centre"))

    assert response.status_code == 200
    page = response.content.decode()
    for section in ("Your consents", "Download your data", "Delete your account"):
        assert section in page
    assert f'href="{reverse("gdpr:privacy_centre")}" aria-current="page"' in page


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(reverse("gdpr:privacy_centre"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
