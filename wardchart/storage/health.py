"""``wardchart check``: is the chart file whole, consistent, untampered and current?"""

from __future__ import annotations

from dataclasses import dataclass

from wardchart.storage import audit
from wardchart.storage.database import ChartStore
from wardchart.storage.schema import migrations


@dataclass(frozen=True)
class Finding:
    """One check: its name, whether it passed, and what was found."""

    name: str
    ok: bool
    detail: str


def check_chart(store: ChartStore) -> list[Finding]:
    """Integrity, foreign keys, the audit chain and the schema version."""
    db = store.db
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    keys = db.execute("PRAGMA foreign_key_check").fetchall()
    chain = audit.verify(db)
    applied = [m.name for m in migrations.applied(db)]
    known = [m.name for m in migrations._migrations]
    return [
        Finding(
            "integrity",
            integrity == ["ok"],
            "ok" if integrity == ["ok"] else "; ".join(integrity[:3]),
        ),
        Finding("foreign keys", not keys, "ok" if not keys else f"{len(keys)} broken references"),
        Finding(
            "audit chain",
            chain.ok,
            f"ok, {chain.rows} rows"
            if chain.ok
            else f"broken at row {chain.broken_seq}: {chain.why}",
        ),
        Finding(
            "schema",
            applied == known,
            f"{applied[-1] if applied else 'none'}"
            + ("" if applied == known else f" (this wardchart knows {known[-1]})"),
        ),
    ]
