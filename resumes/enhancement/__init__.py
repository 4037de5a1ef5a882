"""Resume enhancement: line-level suggestions, and the resume with the accepted ones applied."""

from resumes.enhancement.document import apply, base_document
from resumes.enhancement.suggestions import KINDS, suggest, suggestion_id

__all__ = ["KINDS", "apply", "base_document", "suggest", "suggestion_id"]
