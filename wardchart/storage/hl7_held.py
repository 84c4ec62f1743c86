"""Finding a held HL7 message by the id a person types (see docs/hl7-import.md)."""

from __future__ import annotations

from sqlite_utils import Database

from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP

#: The shortest id prefix accepted, as for record ids (`wardchart history`).
MIN_PREFIX = 8


def held_message_id(db: Database, typed: str) -> str:
    """The full id of the held message whose id is ``typed`` or starts with it (at least
    8 characters, as `wardchart hl7 held` shows it); one problem naming --message else."""
    text = typed.strip().lower()
    if len(text) < MIN_PREFIX or not all(c in "0123456789abcdef-" for c in text):
        raise InvalidEntry(
            [
                Problem(
                    "message",
                    QT_TRANSLATE_NOOP(
                        "Hl7Import",
                        "give the message id (at least its first {min_prefix} "
                        "characters; see wardchart hl7 held)",
                    ).format(min_prefix=MIN_PREFIX),
                )
            ]
        )
    ids = [
        row[0]
        for row in db.execute(
            "SELECT id FROM lab_messages WHERE outcome = 'held' AND substr(id, 1, ?) = ? LIMIT 2",
            [len(text), text],
        )
    ]
    if not ids:
        raise InvalidEntry(
            [
                Problem(
                    "message",
                    QT_TRANSLATE_NOOP(
                        "Hl7Import", "no held lab message {typed}; see wardchart hl7 held"
                    ).format(typed=repr(typed.strip())),
                )
            ]
        )
    if len(ids) > 1:
        raise InvalidEntry(
            [
                Problem(
                    "message",
                    QT_TRANSLATE_NOOP(
                        "Hl7Import", "{typed} matches more than one message; give more"
                    ).format(typed=repr(typed.strip())),
                )
            ]
        )
    return str(ids[0])
