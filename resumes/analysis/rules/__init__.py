"""ATS rules, one module per score category; each returns the deductions it finds."""
