"""ReDoc's bundle comes from our server without any CDN address; the admin is branded."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_redoc_page_loads_our_bundle_which_names_no_cdn(client):
    page = client.get(reverse("redoc")).content.decode()
    bundle = client.get(reverse("redoc-bundle"))

    assert f'src="{reverse("redoc-bundle")}"' in page
    assert bundle.status_code == 200
    assert bundle["Content-Type"].startswith("text/javascript")
    body = b"".join(bundle) if bundle.streaming else bundle.content
    assert b"cdn.redoc.ly" not in body
    assert b"API docs by Redocly" in body  # the credit stays, without the remote image


def test_the_admin_is_branded(client, user_of_role):
    client.force_login(user_of_role("admin"))

    page = client.get(reverse("admin:index")).content.decode()

    assert admin.site.site_header == "Hirewise administration"
    assert "<title>Site administration | Hirewise administration</title>" in page
    assert "Django administration" not in page
