"""What the hub holds, table by table: the same columns as the chart file's tables.

Kept apart from the SQL so that the transfer code and the schema are written from one
description, and a test compares it with a fresh chart file's tables: a chart migration
that adds a column fails that test until a hub migration adds it too. This module imports
neither psycopg nor SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HubTable:
    """One table the hub mirrors from the chart file."""

    name: str
    #: (column, PostgreSQL type, NOT NULL), in the chart file's order.
    columns: tuple[tuple[str, str, bool], ...]
    #: The columns that identify a row on every replica.
    key: tuple[str, ...]
    #: column -> table whose ``id`` (or key) it references.
    references: tuple[tuple[str, str], ...] = ()
    #: Versioned records (origin_id, supersedes, entered_in_error): a ``current_`` view.
    versioned: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column for column, _type, _not_null in self.columns)


def _cols(spec: str) -> tuple[tuple[str, str, bool], ...]:
    """``"id text!, note text"`` -> columns; ``!`` marks NOT NULL; ``int`` is bigint."""
    found = []
    for item in spec.split(","):
        name, kind = item.split()
        sql_type = "bigint" if kind.rstrip("!") == "int" else "text"
        found.append((name, sql_type, kind.endswith("!")))
    return tuple(found)


_COMMON = (
    "id text!, origin_id text!, supersedes text, reason text!, entered_in_error int!, "
    "recorded_at text!, recorded_by text!, "
)
_SELF = (("origin_id", "self"), ("supersedes", "self"))


def _versioned(name: str, spec: str, *refs: tuple[str, str]) -> HubTable:
    columns = _cols(_COMMON + spec + ", replica_id text")
    return HubTable(name, columns, ("id",), (*_SELF, *refs), versioned=True)


_PATIENT = ("patient_id", "patients")

#: Every table a replica exchanges with the hub, parents before children: inserting in
#: this order (and in each table's own order) never points at a row not yet there.
RECORD_TABLES: tuple[HubTable, ...] = (
    _versioned(
        "patients",
        "mrn text!, name text!, dob text!, sex text!, bed text!, diagnosis text!, "
        "marrow_involved int!, immune_disorder int!, high_risk_notes text!",
    ),
    _versioned(
        "regimens",
        "name text!, cycle_length_days int!, nadir_start int!, nadir_end int!, "
        "anc_threshold text, anc_op text!, plt_threshold text, plt_op text!, "
        "gcsf_required int!, notes text!",
    ),
    _versioned(
        "cycles",
        "patient_id text!, number int!, regimen_id text, regimen_name text!, day1 text!, "
        "cycle_length_days int!, nadir_start int!, nadir_end int!, anc_threshold text, "
        "anc_op text!, plt_threshold text, plt_op text!",
        _PATIENT,
        ("regimen_id", "regimens"),
    ),
    _versioned(
        "results",
        "patient_id text!, taken_at text!, taken_utc text!, wbc text, anc text, "
        "anc_source text, neut_pct text, bands_pct text, platelets text, anc_lln text, "
        "wbc_lln text, unit_entered text!, entered text!, source text!, "
        "confirmed_warnings text!, lab_status text!",
        _PATIENT,
    ),
    _versioned(
        "temperatures",
        "patient_id text!, taken_at text!, taken_utc text!, celsius text!, "
        "value_entered text!, unit_entered text!, route text!, confirmed_warnings text!",
        _PATIENT,
    ),
    _versioned(
        "gcsf_doses",
        "patient_id text!, given_at text!, given_utc text!, drug text!, dose text!",
        _PATIENT,
    ),
    _versioned("precautions", "patient_id text!, active int!, at_utc text!, note text!", _PATIENT),
    _versioned(
        "users",
        "username text!, full_name text!, initials text!, role text!, password_hash text!, "
        "disabled int!",
    ),
    HubTable(
        "ward_settings",
        _cols(
            "id text!, recorded_at text!, recorded_by text!, key text!, value text!, "
            "supersedes text, replica_id text"
        ),
        ("id",),
    ),
    HubTable(
        "lab_messages",
        _cols(
            "id text!, received_at text!, received_by text!, file text!, control_id text!, "
            "sender text!, digest text!, outcome text!, reason text!, results int!, "
            "patient_id text, mrn text!, message text!"
        ),
        ("id",),
        (_PATIENT,),
    ),
    HubTable(
        "lab_result_sources",
        _cols(
            "result_version text!, result_id text!, patient_id text!, message_id text!, "
            "order_key text!, status text!, observations text!"
        ),
        ("result_version",),
        (("result_version", "results"), _PATIENT, ("message_id", "lab_messages")),
    ),
    HubTable(
        "fhir_entries",
        _cols(
            "id text!, received_at text!, received_by text!, file text!, entry_key text!, "
            "resource_type text!, outcome text!, reason text!, patient_id text, mrn text!, "
            "record_table text!, record_id text!, resource text!"
        ),
        ("id",),
        (_PATIENT,),
    ),
    HubTable(
        "lab_message_decisions",
        _cols(
            "id text!, message_id text!, decision text!, patient_id text, reason text!, "
            "results int!, decided_at text!, decided_by text!"
        ),
        ("id",),
        (("message_id", "lab_messages"), _PATIENT),
    ),
    HubTable(
        "resolutions",
        _cols(
            "id text!, conflict_key text!, kind text!, action text!, kept text!, "
            "linked text!, patient_id text, reason text!, recorded_at text!, "
            "recorded_by text!, replica_id text"
        ),
        ("id",),
    ),
    HubTable(
        "resolution_set_aside",
        _cols("id text!, resolution_id text!, record_table text!, version_id text!"),
        ("id",),
        (("resolution_id", "resolutions"),),
    ),
)

#: What charts made before chart ids and merging lack (the chart's migrations that add
#: them): the hub holds them from the start, NULL in rows from such charts, and a
#: replica exchanges only the columns and tables it has.
FROM_MERGING = frozenset(
    {
        *((t.name, "replica_id") for t in RECORD_TABLES if t.versioned),
        ("ward_settings", "supersedes"),
        ("ward_settings", "replica_id"),
        *((name, "*") for name in ("resolutions", "resolution_set_aside")),
    }
)

#: The chart's audit rows as chains: on the hub keyed by (replica_id, origin_seq), the
#: chain (the chart id of the replica that wrote them) and the row's place in it. A chart
#: file's own ``seq`` is its local order only and is not sent.
AUDIT_COLUMNS = _cols(
    "replica_id text!, origin_seq int!, at_utc text!, at_local text!, actor text!, "
    "action text!, entity text!, record_id text, patient_id text, detail text!, "
    "prev_hash text!, hash text!"
)
AUDIT_KEY = ("replica_id", "origin_seq")

BY_NAME = {table.name: table for table in RECORD_TABLES}
