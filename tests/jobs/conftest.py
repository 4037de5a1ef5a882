import pytest

from jobs.matching.index import match_index


@pytest.fixture(autouse=True)
def _fresh_match_index():
    """Each test's jobs, not a previous test's: the index lives as long as the process."""
    match_index().reset()
    yield
    match_index().reset()
