"""The schema as numbered migrations (applied by sqlite-utils: see migration_set.py).
Never edit a released one: add ``m00N_...`` instead. A file with a migration this build
does not know is refused."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING

from wardchart.domain.regimens import parse_library
from wardchart.storage import convert, records
from wardchart.storage.migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = MigrationSet("wardchart")

#: Tables of clinical records: versioned, never updated or deleted (docs/architecture.md#records).
RECORD_TABLES = (
    "patients",
    "regimens",
    "cycles",
    "results",
    "temperatures",
    "gcsf_doses",
    "precautions",
)
#: Append-only tables that are not versioned.
LOG_TABLES = ("ward_settings", "audit_log")

# Every clinical record: a UUID, when and by whom it was recorded, and for a correction
# the version it supersedes and why. ``origin_id`` is the id of the record's first
# version: the stable id other records point to.
_COMMON = """
    id TEXT PRIMARY KEY NOT NULL,
    origin_id TEXT NOT NULL REFERENCES {table}(id),
    supersedes TEXT REFERENCES {table}(id),
    reason TEXT NOT NULL DEFAULT '',
    entered_in_error INTEGER NOT NULL DEFAULT 0 CHECK (entered_in_error IN (0, 1)),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
"""
_COMMON_CHECK = """,
    CHECK ((supersedes IS NULL AND origin_id = id)
           OR (supersedes IS NOT NULL AND origin_id <> id AND trim(reason) <> ''))
"""

_TABLES = {
    "patients": """
        mrn TEXT NOT NULL CHECK (trim(mrn) <> ''),
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        dob TEXT NOT NULL,
        sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'F', 'M', 'X')),
        bed TEXT NOT NULL DEFAULT '',
        diagnosis TEXT NOT NULL DEFAULT '',
        marrow_involved INTEGER NOT NULL DEFAULT 0,
        immune_disorder INTEGER NOT NULL DEFAULT 0,
        high_risk_notes TEXT NOT NULL DEFAULT ''
    """,
    "regimens": """
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        cycle_length_days INTEGER NOT NULL CHECK (cycle_length_days >= 1),
        nadir_start INTEGER NOT NULL CHECK (nadir_start >= 1),
        nadir_end INTEGER NOT NULL,
        anc_threshold TEXT,
        anc_op TEXT NOT NULL DEFAULT '>=' CHECK (anc_op IN ('>=', '>')),
        plt_threshold TEXT,
        plt_op TEXT NOT NULL DEFAULT '>=' CHECK (plt_op IN ('>=', '>')),
        gcsf_required INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        CHECK (nadir_end >= nadir_start)
    """,
    "cycles": """
        patient_id TEXT NOT NULL REFERENCES patients(id),
        number INTEGER NOT NULL CHECK (number >= 1),
        regimen_id TEXT REFERENCES regimens(id),
        regimen_name TEXT NOT NULL,
        day1 TEXT NOT NULL,
        cycle_length_days INTEGER NOT NULL CHECK (cycle_length_days >= 1),
        nadir_start INTEGER NOT NULL CHECK (nadir_start >= 1),
        nadir_end INTEGER NOT NULL,
        anc_threshold TEXT,
        anc_op TEXT NOT NULL DEFAULT '>=' CHECK (anc_op IN ('>=', '>')),
        plt_threshold TEXT,
        plt_op TEXT NOT NULL DEFAULT '>=' CHECK (plt_op IN ('>=', '>')),
        CHECK (nadir_end >= nadir_start)
    """,
    "results": """
        patient_id TEXT NOT NULL REFERENCES patients(id),
        taken_at TEXT NOT NULL,
        taken_utc TEXT NOT NULL,
        wbc TEXT,
        anc TEXT,
        anc_source TEXT CHECK (anc_source IN ('lab', 'computed')),
        neut_pct TEXT,
        bands_pct TEXT,
        platelets TEXT,
        anc_lln TEXT,
        wbc_lln TEXT,
        unit_entered TEXT NOT NULL,
        entered TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
        confirmed_warnings TEXT NOT NULL DEFAULT '',
        CHECK (wbc IS NOT NULL OR anc IS NOT NULL),
        CHECK ((anc IS NULL) = (anc_source IS NULL))
    """,
    "temperatures": """
        patient_id TEXT NOT NULL REFERENCES patients(id),
        taken_at TEXT NOT NULL,
        taken_utc TEXT NOT NULL,
        celsius TEXT NOT NULL,
        value_entered TEXT NOT NULL,
        unit_entered TEXT NOT NULL CHECK (unit_entered IN ('C', 'F')),
        route TEXT NOT NULL DEFAULT '',
        confirmed_warnings TEXT NOT NULL DEFAULT ''
    """,
    "gcsf_doses": """
        patient_id TEXT NOT NULL REFERENCES patients(id),
        given_at TEXT NOT NULL,
        given_utc TEXT NOT NULL,
        drug TEXT NOT NULL CHECK (trim(drug) <> ''),
        dose TEXT NOT NULL DEFAULT ''
    """,
    "precautions": """
        patient_id TEXT NOT NULL REFERENCES patients(id),
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        at_utc TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    """,
}

_INDEXES = """
CREATE INDEX patients_mrn ON patients(mrn);
CREATE INDEX patients_origin ON patients(origin_id);
CREATE INDEX cycles_patient ON cycles(patient_id, day1);
CREATE INDEX results_patient ON results(patient_id, taken_utc);
CREATE INDEX temperatures_patient ON temperatures(patient_id, taken_utc);
CREATE INDEX gcsf_patient ON gcsf_doses(patient_id, given_utc);
CREATE INDEX precautions_patient ON precautions(patient_id, at_utc);
CREATE INDEX regimens_name ON regimens(name);
CREATE INDEX ward_settings_key ON ward_settings(key);
CREATE INDEX audit_patient ON audit_log(patient_id);
"""


def _record_table_sql(table: str, columns: str | None = None) -> str:
    columns = _TABLES[table] if columns is None else columns
    return f"""
CREATE TABLE {table} ({_COMMON.format(table=table)}{columns}{_COMMON_CHECK}) STRICT;
-- A record has at most one successor: history is a line, never a fork.
CREATE UNIQUE INDEX {table}_supersedes ON {table}(supersedes) WHERE supersedes IS NOT NULL;
CREATE VIEW current_{table} AS
    SELECT t.* FROM {table} t
    WHERE t.entered_in_error = 0
      AND NOT EXISTS (SELECT 1 FROM {table} s WHERE s.supersedes = t.id);
CREATE TRIGGER {table}_same_record BEFORE INSERT ON {table}
    WHEN NEW.supersedes IS NOT NULL
     AND (SELECT origin_id FROM {table} WHERE id = NEW.supersedes) IS NOT NEW.origin_id
BEGIN
    SELECT RAISE(ABORT, '{table}: a correction must supersede a version of the same record');
END;
"""


def _append_only_sql(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN
    SELECT RAISE(ABORT, '{table} rows are never changed; record a correction instead');
END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN
    SELECT RAISE(ABORT, '{table} rows are never deleted; mark them entered in error');
END;
"""


@migrations()
def m001_initial(db: Database) -> None:
    """Patients, regimens, cycles, results, temperatures, G-CSF doses, precautions,
    ward settings and the hash-chained audit log; append-only by trigger."""
    script = "".join(_record_table_sql(t) for t in RECORD_TABLES)
    script += """
CREATE TABLE ward_settings (
    id TEXT PRIMARY KEY NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    at_local TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT,
    patient_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- One current patient per MRN (a correction of the same patient may keep it).
CREATE TRIGGER patients_unique_mrn BEFORE INSERT ON patients
    WHEN NEW.entered_in_error = 0 AND EXISTS (
        SELECT 1 FROM current_patients p WHERE p.mrn = NEW.mrn AND p.origin_id <> NEW.origin_id)
BEGIN
    SELECT RAISE(ABORT, 'patients: duplicate MRN');
END;
"""
    script += _INDEXES
    script += "".join(_append_only_sql(t) for t in RECORD_TABLES + LOG_TABLES)
    for statement in _split(script):
        db.execute(statement)


#: Who "recorded" the regimens that come with wardchart.
DEFAULT_LIBRARY_AUTHOR = "wardchart default library"


def default_library_entries() -> list[dict[str, object]]:
    """The regimen library shipped with wardchart (wardchart/resources/regimens.json)."""
    import json  # here: only a new file needs it (its import delays every start)

    text = resources.files("wardchart.resources").joinpath("regimens.json").read_text("utf-8")
    entries: list[dict[str, object]] = json.loads(text)["regimens"]
    return entries


@migrations()
def m002_default_regimens(db: Database) -> None:
    """Seed the ward's regimen library from the one shipped with wardchart
    (docs/clinical-rules.md#regimen-library, #next-cycle-day-1-thresholds)."""
    now = datetime.now(UTC)
    for regimen in parse_library(default_library_entries()):
        records.create(
            db, "regimens", convert.regimen_values(regimen), actor=DEFAULT_LIBRARY_AUTHOR, now=now
        )


_USERS = """
        username TEXT NOT NULL,
        full_name TEXT NOT NULL CHECK (trim(full_name) <> ''),
        initials TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('nurse', 'admin')),
        password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
"""


@migrations()
def m003_users(db: Database) -> None:
    """Local accounts: versioned like every record, append-only, one current
    account per user name, passwords only as Argon2id hashes."""
    script = _record_table_sql("users", _USERS) + _append_only_sql("users")
    script += """
CREATE TRIGGER users_unique_username BEFORE INSERT ON users
    WHEN NEW.entered_in_error = 0 AND EXISTS (
        SELECT 1 FROM current_users u WHERE u.username = NEW.username
                                        AND u.origin_id <> NEW.origin_id)
BEGIN
    SELECT RAISE(ABORT, 'users: duplicate user name');
END;
CREATE INDEX users_username ON users(username);
"""
    for statement in _split(script):
        db.execute(statement)


def _no_replace_sql(table: str, keys: tuple[tuple[str, ...], ...]) -> str:
    """A trigger that refuses a new row clashing with a stored row on any unique key.

    ``INSERT OR REPLACE`` (``REPLACE INTO``) resolves such a clash by deleting the stored
    row, and that delete fires no delete trigger; an UPSERT turns it into an update. Both
    are refused here, before SQLite looks for the clash. See docs/tamper-evidence.md.
    """
    clashes = " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} WHERE "
        + " AND ".join(f"{column} = NEW.{column}" for column in key)
        + ")"
        for key in keys
    )
    return f"""
CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
    WHEN {clashes}
BEGIN
    SELECT RAISE(ABORT, '{table} rows are never replaced; record a correction instead');
END;
"""


#: Every table's unique keys (primary key first): what REPLACE or an UPSERT could clash on.
UNIQUE_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    **dict.fromkeys((*RECORD_TABLES, "users"), (("id",), ("supersedes",))),
    "ward_settings": (("id",),),
    "audit_log": (("seq",),),
    migrations.migrations_table: (("id",), ("migration_set", "name")),
}


@migrations()
def m004_refuse_replace(db: Database) -> None:
    """Refuse REPLACE and UPSERT on every table, and make the record of applied schema
    steps append-only too (see docs/tamper-evidence.md)."""
    script = "".join(_no_replace_sql(table, keys) for table, keys in UNIQUE_KEYS.items())
    script += _append_only_sql(migrations.migrations_table)
    for statement in _split(script):
        db.execute(statement)


#: HL7 result import (docs/hl7-import.md): every message read, and where each charted
#: version of a CBC came from.
HL7_TABLES = ("lab_messages", "lab_result_sources")


@migrations()
def m005_hl7_lab_messages(db: Database) -> None:
    """HL7 v2 result import: the messages read (file, control id, outcome, the text
    itself), the laboratory source of every charted CBC version, and the result status
    (preliminary, final, corrected) on the CBC. Append-only like every record."""
    script = """
ALTER TABLE results ADD COLUMN lab_status TEXT NOT NULL DEFAULT ''
    CHECK (lab_status IN ('', 'preliminary', 'final', 'corrected'));
CREATE TABLE lab_messages (
    id TEXT PRIMARY KEY NOT NULL,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL,
    file TEXT NOT NULL,
    control_id TEXT NOT NULL,
    sender TEXT NOT NULL DEFAULT '',
    digest TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('charted', 'held', 'ignored', 'refused')),
    reason TEXT NOT NULL DEFAULT '',
    results INTEGER NOT NULL DEFAULT 0,
    patient_id TEXT REFERENCES patients(id),
    mrn TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL
) STRICT;
CREATE INDEX lab_messages_digest ON lab_messages(digest);
CREATE TABLE lab_result_sources (
    result_version TEXT PRIMARY KEY NOT NULL REFERENCES results(id),
    result_id TEXT NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    message_id TEXT NOT NULL REFERENCES lab_messages(id),
    order_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('preliminary', 'final', 'corrected')),
    observations TEXT NOT NULL
) STRICT;
CREATE INDEX lab_result_sources_order ON lab_result_sources(patient_id, order_key);
"""
    script += _append_only_sql("lab_messages") + _append_only_sql("lab_result_sources")
    script += _no_replace_sql("lab_messages", (("id",),))
    script += _no_replace_sql("lab_result_sources", (("result_version",),))
    for statement in _split(script):
        db.execute(statement)


#: FHIR R4 import (docs/fhir.md): every bundle entry read, and the record it charted.
FHIR_TABLES = ("fhir_entries",)


@migrations()
def m006_fhir_entries(db: Database) -> None:
    """FHIR R4 import: every bundle entry read (file, the resource's own identifier, its
    outcome, the resource itself) and the record it was charted to. Append-only."""
    script = """
CREATE TABLE fhir_entries (
    id TEXT PRIMARY KEY NOT NULL,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL,
    file TEXT NOT NULL,
    entry_key TEXT NOT NULL,
    resource_type TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL CHECK (outcome IN ('charted', 'held', 'ignored', 'refused')),
    reason TEXT NOT NULL DEFAULT '',
    patient_id TEXT REFERENCES patients(id),
    mrn TEXT NOT NULL DEFAULT '',
    record_table TEXT NOT NULL DEFAULT '' CHECK (record_table IN ('', 'results', 'temperatures')),
    record_id TEXT NOT NULL DEFAULT '',
    resource TEXT NOT NULL
) STRICT;
CREATE INDEX fhir_entries_key ON fhir_entries(entry_key);
"""
    script += _append_only_sql("fhir_entries") + _no_replace_sql("fhir_entries", (("id",),))
    for statement in _split(script):
        db.execute(statement)


@migrations()
def m007_inbox_held_decisions(db: Database) -> None:
    """A held laboratory message attached to a patient (its results charted to them) or
    dismissed, by whom, when and why. Append-only: a decision is never changed."""
    script = """
CREATE TABLE lab_message_decisions (
    id TEXT PRIMARY KEY NOT NULL,
    message_id TEXT NOT NULL UNIQUE REFERENCES lab_messages(id),
    decision TEXT NOT NULL CHECK (decision IN ('attached', 'dismissed')),
    patient_id TEXT REFERENCES patients(id),
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    results INTEGER NOT NULL DEFAULT 0,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    CHECK ((decision = 'attached') = (patient_id IS NOT NULL))
) STRICT;
"""
    script += _append_only_sql("lab_message_decisions")
    script += _no_replace_sql("lab_message_decisions", (("id",), ("message_id",)))
    for statement in _split(script):
        db.execute(statement)


#: Tables whose rows are versions of records (a first version, then corrections).
VERSIONED_TABLES = (*RECORD_TABLES, "users")
#: Tables whose rows say which chart file (replica) wrote them: see docs/merging.md.
REPLICATED_TABLES = (*VERSIONED_TABLES, "ward_settings")
#: The local chart id: the newest row of ``chart_identity`` (a copy appends its own).
LOCAL_REPLICA_SQL = "(SELECT id FROM chart_identity ORDER BY rowid DESC LIMIT 1)"


@migrations()
def m008_chart_identity(db: Database) -> None:
    """Every chart file is a replica of one ward chart with its own id (docs/merging.md):
    the id is made here (a file made before gets one now); every audit row and every record
    version written from now on names the replica that wrote it, and each replica's audit
    rows form their own hash chain (``origin_seq``). Rows written before have no replica:
    their chain is the file's ``legacy_chain``. A ward setting names the setting it
    replaced, so a setting changed on two machines apart can be seen."""
    script = """
CREATE TABLE chart_identity (
    id TEXT PRIMARY KEY NOT NULL,
    legacy_chain TEXT NOT NULL,
    made_at TEXT NOT NULL,
    made_from TEXT NOT NULL DEFAULT '',
    how TEXT NOT NULL CHECK (how IN ('new', 'copied'))
) STRICT;
ALTER TABLE audit_log ADD COLUMN replica_id TEXT;
ALTER TABLE audit_log ADD COLUMN origin_seq INTEGER;
CREATE UNIQUE INDEX audit_origin ON audit_log(replica_id, origin_seq);
ALTER TABLE ward_settings ADD COLUMN supersedes TEXT;
"""
    script += "".join(
        f"ALTER TABLE {table} ADD COLUMN replica_id TEXT;\n" for table in REPLICATED_TABLES
    )
    script += _append_only_sql("chart_identity")
    script += _no_replace_sql("chart_identity", (("id",),))
    script += "DROP TRIGGER audit_log_no_replace;\n"
    script += _no_replace_sql("audit_log", (("seq",), ("replica_id", "origin_seq")))
    for statement in _split(script):
        db.execute(statement)
    import uuid  # here: only a new file needs it (it imports platform: every start)

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    db.execute(
        "INSERT INTO chart_identity (id, legacy_chain, made_at, how) VALUES (?, ?, ?, 'new')",
        [str(uuid.uuid4()), f"legacy-{uuid.uuid4().hex}", now],
    )


#: Why a version is not shown although nothing supersedes it: a resolution set it aside.
_CURRENT_SQL = """
CREATE VIEW current_{table} AS
    SELECT t.* FROM {table} t
    WHERE t.entered_in_error = 0
      AND NOT EXISTS (SELECT 1 FROM {table} s WHERE s.supersedes = t.id)
      AND NOT EXISTS (SELECT 1 FROM resolution_set_aside a WHERE a.version_id = t.id)
      AND NOT EXISTS (
          SELECT 1 FROM {table} o
          WHERE o.origin_id = t.origin_id AND o.id <> t.id AND o.entered_in_error = 0
            AND (o.recorded_at > t.recorded_at OR (o.recorded_at = t.recorded_at AND o.id > t.id))
            AND NOT EXISTS (SELECT 1 FROM {table} s WHERE s.supersedes = o.id)
            AND NOT EXISTS (SELECT 1 FROM resolution_set_aside a WHERE a.version_id = o.id));
"""


def _forks_sql(table: str) -> str:
    """Versions may fork when replicas merge; a fork made on this file is refused."""
    return f"""
DROP INDEX {table}_supersedes;
CREATE INDEX {table}_supersedes ON {table}(supersedes) WHERE supersedes IS NOT NULL;
DROP TRIGGER {table}_no_replace;
DROP VIEW current_{table};
{_CURRENT_SQL.format(table=table)}
CREATE TRIGGER {table}_one_successor BEFORE INSERT ON {table}
    WHEN NEW.supersedes IS NOT NULL AND NEW.replica_id = {LOCAL_REPLICA_SQL}
     AND EXISTS (SELECT 1 FROM {table} WHERE supersedes = NEW.supersedes)
BEGIN
    SELECT RAISE(ABORT, '{table}: this version was already corrected; correct the current one');
END;
""" + _no_replace_sql(table, (("id",),))


@migrations()
def m009_merge_conflicts(db: Database) -> None:
    """Merging replicas (docs/merging.md): the versions of a record may fork (two
    corrections made apart) and two records may clash (one MRN, one user name): both are
    kept as conflicts. The current version is chosen by one rule every replica applies
    the same way; a resolution (with its reason) sets versions aside. Charting on this
    file still refuses a fork and a duplicate MRN or user name, as before."""
    script = """
CREATE TABLE resolutions (
    id TEXT PRIMARY KEY NOT NULL,
    conflict_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('keep', 'new_version', 'link')),
    kept TEXT NOT NULL DEFAULT '',
    linked TEXT NOT NULL DEFAULT '',
    patient_id TEXT,
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    replica_id TEXT
) STRICT;
CREATE INDEX resolutions_key ON resolutions(conflict_key);
CREATE TABLE resolution_set_aside (
    id TEXT PRIMARY KEY NOT NULL,
    resolution_id TEXT NOT NULL REFERENCES resolutions(id),
    record_table TEXT NOT NULL,
    version_id TEXT NOT NULL
) STRICT;
CREATE INDEX resolution_set_aside_version ON resolution_set_aside(version_id);
"""
    for table in ("resolutions", "resolution_set_aside"):
        script += _append_only_sql(table) + _no_replace_sql(table, (("id",),))
    for table in VERSIONED_TABLES:
        script += _forks_sql(table)
        if table != "patients":
            script += f"CREATE INDEX {table}_origin ON {table}(origin_id);\n"
    script += f"""
DROP TRIGGER patients_unique_mrn;
CREATE TRIGGER patients_unique_mrn BEFORE INSERT ON patients
    WHEN NEW.entered_in_error = 0 AND NEW.replica_id = {LOCAL_REPLICA_SQL}
     AND (NEW.supersedes IS NULL
          OR NEW.mrn IS NOT (SELECT mrn FROM patients WHERE id = NEW.supersedes))
     AND EXISTS (SELECT 1 FROM current_patients p
                 WHERE p.mrn = NEW.mrn AND p.origin_id <> NEW.origin_id)
BEGIN
    SELECT RAISE(ABORT, 'patients: duplicate MRN');
END;
DROP TRIGGER users_unique_username;
CREATE TRIGGER users_unique_username BEFORE INSERT ON users
    WHEN NEW.entered_in_error = 0 AND NEW.replica_id = {LOCAL_REPLICA_SQL}
     AND (NEW.supersedes IS NULL
          OR NEW.username IS NOT (SELECT username FROM users WHERE id = NEW.supersedes))
     AND EXISTS (SELECT 1 FROM current_users u WHERE u.username = NEW.username
                                             AND u.origin_id <> NEW.origin_id)
BEGIN
    SELECT RAISE(ABORT, 'users: duplicate user name');
END;
"""
    for statement in _split(script):
        db.execute(statement)


#: Counts and measurements are stored as exact decimal text ("0.30"), so SQL's max() over
#: them compares text ("9.1" > "10.2"). These views give each as a number, for reading the
#: file in sqlite-utils, Datasette or a spreadsheet (see docs/schema.md).
NUMERIC_VIEWS = {
    "current_results_numeric": (
        "current_results",
        ("wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln"),
    ),
    "current_temperatures_numeric": ("current_temperatures", ("celsius",)),
    "current_cycles_numeric": ("current_cycles", ("anc_threshold", "plt_threshold")),
    "current_regimens_numeric": ("current_regimens", ("anc_threshold", "plt_threshold")),
}


@migrations()
def m010_numeric_views(db: Database) -> None:
    """Views of the current records with their decimal text as numbers (REAL), every other
    column as it is; for reading and reporting only (the chart computes with the text)."""
    for view, (source, numeric) in NUMERIC_VIEWS.items():
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({source})").fetchall()]
        shown = ", ".join(f"CAST({c} AS REAL) AS {c}" if c in numeric else c for c in columns)
        db.execute(f"CREATE VIEW {view} AS SELECT {shown} FROM {source}")


@migrations()
def m011_hub_sync(db: Database) -> None:
    """Syncing with a ward hub (docs/hub.md): where this replica stands with each hub it
    syncs with — the hub's receive sequence it has pulled through, and how far its own
    audit chain has been sent — one row per step, written in the same transaction as
    the rows pulled, so a sync killed at any moment resumes where the file says. And an
    index to find the audit rows that sealed a record pulled or merged in."""
    script = """
CREATE TABLE hub_sync (
    id INTEGER PRIMARY KEY NOT NULL,
    hub_id TEXT NOT NULL,
    hub TEXT NOT NULL,
    pulled_through INTEGER NOT NULL CHECK (pulled_through >= 0),
    pushed_through INTEGER NOT NULL CHECK (pushed_through >= 0),
    at_utc TEXT NOT NULL
) STRICT;
CREATE INDEX hub_sync_hub ON hub_sync(hub_id, id);
CREATE INDEX audit_record ON audit_log(record_id);
"""
    script += _append_only_sql("hub_sync") + _no_replace_sql("hub_sync", (("id",),))
    for statement in _split(script):
        db.execute(statement)


@migrations()
def m012_chart_ward(db: Database) -> None:
    """Which ward this chart belongs to (docs/hub.md, "The ward's identity"): the ward id of
    the ward hub it first synced with (or of a chart merged into it), so a chart is never
    synced into another ward's hub. Bookkeeping like the chart id: one row, appended once;
    a chart made before, or not yet synced, has none. A second row naming another ward is
    refused by the file itself."""
    script = """
CREATE TABLE chart_ward (
    id INTEGER PRIMARY KEY NOT NULL,
    ward_id TEXT NOT NULL CHECK (length(ward_id) > 0),
    how TEXT NOT NULL CHECK (how IN ('hub', 'joined', 'merged')),
    source TEXT NOT NULL,
    at_utc TEXT NOT NULL
) STRICT;
CREATE TRIGGER chart_ward_one_ward BEFORE INSERT ON chart_ward
    WHEN EXISTS (SELECT 1 FROM chart_ward WHERE ward_id <> NEW.ward_id)
BEGIN
    SELECT RAISE(ABORT, 'chart_ward: a chart belongs to one ward only');
END;
"""
    script += _append_only_sql("chart_ward") + _no_replace_sql("chart_ward", (("id",),))
    for statement in _split(script):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        text = "\n".join(current)
        in_trigger = text.lstrip().upper().startswith("CREATE TRIGGER")
        if (in_trigger and line.strip().upper() == "END;") or (
            not in_trigger and line.rstrip().endswith(";")
        ):
            statements.append(text)
            current = []
    return statements
