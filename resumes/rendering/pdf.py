"""HTML to PDF with WeasyPrint, offline: a document never fetches anything.

Styles are inlined by the templates and fonts are the system's, so there is nothing to
load; the fetcher refuses every URL anyway, because resume text is user input and a
document must not be able to pull in a local file or a remote host.
"""

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher


class _RefuseAll(URLFetcher):
    def fetch(self, url, headers=None):
        raise ValueError(f"Documents load no external resources ({url}).")


def html_to_pdf(html: str) -> bytes:
    base_url = str(settings.BASE_DIR / "templates")
    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_RefuseAll()).write_pdf()


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a Django template under templates/ and lay it out as PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context))
