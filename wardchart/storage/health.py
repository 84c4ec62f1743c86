"""``wardchart check``: is the chart file whole, consistent, untampered and current?

Tamper evidence (see docs/tamper-evidence.md): the file's whole schema is compared with what
this version's migrations create, every record must have its audit row, and the audit
history can be compared with an anchor kept outside the file (a backup).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from wardchart.storage import audit
from wardchart.storage.cipher import connect, is_encrypted
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import ChartFileError, db_errors
from wardchart.storage.schema import RECORD_TABLES, migrations
from wardchart.storage.schema_check import schema_differences


@dataclass(frozen=True)
class Finding:
    """One check: its name, whether it passed, and what was found."""

    name: str
    ok: bool
    detail: str


def check_chart(store: ChartStore) -> list[Finding]:
    """Integrity, foreign keys, the audit history, the schema version and its objects."""
    db = store.db
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    keys = db.execute("PRAGMA foreign_key_check").fetchall()
    history = verify_history(db)
    applied = [m.name for m in migrations.applied(db)]
    known = [m.name for m in migrations._migrations]
    differences = schema_differences(db)
    return [
        Finding(
            "integrity",
            integrity == ["ok"],
            "ok" if integrity == ["ok"] else "; ".join(integrity[:3]),
        ),
        Finding("foreign keys", not keys, "ok" if not keys else f"{len(keys)} broken references"),
        Finding("audit chain", history.ok, describe_history(history)),
        Finding(
            "schema",
            applied == known,
            f"{applied[-1] if applied else 'none'}"
            + ("" if applied == known else f" (this wardchart knows {known[-1]})"),
        ),
        Finding(
            "schema objects",
            not differences,
            "ok, as this version creates them"
            if not differences
            else "; ".join(differences[:3])
            + (f" and {len(differences) - 3} more" if len(differences) > 3 else ""),
        ),
    ]


# --- the schema, object by object --------------------------------------------------------

# --- the audit history -------------------------------------------------------------------

#: The audit actions that write a version of a record (storage/records.py).
VERSION_ACTIONS = ("create", "correct", "entered_in_error")


def unaudited(db: Database) -> list[str]:
    """Records without their audit row: every version of a record is written together
    with one, in the same transaction, so a missing one means the log was cut."""
    tables = set(db.table_names())
    if "audit_log" not in tables:
        return ["the audit log table is missing"]
    marks = ", ".join("?" for _ in VERSION_ACTIONS)
    missing = []
    for table in (*RECORD_TABLES, "users"):
        if table not in tables:
            continue
        row = db.execute(
            f"""SELECT count(*) FROM (SELECT origin_id, count(*) AS n FROM {table}
                                      GROUP BY origin_id) t
                LEFT JOIN (SELECT record_id, count(*) AS n FROM audit_log
                           WHERE entity = ? AND action IN ({marks}) GROUP BY record_id) a
                       ON a.record_id = t.origin_id
                WHERE coalesce(a.n, 0) < t.n""",
            [table, *VERSION_ACTIONS],
        ).fetchone()
        if row[0]:
            missing.append(f"{row[0]} {table} records have versions without an audit row")
    if "ward_settings" in tables:
        row = db.execute(
            """SELECT count(*) FROM ward_settings s WHERE NOT EXISTS (
                   SELECT 1 FROM audit_log a
                   WHERE a.entity = 'ward_settings' AND a.record_id = s.id)"""
        ).fetchone()
        if row[0]:
            missing.append(f"{row[0]} ward settings have no audit row")
    return missing


def verify_history(db: Database) -> audit.ChainCheck:
    """The hash chain is unbroken and every record has its audit row."""
    chain = audit.verify(db)
    if not chain.ok:
        return chain
    missing = unaudited(db)
    if missing:
        return audit.ChainCheck(False, chain.rows, None, "; ".join(missing))
    return chain


def describe_history(check: audit.ChainCheck) -> str:
    """One line: "ok, 42 rows" or what is wrong."""
    if check.ok:
        return f"ok, {check.rows} rows"
    if check.broken_seq is None:
        return f"{check.rows} rows, but {check.why}"
    return f"broken at row {check.broken_seq}: {check.why}"


def verify_against(store: ChartStore, anchor_text: str) -> tuple[bool, str]:
    """Whether the chart's audit history extends an anchor: a backup file (its rows, with
    the same hashes, then anything newer), or a chain head as printed in a page footer
    ("42-3f9a2c1b7d0e5a44"). Returns (ok, one line)."""
    history = verify_history(store.db)
    if not history.ok:
        return False, f"the chart's audit history: {describe_history(history)}"
    if not anchor_text.strip():
        raise ChartFileError("give a backup file, or a chain head as printed (42-3f9a…)")
    backup = Path(anchor_text)
    printed = None if backup.exists() else audit.parse_head(anchor_text)
    if printed is not None:
        return _extends_head(store.db, printed)
    anchor = _backup_chain(backup, store.passphrase)
    theirs = dict(store.db.execute("SELECT seq, hash FROM audit_log").fetchall())
    head = audit.head_of(anchor)
    for seq, expected in enumerate(anchor, start=1):
        if seq > len(theirs):
            return False, (
                f"history was cut: the chart has {len(theirs)} audit rows, backup "
                f"{backup.name} has {len(anchor)} (head {head.short()})"
            )
        if theirs.get(seq) != expected:
            restored = store.db.execute(
                "SELECT 1 FROM audit_log WHERE seq = ? AND action = 'restore'", [seq]
            ).fetchone()
            why = " (the chart was restored from an older backup there)" if restored else ""
            return False, (
                f"history was rewritten: audit row {seq} differs from backup {backup.name}{why}"
            )
    return True, (
        f"the chart's {len(theirs)} audit rows extend backup {backup.name} (head {head.short()})"
    )


def _extends_head(db: Database, printed: audit.ChainHead) -> tuple[bool, str]:
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [printed.rows]).fetchone()
    count = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    if row is None or count < printed.rows:
        return False, (
            f"history was cut: the chart has {count} audit rows, the printed head "
            f"{printed.short()} has {printed.rows}"
        )
    if not str(row[0]).startswith(printed.hash):
        return (
            False,
            f"history was rewritten: audit row {printed.rows} differs from the printed head",
        )
    return True, f"the chart's {count} audit rows extend the printed head {printed.short()}"


def _backup_chain(backup: Path, passphrase: str | None) -> list[str]:
    """The hashes of a backup's audit rows, in order, after checking its own chain."""
    if not backup.is_file():
        raise ChartFileError(f"no backup file at {backup}")
    key = passphrase if is_encrypted(backup) else None
    if is_encrypted(backup) and key is None:
        raise ChartFileError(f"backup {backup} is encrypted: give its passphrase")
    try:
        conn = connect(f"file:{backup}?mode=ro", key, uri=True)
        try:
            db = Database(conn, execute_plugins=False)
            if "audit_log" not in db.table_names():
                raise ChartFileError(f"{backup} is not a wardchart backup (it has no audit log)")
            check = verify_history(db)
            hashes = [str(r[0]) for r in conn.execute("SELECT hash FROM audit_log ORDER BY seq")]
        finally:
            conn.close()
    except db_errors() as error:
        raise ChartFileError(f"backup {backup} cannot be read: {error}") from None
    if not check.ok:
        raise ChartFileError(f"backup {backup} is not a sound anchor: {describe_history(check)}")
    recorded = audit.head_in_name(backup.name)
    if recorded is not None and not recorded.matches(audit.head_of(hashes)):
        raise ChartFileError(
            f"backup {backup} was altered after it was made: its name records audit head "
            f"{recorded.short()}, its contents do not"
        )
    return hashes
