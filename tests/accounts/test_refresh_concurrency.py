from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection
from rest_framework.test import APIClient

from accounts.tokens import token_pair
from tests.accounts.factories import CandidateFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_refreshes_with_one_token_yield_one_new_pair():
    refresh_token = token_pair(CandidateFactory())["refresh_token"]
    start = Barrier(2)

    def refresh(_):
        start.wait()
        try:
            return (
                APIClient()
                .post("/api/v1/auth/refresh", {"refresh_token": refresh_token}, format="json")
                .status_code
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = sorted(pool.map(refresh, range(2)))

    assert statuses == [200, 401]
