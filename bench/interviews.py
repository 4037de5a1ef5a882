"""Interviews: how fast the deterministic scorer is, and how well it agrees with human grades.

    .venv/bin/python bench/interviews.py [--repeat 300] [--sessions 20] [--json PATH]

Each measurement is one function returning rows, so a later part (a whole practice session
over HTTP) is one more function and one more call in `main`:

- scoring: `interviews.scoring.score_answer` in this process, p50/p95 per answer length
  (about 10, 60 and 250 words), rubric prepared beforehand as in a running server, plus the
  first answer to a rubric not seen before (preparing it included). Timed as this process's
  CPU time (time.process_time: one core), so other work on the machine does not inflate it;
- graded sets: Pearson correlation of the overall score with the hand grades of
  tests/interviews/graded/ (the set the scorer was tuned on, and a hold-out set written
  afterwards and never tuned on); no database, no server;
- practice sessions (`--sessions`, 0 to skip): whole practice sessions over HTTP on one
  uvicorn worker against a migrated throwaway database (BENCH_DATABASE_URL or DATABASE_URL's
  server, else SQLite): start, then per question fetch it and answer it, then complete.

See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import httpx

# Run as a script, this file's directory is on sys.path, not the project's.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, print_table, run_on_migrated_database, start_server

ROOT = Path(__file__).resolve().parent.parent
DATABASE_NAME = "hirewise_bench_interviews"
GRADED = ROOT / "tests" / "interviews" / "graded"
GRADED_SETS = {
    "graded set (tuned on)": GRADED / "cs_short_answers.json",
    "hold-out set (never tuned on)": GRADED / "cs_short_answers_holdout.json",
}
QUESTION = "How would you make a slow database-backed API endpoint faster?"
GOLD = (
    "First measure: profile the endpoint and read the query plan to find where time goes. "
    "Remove N+1 queries with joins or prefetching and add indexes for the filters and sorts "
    "used. Cache results that are read often and change rarely, with a clear invalidation "
    "rule. Paginate large responses and move slow work to a background queue."
)
SENTENCES = (
    "I would start by profiling the endpoint to see where the time actually goes.",
    "Then I would read the query plan and look for missing indexes on the filtered columns.",
    "Often the problem is an N+1 pattern, which select_related or a join fixes.",
    "For data that is read a lot and rarely changes, a cache with a clear expiry helps.",
    "Large lists should be paginated instead of sent whole.",
    "Anything slow that the user does not need right away can move to a background worker.",
    "After each change I would measure again to confirm the gain and avoid guessing.",
)


def _answer(words: int, run: int = 0) -> str:
    """About `words` words; each run's sentences differ (a numbered ticket) so no cache helps."""
    text, index = "", 0
    while len(text.split()) < words:
        sentence = SENTENCES[(index + run) % len(SENTENCES)]
        text += f" {sentence[:-1]} (ticket {run}-{index})."
        index += 1
    return " ".join(text.split()[:words]).rstrip(".") + "."


def measure_scoring(repeat: int) -> list[list[str]]:
    """p50/p95 of scoring one answer, per answer length, on one core."""
    from interviews.scoring import Rubric, score_answer

    rubric = Rubric(question_text=QUESTION, gold_answer=GOLD)
    rows = []
    for words in (10, 60, 250):
        score_answer(rubric, _answer(words))  # the rubric is prepared once per process
        timings = []
        for run in range(1, repeat + 1):
            answer = _answer(words, run)
            started = time.process_time()
            score_answer(rubric, answer)
            timings.append(time.process_time() - started)
        timings.sort()
        rows.append(_row(f"score, {words} words", timings))
    cold = []
    for index in range(min(repeat, 100)):
        fresh = Rubric(question_text=f"{QUESTION} ({index})", gold_answer=f"{GOLD} ({index})")
        answer = _answer(60, index)
        started = time.process_time()
        score_answer(fresh, answer)
        cold.append(time.process_time() - started)
    cold.sort()
    rows.append(_row("score, 60 words, new rubric", cold))
    return rows


def _row(name: str, timings: list[float]) -> list[str]:
    return [
        name,
        str(len(timings)),
        f"{percentile(timings, 50) * 1000:.2f}",
        f"{percentile(timings, 95) * 1000:.2f}",
    ]


def measure_graded_sets() -> list[list[str]]:
    """Pearson correlation of overall scores with the hand grades (0-5) of each graded set."""
    from interviews.scoring.quality import graded_pairs, pearson

    rows = []
    for name, path in GRADED_SETS.items():
        scores, grades = graded_pairs(path)
        rows.append([name, str(len(grades)), f"{pearson(scores, grades):.3f}"])
    return rows


# --- A whole practice session over HTTP ------------------------------------------------------

PRACTICE_ROLE = "Backend developer"
PRACTICE_SKILLS = ["Python", "Django", "PostgreSQL"]
PRACTICE_ANSWER = (
    "I would start from the requirements, pick the simplest design that meets them, and "
    "explain the trade-offs. For example, an index on the filtered column speeds up reads "
    "but slows down writes, so I measure the query plan before and after the change and "
    "keep the change only if the numbers improve."
)
SESSION_STEPS = ("start", "question", "answer", "complete", "whole session")


def measure_practice_sessions(env: dict, *, sessions: int, questions: int) -> dict:
    """Whole practice sessions over HTTP, one after another on one connection to one uvicorn
    worker: start, then per question fetch it and answer it (scored at once), then complete.

    Returns per step (and for the whole session) the count and p50/p95 in milliseconds; the
    first session warms up and is not counted. Django must be set up on a migrated database.
    """
    from accounts.models import Role, User
    from accounts.tokens import token_pair

    candidate = User.objects.create_user(
        "bench-practice@example.com", None, role=Role.CANDIDATE, name="Bench Candidate"
    )
    headers = {"Authorization": f"Bearer {token_pair(candidate)['access_token']}"}
    timings: dict[str, list[float]] = {step: [] for step in SESSION_STEPS}
    with (
        start_server(env) as server,
        httpx.Client(base_url=server.base_url, headers=headers, timeout=60) as client,
    ):
        for number in range(sessions + 1):
            one = _practice_session(client, questions)
            if number:
                for step, values in one.items():
                    timings[step] += values
    return {
        step: {
            "count": len(values),
            "p50_ms": round(percentile(sorted(values), 50), 2),
            "p95_ms": round(percentile(sorted(values), 95), 2),
        }
        for step, values in timings.items()
    }


def _practice_session(client: httpx.Client, questions: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {step: [] for step in SESSION_STEPS}
    began = time.perf_counter()
    body = {"job_role": PRACTICE_ROLE, "skills": PRACTICE_SKILLS, "total_questions": questions}
    session = _timed(timings["start"], client.post, "/api/v1/interview/start", json=body)
    for _ in range(session["total_questions"]):
        path = f"/api/v1/interview/{session['id']}/question"
        question = _timed(timings["question"], client.get, path)["question"]
        answer = {
            "session_id": session["id"],
            "question_id": question["id"],
            "answer_text": PRACTICE_ANSWER,
            "time_taken_seconds": 90,
        }
        _timed(timings["answer"], client.post, "/api/v1/interview/answer", json=answer)
    _timed(timings["complete"], client.post, f"/api/v1/interview/{session['id']}/complete")
    timings["whole session"].append((time.perf_counter() - began) * 1000)
    return timings


def _timed(into: list[float], call, path: str, **kwargs) -> dict:
    started = time.perf_counter()
    response = call(path, **kwargs)
    into.append((time.perf_counter() - started) * 1000)
    if response.status_code >= 400:
        raise RuntimeError(f"{path}: HTTP {response.status_code}: {response.text[:300]}")
    return response.json()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300, help="timed runs per length")
    parser.add_argument(
        "--sessions", type=int, default=20, help="practice sessions over HTTP (0: skip)"
    )
    parser.add_argument("--questions", type=int, default=5, help="questions per session")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    figures: dict = {}

    def measure(env: dict | None = None) -> None:
        figures["scoring"] = measure_scoring(args.repeat)
        figures["graded"] = measure_graded_sets()
        if env is not None:
            figures["sessions"] = measure_practice_sessions(
                env, sessions=args.sessions, questions=args.questions
            )

    if args.sessions > 0:
        # The sessions need a database and a server: Django is set up on the throwaway one.
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
        run_on_migrated_database(DATABASE_NAME, measure)
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        measure()
    print_table(["scoring (one core)", "runs", "p50 ms", "p95 ms"], figures["scoring"])
    print()
    print_table(["agreement", "answers", "pearson r"], figures["graded"])
    if "sessions" in figures:
        print(f"\nPractice sessions of {args.questions} questions over HTTP, one connection")
        print_table(
            ["step", "requests", "p50 ms", "p95 ms"],
            [
                [step, str(row["count"]), f"{row['p50_ms']:.1f}", f"{row['p95_ms']:.1f}"]
                for step, row in figures["sessions"].items()
            ],
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
