"""Benchmarks: run as scripts (`python bench/api.py`); shared helpers in `bench.common`."""
