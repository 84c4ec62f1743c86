"""Where a replica stands with the ward hub, in words for the status bar and a banner.

The window syncs by itself; after every attempt it folds the outcome into a ``HubState``
(``after_attempt``) and shows ``status_line``, and ``banner`` once it has been out of
step longer than the ward allows (setting ``hub_warn_after_minutes``). Times are shown
in the local time of ``now``. See docs/hub.md, "When the hub is down".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from wardchart.domain.texts import QT_TRANSLATE_NOOP, Count, Moment, Text


@dataclass(frozen=True)
class HubState:
    """What the window knows of its hub."""

    #: The last time a sync left this replica in step with the hub (None: not yet).
    in_step_at: datetime | None = None
    #: When the current run of failed attempts began (None: the last attempt worked).
    failing_since: datetime | None = None
    #: The last failure, one line ("" when the last attempt worked).
    problem: str = ""
    #: Whether the last failure was the hub not answering (down, network), rather than
    #: the hub refusing (credentials, version, a replica it will not take).
    unreachable: bool = False
    #: Entries saved here the hub does not have yet (known after a failed attempt).
    pending: int = 0
    #: When the chart file last recorded a sync that moved something, before this window
    #: tried (None: never): a run of failures at start-up began no later than that.
    recorded_in_step_at: datetime | None = None


def after_attempt(
    state: HubState,
    at: datetime,
    *,
    problem: str = "",
    unreachable: bool = False,
    pending: int = 0,
) -> HubState:
    """The state after a sync attempt finished at ``at``: in step when ``problem`` is
    empty, else failing since the first failure of this run."""
    if not problem:
        return HubState(in_step_at=at)
    return replace(
        state,
        failing_since=state.failing_since or at,
        problem=problem,
        unreachable=unreachable,
        pending=pending,
    )


def _when(moment: datetime, now: datetime) -> Moment:
    local = moment.astimezone(now.tzinfo)
    if local.date() == now.date():
        return Moment(f"{local:%H:%M}")
    return Moment(f"{local:%Y-%m-%d %H:%M}")


def _entries(count: int) -> Text:
    if count == 0:
        return QT_TRANSLATE_NOOP("HubStatus", "nothing to send")
    if count == 1:
        return QT_TRANSLATE_NOOP("HubStatus", "1 entry to send")
    return QT_TRANSLATE_NOOP("HubStatus", "{count} entries to send").format(count=Count(count))


def status_line(state: HubState, now: datetime) -> Text:
    """One line for the status bar, e.g. "in step with the ward hub · 14:02", "hub
    unreachable since 13:40 — charting on this computer, 3 entries to send"."""
    if state.failing_since is not None:
        line = (
            QT_TRANSLATE_NOOP(
                "HubStatus", "hub unreachable since {since} — charting on this computer, {entries}"
            )
            if state.unreachable
            else QT_TRANSLATE_NOOP(
                "HubStatus",
                "not syncing with the ward hub since {since} — charting on this computer, "
                "{entries}",
            )
        )
        return line.format(since=_when(state.failing_since, now), entries=_entries(state.pending))
    if state.in_step_at is not None:
        return QT_TRANSLATE_NOOP("HubStatus", "in step with the ward hub · {when}").format(
            when=_when(state.in_step_at, now)
        )
    return QT_TRANSLATE_NOOP("HubStatus", "syncing with the ward hub…")


def out_of_step_since(state: HubState) -> datetime | None:
    """Since when this replica has not been in step (None: it is, or has not tried): the
    last moment it is known to have been (this window's last good sync, else the last sync
    the chart file recorded), else the first failure."""
    if state.failing_since is None:
        return None
    return state.in_step_at or state.recorded_in_step_at or state.failing_since


def banner(state: HubState, now: datetime, warn_after_minutes: int) -> Text | None:
    """The warning to show above the chart when this replica has been out of step with
    the hub for more than ``warn_after_minutes`` (None: no warning)."""
    since = out_of_step_since(state)
    if since is None or now - since <= timedelta(minutes=warn_after_minutes):
        return None
    if state.pending == 0:
        here = QT_TRANSLATE_NOOP("HubStatus", "nothing saved here is waiting to be sent")
    elif state.pending == 1:
        here = QT_TRANSLATE_NOOP("HubStatus", "1 entry saved here has not reached them")
    else:
        here = QT_TRANSLATE_NOOP(
            "HubStatus", "{count} entries saved here have not reached them"
        ).format(count=Count(state.pending))
    why = (
        QT_TRANSLATE_NOOP("HubStatus", "the ward hub does not answer")
        if state.unreachable
        else QT_TRANSLATE_NOOP("HubStatus", "the ward hub refused: {problem}").format(
            problem=state.problem
        )
    )
    return QT_TRANSLATE_NOOP(
        "HubStatus",
        "Not in step with the ward hub since {since} (more than {minutes} minutes): {why}. "
        "Entries made on other computers since then may not show here, and {here}. "
        "Everything charted here is saved on this computer; tell IT if this lasts.",
    ).format(since=_when(since, now), minutes=warn_after_minutes, why=why, here=here)
