"""Reading the census in parts, between events, so a hospital-sized census never freezes
the window: a click or a keystroke waits for at most one part (``PART`` patients)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from wardchart.domain.census import CensusRow, bed_sort_key
from wardchart.domain.records import Patient

if TYPE_CHECKING:
    from wardchart.ui.census import CensusPanel
    from wardchart.ui.session import ChartSession

#: Patients read per turn of the event loop (about 1–2 ms each).
PART = 50
#: While a first census fills, new lines are shown at most this often (re-sorting and
#: redrawing the table after every part made a hospital census take twice as long).
SHOW_EVERY_S = 0.5


@dataclass
class _Job:
    session: ChartSession
    remaining: list[Patient]
    total: int
    #: The census was empty: show each part as it comes. Otherwise the old census stays
    #: on screen until the new one is complete.
    progressive: bool
    rows: list[CensusRow] = field(default_factory=list)
    shown_at: float = 0.0
    #: Patients saved to while this job ran: their rows are read again at the end.
    touched: set[str] = field(default_factory=set)


class CensusLoader(QObject):
    """Fills a census panel from a session, ``PART`` patients per event-loop turn."""

    progress = Signal(int, int)  # patients read, patients in all (equal when done)

    def __init__(self, panel: CensusPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._job: _Job | None = None

    @property
    def running(self) -> bool:
        """Whether a census is being read."""
        return self._job is not None

    def start(self, session: ChartSession) -> None:
        """Read the whole census again (a job still running is dropped)."""
        patients = sorted(session.patients(), key=lambda p: (bed_sort_key(p.bed), p.name))
        progressive = self.panel.model.patient_count() == 0
        self._job = _Job(session, patients, len(patients), progressive)
        self._step(self._job)

    def touched(self, patient_id: str) -> None:
        """A patient's records changed while the census is being read."""
        if self._job is not None:
            self._job.touched.add(patient_id)

    def _step(self, job: _Job) -> None:
        if job is not self._job:
            return  # superseded by a newer start()
        part, job.remaining = job.remaining[:PART], job.remaining[PART:]
        job.rows += job.session.census(part)
        now = time.monotonic()
        if job.progressive and (not job.remaining or now - job.shown_at >= SHOW_EVERY_S):
            self.panel.add_rows(job.rows)  # the first part at once, then now and then
            job.rows, job.shown_at = [], now
        if job.remaining:
            self.progress.emit(job.total - len(job.remaining), job.total)
            QTimer.singleShot(0, lambda: self._step(job))
            return
        if not job.progressive:
            fresh = {pid: job.session.census_row(pid) for pid in job.touched}
            rows = [r for r in job.rows if r.patient_id not in fresh]
            self.panel.set_rows(rows + [r for r in fresh.values() if r is not None])
        self._job = None
        self.progress.emit(job.total, job.total)
