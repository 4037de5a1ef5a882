"""The server-rendered pages, as a person in a browser meets them."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

ROLES = ["candidate", "recruiter", "domain_expert", "admin"]
STRONG_PASSWORD = "plum-orbit-lantern-42"


def _h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "the page has no <h1>"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip()


def _signed_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def signed_in(client, user_of_role):
    """`signed_in("recruiter")` → a client with a fresh user of that role signed in."""

    def sign_in(role: str, **fields):
        user = user_of_role(role, **fields)
        client.force_login(user)
        return user

    return sign_in


# --- Every page renders --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("home", "Hiring that explains itself."),
        ("accounts:login", "Sign in to Hirewise"),
        ("accounts:register", "Create your Hirewise account"),
        ("accounts:password_reset", "Reset your password"),
        ("accounts:password_reset_done", "Check your email"),
    ],
)
def test_public_pages_render_for_anonymous_visitors(client, url_name, heading):
    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert _h1(response) == heading
    assert "Sign in" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_home_offers_the_dashboard_to_signed_in_users(client, signed_in, role):
    signed_in(role)

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "Go to your dashboard" in response.content.decode()
    assert "Create a free account" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_profile_and_portal_render_for_every_role(client, signed_in, role):
    user = signed_in(role, name="Ada Lovelace")

    profile = client.get(reverse("accounts:profile"))
    portal = client.get(reverse("accounts:candidate_portal"))

    assert profile.status_code == 200
    assert _h1(profile) == "Your profile"
    assert user.email in profile.content.decode().replace("<wbr>", "")
    assert portal.status_code == 200
    assert _h1(portal) == "Your job search"
    assert "Hello Ada Lovelace" in portal.content.decode()
    for panel in ["Resume score", "Your applications", "Interviews and practice", "Saved jobs"]:
        assert panel in portal.content.decode()


@pytest.mark.parametrize("role", ["recruiter", "domain_expert", "admin"])
def test_recruiter_dashboard_renders_for_recruiters_and_above(client, signed_in, role):
    signed_in(role)

    response = client.get(reverse("accounts:recruiter_dashboard"))

    assert response.status_code == 200
    assert _h1(response) == "Your hiring"
    for panel in ["Open postings", "New since your last visit", "Interviews this week"]:
        assert panel in response.content.decode()


def test_candidate_gets_403_on_the_recruiter_dashboard(client, signed_in):
    signed_in("candidate")

    response = client.get(reverse("accounts:recruiter_dashboard"))

    assert response.status_code == 403
    assert _h1(response) == "You do not have access to this page"


@pytest.mark.parametrize(
    "url_name", ["accounts:profile", "accounts:candidate_portal", "accounts:recruiter_dashboard"]
)
def test_anonymous_visitors_are_sent_to_login_with_next(client, url_name):
    path = reverse(url_name)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={path}"


def test_signed_in_visitors_skip_the_login_and_register_pages(client, signed_in):
    signed_in("candidate")

    assert client.get(reverse("accounts:login"))["Location"] == reverse("accounts:dashboard")
    assert client.get(reverse("accounts:register"))["Location"] == reverse("accounts:dashboard")


# --- Navigation ----------------------------------------------------------------------------


def test_anonymous_navigation_offers_sign_in_and_register_only(client):
    page = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("accounts:login")}"' in page
    assert f'href="{reverse("accounts:register")}"' in page
    assert f'href="{reverse("accounts:candidate_portal")}"' not in page
    assert f'href="{reverse("accounts:profile")}"' not in page
    assert f'action="{reverse("accounts:logout")}"' not in page


ROLE_MENUS = {
    "candidate": ["accounts:candidate_portal", "ats:my_applications", "jobs:matches"],
    "recruiter": ["accounts:recruiter_dashboard", "jobs:manage", "ats:analytics"],
    "domain_expert": ["interviews:review_queue", "jobs:manage", "ats:analytics"],
    "admin": [
        "accounts:admin_dashboard",
        "interviews:review_queue",
        "jobs:manage",
        "ats:analytics",
        "admin:index",
    ],
}


def _main_nav(page: str) -> str:
    return page.split('aria-label="Main"')[1].split("</nav>")[0]


@pytest.mark.parametrize("role", ROLE_MENUS)
def test_each_role_sees_its_own_menu_and_no_other(client, signed_in, role):
    user = signed_in(role, name="Grace Hopper")

    page = client.get(reverse("accounts:profile")).content.decode()

    nav = _main_nav(page)
    for url_name in ROLE_MENUS[role]:
        assert f'href="{reverse(url_name)}"' in nav
    others = {name for other, names in ROLE_MENUS.items() if other != role for name in names}
    for url_name in others - set(ROLE_MENUS[role]):
        assert f'href="{reverse(url_name)}"' not in nav, url_name
    assert f'href="{reverse("accounts:profile")}"' in nav
    assert f'action="{reverse("accounts:logout")}"' in nav
    assert "Grace Hopper" in nav
    assert user.get_role_display() in nav
    assert f'href="{reverse("accounts:login")}"' not in page


def test_recruiters_see_no_candidate_pages_in_their_menu(client, signed_in):
    signed_in("recruiter")

    nav = _main_nav(client.get(reverse("accounts:recruiter_dashboard")).content.decode())

    for candidate_page in ["Matches", "Saved jobs", "Applications", "Resumes", "Practice"]:
        assert f">{candidate_page}<" not in nav


def test_navigation_marks_the_current_page(client, signed_in):
    signed_in("candidate")

    page = client.get(reverse("accounts:candidate_portal")).content.decode()

    assert re.search(r'href="/portal/"\s+aria-current="page"', page)


def test_footer_links_to_the_api_docs(client):
    page = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("swagger-ui")}"' in page
    assert f'href="{reverse("redoc")}"' in page


# --- Register ------------------------------------------------------------------------------


def _register(client, **overrides):
    data = {
        "name": "Linus Example",
        "email": "linus@example.com",
        "password": STRONG_PASSWORD,
        "role": "candidate",
        **overrides,
    }
    return client.post(reverse("accounts:register"), data, follow=True)


def test_register_creates_the_user_signs_in_and_lands_on_the_portal(client):
    response = _register(client)

    user = User.objects.get(email="linus@example.com")
    assert user.role == "candidate"
    assert str(_signed_in_user_id(client)) == str(user.pk)
    assert response.redirect_chain[-1][0] == reverse("accounts:candidate_portal")
    assert "Welcome to Hirewise, Linus Example." in response.content.decode()


def test_register_as_recruiter_lands_on_the_recruiter_dashboard(client):
    response = _register(client, role="recruiter")

    assert User.objects.get(email="linus@example.com").role == "recruiter"
    assert response.redirect_chain[-1][0] == reverse("accounts:recruiter_dashboard")


def test_register_with_a_taken_email_shows_the_error_on_the_page(client, user_of_role):
    user_of_role("candidate", email="taken@example.com")

    response = _register(client, email="Taken@Example.com")

    assert response.status_code == 200
    assert response.redirect_chain == []
    assert "An account with this email already exists." in response.content.decode()
    assert User.objects.count() == 1
    assert _signed_in_user_id(client) is None


def test_register_with_a_weak_password_shows_the_validator_message(client):
    response = _register(client, password="12345")

    page = response.content.decode()
    assert response.status_code == 200
    assert "This password is too short. It must contain at least 10 characters." in page
    assert 'aria-invalid="true"' in page
    assert 'href="#id_password"' in page  # the error summary links to the field
    assert not User.objects.exists()


def test_register_form_keeps_the_typed_values_but_not_the_password(client):
    response = _register(client, password="12345")

    page = response.content.decode()
    assert 'value="linus@example.com"' in page
    assert 'value="12345"' not in page


def test_register_offers_candidate_and_recruiter_only(client):
    page = client.get(reverse("accounts:register")).content.decode()

    assert 'value="candidate"' in page
    assert 'value="recruiter"' in page
    assert 'value="admin"' not in page
    assert 'value="domain_expert"' not in page


# --- Login and logout ----------------------------------------------------------------------


def test_login_with_the_right_password_goes_to_the_dashboard(client, user_of_role):
    user = user_of_role("recruiter")

    response = client.post(
        reverse("accounts:login"), {"email": user.email, "password": PASSWORD}, follow=True
    )

    assert str(_signed_in_user_id(client)) == str(user.pk)
    assert response.redirect_chain[0][0] == reverse("accounts:dashboard")
    assert response.redirect_chain[-1][0] == reverse("accounts:recruiter_dashboard")


def test_login_with_a_wrong_password_shows_the_error_and_does_not_sign_in(client, user_of_role):
    user = user_of_role("candidate")

    response = client.post(
        reverse("accounts:login"), {"email": user.email, "password": "not-the-password"}
    )

    assert response.status_code == 200
    assert "Email or password is incorrect." in response.content.decode()
    assert f'value="{user.email}"' in response.content.decode()
    assert _signed_in_user_id(client) is None


def test_login_page_keeps_next_in_a_hidden_field(client):
    page = client.get(reverse("accounts:login"), {"next": "/profile/"}).content.decode()

    assert '<input type="hidden" name="next" value="/profile/">' in page


def test_login_honours_a_local_next(client, user_of_role):
    user = user_of_role("candidate")

    response = client.post(
        reverse("accounts:login"),
        {"email": user.email, "password": PASSWORD, "next": "/profile/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/profile/"


def test_login_ignores_a_next_on_another_site(client, user_of_role):
    user = user_of_role("candidate")

    response = client.post(
        reverse("accounts:login"),
        {"email": user.email, "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    page = client.get(reverse("accounts:login"), {"next": "https://evil.example/"})
    assert "evil.example" not in page.content.decode()


def test_login_page_links_to_register_and_password_reset(client):
    page = client.get(reverse("accounts:login")).content.decode()

    assert f'href="{reverse("accounts:register")}"' in page
    assert f'href="{reverse("accounts:password_reset")}"' in page


def test_logout_by_post_signs_out(client, signed_in):
    signed_in("candidate")

    response = client.post(reverse("accounts:logout"), follow=True)

    assert _signed_in_user_id(client) is None
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "You are signed out." in response.content.decode()


def test_logout_by_get_is_refused(client, signed_in):
    signed_in("candidate")

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert _signed_in_user_id(client) is not None


# --- Profile -------------------------------------------------------------------------------


def test_profile_form_saves_changes(client, signed_in):
    user = signed_in("candidate", name="Old Name")

    response = client.post(
        reverse("accounts:profile"),
        {
            "name": "New Name",
            "headline": "Backend engineer",
            "location": "Lisbon",
            "phone": "+351 912 345 678",
            "github_url": "https://github.com/newname",
            "linkedin_url": "",
            "stackoverflow_url": "",
        },
        follow=True,
    )

    user.refresh_from_db()
    assert (user.name, user.headline, user.location) == ("New Name", "Backend engineer", "Lisbon")
    assert user.phone == "+351 912 345 678"
    assert user.github_url == "https://github.com/newname"
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert "Your profile is saved." in response.content.decode()


def test_profile_form_shows_field_errors(client, signed_in):
    user = signed_in("candidate", name="Kept Name")

    response = client.post(reverse("accounts:profile"), {"name": "", "github_url": "not a url"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in page
    assert "Enter a valid URL." in page
    user.refresh_from_db()
    assert user.name == "Kept Name"


# --- Password reset ------------------------------------------------------------------------


def test_password_reset_emails_a_link_that_opens_the_set_password_page(client, user_of_role):
    user = user_of_role("candidate")

    response = client.post(reverse("accounts:password_reset"), {"email": user.email})

    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Hirewise password"
    link = re.search(r"https?://\S+", message.body).group(0)
    page = client.get(link, follow=True)
    assert _h1(page) == "Choose a new password"

    done = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD},
    )

    assert done["Location"] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)


def test_password_set_page_explains_an_invalid_link(client, user_of_role):
    user = user_of_role("candidate")
    url = reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"})

    response = client.get(url)

    assert response.status_code == 200
    assert _h1(response) == "This link no longer works"
    assert user.check_password(PASSWORD)


# --- Error pages ---------------------------------------------------------------------------


def test_unknown_page_shows_the_html_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert _h1(response) == "Page not found"


def test_unknown_api_path_answers_json_404(client):
    response = client.get("/api/v1/no-such-endpoint")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error_code"] == "not_found"


def test_error_templates_render_without_a_request():
    assert "Something went wrong" in render_to_string("errors/500.html")
    assert "Your form expired" in render_to_string("403_csrf.html", {"no_cookie": True})


def test_rate_limited_page_says_how_long_to_wait(rf):
    request = rf.get(reverse("accounts:login"))
    request.user = AnonymousUser()

    page = render_to_string("errors/429.html", {"retry_after": 30}, request=request)

    assert "Please wait 30 seconds and try again." in page


# --- Django admin --------------------------------------------------------------------------


def test_admin_user_list_and_add_pages_load_for_an_admin(client, signed_in, user_of_role):
    signed_in("admin")
    user_of_role("candidate", email="listed@example.com")

    changelist = client.get("/admin/accounts/user/")
    add = client.get("/admin/accounts/user/add/")

    assert changelist.status_code == 200
    assert "listed@example.com" in changelist.content.decode()
    assert add.status_code == 200


def test_admin_sends_a_recruiter_to_the_admin_login(client, signed_in):
    signed_in("recruiter")

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --- Static files --------------------------------------------------------------------------


def test_static_files_referenced_by_the_pages_exist(client, signed_in):
    signed_in("admin")
    referenced = set()
    for url_name in ["home", "accounts:candidate_portal", "accounts:recruiter_dashboard"]:
        page = client.get(reverse(url_name)).content.decode()
        referenced.update(re.findall(r'(?:href|src)="/static/([^"#]+)', page))

    assert {"css/hirewise.css", "js/hirewise.js", "img/logo.svg", "img/icons.svg"} <= referenced
    for path in referenced:
        assert finders.find(path), f"missing static file {path}"


def test_pages_use_no_inline_styles_or_external_assets(client):
    page = client.get(reverse("home")).content.decode()

    assert "style=" not in page
    assert "<style" not in page
    assert not re.search(r'(?:href|src)="(?:https?:)?//', page)


def test_the_500_page_renders_even_when_the_database_is_down(rf):
    from core.views import server_error

    class UserFromADeadDatabase:
        @property
        def is_authenticated(self):
            raise RuntimeError("database unreachable")

    request = rf.get("/portal/")
    request.user = UserFromADeadDatabase()
    response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
