"""Shared intelligence: skill taxonomy and extraction, text similarity, the LLM gateway.

Imports no Hirewise app; apps import it.
"""
