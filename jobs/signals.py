"""What the jobs app tells the apps above it (they connect receivers; jobs imports none)."""

from django.dispatch import Signal

# A posting's content changed (title, description, skills...): fits computed from it are
# stale. Sent inside the transaction that saves it, with `job`.
job_content_changed = Signal()
