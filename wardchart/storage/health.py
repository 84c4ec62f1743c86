"""``wardchart check``: is the chart file whole, consistent, untampered and current?

Tamper evidence (see docs/tamper-evidence.md): the file's whole schema is compared with what
this version's migrations create, every record must have its audit row, and the audit
history can be compared with an anchor kept outside the file (a backup).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text
from wardchart.storage import audit
from wardchart.storage.cipher import connect, is_encrypted
from wardchart.storage.database import ChartStore, check_ours
from wardchart.storage.errors import ChartFileError, db_errors
from wardchart.storage.schema import RECORD_TABLES, migrations
from wardchart.storage.schema_check import schema_differences

if TYPE_CHECKING:
    from sqlite_utils import Database


def joined(parts: list[str], separator: str = "; ") -> str:
    """Parts in one line, each still translatable where the line is shown (joining
    marked messages with ``str.join`` would leave them English)."""
    if not parts:
        return ""
    fields: dict[str, object] = {f"part{n}": part for n, part in enumerate(parts)}
    return Text("Check", separator.join("{" + name + "}" for name in fields), fields)


@dataclass(frozen=True)
class Finding:
    """One check: its name, whether it passed, and what was found."""

    name: str
    ok: bool
    detail: str


def check_chart(store: ChartStore) -> list[Finding]:
    """Integrity, foreign keys, the audit history, the schema version and its objects."""
    found = soundness(store.db)
    applied = [m.name for m in migrations.applied(store.db)]
    known = migrations.names
    current = applied[-1] if applied else QT_TRANSLATE_NOOP("Check", "none")
    version = Finding(
        QT_TRANSLATE_NOOP("Check", "schema"),
        applied == known,
        current
        if applied == known
        else QT_TRANSLATE_NOOP("Check", "{version} (this wardchart knows {known})").format(
            version=current, known=known[-1]
        ),
    )
    return [*found[:3], version, *found[3:]]


def soundness(db: Database) -> list[Finding]:
    """Whether a file is a sound chart, read only: SQLite's integrity check, its foreign
    keys, the audit history (the hash chain, and every record bound to its audit row) and
    the whole schema compared with what the migrations the file records create (an older
    file with the older schema, exactly). The one test behind ``check``, ``restore`` and
    the window's "open the latest verified backup" (see docs/files.md). Everything but
    whether the file is the current version, which ``check`` adds."""
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    keys = db.execute("PRAGMA foreign_key_check").fetchall()
    history = verify_history(db)
    differences = schema_differences(db)
    ok = QT_TRANSLATE_NOOP("Check", "ok")
    broken = (
        QT_TRANSLATE_NOOP("Check", "1 broken reference")
        if len(keys) == 1
        else QT_TRANSLATE_NOOP("Check", "{count} broken references").format(count=len(keys))
    )
    named = joined(differences[:3])
    if len(differences) > 3:
        named = QT_TRANSLATE_NOOP("Check", "{differences} and {count} more").format(
            differences=named, count=len(differences) - 3
        )
    return [
        Finding(
            QT_TRANSLATE_NOOP("Check", "integrity"),
            integrity == ["ok"],
            ok if integrity == ["ok"] else "; ".join(integrity[:3]),
        ),
        Finding(QT_TRANSLATE_NOOP("Check", "foreign keys"), not keys, ok if not keys else broken),
        Finding(QT_TRANSLATE_NOOP("Check", "audit chain"), history.ok, describe_history(history)),
        Finding(
            QT_TRANSLATE_NOOP("Check", "schema objects"),
            not differences,
            QT_TRANSLATE_NOOP("Check", "ok, as this version creates them")
            if not differences
            else named,
        ),
    ]


def unsound(db: Database) -> str | None:
    """The first check a chart fails, in one line ("audit chain: ..."); None: it is sound."""
    failed = next((f for f in soundness(db) if not f.ok), None)
    if failed is None:
        return None
    return QT_TRANSLATE_NOOP("Check", "{check}: {problem}").format(
        check=failed.name, problem=failed.detail
    )


def file_problem(path: Path, passphrase: str | None = None) -> str | None:
    """Why the chart file at ``path`` is not sound (None: it is), opened read-only: it is
    never written, so a backup can be checked before it is used."""
    from sqlite_utils import Database

    failures: tuple[type[Exception], ...] = (*db_errors(), ChartFileError)
    try:
        conn = connect(f"file:{path}?mode=ro", passphrase, uri=True)
        try:
            db = Database(conn, execute_plugins=False)
            check_ours(db, path, existing=True)
            return unsound(db)
        finally:
            conn.close()
    except failures as error:
        return str(error)


# --- the schema, object by object --------------------------------------------------------

# --- the audit history -------------------------------------------------------------------

#: The audit actions that write a version of a record (storage/records.py).
VERSION_ACTIONS = ("create", "correct", "entered_in_error")
#: Tables whose rows are bound to their audit rows: (table, the column naming the record in
#: its audit rows, the actions that write a row).
BOUND_TABLES = (
    *((table, "origin_id", VERSION_ACTIONS) for table in (*RECORD_TABLES, "users")),
    ("ward_settings", "id", ("settings",)),
    ("lab_messages", "id", ("hl7_import",)),
    ("lab_result_sources", "result_version", ("hl7_source",)),
    ("fhir_entries", "id", ("fhir_entry",)),
    ("resolutions", "id", ("resolve",)),
    ("resolution_set_aside", "id", ("set_aside",)),
)
#: How many records a failed check names before "and N more".
NAMED = 3


def _versions(db: Database, table: str, key: str) -> dict[str, list[str]]:
    """Each record's stored versions, as the hashes of their content."""
    versions: dict[str, list[str]] = {}
    for row in audit.stored_rows(db, table):
        versions.setdefault(str(row[key]), []).append(audit.version_hash(row))
    return versions


def _audited(
    db: Database, table: str, actions: tuple[str, ...]
) -> dict[str, list[tuple[int, str | None]]]:
    """Each record's audit rows that wrote a version: (row, the version hash it sealed)."""
    marks = ", ".join("?" for _ in actions)
    audited: dict[str, list[tuple[int, str | None]]] = {}
    cursor = db.execute(
        f"SELECT seq, record_id, detail FROM audit_log WHERE entity = ? AND action IN ({marks})"
        " ORDER BY seq",
        [table, *actions],
    )
    for seq, record, detail in cursor:
        audited.setdefault(str(record), []).append((int(seq), audit.sealed_version(str(detail))))
    return audited


def unaudited(db: Database) -> list[str]:
    """Records whose stored versions do not match their audit rows. Every version of a
    record (and every ward setting) is written together with one audit row, in the same
    transaction, and that row records the hash of the version's content: a version with no
    audit row means the log was cut; an audit row whose version is gone or hashes
    differently means the record was deleted or changed under its triggers. Audit rows
    written before versions were sealed are matched by count only (see
    docs/tamper-evidence.md)."""
    tables = set(db.table_names())
    if "audit_log" not in tables:
        return [QT_TRANSLATE_NOOP("Check", "the audit log table is missing")]
    missing: list[str] = []
    altered: list[str] = []
    for table, key, actions in BOUND_TABLES:
        if table not in tables:
            continue
        versions, audited = _versions(db, table, key), _audited(db, table, actions)
        short = 0
        for record in sorted(versions.keys() | audited.keys()):
            stored, rows = Counter(versions.get(record, [])), audited.get(record, [])
            if len(rows) < len(versions.get(record, [])):
                short += 1
            changed = None
            for seq, sealed in rows:
                if sealed is None:
                    continue
                if stored[sealed] > 0:
                    stored[sealed] -= 1
                elif changed is None:
                    changed = seq
            if changed is not None:
                altered.append(
                    QT_TRANSLATE_NOOP(
                        "Check",
                        "{table} record {record}: the version audited at row {row} was "
                        "changed or deleted",
                    ).format(table=table, record=record, row=changed)
                )
            elif len(rows) > len(versions.get(record, [])):
                gone = len(rows) - len(versions.get(record, []))
                deleted = (
                    QT_TRANSLATE_NOOP(
                        "Check", "{table} record {record}: 1 audited version was deleted"
                    )
                    if gone == 1
                    else QT_TRANSLATE_NOOP(
                        "Check", "{table} record {record}: {count} audited versions were deleted"
                    )
                )
                altered.append(deleted.format(table=table, record=record, count=gone))
        if short and table == "ward_settings":
            missing.append(
                QT_TRANSLATE_NOOP("Check", "1 ward setting has no audit row")
                if short == 1
                else QT_TRANSLATE_NOOP("Check", "{count} ward settings have no audit row").format(
                    count=short
                )
            )
        elif short:
            without = (
                QT_TRANSLATE_NOOP("Check", "1 {table} record has versions without an audit row")
                if short == 1
                else QT_TRANSLATE_NOOP(
                    "Check", "{count} {table} records have versions without an audit row"
                )
            )
            missing.append(without.format(count=short, table=table))
    if len(altered) > NAMED:
        more = len(altered) - NAMED
        altered = [
            *altered[:NAMED],
            QT_TRANSLATE_NOOP("Check", "and 1 more record")
            if more == 1
            else QT_TRANSLATE_NOOP("Check", "and {count} more records").format(count=more),
        ]
    return missing + altered


def verify_history(db: Database) -> audit.ChainCheck:
    """The hash chain is unbroken and every record has its audit row."""
    chain = audit.verify(db)
    if not chain.ok:
        return chain
    missing = unaudited(db)
    if missing:
        return audit.ChainCheck(False, chain.rows, None, joined(missing))
    return chain


def describe_history(check: audit.ChainCheck) -> str:
    """One line: "ok, 42 rows" or what is wrong."""
    if check.ok:
        return QT_TRANSLATE_NOOP("Check", "ok, {count} rows").format(count=check.rows)
    if check.broken_seq is None:
        return QT_TRANSLATE_NOOP("Check", "{count} rows, but {problem}").format(
            count=check.rows, problem=check.why
        )
    return QT_TRANSLATE_NOOP("Check", "broken at row {row}: {problem}").format(
        row=check.broken_seq, problem=check.why
    )


def verify_against(store: ChartStore, anchor_text: str) -> tuple[bool, str]:
    """Whether the chart's audit history extends an anchor: a backup file (its rows, with
    the same hashes, then anything newer), or a chain head as printed in a page footer
    ("42-3f9a2c1b7d0e5a44"). Returns (ok, one line)."""
    history = verify_history(store.db)
    if not history.ok:
        return False, QT_TRANSLATE_NOOP("Check", "the chart's audit history: {problem}").format(
            problem=describe_history(history)
        )
    if not anchor_text.strip():
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Check", "give a backup file, or a chain head as printed (42-3f9a…)")
        )
    backup = Path(anchor_text)
    printed = None if backup.exists() else audit.parse_head(anchor_text)
    if printed is not None:
        return _extends_head(store.db, printed)
    anchor, held = _backup_chain(backup, store.passphrase)
    theirs = dict(store.db.execute("SELECT seq, hash FROM audit_log").fetchall())
    head = audit.head_of(anchor)
    for seq, expected in enumerate(anchor, start=1):
        if seq > len(theirs):
            return False, QT_TRANSLATE_NOOP(
                "Check",
                "history was cut: the chart has {count} audit rows, backup {backup} has "
                "{backup_count} (head {head})",
            ).format(
                count=len(theirs),
                backup=backup.name,
                backup_count=len(anchor),
                head=head.short(),
            )
        if theirs.get(seq) != expected:
            restored = store.db.execute(
                "SELECT 1 FROM audit_log WHERE seq = ? AND action = 'restore'", [seq]
            ).fetchone()
            rewritten = (
                QT_TRANSLATE_NOOP(
                    "Check",
                    "history was rewritten: audit row {row} differs from backup {backup} "
                    "(the chart was restored from an older backup there)",
                )
                if restored
                else QT_TRANSLATE_NOOP(
                    "Check", "history was rewritten: audit row {row} differs from backup {backup}"
                )
            )
            return False, rewritten.format(row=seq, backup=backup.name)
    changed = _records_differ(held, record_rows(store.db), backup.name)
    if changed is not None:
        return False, changed
    return True, QT_TRANSLATE_NOOP(
        "Check",
        "the chart's {count} audit rows extend backup {backup} (head {head}), and it holds "
        "every record row of the backup unchanged",
    ).format(count=len(theirs), backup=backup.name, head=head.short())


#: (table, row id) -> (the record it is a version of, the hash of its content)
RecordRows = dict[tuple[str, str], tuple[str, str]]


def record_rows(db: Database) -> RecordRows:
    """Every stored version of every record (and every ward setting), by table and id."""
    tables = set(db.table_names())
    return {
        (table, str(row.get("id", row[key]))): (str(row[key]), audit.version_hash(row))
        for table, key, _ in BOUND_TABLES
        if table in tables
        for row in audit.stored_rows(db, table)
    }


def _records_differ(held: RecordRows, found: RecordRows, name: str) -> str | None:
    """The first of the backup's record rows the chart no longer holds as it was."""
    gone = [k for k in held if k not in found]
    changed = [k for k in held if k in found and found[k][1] != held[k][1]]
    hows = (
        QT_TRANSLATE_NOOP(
            "Check",
            "records were altered: {table} record {record}, version {version}, was changed "
            "since backup {backup}",
        ),
        QT_TRANSLATE_NOOP(
            "Check",
            "records were altered: {table} record {record}, version {version}, was deleted "
            "since backup {backup}",
        ),
    )
    for keys, how in zip((changed, gone), hows, strict=True):
        if keys:
            table, row_id = keys[0]
            said = how.format(table=table, record=held[keys[0]][0], version=row_id, backup=name)
            if len(keys) == 2:
                return QT_TRANSLATE_NOOP("Check", "{altered} (and 1 more row)").format(altered=said)
            if len(keys) > 2:
                return QT_TRANSLATE_NOOP("Check", "{altered} (and {count} more rows)").format(
                    altered=said, count=len(keys) - 1
                )
            return said
    return None


def _extends_head(db: Database, printed: audit.ChainHead) -> tuple[bool, str]:
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [printed.rows]).fetchone()
    count = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    if row is None or count < printed.rows:
        return False, QT_TRANSLATE_NOOP(
            "Check",
            "history was cut: the chart has {count} audit rows, the printed head {head} has "
            "{head_count}",
        ).format(count=count, head=printed.short(), head_count=printed.rows)
    if not str(row[0]).startswith(printed.hash):
        return False, QT_TRANSLATE_NOOP(
            "Check", "history was rewritten: audit row {row} differs from the printed head"
        ).format(row=printed.rows)
    return True, QT_TRANSLATE_NOOP(
        "Check", "the chart's {count} audit rows extend the printed head {head}"
    ).format(count=count, head=printed.short())


def _backup_chain(backup: Path, passphrase: str | None) -> tuple[list[str], RecordRows]:
    """The hashes of a backup's audit rows, in order, and its record rows, after checking
    its own chain."""
    from sqlite_utils import Database

    if not backup.is_file():
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Check", "no backup file at {backup}").format(backup=backup)
        )
    key = passphrase if is_encrypted(backup) else None
    if is_encrypted(backup) and key is None:
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Check", "backup {backup} is encrypted: give its passphrase").format(
                backup=backup
            )
        )
    try:
        conn = connect(f"file:{backup}?mode=ro", key, uri=True)
        try:
            db = Database(conn, execute_plugins=False)
            if "audit_log" not in db.table_names():
                raise ChartFileError(
                    QT_TRANSLATE_NOOP(
                        "Check", "{backup} is not a wardchart backup (it has no audit log)"
                    ).format(backup=backup)
                )
            check = verify_history(db)
            hashes = [str(r[0]) for r in conn.execute("SELECT hash FROM audit_log ORDER BY seq")]
            held = record_rows(db)
        finally:
            conn.close()
    except db_errors() as error:
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Check", "backup {backup} cannot be read: {error}").format(
                backup=backup, error=error
            )
        ) from None
    if not check.ok:
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Check", "backup {backup} is not a sound anchor: {describe_history}"
            ).format(backup=backup, describe_history=describe_history(check))
        )
    recorded = audit.head_in_name(backup.name)
    if recorded is not None and not recorded.matches(audit.head_of(hashes)):
        raise ChartFileError(
            QT_TRANSLATE_NOOP(
                "Check",
                "backup {backup} was altered after it was made: its name records "
                "audit head {short}, its contents do not",
            ).format(backup=backup, short=recorded.short())
        )
    return hashes, held
