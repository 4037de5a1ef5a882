"""Interviews: how fast the deterministic scorer is, and how well it agrees with human grades.

    .venv/bin/python bench/interviews.py [--repeat 300] [--json PATH]

Each measurement is one function returning rows, so a later part (a whole practice session
over HTTP) is one more function and one more call in `main`:

- scoring: `interviews.scoring.score_answer` in this process, p50/p95 per answer length
  (about 10, 60 and 250 words), rubric prepared beforehand as in a running server, plus the
  first answer to a rubric not seen before (preparing it included). Timed as this process's
  CPU time (time.process_time: one core), so other work on the machine does not inflate it;
- graded sets: Pearson correlation of the overall score with the hand grades of
  tests/interviews/graded/ (the set the scorer was tuned on, and a hold-out set written
  afterwards and never tuned on); no database, no server.

See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# Run as a script, this file's directory is on sys.path, not the project's.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, print_table

ROOT = Path(__file__).resolve().parent.parent
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300, help="timed runs per length")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    scoring = measure_scoring(args.repeat)
    print_table(["scoring (one core)", "runs", "p50 ms", "p95 ms"], scoring)
    print()
    graded = measure_graded_sets()
    print_table(["agreement", "answers", "pearson r"], graded)
    if args.json:
        args.json.write_text(json.dumps({"scoring": scoring, "graded": graded}, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
