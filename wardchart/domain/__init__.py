"""The clinical core: pure functions over dataclasses. No Qt, no SQL, no I/O.

Every rule is explained, with its source, in docs/clinical-rules.md; the code cites
that page by section.
"""
