"""The clinical core: pure functions over dataclasses. No Qt, no SQL, no I/O.

Every rule cites its section of ../shared/clinical-reference.md ("CR §n") or of
../shared/design-notes.md ("DN §n").
"""
