import pytest
from tests.ats.factories import ApplicationFactory
from tests.jobs.factories import JobFactory

@pytest.mark.django_db
def test_dump(client):
    job = JobFactory()
    ApplicationFactory(job=job, fit_score=80)
    ApplicationFactory(job=job, stage="hired")
    client.force_login(job.owner)
    html = client.get(f"/recruiter/jobs/{job.pk}/pipeline/").content.decode()
    open("/tmp/b2/board.html", "w").write(html)
