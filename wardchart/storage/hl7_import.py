"""Importing a laboratory's HL7 v2 ORU^R01 result messages (v2.3 to v2.5.1).

Each message is charted, held, ignored or refused as a whole, in one transaction, and
recorded with its file, control id and outcome in ``lab_messages`` and the audit log.
The message library (``hl7``) is imported here only, when a file is read; the rules of
what is charted are in wardchart.domain.hl7_rules. See docs/hl7-import.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from wardchart.domain import hl7_rules as rules
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient
from wardchart.domain.settings import WardSettings
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Moment
from wardchart.domain.units import plain
from wardchart.storage import audit, operations, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import ChartFileError, db_errors
from wardchart.storage.records import utc_text

#: MLLP framing (start block, end block) and the byte-order mark, removed before reading.
_FRAMING = str.maketrans({"\x0b": None, "\x1c": None, "\ufeff": None})

#: The reasons a message is held, ignored or refused, marked here (not where they are
#: raised) so that a reason stored in an earlier session reads back translated.
NO_FILE_OR_FOLDER = QT_TRANSLATE_NOOP("Hl7Import", "no file or folder {path}")
IS_NOT_AN_HL7_V2 = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "{name} is not an HL7 v2 message file (it must start with an MSH segment); "
    "nothing was imported",
)
MALFORMED_MESSAGE = QT_TRANSLATE_NOOP("Hl7Import", "malformed message: {error}")
IS_NOT_A_SEGMENT_NAME = QT_TRANSLATE_NOOP("Hl7Import", "{segment} is not a segment name")
AN_OBR_SEGMENT_COMES_BEFORE = QT_TRANSLATE_NOOP(
    "Hl7Import", "an OBR segment comes before any PID segment"
)
AN_OBX_SEGMENT_COMES_BEFORE = QT_TRANSLATE_NOOP(
    "Hl7Import", "an OBX segment comes before any OBR segment"
)
NO_MESSAGE_CONTROL_ID_MSH = QT_TRANSLATE_NOOP("Hl7Import", "no message control id (MSH-10)")
A_MESSAGE_NOT_A_RESULT = QT_TRANSLATE_NOOP("Hl7Import", "a {kind} message, not a result (ORU^R01)")
NO_CBC_RESULT_TO_CHART = QT_TRANSLATE_NOOP("Hl7Import", "no CBC result to chart in the message")
THE_MESSAGE_HAS_RESULTS_FOR = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "the message has results for {count} patients; it cannot be attached to one patient",
)
ORDER_APPEARS_TWICE_IN_THE = QT_TRANSLATE_NOOP(
    "Hl7Import", "order {key} appears twice in the message"
)
ITS_RESULTS_ARE_ALREADY_ON = QT_TRANSLATE_NOOP("Hl7Import", "its results are already on the chart")
MORE_THAN_ONE_VALUE_IN = QT_TRANSLATE_NOOP(
    "Hl7Import", "{concept}: more than one value in one result (OBX-5 repeats)"
)
CONCEPT_PROBLEM = QT_TRANSLATE_NOOP("Hl7Import", "{concept}: {why}")
TWO_RESULTS_WITH_THE_SAME = QT_TRANSLATE_NOOP(
    "Hl7Import", "two {concept} results with the same sub-id in one order"
)
THE_RESULT_HAS_NO_COLLECTION = QT_TRANSLATE_NOOP(
    "Hl7Import", "the result has no collection time (OBR-7 or OBX-14)"
)
FIELD_PROBLEM = QT_TRANSLATE_NOOP("Hl7Import", "{field}: {message}")
THE_MESSAGE_NAMES_NO_PATIENT = QT_TRANSLATE_NOOP(
    "Hl7Import", "the message names no patient identifier (PID-3)"
)
NO_PATIENT_ON_THIS_CHART = QT_TRANSLATE_NOOP("Hl7Import", "no patient on this chart has MRN {mrns}")
THE_IDENTIFIERS_BELONG_TO_DIFFERENT = QT_TRANSLATE_NOOP(
    "Hl7Import", "the identifiers {mrns} belong to different patients"
)
MRN_THE_MESSAGE_HAS_NO = QT_TRANSLATE_NOOP(
    "Hl7Import", "MRN {mrn}: the message has no date of birth (PID-7) to check"
)
MRN_DATE_OF_BIRTH_IN = QT_TRANSLATE_NOOP(
    "Hl7Import", "MRN {mrn}: date of birth {dob} in the message is not the chart's"
)
ORDER_WAS_CHARTED_FOR_ANOTHER = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "order {key} was charted for another patient: "
    "a result sent for the wrong patient? A person checks both charts",
)
ORDER_ITS_EARLIER_RESULT_WAS = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "order {key}: its earlier result was withdrawn from the chart; chart this one by hand",
)
ORDER_THE_CHARTED_RESULT_WAS = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "order {key}: the charted result was corrected by hand since the laboratory sent it; "
    "a person compares it with this result",
)
NO_ORDER_NUMBER_OBR_3 = QT_TRANSLATE_NOOP(
    "Hl7Import", "no order number (OBR-3 or ORC-3), and {clash}"
)
A_PRELIMINARY_ARRIVED_AFTER_THE = QT_TRANSLATE_NOOP(
    "Hl7Import", "a preliminary {concept} arrived after the final one"
)
A_SECOND_FINAL_WITH_ANOTHER = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "a second final {concept} with another value; "
    "the laboratory sends a correction (status C) for that",
)
NO_HELD_LAB_MESSAGE = QT_TRANSLATE_NOOP("Hl7Import", "no held lab message {message_id}")
LAB_MESSAGE_IS_NO_LONGER = QT_TRANSLATE_NOOP(
    "Hl7Import",
    "lab message {message} is no longer held (charted, attached or dismissed since); "
    "reload the list",
)
THAT_PATIENT_IS_NO_LONGER = QT_TRANSLATE_NOOP("Hl7Import", "that patient is no longer on the chart")
IT_CANNOT_BE_CHARTED_TO = QT_TRANSLATE_NOOP(
    "Hl7Import", "it cannot be charted to this patient: {reason}"
)
HELD_THEN_DECIDED = QT_TRANSLATE_NOOP("Hl7Import", "held, then {decision} on {day}")
ALREADY_IMPORTED = QT_TRANSLATE_NOOP("Hl7Import", "already imported on {day} ({outcome})")
COULD_NOT_BE_READ = QT_TRANSLATE_NOOP("Hl7Import", "could not be read ({kind}: {error})")
_ENVELOPE = ("FHS", "BHS", "BTS", "FTS")
#: The reason a laboratory's final or corrected result replaces its preliminary one.
FINAL_REASON = "final result from laboratory"
CORRECTED_REASON = "corrected result from laboratory"
UPDATED_REASON = "updated preliminary result from laboratory"


@dataclass(frozen=True)
class Outcome:
    """What became of one message."""

    file: str
    index: int
    control_id: str
    outcome: str  # charted, held, ignored or refused
    reason: str = ""
    results: int = 0
    mrn: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "message": self.index,
            "control_id": self.control_id,
            "outcome": self.outcome,
            "reason": self.reason,
            "results": self.results,
            "mrn": self.mrn,
        }


class _Stop(Exception):
    """A message goes no further: held, ignored or refused, with the reason."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def _held(reason: str) -> _Stop:
    return _Stop("held", reason)


# --- reading files -------------------------------------------------------------------------


def message_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the files directly inside the folders named (by name; hidden
    files and sub-folders such as done/ are skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise InvalidEntry(
                [
                    Problem(
                        "file",
                        NO_FILE_OR_FOLDER.format(path=path),
                    )
                ]
            )
    return found


def split_messages(data: bytes, name: str) -> list[str]:
    """The messages of a file, each as segments joined by carriage returns.

    Accepts CR, LF or CRLF segment ends, a byte-order mark, MLLP framing bytes and batch
    or file envelopes (FHS/BHS ... BTS/FTS). A file that does not start with a message
    header is not HL7: refused naming the file.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # HL7 v2's other usual character set
    lines = text.translate(_FRAMING).replace("\r\n", "\r").replace("\n", "\r").split("\r")
    messages: list[list[str]] = []
    for line in lines:
        segment = line.strip(" \t\f\v")
        if not segment or segment[:3] in _ENVELOPE:
            continue
        if segment.startswith("MSH"):
            messages.append([segment])
        elif messages:
            messages[-1].append(segment)
        else:
            break
    if not messages or not all(m[0][3:4] and not m[0][3].isalnum() for m in messages):
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    IS_NOT_AN_HL7_V2.format(name=name),
                )
            ]
        )
    return ["\r".join(m) for m in messages]


# --- reading one message -------------------------------------------------------------------


@dataclass
class _Obx:
    codings: list[rules.Coding]
    value_type: str
    value: str
    unit: str
    reference_range: str
    flags: str
    status: str
    sub_id: str
    time: str
    values: int = 1  # how many repetitions OBX-5 holds


@dataclass
class _Order:
    key: str
    taken: str
    observations: list[_Obx] = field(default_factory=list)


@dataclass
class _PatientGroup:
    ids: list[rules.PatientId]
    dob: str
    name: str = ""
    orders: list[_Order] = field(default_factory=list)


@dataclass
class _Message:
    control_id: str
    sender: str
    kind: str
    processing_id: str
    version: str
    groups: list[_PatientGroup]


class _Fields:
    """A segment's fields, split and unescaped with the message's delimiters."""

    def __init__(self, segment: Any, seps: rules.Separators) -> None:
        self.segment, self.seps = segment, seps

    def raw(self, number: int) -> str:
        try:
            return str(self.segment[number])
        except IndexError:
            return ""

    def repetitions(self, number: int) -> list[list[str]]:
        return [
            [rules.unescape(c, self.seps) for c in rep.split(self.seps.component)]
            for rep in self.raw(number).split(self.seps.repetition)
        ]

    def component(self, number: int, index: int = 0) -> str:
        first = self.repetitions(number)[0]
        return first[index].strip() if index < len(first) else ""

    def text(self, number: int) -> str:
        """The whole field, unescaped, components joined by ^ (for SN values, ranges)."""
        return "^".join(self.repetitions(number)[0])


def _codings(components: list[str]) -> list[rules.Coding]:
    padded = [*components, *[""] * 6]
    return [
        rules.Coding(padded[0], padded[1], padded[2]),
        rules.Coding(padded[3], padded[4], padded[5]),
    ]


def _entity(components: list[str]) -> str:
    """An entity identifier (EI): id^namespace, as the key of an order ("" without an
    id: a namespace alone numbers no order)."""
    if not components or not components[0].strip():
        return ""
    return "^".join(c.strip() for c in components[:2]).strip("^")


def read_message(text: str) -> _Message:
    """Parse one message with the ``hl7`` library; a malformed one is refused."""
    import hl7  # the message library is loaded only when messages are read

    field_sep = text[3:4]
    encoding = text[4 : text.find(field_sep, 4)] if field_sep and field_sep in text[4:] else ""
    why = rules.delimiter_refusal(field_sep, encoding)
    if why:
        raise _Stop(
            "refused",
            why,
        )
    try:
        parsed = hl7.parse(text)
    except Exception as error:  # the library's errors name no field: say what is wrong
        raise _Stop(
            "refused",
            MALFORMED_MESSAGE.format(error=error or type(error).__name__),
        ) from None
    seps = rules.Separators(field_sep, *encoding)
    groups: list[_PatientGroup] = []
    order_control = ""
    header: _Fields | None = None
    for segment in parsed:
        name = str(segment[0]).strip()
        fields = _Fields(segment, seps)
        if header is None:
            header = fields
            continue
        if len(name) != 3 or not name.isalnum() or not name.isupper():
            raise _Stop(
                "refused",
                IS_NOT_A_SEGMENT_NAME.format(segment=repr(name[:10])),
            )
        if name == "PID":
            ids = [
                rules.PatientId(rep[0], rep[4] if len(rep) > 4 else "")
                for rep in fields.repetitions(3)
            ]
            name_parts = fields.repetitions(5)[0]
            person = " ".join(p.strip() for p in name_parts[1:2] + name_parts[:1] if p.strip())
            groups.append(_PatientGroup(ids, fields.component(7), person))
        elif name == "ORC":
            order_control = _entity(fields.repetitions(3)[0])
        elif name == "OBR":
            if not groups:
                raise _Stop(
                    "refused",
                    AN_OBR_SEGMENT_COMES_BEFORE,
                )
            key = _entity(fields.repetitions(3)[0]) or order_control
            groups[-1].orders.append(_Order(key, fields.component(7)))
            order_control = ""
        elif name == "OBX":
            if not groups or not groups[-1].orders:
                raise _Stop(
                    "refused",
                    AN_OBX_SEGMENT_COMES_BEFORE,
                )
            groups[-1].orders[-1].observations.append(
                _Obx(
                    codings=_codings(fields.repetitions(3)[0]),
                    value_type=fields.component(2),
                    value=fields.text(5),
                    unit=fields.component(6) or fields.component(6, 1),
                    reference_range=fields.text(7),
                    flags="~".join(r[0] for r in fields.repetitions(8) if r[0]),
                    status=fields.component(11),
                    sub_id=fields.component(4),
                    time=fields.component(14),
                    values=len(fields.repetitions(5)),
                )
            )
    assert header is not None  # hl7.parse refuses a message without its MSH
    message = _Message(
        control_id=header.component(10),
        sender="^".join(p for p in (header.component(3), header.component(4)) if p),
        kind="^".join(header.repetitions(9)[0][:2]),
        processing_id=header.component(11),
        version=header.component(12),
        groups=groups,
    )
    if not message.control_id:
        raise _Stop(
            "refused",
            NO_MESSAGE_CONTROL_ID_MSH,
        )
    why = rules.version_refusal(message.version)
    if why:
        raise _Stop(
            "refused",
            why,
        )
    return message


# --- importing -----------------------------------------------------------------------------


def import_files(
    store: ChartStore,
    paths: Iterable[Path],
    *,
    actor: str,
    now: datetime,
    tz: tzinfo | None = None,
) -> list[Outcome]:
    """Import every message of every file (folders: the files in them). Every file is
    read and checked to be HL7 before anything is written."""
    files = [(p, split_messages(p.read_bytes(), str(p))) for p in message_files(paths)]
    settings = queries.ward_settings(store.db)
    outcomes = []
    for path, messages in files:
        for index, text in enumerate(messages, start=1):
            outcomes.append(
                _import_one(store, str(path), index, text, settings, actor=actor, now=now, tz=tz)
            )
    return outcomes


def _import_one(
    store: ChartStore,
    file: str,
    index: int,
    text: str,
    settings: WardSettings,
    *,
    actor: str,
    now: datetime,
    tz: tzinfo | None,
) -> Outcome:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with store.write() as db:
        earlier = list(
            db.query(
                "SELECT outcome, received_at, control_id FROM lab_messages WHERE digest = ? "
                "ORDER BY rowid",
                [digest],
            )
        )
        done = [e for e in earlier if e["outcome"] != "held"]
        decided = _decision_for_digest(db, digest)
        if decided is not None and not done:
            return Outcome(
                file,
                index,
                decided["control_id"],
                "ignored",
                HELD_THEN_DECIDED.format(
                    decision=decided["decision"], day=Moment(decided["decided_at"][:10])
                ),
            )
        if done:
            first = done[0]
            return Outcome(
                file,
                index,
                first["control_id"],
                "ignored",
                ALREADY_IMPORTED.format(
                    day=Moment(first["received_at"][:10]), outcome=first["outcome"]
                ),
            )
        control_id, sender, mrn = "", "", ""
        sources: list[dict[str, Any]] = []
        patient_id: str | None = None
        try:
            message = read_message(text)
            control_id, sender = message.control_id, message.sender
            named = [rules.mrn_candidates(g.ids) for g in message.groups]
            mrn = next((m[0] for m in named if m), "")
            with store.write():  # a savepoint: a held message leaves nothing charted
                patient_id, mrn, sources = _chart_message(
                    store, db, message, settings, actor=actor, now=now, tz=tz
                )
            outcome, reason = "charted", ""
        except _Stop as stop:
            outcome, reason = stop.outcome, stop.reason
            sources = []
        except Exception as error:  # one odd message must never stop the others
            if isinstance(error, (ChartFileError, *db_errors())):
                raise  # the chart file itself failed: no message can be recorded
            outcome, reason = (
                "refused",
                COULD_NOT_BE_READ.format(kind=type(error).__name__, error=str(error)),
            )
            sources, patient_id = [], None
        if earlier and outcome == "held":
            # Held before and still held: nothing new to record.
            return Outcome(file, index, control_id, "held", reason, mrn=mrn)
        message_id = records.new_id()
        db.table("lab_messages").insert(
            {
                "id": message_id,
                "received_at": utc_text(now),
                "received_by": actor,
                "file": file,
                "control_id": control_id,
                "sender": sender,
                "digest": digest,
                "outcome": outcome,
                "reason": reason,
                "results": len(sources),
                "patient_id": patient_id,
                "mrn": mrn,
                "message": text,
            }
        )
        audit.append(
            db,
            actor=actor,
            action="hl7_import",
            entity="lab_messages",
            record_id=message_id,
            patient_id=patient_id,
            detail={
                "file": file,
                "control_id": control_id,
                "outcome": outcome,
                "reason": reason,
                "results": len(sources),
                audit.VERSION_KEY: _seal(db, "lab_messages", "id", message_id),
            },
            now=now,
        )
        for source in sources:
            db.table("lab_result_sources").insert({**source, "message_id": message_id})
            audit.append(
                db,
                actor=actor,
                action="hl7_source",
                entity="lab_result_sources",
                record_id=source["result_version"],
                patient_id=source["patient_id"],
                detail={
                    "message_id": message_id,
                    "order_key": source["order_key"],
                    "status": source["status"],
                    audit.VERSION_KEY: _seal(
                        db, "lab_result_sources", "result_version", source["result_version"]
                    ),
                },
                now=now,
            )
    return Outcome(file, index, control_id, outcome, reason, len(sources), mrn)


def _seal(db: Database, table: str, key: str, row_id: str) -> str:
    """The hash of a row just written, as stored, for its audit row: ``check`` recomputes
    it, so a message or source row changed later is found (docs/tamper-evidence.md)."""
    (stored,) = audit.stored_rows(db, table, f"{key} = ?", [row_id])
    return audit.version_hash(stored)


def _chart_message(
    store: ChartStore,
    db: Database,
    message: _Message,
    settings: WardSettings,
    *,
    actor: str,
    now: datetime,
    tz: tzinfo | None,
    attach_to: Patient | None = None,
) -> tuple[str | None, str, list[dict[str, Any]]]:
    """Chart a message's CBCs; raise _Stop when it is not charted. Returns the (first)
    patient's id and MRN and the source rows of every CBC version written. ``attach_to``
    is the patient a nurse chose for a held message: its identifiers are not matched."""
    if message.kind.upper() != "ORU^R01":
        raise _Stop(
            "ignored",
            A_MESSAGE_NOT_A_RESULT.format(kind=message.kind or "typeless"),
        )
    why = rules.processing_refusal(message.processing_id, accept_test=settings.hl7_accept_test)
    if why:
        raise _Stop(
            "ignored",
            why,
        )
    local = rules.parse_local_codes(settings.hl7_local_codes)
    plans = []
    for group in message.groups:
        orders = []
        for order in group.orders:
            plan = _order_plan(order, local, tz)
            if plan is not None:
                orders.append(plan)
        if orders:
            plans.append((group, orders))
    if not plans:
        raise _Stop(
            "ignored",
            NO_CBC_RESULT_TO_CHART,
        )
    sources: list[dict[str, Any]] = []
    first: Patient | None = None
    seen: set[tuple[str, str]] = set()
    if attach_to is not None and len(plans) > 1:
        raise _held(THE_MESSAGE_HAS_RESULTS_FOR.format(count=len(plans)))
    for group, orders in plans:
        patient = attach_to or _match_patient(db, group)
        first = first or patient
        for plan in orders:
            if plan.key and (patient.id, plan.key) in seen:
                raise _held(ORDER_APPEARS_TWICE_IN_THE.format(key=plan.key))
            seen.add((patient.id, plan.key))
            source = _chart_order(store, db, patient, plan, actor=actor, now=now)
            if source is not None:
                sources.append(source)
    assert first is not None
    if not sources:
        raise _Stop(
            "ignored",
            ITS_RESULTS_ARE_ALREADY_ON,
        )
    return first.id, first.mrn, sources


@dataclass
class _Plan:
    key: str
    taken: datetime
    observations: dict[str, dict[str, Any]]


def _order_plan(order: _Order, local: rules.LocalCodes, tz: tzinfo | None) -> _Plan | None:
    """An order's observations that wardchart charts (None when it has none)."""
    observations: dict[str, dict[str, Any]] = {}
    for obx in order.observations:
        concept, why = rules.concept_of(obx.codings, local)
        if why:
            raise _held(why)
        if concept is None:
            continue
        if obx.values > 1:  # "0.45~4.5": which one is the result? Never the first by chance
            raise _held(MORE_THAN_ONE_VALUE_IN.format(concept=concept))
        status, why = rules.status_of(obx.status)
        if why:
            raise _held(CONCEPT_PROBLEM.format(concept=concept, why=why))
        if status is None:
            continue  # pending, or cannot be obtained: nothing to chart yet
        value, why = rules.lab_number(obx.value_type, obx.value)
        if value is None:
            raise _held(CONCEPT_PROBLEM.format(concept=concept, why=why))
        converted, why = rules.to_chart_value(concept, value, obx.unit, obx.reference_range, status)
        if converted is None:
            raise _held(why)
        key = f"{concept}/{obx.sub_id}"
        if key in observations:
            raise _held(TWO_RESULTS_WITH_THE_SAME.format(concept=concept))
        observations[key] = {
            "concept": converted.concept,
            "value": plain(converted.value),
            "lln": None if converted.lln is None else plain(converted.lln),
            "status": status,
            "code": " / ".join(f"{c.code}^{c.system}" for c in obx.codings if c.code),
            "name": next((c.text for c in obx.codings if c.text), ""),
            "received": obx.value,
            "unit": obx.unit,
            "reference_range": obx.reference_range,
            "flags": obx.flags,
            "time": obx.time,
        }
    if not observations:
        return None
    when = order.taken or next((o.time for o in order.observations if o.time), "")
    if not when:
        raise _held(THE_RESULT_HAS_NO_COLLECTION)
    try:
        taken = rules.lab_time(when, "collection time", tz)
    except InvalidEntry as error:
        raise _held(
            FIELD_PROBLEM.format(field=error.first.field, message=error.first.message)
        ) from None
    return _Plan(order.key, taken, observations)


def _match_patient(db: Database, group: _PatientGroup) -> Patient:
    """The one patient on the chart whose MRN (PID-3) and date of birth (PID-7) match."""
    candidates = rules.mrn_candidates(group.ids)
    if not candidates:
        raise _held(THE_MESSAGE_NAMES_NO_PATIENT)
    found = {p.id: p for p in (queries.find_patient(db, mrn) for mrn in candidates) if p}
    if not found:
        raise _held(NO_PATIENT_ON_THIS_CHART.format(mrns=" or ".join(candidates)))
    if len(found) > 1:
        raise _held(THE_IDENTIFIERS_BELONG_TO_DIFFERENT.format(mrns=", ".join(candidates)))
    patient = next(iter(found.values()))
    dob = rules.birth_date(group.dob)
    if dob is None:
        raise _held(MRN_THE_MESSAGE_HAS_NO.format(mrn=patient.mrn))
    if dob != patient.dob:
        raise _held(MRN_DATE_OF_BIRTH_IN.format(mrn=patient.mrn, dob=dob))
    return patient


def _values(observations: dict[str, dict[str, Any]]) -> list[rules.LabValue]:
    from decimal import Decimal

    return [
        rules.LabValue(
            o["concept"],
            Decimal(o["value"]),
            o["status"],
            None if o["lln"] is None else Decimal(o["lln"]),
        )
        for o in observations.values()
        if o["concept"] != "bands_abs"
    ]


def _chart_order(
    store: ChartStore,
    db: Database,
    patient: Patient,
    plan: _Plan,
    *,
    actor: str,
    now: datetime,
) -> dict[str, Any] | None:
    """Chart one order's CBC, or supersede the version charted from an earlier message;
    return its source row (None when nothing changed)."""
    earlier = None
    if plan.key:
        rows = list(
            db.query(
                "SELECT * FROM lab_result_sources WHERE order_key = ? ORDER BY rowid DESC",
                [plan.key],
            )
        )
        if any(r["patient_id"] != patient.id for r in rows):
            raise _held(ORDER_WAS_CHARTED_FOR_ANOTHER.format(key=plan.key))
        earlier = rows[0] if rows else None
    merged = dict(plan.observations)
    reason = ""
    if earlier is not None:
        before: dict[str, dict[str, Any]] = json.loads(earlier["observations"])
        current = records.current_version(db, "results", earlier["result_id"])
        moved = current is not None and current["taken_utc"] != utc_text(plan.taken)
        reason = _transition(before, plan.observations, moved=moved)
        merged = {**before, **plan.observations}
        if _essence(merged) == _essence(before) and not moved:
            return None  # the same result again: nothing to add
        if current is None:
            raise _held(ORDER_ITS_EARLIER_RESULT_WAS.format(key=plan.key))
        if current["id"] != earlier["result_version"]:
            raise _held(ORDER_THE_CHARTED_RESULT_WAS.format(key=plan.key))
    entry, why = rules.cbc_entry(_values(merged), plan.taken)
    if entry is None:
        if why:
            raise _held(why)
        return None  # e.g. platelets alone: nothing wardchart charts
    problems = rules.needs_a_person(entry)
    if problems:
        raise _held("; ".join(problems))
    status = rules.record_status([o["status"] for o in merged.values()])
    if earlier is None:
        try:
            values = operations.cbc_values(db, patient, entry, confirm=True, now=now)
        except InvalidEntry as error:
            raise _held(
                FIELD_PROBLEM.format(field=error.first.field, message=error.first.message)
            ) from None
        if queries.cbc_already_charted(db, values):
            return None  # typed in by hand already: the one rule of every import
        clash = "" if plan.key else queries.same_time_conflict(db, values)
        if clash:  # an order number names its own sample; without one, the shared rule
            raise _held(NO_ORDER_NUMBER_OBR_3.format(clash=clash))
    try:
        current = chart_lab_result(
            store,
            patient=patient,
            entry=entry,
            status=status,
            correcting=None
            if earlier is None
            else (earlier["result_id"], earlier["result_version"]),
            reason=reason,
            actor=actor,
            now=now,
        )
    except InvalidEntry as error:
        raise _held(
            FIELD_PROBLEM.format(field=error.first.field, message=error.first.message)
        ) from None
    return {
        "result_version": current["id"],
        "result_id": current["origin_id"],
        "patient_id": patient.id,
        "order_key": plan.key,
        "status": status,
        "observations": json.dumps(merged, sort_keys=True, ensure_ascii=False),
    }


def chart_lab_result(
    store: ChartStore,
    *,
    patient: Patient,
    entry: CbcEntry,
    status: str,
    correcting: tuple[str, str] | None,
    reason: str,
    actor: str,
    now: datetime,
) -> dict[str, Any]:
    """Chart a laboratory's result, or correct the result an earlier message charted
    (``correcting``: its record id and the version that message charted, so a result a
    person corrected since is refused, not overwritten), the same way for HL7 and FHIR;
    the warnings left by then are the laboratory's facts (``needs_a_person`` held the
    rest). Returns the charted version."""
    if correcting is None:
        saved = operations.record_cbc(
            store,
            patient=patient,
            entry=entry,
            confirm=True,
            source="import",
            lab_status=status,
            actor=actor,
            now=now,
        )
    else:
        saved = operations.correct_cbc(
            store,
            patient=patient,
            record_id=correcting[0],
            expected_version=correcting[1],
            entry=entry,
            reason=reason,
            confirm=True,
            lab_status=status,
            actor=actor,
            now=now,
        )
    current = records.current_version(store.db, "results", saved.record_id)
    assert current is not None
    return current


def _essence(observations: dict[str, dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {k: (o["value"], o["lln"], o["status"]) for k, o in observations.items()}


def _transition(
    before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], *, moved: bool
) -> str:
    """The reason a new message's observations replace the charted ones, or _Stop when a
    person must decide (a preliminary after the final, a second different final). A new
    collection time (``moved``) counts as a different value."""
    reasons = set()
    for key, new in after.items():
        old = before.get(key)
        if old is None:
            reasons.add(UPDATED_REASON if new["status"] == "preliminary" else FINAL_REASON)
            continue
        same = (old["value"], old["lln"]) == (new["value"], new["lln"]) and not moved
        if old["status"] != "preliminary" and new["status"] == "preliminary":
            raise _held(A_PRELIMINARY_ARRIVED_AFTER_THE.format(concept=new["concept"]))
        if old["status"] == "preliminary":
            reasons.add(FINAL_REASON if new["status"] != "preliminary" else UPDATED_REASON)
        elif new["status"] == "corrected" and (not same or old["status"] != "corrected"):
            reasons.add(CORRECTED_REASON)
        elif not same:
            raise _held(A_SECOND_FINAL_WITH_ANOTHER.format(concept=new["concept"]))
    for reason in (CORRECTED_REASON, FINAL_REASON, UPDATED_REASON):
        if reason in reasons:
            return reason
    return FINAL_REASON


def supersede_reason(
    before: dict[str, rules.LabValue], after: dict[str, rules.LabValue], *, moved: bool
) -> tuple[str, str]:
    """For another import (FHIR) of results already charted from the laboratory: the
    values charted (``before``) and those just received (``after``), by concept. Returns
    ("", "") when nothing changed, (the correction's reason, "") when the new ones
    supersede the charted ones, or ("", why a person must decide), by the same rules as a
    message (a preliminary after the final, a second different final)."""

    def shown(values: dict[str, rules.LabValue]) -> dict[str, dict[str, Any]]:
        return {
            k: {
                "concept": v.concept,
                "value": plain(v.value),
                "lln": None if v.lln is None else plain(v.lln),
                "status": v.status,
            }
            for k, v in values.items()
        }

    old, new = shown(before), shown(after)
    if _essence({**old, **new}) == _essence(old) and not moved:
        return "", ""
    try:
        return _transition(old, new, moved=moved), ""
    except _Stop as stop:
        return "", stop.reason


# --- held messages -------------------------------------------------------------------------


def held_messages(db: Database) -> list[dict[str, Any]]:
    """Messages held for a person, not charted since and not attached or dismissed by a
    nurse, oldest first."""
    return list(
        db.query(
            """SELECT id, received_at, file, control_id, sender, mrn, reason
               FROM lab_messages h
               WHERE outcome = 'held' AND NOT EXISTS (
                   SELECT 1 FROM lab_messages c
                   WHERE c.digest = h.digest AND c.outcome <> 'held')
               AND NOT EXISTS (
                   SELECT 1 FROM lab_message_decisions d
                   JOIN lab_messages m ON m.id = d.message_id
                   WHERE m.digest = h.digest)
               ORDER BY rowid"""
        )
    )


@dataclass(frozen=True)
class MessagePatient:
    """A patient as a message names them: PID-3 identifiers (value, type) and PID-7."""

    identifiers: tuple[tuple[str, str], ...]
    dob: date | None
    name: str


def message_patients(text: str) -> list[MessagePatient]:
    """The patients a stored message names, for a person deciding about it (an unreadable
    message names none)."""
    try:
        message = read_message(text)
    except _Stop:
        return []
    return [
        MessagePatient(
            tuple((i.value, i.type_code) for i in g.ids if i.value),
            rules.birth_date(g.dob),
            g.name,
        )
        for g in message.groups
    ]


def _decision_for_digest(db: Database, digest: str) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT d.decision, d.decided_at, m.control_id FROM lab_message_decisions d "
            "JOIN lab_messages m ON m.id = d.message_id WHERE m.digest = ? LIMIT 1",
            [digest],
        )
    )
    return rows[0] if rows else None


def _held_row(db: Database, message_id: str) -> dict[str, Any]:
    """The held message a nurse decides about; one clear problem when it is not one."""
    rows = list(db.query("SELECT * FROM lab_messages WHERE id = ?", [message_id]))
    if not rows or rows[0]["outcome"] != "held":
        raise InvalidEntry(
            [
                Problem(
                    "message",
                    NO_HELD_LAB_MESSAGE.format(message_id=message_id),
                )
            ]
        )
    if not any(h["id"] == message_id for h in held_messages(db)):
        raise InvalidEntry(
            [
                Problem(
                    "message",
                    LAB_MESSAGE_IS_NO_LONGER.format(message=rows[0]["control_id"] or message_id),
                )
            ]
        )
    return rows[0]


def _decision_reason(reason: str) -> str:
    why = rules.decision_reason_problem(reason)
    if why:
        raise InvalidEntry([Problem("reason", why)])
    return reason.strip()


def _record_decision(
    db: Database,
    held: dict[str, Any],
    *,
    decision: str,
    patient_id: str | None,
    reason: str,
    results: int,
    actor: str,
    now: datetime,
) -> str:
    decision_id = records.new_id()
    db.table("lab_message_decisions").insert(
        {
            "id": decision_id,
            "message_id": held["id"],
            "decision": decision,
            "patient_id": patient_id,
            "reason": reason,
            "results": results,
            "decided_at": utc_text(now),
            "decided_by": actor,
        }
    )
    audit.append(
        db,
        actor=actor,
        action=f"hl7_{decision}",
        entity="lab_message_decisions",
        record_id=decision_id,
        patient_id=patient_id,
        detail={
            "message_id": held["id"],
            "file": held["file"],
            "control_id": held["control_id"],
            "held_because": held["reason"],
            "reason": reason,
            "results": results,
            audit.VERSION_KEY: records.seal(db, "lab_message_decisions", decision_id),
        },
        now=now,
    )
    return decision_id


def attach_held_message(  # noqa: PLR0917  message, patient, reason, then who and when
    store: ChartStore,
    message_id: str,
    patient: Patient,
    reason: str,
    actor: str,
    now: datetime,
    *,
    tz: tzinfo | None = None,
) -> Outcome:
    """Chart a held message's results to the patient a nurse chose, whatever the
    identifiers in the message say, with the nurse's reason; recorded and audited. A
    message held for its values (not its patient) still cannot be charted: one problem
    naming why, and nothing is written. See docs/hl7-inbox.md."""
    why = _decision_reason(reason)
    with store.write() as db:
        held = _held_row(db, message_id)
        if records.current_version(db, "patients", patient.id) is None:
            raise InvalidEntry(
                [
                    Problem(
                        "patient",
                        THAT_PATIENT_IS_NO_LONGER,
                    )
                ]
            )
        settings = queries.ward_settings(db)
        try:
            message = read_message(held["message"])
            with store.write():
                _, _, sources = _chart_message(
                    store, db, message, settings, actor=actor, now=now, tz=tz, attach_to=patient
                )
        except _Stop as stop:
            raise InvalidEntry(
                [
                    Problem(
                        "message",
                        IT_CANNOT_BE_CHARTED_TO.format(reason=stop.reason),
                    )
                ]
            ) from None
        for source in sources:
            db.table("lab_result_sources").insert({**source, "message_id": held["id"]})
        _record_decision(
            db,
            held,
            decision="attached",
            patient_id=patient.id,
            reason=why,
            results=len(sources),
            actor=actor,
            now=now,
        )
    return Outcome(held["file"], 1, held["control_id"], "attached", why, len(sources), patient.mrn)


def dismiss_held_message(
    store: ChartStore, message_id: str, reason: str, actor: str, now: datetime
) -> Outcome:
    """Take a held message off the held list without charting it, with the nurse's reason;
    the message stays in the chart file, the decision is recorded and audited."""
    why = _decision_reason(reason)
    with store.write() as db:
        held = _held_row(db, message_id)
        _record_decision(
            db,
            held,
            decision="dismissed",
            patient_id=None,
            reason=why,
            results=0,
            actor=actor,
            now=now,
        )
    return Outcome(held["file"], 1, held["control_id"], "dismissed", why, 0, held["mrn"])
