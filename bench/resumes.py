"""Resume intelligence speed: our PDF extraction next to raw pypdfium2, and parse + analyse.

    .venv/bin/python bench/resumes.py [--count 100] [--rounds 3] [--json out.json]

Builds a corpus of `--count` generated resumes (one-page to two-page, a quarter of them in a
two-column sidebar layout) as PDFs, then measures, in this process with the local engine:

- extraction: `resumes.extraction.extract_text` against raw pypdfium2 `get_text_range()` of
  every page of the same files (best of `--rounds` passes over the corpus; ratio);
- per resume: extract + parse + analyse (no job, and against a job description): p50/p95 and
  resumes/s, with the two-page PDFs reported on their own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["GEMINI_API_KEY"] = ""  # the offline local engine, whatever the shell has

import django

django.setup()

import pypdfium2  # noqa: E402

from bench.common import percentile, print_table, ratio  # noqa: E402
from resumes.analysis import analyse_resume, job_target_from_description  # noqa: E402
from resumes.extraction import extract_text  # noqa: E402
from resumes.parsing import parse_resume  # noqa: E402
from tests.resumes.generated import pdf_one_column, pdf_two_columns, resume_variant  # noqa: E402

JOB = job_target_from_description(
    "Senior Backend Engineer. We build payment APIs in Python and Django on AWS. "
    "Requirements: Python, Django, PostgreSQL, AWS, Terraform, Kubernetes, 5+ years. "
    "Nice to have: Kafka, GraphQL, Go."
)


def build_corpus(count: int) -> list[bytes]:
    corpus = []
    for index in range(count):
        text = resume_variant(index)
        if index % 4 == 3:
            head, _, body = text.partition("\n\nSUMMARY")
            corpus.append(pdf_two_columns(body.split("EDUCATION")[-1], "SUMMARY" + body, head))
        else:
            corpus.append(pdf_one_column(text))
    return corpus


def raw_pdfium(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def best_pass(function, corpus: list[bytes], rounds: int) -> float:
    """Seconds for the fastest of `rounds` passes over the corpus."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        for data in corpus:
            function(data)
        timings.append(time.perf_counter() - started)
    return min(timings)


def pipeline_timings(corpus: list[bytes], job) -> tuple[list[float], list[int]]:
    """Milliseconds per resume for extract + parse + analyse, and each file's page count."""
    timings, pages = [], []
    for data in corpus:
        started = time.perf_counter()
        extracted = extract_text(data, "pdf")
        analyse_resume(extracted.text, parse_resume(extracted.text), job)
        timings.append((time.perf_counter() - started) * 1000)
        pages.append(extracted.pages)
    return timings, pages


def latency_row(name: str, timings: list[float]) -> list[str]:
    ordered = sorted(timings)
    per_second = len(ordered) / (sum(ordered) / 1000) if ordered else 0.0
    return [
        name,
        str(len(ordered)),
        f"{percentile(ordered, 50):.1f}",
        f"{percentile(ordered, 95):.1f}",
        f"{per_second:.1f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()

    print(f"building {options.count} resume PDFs ...", flush=True)
    corpus = build_corpus(options.count)
    analyse_resume("warm up", parse_resume("warm up"), JOB)  # load taxonomy and templates once

    raw = best_pass(raw_pdfium, corpus, options.rounds)
    ours = best_pass(lambda data: extract_text(data, "pdf"), corpus, options.rounds)
    print(f"\nextraction over the corpus (best of {options.rounds} passes)")
    print_table(
        ["extractor", "files", "total ms", "ms/file", "vs raw"],
        [
            ["raw pypdfium2", str(len(corpus)), f"{raw * 1000:.0f}",
             f"{raw * 1000 / len(corpus):.2f}", "1.00x"],
            ["extract_text", str(len(corpus)), f"{ours * 1000:.0f}",
             f"{ours * 1000 / len(corpus):.2f}", f"{ratio(ours, raw):.2f}x"],
        ],
    )  # fmt: skip

    plain, pages = pipeline_timings(corpus, None)
    with_job, _ = pipeline_timings(corpus, JOB)
    two_pages = [ms for ms, count in zip(with_job, pages, strict=True) if count >= 2]
    print("\nextract + parse + analyse per resume, local engine (ms)")
    print_table(
        ["run", "resumes", "p50", "p95", "resumes/s"],
        [
            latency_row("no job", plain),
            latency_row("with a job", with_job),
            latency_row("two-page PDFs, with a job", two_pages),
        ],
    )
    print(f"\npages per file: {statistics.mean(pages):.2f} mean, {max(pages)} max")
    if options.json:
        options.json.write_text(
            json.dumps(
                {
                    "raw_ms": raw * 1000,
                    "extract_ms": ours * 1000,
                    "extract_ratio": ratio(ours, raw),
                    "pipeline_ms": {"no_job": plain, "with_job": with_job},
                    "pages": pages,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
