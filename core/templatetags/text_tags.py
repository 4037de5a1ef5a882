"""Text helpers for templates."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# After the "@" and before each dot: where an address may wrap in a narrow column.
_EMAIL_BREAKS = re.compile(r"(@)|(?=\.)")


@register.filter
def email_breaks(address) -> str:
    """An email address that wraps at its "@" and dots instead of mid-word."""
    escaped = str(escape(address or ""))
    return mark_safe(_EMAIL_BREAKS.sub(lambda m: (m.group(1) or "") + "<wbr>", escaped))  # noqa: S308 - escaped above
