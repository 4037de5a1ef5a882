"""Deterministic answer scoring, session summaries, integrity signals and the starter bank.

Pure Python on top of ai.skills; see README.md beside this file for the interface.
"""
