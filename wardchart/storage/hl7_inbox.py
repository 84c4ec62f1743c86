"""A watched folder of laboratory result files (the ward setting ``hl7_inbox``).

Each file that has finished arriving is imported through the same function as
``wardchart hl7 import``, then moved into the inbox's sub-folder ``done/`` (everything in it
charted, ignored or refused) or ``held/`` (a message held for a person, or not HL7 at
all, with a ``.why.txt`` note). Nothing is ever deleted; a name already used in
``done/`` or ``held/`` gets a number. No Qt here: the window calls ``next_file`` and
``take`` from a timer, one file a step. See docs/hl7-inbox.md.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from wardchart.domain.problems import InvalidEntry
from wardchart.storage import operations
from wardchart.storage.database import ChartStore
from wardchart.storage.hl7_import import Outcome, import_files

#: A file younger than this (seconds since its last change) may still be being written.
SETTLE_SECONDS = 2.0
#: Names a sender uses while a file is still being written.
_PARTIAL = (".tmp", ".part", ".partial", ".filepart", ".crdownload")
DONE, HELD = "done", "held"


@dataclass
class Taken:
    """One file taken from the inbox: what became of its messages, and where it went."""

    file: Path
    moved_to: Path
    outcomes: list[Outcome] = field(default_factory=list)
    not_hl7: str = ""


@dataclass
class Inbox:
    """The inbox folder and what was seen of its files at the last look."""

    folder: Path
    _sizes: dict[str, int] = field(default_factory=dict)

    def next_file(self, now: float | None = None) -> Path | None:
        """The oldest file that has finished arriving (by name when as old), or None. A
        file whose size changed since the last look, or changed in the last
        SETTLE_SECONDS, is left for a later look."""
        now = time.time() if now is None else now
        sizes: dict[str, int] = {}
        ready: list[tuple[float, str, Path]] = []
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return None  # the folder is away (a network share): try again later
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.lower().endswith(_PARTIAL):
                continue
            try:
                if not entry.is_file():
                    continue
                info = entry.stat()
            except OSError:
                continue
            sizes[name] = info.st_size
            settled = now - info.st_mtime >= SETTLE_SECONDS
            if settled and self._sizes.get(name, info.st_size) == info.st_size:
                ready.append((info.st_mtime, name, Path(entry.path)))
        self._sizes = sizes
        return min(ready)[2] if ready else None

    def take(
        self, store: ChartStore, path: Path, *, actor: str, now: datetime, tz: tzinfo | None = None
    ) -> Taken:
        """Import one file and move it to done/ or held/."""
        try:
            outcomes = import_files(store, [path], actor=actor, now=now, tz=tz)
        except InvalidEntry as error:  # not HL7 at all: held for a person, with the reason
            why = error.first.message
            moved = _move(path, self.folder / HELD)
            moved.with_name(moved.name + ".why.txt").write_text(why + "\n", encoding="utf-8")
            operations.log_event(
                store,
                action="hl7_inbox_not_hl7",
                entity="lab_messages",
                detail={"file": str(path), "moved_to": str(moved), "reason": why},
                actor=actor,
                now=now,
            )
            return Taken(path, moved, [], why)
        held = any(o.outcome == "held" for o in outcomes)
        moved = _move(path, self.folder / (HELD if held else DONE))
        return Taken(path, moved, outcomes)


def _move(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder``, never over another file: a clash gets -2, -3, …"""
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    number = 1
    while True:
        try:
            # a hard link fails when the name is taken, so no file is ever overwritten
            os.link(path, target)
        except FileExistsError:
            number += 1
            target = folder / f"{path.stem}-{number}{path.suffix}"
            continue
        except OSError:  # no hard links here (some network shares): rename to a free name
            while target.exists():
                number += 1
                target = folder / f"{path.stem}-{number}{path.suffix}"
            os.rename(path, target)
            return target
        path.unlink()
        return target
