"""The audit log: who did what, when, with before and after values (DN §4).

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
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


GENESIS = "0" * 64
_FIELDS = (
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
    content = json.dumps([row[f] for f in _FIELDS], ensure_ascii=False, separators=(",", ":"))
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
    """Append one audit row inside the caller's write transaction; return its sequence."""
    at = now or datetime.now(UTC)
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
    row["hash"] = row_hash(row)
    db.table("audit_log").insert(row)
    return seq


@dataclass(frozen=True)
class ChainCheck:
    """The result of checking the hash chain: ok, or the first broken row."""

    ok: bool
    rows: int
    broken_seq: int | None = None
    why: str = ""


def verify(db: Database) -> ChainCheck:
    """Walk the chain from the first row; report the first row that does not fit."""
    previous, expected_seq, count = GENESIS, 1, 0
    cursor = db.execute(f"SELECT {', '.join(_FIELDS)}, hash FROM audit_log ORDER BY seq")
    for values in cursor:
        row = dict(zip((*_FIELDS, "hash"), values, strict=True))
        count += 1
        seq = int(row["seq"])
        if seq != expected_seq:
            return ChainCheck(False, count, seq, f"row {expected_seq} is missing")
        if row["prev_hash"] != previous:
            return ChainCheck(False, count, seq, "does not follow the previous row's hash")
        if row_hash(row) != row["hash"]:
            return ChainCheck(False, count, seq, "content does not match its hash")
        previous, expected_seq = str(row["hash"]), expected_seq + 1
    return ChainCheck(True, count)


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
