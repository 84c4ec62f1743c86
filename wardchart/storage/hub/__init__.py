"""The ward hub: PostgreSQL holding the union of every replica of a ward's chart.

Nothing here is imported when the program starts: only a command or a window that uses
a hub imports ``connection``, ``schema`` or ``transfer`` (and with them psycopg).
``errors`` never imports psycopg, so a caller can name the errors cheaply. See docs/hub.md.
"""
