"""Resume-to-job matching: an in-memory index of open jobs, vectorised scores, reasons."""
