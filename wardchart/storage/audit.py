"""The audit log: who did what, when, with before and after values (docs/tamper-evidence.md).

Rows are append-only (triggers refuse UPDATE and DELETE) and hash-chained: each row's
hash covers its content and the previous row's hash, so an edit or a removed row is
detectable by ``verify``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage.replica import LEGACY_PREFIX, Identity, identity

GENESIS = "0" * 64
HASHED_FIELDS = (
    "seq",
    "at_utc",
    "at_local",
    "actor",
    "action",
    "entity",
    "record_id",
    "patient_id",
    "detail",
    "prev_hash",
)


def row_hash(row: dict[str, Any]) -> str:
    """The hash that seals an audit row: its fields, including the previous row's hash."""
    content = json.dumps([row[f] for f in HASHED_FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


#: The key, in the detail of the audit row that writes a version of a record (or a ward
#: setting), of the hash of that version's stored content: see ``version_hash``.
VERSION_KEY = "version_sha256"


def _stored_value(value: object) -> object:
    if isinstance(value, bytes):
        return ["blob", value.hex()]
    raise TypeError(f"cannot hash a stored {type(value).__name__}")


def version_hash(row: Mapping[str, Any]) -> str:
    """The hash of one stored row's content: every column that holds a value, by name, with
    its value as SQLite returns it (text stays text, integers integers). Columns that are
    NULL are left out, so a later migration that adds a column (NULL in older rows) leaves
    every older row's hash as it was; setting a value to NULL still changes the hash.
    Written into the audit row of the same transaction, it binds the version to the hash
    chain (docs/tamper-evidence.md)."""
    present = {column: value for column, value in row.items() if value is not None}
    content = json.dumps(
        present, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_stored_value
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def stored_rows(
    db: Database, table: str, where: str = "1", params: Any = ()
) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` exactly as stored, as dicts of column to value."""
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE {where}", list(params))
    columns = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(columns, values, strict=True))


def sealed_version(detail: str) -> str | None:
    """The version hash an audit row's detail records (None: written before versions were
    sealed, or not a record-writing row)."""
    try:
        found = json.loads(detail)
    except ValueError:
        return None
    value = found.get(VERSION_KEY) if isinstance(found, dict) else None
    return value if isinstance(value, str) else None


def row_hash_v2(row: dict[str, Any]) -> str:
    """The hash of an audit row written with a chart id: its fields in its replica's chain
    (its position there instead of the file's sequence), the chain's id included."""
    fields = [row["origin_seq"], *(row[f] for f in HASHED_FIELDS[1:]), row["replica_id"]]
    content = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def chain_hash(row: dict[str, Any], chain: str, position: int) -> str:
    """The hash a row must have at ``position`` of ``chain`` (a chain of rows written
    before chart ids is hashed as it always was, by position)."""
    if chain.startswith(LEGACY_PREFIX):
        return row_hash({**row, "seq": position})
    return row_hash_v2({**row, "replica_id": chain, "origin_seq": position})


def _chain_end(db: Database, mine: Identity) -> tuple[int, str]:
    """The position and hash of the last row of this file's own chain. A chain's first row
    follows the file's last row (of whichever chain: the rows written before chart ids, or,
    in a copy, the chart's it was copied from), so the newest row's hash covers every
    row before it (see docs/merging.md)."""
    last = db.execute(
        "SELECT origin_seq, hash FROM audit_log WHERE replica_id = ? "
        "ORDER BY origin_seq DESC LIMIT 1",
        [mine.id],
    ).fetchone()
    if last is not None:
        return int(last[0]), str(last[1])
    anchor = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return 0, GENESIS if anchor is None else str(anchor[0])


def heads(db: Database) -> dict[str, tuple[int, str]]:
    """Every chain's length and last hash: sealed into the audit row of a merge, so that
    the newest row's hash covers the rows merged in too."""
    mine = identity(db)
    found = {}
    for chain in chains(db):
        if mine is not None and chain == mine.legacy_chain:
            last = db.execute(
                "SELECT seq, hash FROM audit_log WHERE replica_id IS NULL ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        else:
            last = db.execute(
                "SELECT origin_seq, hash FROM audit_log WHERE replica_id = ? "
                "ORDER BY origin_seq DESC LIMIT 1",
                [chain],
            ).fetchone()
        if last is not None:
            found[chain] = (int(last[0]), str(last[1]))
    return found


def starts_chain(db: Database, previous: str) -> bool:
    """Whether a chain's first row may follow ``previous``: the genesis hash, or a row the
    file holds (the file's last row when the chain began)."""
    if previous == GENESIS:
        return True
    return (
        db.execute("SELECT 1 FROM audit_log WHERE hash = ? LIMIT 1", [previous]).fetchone()
        is not None
    )


def append(
    db: Database,
    *,
    actor: str,
    action: str,
    entity: str,
    record_id: str | None = None,
    patient_id: str | None = None,
    detail: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> int:
    """Append one audit row inside the caller's write transaction; return its sequence.
    The row extends this file's own chain (see docs/merging.md)."""
    at = now or datetime.now(UTC)
    mine = identity(db)
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq = 1 if last is None else int(last[0]) + 1
    row: dict[str, Any] = {
        "seq": seq,
        "at_utc": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "at_local": at.astimezone().isoformat(timespec="seconds"),
        "actor": actor,
        "action": action,
        "entity": entity,
        "record_id": record_id,
        "patient_id": patient_id,
        "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str),
        "prev_hash": GENESIS if last is None else str(last[1]),
    }
    if mine is None:  # a file being upgraded, before it has a chart id
        row["hash"] = row_hash(row)
    else:
        position, previous = _chain_end(db, mine)
        row.update(prev_hash=previous, replica_id=mine.id, origin_seq=position + 1)
        row["hash"] = row_hash_v2(row)
    db.table("audit_log").insert(row)
    return seq


#: Why a row breaks the chain (translated where shown).
_NOT_FOLLOWING = QT_TRANSLATE_NOOP("Check", "does not follow the previous row's hash")
_NOT_MATCHING = QT_TRANSLATE_NOOP("Check", "content does not match its hash")


@dataclass(frozen=True)
class ChainCheck:
    """The result of checking the hash chain: ok, or the first broken row."""

    ok: bool
    rows: int
    broken_seq: int | None = None
    why: str = ""
    #: How many chains were verified (one per replica whose rows the file holds).
    chains: int = 0


def chains(db: Database) -> list[str]:
    """The id of every audit chain the file holds: its own rows written before chart ids
    (the legacy chain), then every replica's, its own included (see docs/merging.md)."""
    mine = identity(db)
    found = []
    if mine is not None:
        found.append(mine.legacy_chain)
    has_column = any(c[1] == "replica_id" for c in db.execute("PRAGMA table_info(audit_log)"))
    if has_column:
        rows = db.execute(
            "SELECT DISTINCT replica_id FROM audit_log WHERE replica_id IS NOT NULL "
            "ORDER BY replica_id"
        )
        found += [str(r[0]) for r in rows if str(r[0]) not in found]
    return found


def chain_rows(db: Database, chain: str) -> Iterator[dict[str, Any]]:
    """The rows of one chain in order, each with ``replica_id`` and ``origin_seq`` set to
    its chain and position (rows this file wrote before it had a chart id have neither)."""
    mine = identity(db)
    names = (*HASHED_FIELDS, "hash", "replica_id", "origin_seq")
    if mine is not None and chain == mine.legacy_chain:
        cursor = db.execute(
            f"SELECT {', '.join(names)} FROM audit_log WHERE replica_id IS NULL "
            "OR replica_id = ? ORDER BY coalesce(origin_seq, seq)",
            [chain],
        )
    else:
        cursor = db.execute(
            f"SELECT {', '.join(names)} FROM audit_log WHERE replica_id = ? ORDER BY origin_seq",
            [chain],
        )
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        if row["replica_id"] is None:
            row["replica_id"], row["origin_seq"] = chain, row["seq"]
        yield row


def verify(db: Database) -> ChainCheck:
    """Walk every chain from its first row; report the first row that does not fit. A file
    made before chart ids has one chain, in the order of its rows."""
    if identity(db) is None:
        return _verify_legacy_file(db)
    count, total = 0, 0
    for chain in chains(db):
        previous, expected = GENESIS, 1
        for row in chain_rows(db, chain):
            count += 1
            seq, position = int(row["seq"]), int(row["origin_seq"])
            if position != expected:
                missing = (
                    QT_TRANSLATE_NOOP("Check", "row {row} is missing")
                    if chain.startswith(LEGACY_PREFIX)
                    else QT_TRANSLATE_NOOP("Check", "row {row} of chart {chart} is missing")
                )
                return ChainCheck(False, count, seq, missing.format(row=expected, chart=chain[:8]))
            if position == 1 and starts_chain(db, str(row["prev_hash"])):
                previous = str(row["prev_hash"])
            if row["prev_hash"] != previous:
                return ChainCheck(False, count, seq, _NOT_FOLLOWING)
            if chain_hash(row, chain, position) != row["hash"]:
                return ChainCheck(False, count, seq, _NOT_MATCHING)
            previous, expected = str(row["hash"]), expected + 1
        total += 1
    rows = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    if rows != count:
        return ChainCheck(
            False,
            count,
            None,
            QT_TRANSLATE_NOOP("Check", "1 audit row belongs to no chain")
            if rows - count == 1
            else QT_TRANSLATE_NOOP("Check", "{count} audit rows belong to no chain").format(
                count=rows - count
            ),
        )
    return ChainCheck(True, count, chains=total)


def _verify_legacy_file(db: Database) -> ChainCheck:
    previous, expected_seq, count = GENESIS, 1, 0
    cursor = db.execute(f"SELECT {', '.join(HASHED_FIELDS)}, hash FROM audit_log ORDER BY seq")
    for values in cursor:
        row = dict(zip((*HASHED_FIELDS, "hash"), values, strict=True))
        count += 1
        seq = int(row["seq"])
        if seq != expected_seq:
            return ChainCheck(
                False,
                count,
                seq,
                QT_TRANSLATE_NOOP("Check", "row {row} is missing").format(row=expected_seq),
            )
        if row["prev_hash"] != previous:
            return ChainCheck(False, count, seq, _NOT_FOLLOWING)
        if row_hash(row) != row["hash"]:
            return ChainCheck(False, count, seq, _NOT_MATCHING)
        previous, expected_seq = str(row["hash"]), expected_seq + 1
    return ChainCheck(True, count, chains=1)


@dataclass(frozen=True)
class ChainHead:
    """Where the chain ends: how many rows, and the last row's hash. Kept outside the file
    (in each backup's name, on every printed page) it anchors the history up to there:
    see docs/tamper-evidence.md. A short form may keep only the start of the hash."""

    rows: int
    hash: str

    def short(self) -> str:
        """The form printed and put in file names: "42-3f9a2c1b7d0e5a44"."""
        return f"{self.rows}-{self.hash[:SHORT_HASH]}"

    def matches(self, full: ChainHead) -> bool:
        """Whether ``full`` is this head (this one may be a short form)."""
        return self.rows == full.rows and full.hash.startswith(self.hash)


#: Hex digits of the hash in the short form (64 bits).
SHORT_HASH = 16
_SHORT = re.compile(rf"^(?P<rows>\d{{1,12}})-(?P<hash>[0-9a-f]{{{SHORT_HASH},64}})$")
_IN_NAME = re.compile(rf"\.audit-(?P<head>\d{{1,12}}-[0-9a-f]{{{SHORT_HASH},64}})\.sqlite$")


def head(db: Database) -> ChainHead:
    """The chain head of an open chart (0 rows: the genesis hash)."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    count = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return ChainHead(int(count), GENESIS if last is None else str(last[1]))


def head_of(hashes: list[str]) -> ChainHead:
    """The head of a chain given its hashes in order."""
    return ChainHead(len(hashes), hashes[-1] if hashes else GENESIS)


def parse_head(text: str) -> ChainHead | None:
    """A short head as printed ("42-3f9a2c1b7d0e5a44"), or None if ``text`` is not one."""
    match = _SHORT.match(text.strip().lower())
    return None if match is None else ChainHead(int(match["rows"]), match["hash"])


def name_tag(chain: ChainHead) -> str:
    """What a backup's file name carries before ".sqlite": ".audit-42-3f9a2c1b7d0e5a44"."""
    return f".audit-{chain.short()}"


def head_in_name(name: str) -> ChainHead | None:
    """The chain head a backup's file name records, if it records one."""
    match = _IN_NAME.search(name)
    return None if match is None else parse_head(match["head"])


def entries(
    db: Database, *, patient_id: str | None = None, since: date | None = None
) -> list[dict[str, Any]]:
    """Audit rows in order (``seq``, ``at_local``, ``actor``, ``action``, ``entity``,
    ``detail``): every one, or one patient's; ``since`` keeps those made on or after that
    local date."""
    where, params = ["1"], []
    if patient_id is not None:
        where.append("patient_id = ?")
        params.append(patient_id)
    rows = list(
        db.query(
            f"SELECT seq, at_local, actor, action, entity, detail FROM audit_log "
            f"WHERE {' AND '.join(where)} ORDER BY seq",
            params,
        )
    )
    if since is not None:
        rows = [r for r in rows if date.fromisoformat(r["at_local"][:10]) >= since]
    return rows


def last_seq(db: Database) -> int:
    """The number of the last audit row (0 in a file that has none)."""
    row = db.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()
    return int(row[0])
