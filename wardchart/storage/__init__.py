"""The chart store: one SQLite file, opened safely, changed only by appending records."""
