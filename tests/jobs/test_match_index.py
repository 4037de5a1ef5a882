"""The match index: another similarity backend, and readers racing to build it."""

import hashlib
import re
import threading
import time
from dataclasses import replace

import numpy as np
import pytest
from django.core.cache import cache

from jobs.freshness import VERSION_KEY
from jobs.matching.index import MatchIndex, match_index, snapshot_for_jobs
from jobs.matching.service import job_compatibility, match_jobs
from jobs.models import Job
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

FRONTEND_DESCRIPTION = """Frontend Engineer
Requirements: React, TypeScript, CSS.
"""


def fake_sentence_embeddings(texts):
    """Words hashed into 384 dimensions: a stand-in for the optional sentence model."""
    rows = np.zeros((len(texts), 384), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            rows[row, int.from_bytes(digest, "big") % 384] += 1.0
    return rows


@pytest.fixture(autouse=True)
def _fresh_index():
    match_index().reset()
    yield
    match_index().reset()


@pytest.mark.django_db
def test_a_new_backend_rebuilds_the_index_and_saves_its_vectors(settings, monkeypatch):
    backend_job = JobFactory()
    frontend_job = JobFactory(title="Frontend Engineer", description=FRONTEND_DESCRIPTION)
    resume = ResumeFactory()
    assert match_jobs(resume=resume)["backend"] == "tfidf"
    monkeypatch.setattr("ai.embeddings.available", lambda: True)
    monkeypatch.setattr("ai.embeddings.embed", fake_sentence_embeddings)
    settings.SIMILARITY_BACKEND = "embeddings"
    body = match_jobs(resume=resume)
    assert body["backend"] == "embeddings"
    assert [item["job"]["id"] for item in body["items"]] == [backend_job.pk, frontend_job.pk]
    assert body["items"][0]["breakdown"]["similarity"] > body["items"][1]["breakdown"]["similarity"]
    assert set(Job.objects.values_list("vector_backend", flat=True)) == {"embeddings"}
    assert len(bytes(Job.objects.get(pk=backend_job.pk).vector)) == 384 * 4
    assert match_index().full_builds == 2
    compatibility = job_compatibility(resume=resume, job=backend_job)
    assert compatibility["similarity"]["backend"] == "embeddings"
    assert compatibility["score"] == body["items"][0]["score"]


@pytest.mark.django_db
def test_a_job_is_scored_alone_with_its_vector_computed_in_memory(settings, monkeypatch):
    job = JobFactory()
    monkeypatch.setattr("ai.embeddings.available", lambda: True)
    monkeypatch.setattr("ai.embeddings.embed", fake_sentence_embeddings)
    settings.SIMILARITY_BACKEND = "embeddings"
    snapshot = snapshot_for_jobs([Job.objects.get(pk=job.pk)])
    assert snapshot.backend == "embeddings"
    assert snapshot.blocks[0].text.shape == (1, 384)
    assert Job.objects.get(pk=job.pk).vector_backend == "tfidf"


def test_readers_racing_for_a_stale_index_build_it_once(monkeypatch):
    cache.set(VERSION_KEY, 7)
    index = MatchIndex()
    empty = snapshot_for_jobs([])
    builds = []

    def slow_build(self, version):
        builds.append(version)
        time.sleep(0.05)
        self._backend = empty.backend
        self._snapshot = replace(empty, version=version)

    monkeypatch.setattr(MatchIndex, "_build", slow_build)
    seen = []
    threads = [
        threading.Thread(target=lambda: seen.append(index.snapshot().version)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == [7]
    assert seen == [7, 7, 7, 7]
