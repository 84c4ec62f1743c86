"""Merging two replicas of one ward chart, and copying a chart for a laptop
(see docs/merging.md).

A merge inserts into this chart every row of the other file it lacks — record versions,
accounts, ward settings, laboratory messages, resolutions and audit rows — in one
transaction, with SQLite's ATTACH and INSERT … SELECT. The other file is opened
read-only and never written. Rows are matched by id (audit rows by their replica's chain
and position in it); a row present in both with different content is corruption or
tampering, and stops the merge with nothing written. Conflicts are not errors: they are
kept, and listed in the result.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit, records
from wardchart.storage.cipher import connect, convert, is_encrypted
from wardchart.storage.conflicts import Conflict, conflicts
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.errors import ChartFileError, db_errors, integrity_errors
from wardchart.storage.files import check_output_path, sync_folder, temp_path
from wardchart.storage.replica import Identity, chart_ward, identity, record_ward
from wardchart.storage.schema import VERSIONED_TABLES, migrations
from wardchart.storage.schema_check import schema_differences

#: Tables merged as a union of rows by id, in an order that puts what a row refers to
#: first (foreign keys are checked at the end of the transaction in any case).
MERGED_TABLES = (
    "patients",
    "regimens",
    "users",
    "cycles",
    "results",
    "temperatures",
    "gcsf_doses",
    "precautions",
    "ward_settings",
    "lab_messages",
    "lab_result_sources",
    "fhir_entries",
    "lab_message_decisions",
    "resolutions",
    "resolution_set_aside",
)
#: The column that identifies a row of each merged table (default ``id``).
_KEY = {"lab_result_sources": "result_version"}
#: Audit actions that write a version, and the table each version is in.
_SEALING = {
    **dict.fromkeys(VERSIONED_TABLES, ("create", "correct", "entered_in_error")),
    "ward_settings": ("settings",),
    "lab_messages": ("hl7_import",),
    "lab_result_sources": ("hl7_source",),
    "fhir_entries": ("fhir_entry",),
    "resolutions": ("resolve",),
    "resolution_set_aside": ("set_aside",),
}
#: The column a table's audit rows name its records by (default ``id``).
_AUDITED_BY = {
    **dict.fromkeys(VERSIONED_TABLES, "origin_id"),
    "lab_result_sources": "result_version",
}
_AUDIT_COLUMNS = (*audit.HASHED_FIELDS[1:], "hash")
#: Values bound in one SQLite statement, at most.
_PARAMS = 500
#: While merging, both files are read through memory-mapped I/O (plain SQLite files; an
#: encrypted one is read as usual): the check and the comparison of every row both files
#: hold read whole files, and mapped pages are read without copying them.
_MAPPED = 1 << 32


class MergeRefused(ChartFileError):
    """The other file cannot be merged; nothing was written to either file.

    ``why`` is one of: ``same_file``, ``not_a_file``, ``not_a_chart``, ``passphrase``
    (needed or wrong), ``damaged``, ``newer_schema``, ``older_schema``, ``different_content``
    (a record id, or an audit row, present in both with different content: corruption or
    tampering), ``not_mergeable`` (the rows cannot stand together, e.g. one laboratory
    message decided on both), ``other_ward`` (the two charts belong to different wards)."""

    def __init__(
        self, why: str, message: str, *, table: str | None = None, record: str | None = None
    ) -> None:
        super().__init__(message)
        self.why = why
        #: The row refused, when one is named (table, record id): a hub names who sent it.
        self.table = table
        self.record = record


@dataclass(frozen=True)
class MergeResult:
    """What a merge brought in (or, for a dry run, would bring in)."""

    other: Path
    #: The other file's chart id, and this one's.
    other_chart_id: str
    chart_id: str
    #: Rows added, by table (``audit_log`` too); first versions of records, by table.
    new_rows: dict[str, int]
    new_records: dict[str, int]
    #: Rows of the other file this chart already held, by table.
    already_present: dict[str, int]
    #: Every open conflict after the merge, and those the merge made.
    conflicts: list[Conflict]
    new_conflicts: list[Conflict] = field(default_factory=list)
    dry_run: bool = False

    @property
    def added(self) -> int:
        """Rows added, audit rows included."""
        return sum(self.new_rows.values())

    def as_json(self) -> dict[str, Any]:
        """The result as one JSON object (the command line's --json)."""
        return {
            "other": str(self.other),
            "other_chart_id": self.other_chart_id,
            "chart_id": self.chart_id,
            "dry_run": self.dry_run,
            "new_rows": self.new_rows,
            "new_records": self.new_records,
            "already_present": self.already_present,
            "conflicts": len(self.conflicts),
            "new_conflicts": [
                {"kind": c.kind, "key": c.key, "subject": c.subject} for c in self.new_conflicts
            ],
        }


class _DryRun(Exception):
    def __init__(self, result: MergeResult) -> None:
        self.result = result


def merge_from(
    store: ChartStore,
    other_path: Path,
    *,
    passphrase: str | None = None,
    dry_run: bool = False,
    actor: str,
    now: datetime | None = None,
) -> MergeResult:
    """Bring every row of the chart file ``other_path`` that this chart lacks into it, in
    one transaction, and audit the merge. ``passphrase`` opens the other file when it is
    encrypted. ``dry_run``: do it all, report, and save nothing. Raises MergeRefused (this
    chart unchanged) for a file that cannot be merged; ChartFileError for this chart's own
    problems (busy, read-only, disk full)."""
    other_path = Path(other_path)
    now = now or datetime.now(UTC)
    _refuse_same_file(store, other_path)
    with _readable(store, other_path, passphrase) as (target, key):
        other_identity = _check_other(other_path, target, key)
        mine = identity(store.db)
        if mine is None:
            raise ChartFileError(
                QT_TRANSLATE_NOOP(
                    "Merge", "chart file {path} has no chart id; open it again"
                ).format(path=store.path)
            )
        before = {c.key for c in conflicts(store.db)}
        _attach(store, target, key)
        store.conn.execute(f"PRAGMA main.mmap_size = {_MAPPED}")
        store.conn.execute(f"PRAGMA other.mmap_size = {_MAPPED}")
        try:
            try:
                with store.write() as db:
                    _same_ward(db, store.path, other_path, now)
                    result = _merge(db, other_path, mine, other_identity, before, dry_run=dry_run)
                    audit.append(
                        db,
                        actor=actor,
                        action="merge",
                        entity="chart",
                        detail={
                            "file": str(other_path),
                            "other_chart_id": other_identity.id,
                            "new_rows": result.new_rows,
                            "already_present": sum(result.already_present.values()),
                            "conflicts": len(result.conflicts),
                            # every chain's head: the merge row's hash covers them all
                            "chains": audit.heads(db),
                        },
                        now=now,
                    )
                    if dry_run:
                        raise _DryRun(result)
            except _DryRun as rolled_back:
                return rolled_back.result
            except integrity_errors() as error:
                raise MergeRefused(
                    "not_mergeable",
                    QT_TRANSLATE_NOOP(
                        "Merge",
                        "{other_path} cannot be merged into {path}: {error}; nothing was changed",
                    ).format(other_path=other_path, path=store.path, error=error),
                ) from None
        finally:
            store.conn.execute("DETACH DATABASE other")
            store.conn.execute("PRAGMA main.mmap_size = 0")
    return result


def _same_ward(db: Database, path: Path, other_path: Path, now: datetime) -> None:
    """Refuse a chart of another ward (docs/hub.md, "The ward's identity"); a chart with no
    ward yet takes the other's."""
    found = db.execute("SELECT ward_id FROM other.chart_ward ORDER BY id LIMIT 1").fetchone()
    theirs = None if found is None else str(found[0])
    ours = chart_ward(db)
    if theirs is None or theirs == ours:
        return
    if ours is not None:
        raise MergeRefused(
            "other_ward",
            QT_TRANSLATE_NOOP(
                "Merge",
                "{other_path} belongs to another ward than {path} (its ward {other_ward}, this "
                "chart's ward {ward}); nothing was changed",
            ).format(
                other_path=other_path,
                path=path,
                other_ward=f"{theirs[:8]}…",
                ward=f"{ours[:8]}…",
            ),
        )
    record_ward(db, theirs, how="merged", source=str(other_path), at_utc=records.utc_text(now))


def _refuse_same_file(store: ChartStore, other: Path) -> None:
    try:
        found = other.stat()
    except OSError:
        raise MergeRefused(
            "not_a_file",
            QT_TRANSLATE_NOOP("Merge", "no chart file at {other}; nothing was changed").format(
                other=other
            ),
        ) from None
    if not other.is_file():
        raise MergeRefused(
            "not_a_file",
            QT_TRANSLATE_NOOP("Merge", "{other} is not a chart file; nothing was changed").format(
                other=other
            ),
        )
    if store.identity == (found.st_dev, found.st_ino):
        raise MergeRefused(
            "same_file",
            QT_TRANSLATE_NOOP(
                "Merge", "{other} is this chart file itself; nothing was changed"
            ).format(other=other),
        )


@contextmanager
def _readable(
    store: ChartStore, other: Path, passphrase: str | None
) -> Iterator[tuple[str, str | None]]:
    """(an SQLite URI of the other file, or of a copy, to read; its key). The file itself is
    read as it stands (immutable) when nothing beside it is open; a file with a journal
    beside it (open elsewhere, or not closed cleanly) is read from a copy of both, and an
    encrypted file merged into a plain chart from a plain copy, all in a folder removed
    afterwards. Nothing is written beside the other file."""
    encrypted = is_encrypted(other)
    if encrypted and passphrase is None:
        raise MergeRefused(
            "passphrase",
            QT_TRANSLATE_NOOP(
                "Merge",
                "{other} is encrypted, or is not a wardchart chart file: give "
                "its passphrase; nothing was changed",
            ).format(other=other),
        )
    key = passphrase if encrypted else None
    journal = [Path(f"{other}{s}") for s in ("-wal", "-journal")]
    busy = any(p.exists() and p.stat().st_size > 0 for p in journal)
    plain_target = store.passphrase is None
    if not busy and (key is None or not plain_target):
        yield _uri(other, immutable=True), key
        return
    folder = Path(tempfile.mkdtemp(prefix=".wardchart-merge-", dir=store.path.parent))
    try:
        source = other
        if busy:
            source = folder / "snapshot.sqlite"
            shutil.copyfile(other, source)
            for suffix in ("-wal", "-journal"):
                if Path(f"{other}{suffix}").exists():
                    shutil.copyfile(f"{other}{suffix}", f"{source}{suffix}")
        if key is not None and plain_target:
            plain = folder / "plain.sqlite"
            try:
                # a file nobody has open is read as it stands: nothing is written beside it
                convert(source, plain, read_with=key, write_with=None, immutable=not busy)
            except ChartFileError:
                raise MergeRefused(
                    "passphrase",
                    QT_TRANSLATE_NOOP(
                        "Merge",
                        "{other}: wrong passphrase, or not a wardchart chart file; "
                        "nothing was changed",
                    ).format(other=other),
                ) from None
            source, key = plain, None
        yield _uri(source, immutable=False), key
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _uri(path: Path, *, immutable: bool) -> str:
    quoted = urllib.parse.quote(str(path.absolute()))
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


def _check_other(other: Path, target: str, key: str | None) -> Identity:
    """Refuse a file that is not a sound wardchart chart of this schema version."""
    try:
        conn = connect(target, key, uri=True)
    except ChartFileError:
        raise MergeRefused(
            "passphrase",
            QT_TRANSLATE_NOOP(
                "Merge",
                "{other}: wrong passphrase, or not a wardchart chart file; nothing was changed",
            ).format(other=other),
        ) from None
    except db_errors() as error:
        raise MergeRefused(
            "damaged",
            QT_TRANSLATE_NOOP(
                "Merge", "{other} cannot be read ({error}); nothing was changed"
            ).format(other=other, error=error),
        ) from None
    try:
        db = Database(conn, execute_plugins=False)
        try:
            tables = set(db.table_names())
        except db_errors():
            raise MergeRefused(
                "not_a_chart",
                QT_TRANSLATE_NOOP(
                    "Merge", "{other} is not a wardchart chart file; nothing was changed"
                ).format(other=other),
            ) from None
        if migrations.migrations_table not in tables or "audit_log" not in tables:
            raise MergeRefused(
                "not_a_chart",
                QT_TRANSLATE_NOOP(
                    "Merge", "{other} is not a wardchart chart file; nothing was changed"
                ).format(other=other),
            )
        applied = [m.name for m in migrations.applied(db)]
        known = migrations.names
        if set(applied) - set(known):
            raise MergeRefused(
                "newer_schema",
                QT_TRANSLATE_NOOP(
                    "Merge",
                    "{other} was made by a newer wardchart; merge it with that "
                    "version or newer; nothing was changed",
                ).format(other=other),
            )
        if applied != known:
            raise MergeRefused(
                "older_schema",
                QT_TRANSLATE_NOOP(
                    "Merge",
                    "{other} was made by an older wardchart: open it once with this "
                    "one (which upgrades it), then merge; nothing was changed",
                ).format(other=other),
            )
        conn.execute(f"PRAGMA mmap_size = {_MAPPED}")
        found = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        problem = schema_differences(db)
        if found != ["ok"] or problem:
            what = found[0] if found != ["ok"] else problem[0]
            raise MergeRefused(
                "damaged",
                QT_TRANSLATE_NOOP(
                    "Merge", "{other} is damaged ({what}); nothing was changed"
                ).format(other=other, what=what),
            )
        other_identity = identity(db)
        if other_identity is None:
            raise MergeRefused(
                "damaged",
                QT_TRANSLATE_NOOP("Merge", "{other} has no chart id; nothing was changed").format(
                    other=other
                ),
            )
        return other_identity
    except db_errors() as error:
        raise MergeRefused(
            "damaged",
            QT_TRANSLATE_NOOP("Merge", "{other} is damaged ({error}); nothing was changed").format(
                other=other, error=error
            ),
        ) from None
    finally:
        conn.close()


def _attach(store: ChartStore, target: str, key: str | None) -> None:
    if store.passphrase is None:
        store.conn.execute("ATTACH DATABASE ? AS other", [target])
    else:
        store.conn.execute("ATTACH DATABASE ? AS other KEY ?", [target, key or ""])


def _columns(db: Database, table: str) -> list[str]:
    return [str(c[1]) for c in db.execute(f"PRAGMA main.table_info([{table}])")]


@dataclass(frozen=True)
class Merged:
    """What the merge core brought in from the attached database ``other``."""

    #: Rows added, by table (``audit_log`` too); first versions of records, by table.
    new_rows: dict[str, int]
    new_records: dict[str, int]
    #: Rows of the other side this chart already held, by table.
    already_present: dict[str, int]

    @property
    def added(self) -> int:
        return sum(self.new_rows.values())


def merge_attached(db: Database, source: str | Path, mine: Identity, theirs: str) -> Merged:
    """The one core of merging and of syncing with a ward hub: inside the caller's write
    transaction, insert every row of the attached database ``other`` (a chart file, or the
    rows of one batch from a hub) that this chart lacks, by the same rules: equal ids
    equal content, corrections after what they correct, audit rows in their chain and
    place, every new version sealed by an audit row this chart then holds. ``theirs`` is
    the chain of ``other``'s audit rows that carry no replica id (its legacy chain).
    ``source`` names the other side in messages. Raises MergeRefused; the caller rolls
    back."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    new_rows: dict[str, int] = {}
    new_records: dict[str, int] = {}
    present: dict[str, int] = {}
    fresh: dict[str, list[dict[str, Any]]] = {}
    db.execute(_WANTED_TABLE)
    for table in MERGED_TABLES:
        columns = _columns(db, table)
        key = _KEY.get(table, "id")
        _compare(db, source, table, columns, key)
        cursor = db.execute(
            f"SELECT * FROM other.[{table}] o WHERE o.rowid IN (SELECT r FROM temp.merge_wanted)"
        )
        names = [d[0] for d in cursor.description]
        fresh[table] = [dict(zip(names, values, strict=True)) for values in cursor]
        total = db.execute(f"SELECT count(*) FROM other.[{table}]").fetchone()[0]
        present[table] = int(total) - len(fresh[table])
        added = _insert(db, table, columns, key, versioned="supersedes" in columns)
        if added != len(fresh[table]):
            raise MergeRefused(
                "damaged",
                QT_TRANSLATE_NOOP(
                    "Merge",
                    "{source} is damaged: {count} {table} rows correct versions it "
                    "does not hold; nothing was changed",
                ).format(source=source, count=len(fresh[table]) - added, table=table),
            )
        new_rows[table] = added
        if table in VERSIONED_TABLES:
            new_records[table] = sum(1 for r in fresh[table] if r["supersedes"] is None)
    base = int(db.execute("SELECT coalesce(max(seq), 0) FROM main.audit_log").fetchone()[0])
    audit_new, audit_present = _merge_audit(db, source, mine, theirs, base)
    new_rows["audit_log"], present["audit_log"] = audit_new, audit_present
    _check_bound(db, source, fresh)
    _check_versions_held(db, source)
    return Merged(
        new_rows={t: n for t, n in new_rows.items() if n},
        new_records={t: n for t, n in new_records.items() if n},
        already_present={t: n for t, n in present.items() if n},
    )


def _merge(
    db: Database,
    other_path: Path,
    mine: Identity,
    theirs: Identity,
    before: set[str],
    *,
    dry_run: bool,
) -> MergeResult:
    merged = merge_attached(db, other_path, mine, theirs.legacy_chain)
    found = conflicts(db)
    return MergeResult(
        other=other_path,
        other_chart_id=theirs.id,
        chart_id=mine.id,
        new_rows=merged.new_rows,
        new_records=merged.new_records,
        already_present=merged.already_present,
        conflicts=found,
        new_conflicts=[c for c in found if c.key not in before],
        dry_run=dry_run,
    )


#: The rows of the other file's table at hand that this chart lacks, or holds with other
#: content (``shared``), by rowid in the other file: filled by ``_compare``, read by
#: ``_insert``; a temporary table of this connection only, emptied for each table.
_WANTED_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS merge_wanted (r INTEGER PRIMARY KEY, shared INTEGER)"
)


def _compare(db: Database, other: str | Path, table: str, columns: list[str], key: str) -> None:
    """One pass over the other file's rows, each looked up in this chart by its id (an
    index): a row both hold must be the same in every column, else the merge is refused
    (corruption or tampering); the rows this chart lacks are noted in ``merge_wanted``."""
    same = " AND ".join(f"o.[{c}] IS m.[{c}]" for c in columns)
    # This chart's row with the other's id: first tried at the other's rowid (files copied
    # from one another hold the rows both had then at the same place, so both are read in
    # order), else found by its id.
    held = (
        f"CASE WHEN (SELECT x.{key} FROM main.[{table}] x WHERE x.rowid = o.rowid) = o.{key} "
        f"THEN o.rowid ELSE (SELECT x.rowid FROM main.[{table}] x WHERE x.{key} = o.{key}) END"
    )
    db.execute("DELETE FROM temp.merge_wanted")
    db.execute(
        f"""INSERT INTO temp.merge_wanted (r, shared)
            SELECT o.rowid, m.rowid IS NOT NULL
            FROM other.[{table}] o LEFT JOIN main.[{table}] m ON m.rowid = {held}
            WHERE m.rowid IS NULL OR NOT ({same})"""
    )
    row = db.execute(
        f"SELECT o.{key} FROM temp.merge_wanted w JOIN other.[{table}] o ON o.rowid = w.r "
        "WHERE w.shared LIMIT 1"
    ).fetchone()
    if row is not None:
        raise MergeRefused(
            "different_content",
            QT_TRANSLATE_NOOP(
                "Merge",
                "{other} and this chart both hold {table} row {row} with "
                "different content: one of the files was altered or is damaged "
                "(run wardchart check on both); nothing was changed",
            ).format(other=other, table=table, row=row[0]),
        )


def _insert(db: Database, table: str, columns: list[str], key: str, *, versioned: bool) -> int:
    """Insert the other file's rows this chart lacks; a correction only once the version
    it supersedes is in (one pass per level of correction). Returns how many."""
    names = ", ".join(f"[{c}]" for c in columns)
    missing = (
        "o.rowid IN (SELECT r FROM temp.merge_wanted) AND "
        f"NOT EXISTS (SELECT 1 FROM main.[{table}] m WHERE m.{key} = o.{key})"
    )
    ready = (
        f" AND (o.supersedes IS NULL OR EXISTS "
        f"(SELECT 1 FROM main.[{table}] p WHERE p.id = o.supersedes))"
        if versioned
        else ""
    )
    total = 0
    while True:
        cursor = db.execute(
            f"INSERT INTO main.[{table}] ({names}) SELECT {names} FROM other.[{table}] o "
            f"WHERE {missing}{ready} ORDER BY o.rowid"
        )
        total += max(cursor.rowcount, 0)
        if not versioned or cursor.rowcount <= 0:
            return total


def _merge_audit(
    db: Database, other_path: str | Path, mine: Identity, theirs: str, base: int
) -> tuple[int, int]:
    """Bring in every audit row this chart lacks, keeping its chain and position; refuse
    a row at the same place of the same chain with other content. Returns (new, present)."""
    chain = "coalesce(o.replica_id, :theirs)"
    position = "coalesce(o.origin_seq, o.seq)"
    params = {"theirs": theirs, "mine": mine.legacy_chain}
    same = " AND ".join(f"o.[{c}] IS m.[{c}]" for c in _AUDIT_COLUMNS)
    # One pass: each of the other file's audit rows looked up here by its chain and place
    # in it (an index), or for this file's own rows from before chart ids, by its seq.
    # Tried first at the same seq (where a copy holds the rows both had then).
    held = (
        f"CASE WHEN EXISTS (SELECT 1 FROM main.audit_log x WHERE x.seq = o.seq AND "
        f"x.replica_id = {chain} AND x.origin_seq = {position}) THEN o.seq ELSE "
        f"coalesce((SELECT m.seq FROM main.audit_log m WHERE m.replica_id = {chain} "
        f"AND m.origin_seq = {position}), CASE WHEN {chain} = :mine THEN (SELECT m.seq "
        f"FROM main.audit_log m WHERE m.replica_id IS NULL AND m.seq = {position}) END) END"
    )
    db.execute(_WANTED_TABLE)
    db.execute("DELETE FROM temp.merge_wanted")
    db.execute(
        f"""INSERT INTO temp.merge_wanted (r, shared)
            SELECT o.seq, m.seq IS NOT NULL
            FROM other.audit_log o LEFT JOIN main.audit_log m ON m.seq = {held}
            WHERE m.seq IS NULL OR NOT ({same})""",
        params,
    )
    clash = db.execute(
        f"""SELECT {chain}, {position} FROM temp.merge_wanted w
            JOIN other.audit_log o ON o.seq = w.r WHERE w.shared LIMIT 1""",
        params,
    ).fetchone()
    if clash is not None:
        raise MergeRefused(
            "different_content",
            QT_TRANSLATE_NOOP(
                "Merge",
                "{other_path} and this chart both hold audit row {row} of "
                "chart {chart} with different content: one of the files was "
                "altered; nothing was changed",
            ).format(other_path=other_path, row=clash[1], chart=str(clash[0])[:8]),
        )
    cursor = db.execute(
        f"""INSERT INTO main.audit_log (seq, {", ".join(_AUDIT_COLUMNS)}, replica_id, origin_seq)
            SELECT :base + row_number() OVER (ORDER BY o.seq),
                   {", ".join(f"o.{c}" for c in _AUDIT_COLUMNS)}, {chain}, {position}
            FROM other.audit_log o WHERE o.seq IN (SELECT r FROM temp.merge_wanted)
            ORDER BY o.seq""",
        {**params, "base": base},
    )
    added = max(cursor.rowcount, 0)
    total = int(db.execute("SELECT count(*) FROM other.audit_log").fetchone()[0])
    _check_new_chains(db, other_path, base)
    return added, total - added


def _check_new_chains(db: Database, other_path: str | Path, base: int) -> None:
    """Each chain's new rows follow its last row already held, in order and by hash."""
    names = (*audit.HASHED_FIELDS, "hash", "replica_id", "origin_seq")
    rows = db.execute(
        f"SELECT {', '.join(names)} FROM main.audit_log WHERE seq > ? ORDER BY seq", [base]
    )
    ends: dict[str, tuple[int, str]] = {}
    for values in rows:
        row = dict(zip(names, values, strict=True))
        chain, position = str(row["replica_id"]), int(row["origin_seq"])
        if chain not in ends:
            ends[chain] = _chain_end_before(db, chain, position)
        last, previous = ends[chain]
        if position == 1 and audit.starts_chain(db, str(row["prev_hash"])):
            previous = str(row["prev_hash"])
        if (
            position != last + 1
            or row["prev_hash"] != previous
            or audit.chain_hash(row, chain, position) != row["hash"]
        ):
            raise MergeRefused(
                "damaged",
                QT_TRANSLATE_NOOP(
                    "Merge",
                    "{other_path} is damaged or was altered: its audit row "
                    "{position} of chart {chart} does not fit its chain; nothing was "
                    "changed",
                ).format(other_path=other_path, position=position, chart=chain[:8]),
                table="audit_log",
                record=f"{chain}#{position}",
            )
        ends[chain] = (position, str(row["hash"]))


def _chain_end_before(db: Database, chain: str, position: int) -> tuple[int, str]:
    if position == 1:
        return 0, audit.GENESIS
    mine = identity(db)
    if mine is not None and chain == mine.legacy_chain:
        row = db.execute(
            "SELECT hash FROM main.audit_log WHERE replica_id IS NULL AND seq = ?", [position - 1]
        ).fetchone()
    else:
        row = db.execute(
            "SELECT hash FROM main.audit_log WHERE replica_id = ? AND origin_seq = ?",
            [chain, position - 1],
        ).fetchone()
    return (-1, "") if row is None else (position - 1, str(row[0]))


def _check_bound(db: Database, source: str | Path, fresh: dict[str, list[dict[str, Any]]]) -> None:
    """Every new version is sealed by an audit row this chart now holds (a version and its
    audit row are always written together, and arrive together or the audit row first),
    so the chart's own check passes after the merge."""
    for table, rows in fresh.items():
        if not rows:
            continue
        column = _AUDITED_BY.get(table, "id")
        actions = _SEALING.get(table, ())
        ids = sorted({str(row[column]) for row in rows})
        sealed: dict[str, set[str | None]] = {}
        for start in range(0, len(ids), _PARAMS):
            chunk = ids[start : start + _PARAMS]
            cursor = db.execute(
                "SELECT record_id, action, detail FROM main.audit_log WHERE entity = ? "
                f"AND record_id IN ({', '.join('?' for _ in chunk)})",
                [table, *chunk],
            )
            for record_id, action, detail in cursor:
                if action in actions:
                    sealed.setdefault(str(record_id), set()).add(audit.sealed_version(str(detail)))
        for row in rows:
            marks = sealed.get(str(row[column]), set())
            if audit.version_hash(row) not in marks and None not in marks:
                raise MergeRefused(
                    "damaged",
                    QT_TRANSLATE_NOOP(
                        "Merge",
                        "{source} is damaged or was altered: {table} row {row} has no "
                        "audit row; nothing was changed",
                    ).format(source=source, table=table, row=row.get("id", row[column])),
                    table=table,
                    record=str(row.get("id", row[column])),
                )


def sealed_by() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each table whose versions are written with an audit row: the column the audit row's
    ``record_id`` names, and the actions that write a version."""
    return {t: (_AUDITED_BY.get(t, "id"), actions) for t, actions in _SEALING.items()}


def _check_versions_held(db: Database, source: str | Path) -> None:
    """Every new audit row that wrote a version has that version here now: as many
    versions of its record as audit rows that wrote one. An audit row whose version the
    other side no longer holds means a record was deleted under its triggers (or a hub
    batch was cut between an audit row and its version): refused, so this chart's own
    check keeps passing (docs/tamper-evidence.md)."""
    for table, actions in _SEALING.items():
        column = _AUDITED_BY.get(table, "id")
        marks = ", ".join("?" for _ in actions)
        found = db.execute(
            f"""SELECT x.record_id FROM (
                    SELECT DISTINCT o.record_id FROM other.audit_log o
                    WHERE o.seq IN (SELECT r FROM temp.merge_wanted WHERE NOT shared)
                    AND o.entity = ? AND o.action IN ({marks})) x
                WHERE (SELECT count(*) FROM main.audit_log m WHERE m.entity = ?
                       AND m.action IN ({marks}) AND m.record_id = x.record_id)
                    > (SELECT count(*) FROM main.[{table}] r WHERE r.[{column}] = x.record_id)
                LIMIT 1""",
            [table, *actions, table, *actions],
        ).fetchone()
        if found is not None:
            raise MergeRefused(
                "damaged",
                QT_TRANSLATE_NOOP(
                    "Merge",
                    "{source} is damaged or was altered: it holds an audit row of a "
                    "{table} version it does not hold (record {record}); nothing was "
                    "changed",
                ).format(source=source, table=table, record=str(found[0])[:8]),
            )


# --- a laptop's chart ----------------------------------------------------------------------


@dataclass(frozen=True)
class CopyResult:
    """A copy made for another machine: where, its new chart id, and the chart's id."""

    path: Path
    chart_id: str
    made_from: str
    encrypted: bool


def copy_chart(
    store: ChartStore,
    out_path: Path,
    *,
    passphrase: str | None = None,
    actor: str,
    now: datetime | None = None,
) -> CopyResult:
    """Write a new replica of this chart to ``out_path`` (encrypted with ``passphrase``, or
    plain): every record, account, setting and audit row, with a new chart id of its own
    and an audit row saying where it came from. Never overwrites a file: an existing
    ``out_path`` is refused (InvalidEntry naming ``out``), and the copy appears under its
    name only when whole. The chart's audit says a copy was made, and its id."""
    out_path = Path(out_path)
    now = now or datetime.now(UTC)
    check_output_path(out_path, store.path)
    if out_path.exists() or out_path.is_symlink():
        raise InvalidEntry(
            [
                Problem(
                    "out",
                    QT_TRANSLATE_NOOP(
                        "Merge", "{out_path} already exists; choose a new file"
                    ).format(out_path=out_path),
                )
            ]
        )
    mine = identity(store.db)
    if mine is None:
        raise ChartFileError(
            QT_TRANSLATE_NOOP("Merge", "chart file {path} has no chart id; open it again").format(
                path=store.path
            )
        )
    new_id = records.new_id()
    with store.write() as db:
        audit.append(
            db,
            actor=actor,
            action="copy",
            entity="chart",
            detail={"file": str(out_path), "copy_chart_id": new_id},
            now=now,
        )
    store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    temp = temp_path(out_path)
    for leftover in (temp, *(Path(f"{temp}{s}") for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    try:
        if store.passphrase is None and passphrase is None:
            target = sqlite3.connect(temp)
            try:
                store.conn.backup(target)
            finally:
                target.close()
        else:
            convert(store.path, temp, read_with=store.passphrase, write_with=passphrase)
        copy = open_chart(temp, create=False, passphrase=passphrase)
        try:
            with copy.write() as db:
                db.execute(
                    "INSERT INTO chart_identity (id, legacy_chain, made_at, made_from, how) "
                    "VALUES (?, ?, ?, ?, 'copied')",
                    [new_id, mine.legacy_chain, records.utc_text(now), mine.id],
                )
                audit.append(
                    db,
                    actor=actor,
                    action="copied",
                    entity="chart",
                    detail={"from": str(store.path), "from_chart_id": mine.id},
                    now=now,
                )
        finally:
            copy.close()
        os.link(temp, out_path)  # fails, writing nothing, if the name was taken meanwhile
        sync_folder(out_path.parent)
    except FileExistsError:
        raise InvalidEntry(
            [
                Problem(
                    "out",
                    QT_TRANSLATE_NOOP(
                        "Merge", "{out_path} already exists; choose a new file"
                    ).format(out_path=out_path),
                )
            ]
        ) from None
    finally:
        for leftover in (temp, *(Path(f"{temp}{s}") for s in ("-wal", "-shm", "-journal"))):
            with suppress(OSError):
                leftover.unlink()
    return CopyResult(out_path, new_id, mine.id, passphrase is not None)
