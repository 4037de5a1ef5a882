"""A job's text vector, stored with the job so matching never embeds jobs per request.

TF-IDF rows are hashed and sparse (a few hundred of 4,096 buckets are non-zero), so they are
stored sparse: uint16 bucket numbers then float32 weights. Embedding rows are dense float32.
The backend name is stored beside the bytes: vectors of different backends never meet.

A long advert has several hundred non-zero buckets, which at 100k jobs costs each process
half a gigabyte; only the MAX_STORED_BUCKETS heaviest are kept (skills and rare words weigh
most, so what a match rests on stays) and the row is scaled back to unit length.
"""

import numpy as np

from ai.similarity import TFIDF_DIMENSIONS, backend_name, embed

SPARSE_BACKEND = "tfidf"
MAX_STORED_BUCKETS = 256


def job_vector_text(*, title: str, description: str, skills: list[str]) -> str:
    """What a job is embedded from: its title twice (it says most), skills, description."""
    return "\n".join([title, title, ", ".join(skills), description])


def vector_pack(row: np.ndarray, backend: str) -> bytes:
    row = np.asarray(row, dtype=np.float32)
    if backend != SPARSE_BACKEND:
        return row.tobytes()
    buckets = np.flatnonzero(row)
    if len(buckets) > MAX_STORED_BUCKETS:
        heaviest = np.argpartition(np.abs(row[buckets]), -MAX_STORED_BUCKETS)[-MAX_STORED_BUCKETS:]
        buckets = np.sort(buckets[heaviest])
    weights = row[buckets]
    norm = float(np.linalg.norm(weights))
    if norm:
        weights = weights / norm
    return buckets.astype(np.uint16).tobytes() + weights.astype(np.float32).tobytes()


def vector_unpack_sparse(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(bucket numbers, weights) of a stored TF-IDF vector."""
    count = len(data) // 6  # two bytes of bucket number and four of weight per entry
    buckets = np.frombuffer(data, dtype=np.uint16, count=count)
    weights = np.frombuffer(data, dtype=np.float32, offset=2 * count, count=count)
    return buckets, weights


def vector_unpack(data: bytes, backend: str) -> np.ndarray:
    """The dense row of a stored vector."""
    if backend != SPARSE_BACKEND:
        return np.frombuffer(data, dtype=np.float32)
    row = np.zeros(TFIDF_DIMENSIONS, dtype=np.float32)
    buckets, weights = vector_unpack_sparse(data)
    row[buckets] = weights
    return row


def jobs_vectorise(jobs: list) -> None:
    """Set `vector` and `vector_backend` on each job (not saved), embedding them in one batch."""
    if not jobs:
        return
    backend = backend_name()
    texts = [
        job_vector_text(
            title=job.title,
            description=job.description,
            skills=[*job.required_skills, *job.preferred_skills],
        )
        for job in jobs
    ]
    for job, row in zip(jobs, embed(texts), strict=True):
        job.vector = vector_pack(row, backend)
        job.vector_backend = backend
