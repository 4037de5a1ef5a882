"""Writes of job postings and saved jobs."""
