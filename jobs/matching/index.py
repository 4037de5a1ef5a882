"""A per-process, in-memory index of the open jobs, laid out for scoring them all at once.

Per job: its text vector (for the similarity backend in use), its required and preferred
skills as 0/1 rows over a skill vocabulary (casefolded canonical names, the keys skill_match
compares), its experience level and work mode as small codes, the places its location names
(see `locations`), and its end date (a job past it stops counting before the periodic close
runs).

Rows live in blocks: a base block built from every open job, and a delta block of the jobs
changed since, rebuilt from their rows on each refresh. A changed job's base row is masked
inactive and its new row goes to the delta, so a refresh never copies the large base arrays.
TF-IDF vectors are kept transposed (bucket x job, CSR): a resume names a few hundred of the
4,096 buckets, and reading only those rows is about five times faster than a matrix-vector
product over every stored weight.

Freshness: a snapshot remembers the `jobs_version()` it was built at. A reader reads the
version (one cache read); when it moved, the jobs updated since the last load (minus a skew
for transactions that committed late) are read again. A missing version (cache cleared) or a
new similarity backend means a full rebuild, and so does a fifth of the rows gone inactive.
Deleted jobs cannot be seen by `updated_at`; the service re-reads the top jobs with the open
condition and `forget`s those that are gone.
"""

import gc
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
from django.core.cache import cache
from django.utils import timezone
from scipy import sparse

from ai.similarity import TFIDF_DIMENSIONS, backend_name
from ai.skills import canonical
from jobs.freshness import VERSION_KEY, jobs_version
from jobs.matching.locations import location_places
from jobs.models import Job, JobStatus
from jobs.selectors import jobs_open
from jobs.vectors import SPARSE_BACKEND, jobs_vectorise, vector_unpack_sparse

LEVELS = ("entry", "mid", "senior", "lead")  # codes 0..3, in order of seniority
MODES = ("onsite", "hybrid", "remote")  # codes 0..2
UNKNOWN = -1
LOAD_CHUNK = 2000
VECTORISE_BATCH = 200
# Rows updated this long before the last load are read again: a transaction sets updated_at
# when it saves, and may commit (become visible) a while later.
REFRESH_SKEW = timedelta(minutes=5)
# Even when the version did not move (a write that bypassed jobs_changed), look again this often.
REFRESH_EVERY_SECONDS = 300
# A full rebuild once this share of the base rows is replaced or gone, or the delta grew this
# large against the base; never for fewer rows than REBUILD_MIN_ROWS, which a delta holds cheaply.
MAX_INACTIVE_SHARE = 0.2
MAX_DELTA_SHARE = 0.2
REBUILD_MIN_ROWS = 500
_FIELDS = (
    "id",
    "status",
    "end_date",
    "updated_at",
    "required_skills",
    "preferred_skills",
    "experience_level",
    "work_mode",
    "location",
    "vector",
    "vector_backend",
)


def skill_key(name: str) -> str:
    """The key skill_match compares a skill by: its canonical name (else as written), casefolded."""
    return (canonical(name) or name).casefold()


@dataclass(frozen=True, slots=True)
class JobRow:
    """One job as the index holds it, before it joins a block."""

    job_id: int
    text: object  # TF-IDF: (buckets, weights); embeddings: a dense float32 row
    required: tuple[int, ...]  # skill ids
    preferred: tuple[int, ...]
    level: int
    mode: int
    places: tuple[int, ...]  # place ids
    end_ts: float  # +inf without an end date
    updated_ts: float


@dataclass(frozen=True, eq=False)
class Block:
    """Rows in id order, as matrices. Skill and place matrices are as wide as their vocabulary
    was when the block was built; the vocabularies only grow, so ids stay valid."""

    ids: np.ndarray  # int64
    text: object  # TF-IDF: CSR (4096 x rows); embeddings: float32 (rows x dimensions)
    required: sparse.csr_matrix  # float32 0/1, rows x skills
    preferred: sparse.csr_matrix
    places: sparse.csr_matrix  # float32 0/1, rows x places
    level: np.ndarray  # int8
    mode: np.ndarray  # int8
    end_ts: np.ndarray  # float64
    updated_ts: np.ndarray  # float64

    @property
    def size(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, eq=False)
class IndexSnapshot:
    """What one match reads: immutable, so a refresh in another thread never changes it.

    The per-row arrays run over every block in order; matrices stay per block.
    """

    backend: str
    version: int | None
    checked_at: float
    blocks: tuple[Block, ...]
    active: np.ndarray  # bool: False for a base row replaced, closed or deleted since
    skill_ids: dict[str, int]
    place_ids: dict[str, int]
    ids: np.ndarray = field(init=False)
    level: np.ndarray = field(init=False)
    mode: np.ndarray = field(init=False)
    end_ts: np.ndarray = field(init=False)
    required_count: np.ndarray = field(init=False)
    preferred_count: np.ndarray = field(init=False)
    has_place: np.ndarray = field(init=False)
    _lookup_ids: np.ndarray = field(init=False)
    _lookup_rows: np.ndarray = field(init=False)

    def __post_init__(self):
        def joined(values):
            return np.concatenate(values) if values else np.zeros(0)

        blocks = self.blocks
        values = {
            "ids": joined([block.ids for block in blocks]).astype(np.int64),
            "level": joined([block.level for block in blocks]).astype(np.int8),
            "mode": joined([block.mode for block in blocks]).astype(np.int8),
            "end_ts": joined([block.end_ts for block in blocks]),
            "required_count": joined([_row_counts(block.required) for block in blocks]),
            "preferred_count": joined([_row_counts(block.preferred) for block in blocks]),
            "has_place": joined([_row_counts(block.places) > 0 for block in blocks]).astype(bool),
        }
        rows = np.flatnonzero(self.active)
        order = np.argsort(values["ids"][rows], kind="stable")
        values["_lookup_ids"] = values["ids"][rows][order]
        values["_lookup_rows"] = rows[order]
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @property
    def size(self) -> int:
        return len(self.ids)

    def open_mask(self, now_ts: float) -> np.ndarray:
        """Rows of jobs open now: active and not past their end date."""
        return self.active & (self.end_ts > now_ts)

    def rows_of(self, job_ids) -> np.ndarray:
        """The active rows of these job ids (ids not in the index are left out)."""
        wanted = np.fromiter(job_ids, dtype=np.int64)
        if not len(self._lookup_ids) or not len(wanted):
            return np.zeros(0, dtype=np.int64)
        positions = np.searchsorted(self._lookup_ids, wanted)
        positions = np.minimum(positions, len(self._lookup_ids) - 1)
        found = self._lookup_ids[positions] == wanted
        return self._lookup_rows[positions[found]]

    def row_mask(self, job_ids) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[self.rows_of(job_ids)] = True
        return mask


def _row_counts(matrix: sparse.csr_matrix) -> np.ndarray:
    return np.diff(matrix.indptr).astype(np.float64)


class _Vocabulary:
    """Name → id, growing only; shared with snapshots, which read it without the lock."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def id_of(self, key: str) -> int:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids)
        return found


class RowReader:
    """Turns job values into JobRows, computing (and saving) vectors the backend lacks."""

    def __init__(self, backend: str, skills: _Vocabulary, places: _Vocabulary) -> None:
        self.backend = backend
        self.skills = skills
        self.places = places
        self._skill_keys: dict[str, str] = {}

    def rows(self, values) -> tuple[list[JobRow], set[int]]:
        """(rows of the open jobs, ids of the jobs that are not open), in id order."""
        now_ts = time.time()
        rows, closed, stale = [], set(), []
        for record in values:
            item = dict(zip(_FIELDS, record, strict=True))
            if not _is_open(item, now_ts):
                closed.add(item["id"])
            elif item["vector"] is None or item["vector_backend"] != self.backend:
                stale.append(item)
            else:
                rows.append(self.row(item))
        rows.extend(self.row(item) for item in self._vectorised(stale))
        rows.sort(key=lambda row: row.job_id)
        return rows, closed

    def row(self, item: dict) -> JobRow:
        return JobRow(
            job_id=item["id"],
            text=self._text(item["vector"]),
            required=self._skill_ids(item["required_skills"]),
            preferred=self._skill_ids(item["preferred_skills"]),
            level=LEVELS.index(item["experience_level"])
            if item["experience_level"] in LEVELS
            else UNKNOWN,
            mode=MODES.index(item["work_mode"]) if item["work_mode"] in MODES else 0,
            places=tuple(
                sorted({self.places.id_of(place) for place in location_places(item["location"])})
            ),
            end_ts=item["end_date"].timestamp() if item["end_date"] else np.inf,
            updated_ts=item["updated_at"].timestamp() if item["updated_at"] else 0.0,
        )

    def _text(self, data):
        data = bytes(data)
        if self.backend == SPARSE_BACKEND:
            buckets, weights = vector_unpack_sparse(data)
            return buckets.astype(np.int32), weights.copy()
        return np.frombuffer(data, dtype=np.float32).copy()

    def _skill_ids(self, names) -> tuple[int, ...]:
        ids = set()
        for name in names or ():
            key = self._skill_keys.get(name)
            if key is None:
                key = self._skill_keys[name] = skill_key(name)
            ids.add(self.skills.id_of(key))
        return tuple(sorted(ids))

    def _vectorised(self, items: list[dict]) -> list[dict]:
        """The items with vectors of this backend, computed in batches and saved once."""
        for start in range(0, len(items), VECTORISE_BATCH):
            batch = items[start : start + VECTORISE_BATCH]
            jobs = list(
                Job.objects.filter(pk__in=[item["id"] for item in batch]).only(
                    "id", "title", "description", "required_skills", "preferred_skills"
                )
            )
            jobs_vectorise(jobs)
            Job.objects.bulk_update(jobs, ["vector", "vector_backend"])
            vectors = {job.pk: job.vector for job in jobs}
            for item in batch:
                item["vector"] = vectors.get(item["id"], item["vector"])
        return [item for item in items if item["vector"] is not None]


def _is_open(item: dict, now_ts: float) -> bool:
    end = item["end_date"]
    return item["status"] == JobStatus.OPEN and (end is None or end.timestamp() > now_ts)


def block_from_rows(rows: list[JobRow], backend: str, skill_width: int, place_width: int) -> Block:
    """One block of these rows (in the order given)."""
    count = len(rows)
    return Block(
        ids=np.fromiter((row.job_id for row in rows), dtype=np.int64, count=count),
        text=_text_matrix(rows, backend),
        required=_ones_matrix([row.required for row in rows], skill_width),
        preferred=_ones_matrix([row.preferred for row in rows], skill_width),
        places=_ones_matrix([row.places for row in rows], place_width),
        level=np.fromiter((row.level for row in rows), dtype=np.int8, count=count),
        mode=np.fromiter((row.mode for row in rows), dtype=np.int8, count=count),
        end_ts=np.fromiter((row.end_ts for row in rows), dtype=np.float64, count=count),
        updated_ts=np.fromiter((row.updated_ts for row in rows), dtype=np.float64, count=count),
    )


def _ones_matrix(id_lists: list[tuple[int, ...]], width: int) -> sparse.csr_matrix:
    lengths = np.fromiter((len(ids) for ids in id_lists), dtype=np.int64, count=len(id_lists))
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    indices = np.fromiter(
        (i for ids in id_lists for i in ids), dtype=np.int32, count=int(indptr[-1])
    )
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(id_lists), width))


def _text_matrix(rows: list[JobRow], backend: str):
    if backend != SPARSE_BACKEND:
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        dimensions = len(rows[0].text)
        blank = np.zeros(dimensions, dtype=np.float32)
        # A row of another size (a stored vector of an older model) counts as no text.
        return np.vstack([row.text if len(row.text) == dimensions else blank for row in rows])
    lengths = np.fromiter((len(row.text[0]) for row in rows), dtype=np.int64, count=len(rows))
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    if rows:
        indices = np.concatenate([row.text[0] for row in rows])
        data = np.concatenate([row.text[1] for row in rows])
    else:
        indices, data = np.zeros(0, np.int32), np.zeros(0, np.float32)
    by_job = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), TFIDF_DIMENSIONS))
    return by_job.tocsc().T.tocsr() if rows else sparse.csr_matrix((TFIDF_DIMENSIONS, 0))


class MatchIndex:
    """The open jobs of this process, refreshed from the database when they changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot: IndexSnapshot | None = None
        self.full_builds = 0  # since the process started (or reset): a refresh is incremental
        self._reset_state()

    def _reset_state(self) -> None:
        self._backend = ""
        self._skills = _Vocabulary()
        self._places = _Vocabulary()
        self._base: Block | None = None
        self._base_active = np.zeros(0, dtype=bool)
        self._delta: dict[int, JobRow] = {}
        self._watermark = None

    def snapshot(self) -> IndexSnapshot:
        """The current snapshot, refreshed first when the jobs changed since it was built."""
        snapshot = self._snapshot
        if self._fresh(snapshot, cache.get(VERSION_KEY)):
            return snapshot
        with self._lock:
            version = cache.get(VERSION_KEY)
            if self._fresh(self._snapshot, version):
                return self._snapshot
            full = version is None or self._snapshot is None or self._backend != backend_name()
            if version is None:
                version = jobs_version()
            if full:
                self._build(version)
            else:
                self._refresh(version)
            return self._snapshot

    def forget(self, job_ids) -> None:
        """Mark these jobs gone (deleted or closed without a version change)."""
        job_ids = set(job_ids)
        if not job_ids:
            return
        with self._lock:
            if self._snapshot is None:
                return
            self._drop(job_ids)
            self._publish(self._snapshot.version)

    def reset(self) -> None:
        """Drop everything; the next snapshot() builds from the database."""
        with self._lock:
            self._snapshot = None
            self.full_builds = 0
            self._reset_state()

    @staticmethod
    def _fresh(snapshot: IndexSnapshot | None, version) -> bool:
        return (
            snapshot is not None
            and version is not None
            and snapshot.version == version
            and snapshot.backend == backend_name()
            and time.monotonic() - snapshot.checked_at < REFRESH_EVERY_SECONDS
        )

    def _reader(self) -> RowReader:
        return RowReader(self._backend, self._skills, self._places)

    def _build(self, version: int) -> None:
        self.full_builds += 1
        self._reset_state()
        self._backend = backend_name()
        started = timezone.now()
        values = jobs_open().order_by("id").values_list(*_FIELDS)
        with _collector_paused():
            rows, _ = self._reader().rows(values.iterator(chunk_size=LOAD_CHUNK))
        self._base = block_from_rows(
            rows, self._backend, len(self._skills.ids), len(self._places.ids)
        )
        self._base_active = np.ones(self._base.size, dtype=bool)
        self._watermark = started
        self._publish(version)

    def _refresh(self, version: int) -> None:
        started = timezone.now()
        changed = Job.objects.filter(updated_at__gte=self._watermark - REFRESH_SKEW)
        values = changed.order_by("id").values_list(*_FIELDS)
        rows, closed = self._reader().rows(values.iterator(chunk_size=LOAD_CHUNK))
        rows = [row for row in rows if not self._holds(row)]
        self._drop(closed | {row.job_id for row in rows})
        self._delta.update((row.job_id, row) for row in rows)
        self._watermark = started
        if self._worth_rebuilding():
            self._build(version)
        else:
            self._publish(version)

    def _worth_rebuilding(self) -> bool:
        inactive = int((~self._base_active).sum())
        delta = len(self._delta)
        return (
            inactive >= REBUILD_MIN_ROWS and inactive > MAX_INACTIVE_SHARE * self._base.size
        ) or (delta >= REBUILD_MIN_ROWS and delta > MAX_DELTA_SHARE * self._base.size)

    def _holds(self, row: JobRow) -> bool:
        """Whether the index already holds this very version of the job."""
        held = self._delta.get(row.job_id)
        if held is not None:
            return held.updated_ts == row.updated_ts
        position = self._base_position(row.job_id)
        return position is not None and self._base.updated_ts[position] == row.updated_ts

    def _base_position(self, job_id: int) -> int | None:
        ids = self._base.ids
        position = int(np.searchsorted(ids, job_id))
        if position < len(ids) and ids[position] == job_id and self._base_active[position]:
            return position
        return None

    def _drop(self, job_ids: set[int]) -> None:
        active = self._base_active.copy()
        for job_id in job_ids:
            self._delta.pop(job_id, None)
            position = self._base_position(job_id)
            if position is not None:
                active[position] = False
        self._base_active = active

    def _publish(self, version: int) -> None:
        delta_rows = sorted(self._delta.values(), key=lambda row: row.job_id)
        widths = (len(self._skills.ids), len(self._places.ids))
        blocks = (self._base,)
        active = self._base_active
        if delta_rows:
            blocks += (block_from_rows(delta_rows, self._backend, *widths),)
            active = np.concatenate([active, np.ones(len(delta_rows), dtype=bool)])
        self._snapshot = IndexSnapshot(
            backend=self._backend,
            version=version,
            checked_at=time.monotonic(),
            blocks=blocks,
            active=active,
            skill_ids=self._skills.ids,
            place_ids=self._places.ids,
        )


@contextmanager
def _collector_paused():
    """Loading 100k rows allocates enough objects to trigger full collections of 200 ms or
    more; the rows hold no cycles, so reference counting frees them without the collector."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def snapshot_for_jobs(jobs: list[Job]) -> IndexSnapshot:
    """A snapshot of just these jobs (any state), for scoring one job the way a match does.

    Vectors of another backend are computed in memory, not saved.
    """
    backend = backend_name()
    stale = [job for job in jobs if job.vector is None or job.vector_backend != backend]
    jobs_vectorise(stale)
    skills, places = _Vocabulary(), _Vocabulary()
    reader = RowReader(backend, skills, places)
    rows = [reader.row({name: getattr(job, name) for name in _FIELDS}) for job in jobs]
    block = block_from_rows(rows, backend, len(skills.ids), len(places.ids))
    return IndexSnapshot(
        backend=backend,
        version=None,
        checked_at=time.monotonic(),
        blocks=(block,),
        active=np.ones(block.size, dtype=bool),
        skill_ids=skills.ids,
        place_ids=places.ids,
    )


_index = MatchIndex()


def match_index() -> MatchIndex:
    """This process's index."""
    return _index
