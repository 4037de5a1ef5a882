def test_me_returns_the_signed_in_user(candidate, candidate_client):
    response = candidate_client.get("/api/v1/auth/me")
    assert response.status_code == 200
    assert response.json()["email"] == candidate.email
