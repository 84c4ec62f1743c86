"""The words the window uses for where it stands with the ward hub, boundaries included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from wardchart.domain.hub_status import HubState, after_attempt, banner, status_line

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 2, 14, 5, tzinfo=PARIS)


def test_before_any_attempt() -> None:
    assert status_line(HubState(), NOW) == "syncing with the ward hub…"
    assert banner(HubState(), NOW, 15) is None


def test_in_step_in_local_time() -> None:
    state = after_attempt(HubState(), datetime(2026, 3, 2, 13, 2, tzinfo=UTC))
    assert status_line(state, NOW) == "in step with the ward hub · 14:02"
    assert banner(state, NOW + timedelta(hours=5), 15) is None


def test_unreachable_with_entries_to_send() -> None:
    state = after_attempt(HubState(), NOW.replace(hour=13, minute=30))
    state = after_attempt(
        state,
        NOW.replace(hour=13, minute=40),
        problem="the ward hub ... cannot be reached",
        unreachable=True,
        pending=3,
    )
    assert status_line(state, NOW) == (
        "hub unreachable since 13:40 — charting on this computer, 3 entries to send"
    )
    # A later failure keeps the time the trouble began, and the latest count.
    later = after_attempt(
        state, NOW.replace(hour=13, minute=50), problem="x", unreachable=True, pending=1
    )
    assert status_line(later, NOW) == (
        "hub unreachable since 13:40 — charting on this computer, 1 entry to send"
    )
    nothing = after_attempt(HubState(), NOW, problem="x", unreachable=True, pending=0)
    assert status_line(nothing, NOW).endswith("charting on this computer, nothing to send")
    many = after_attempt(HubState(), NOW, problem="x", unreachable=True, pending=12345)
    assert status_line(many, NOW).endswith("12,345 entries to send")


def test_a_refusal_is_not_called_unreachable() -> None:
    state = after_attempt(
        HubState(), NOW, problem="the ward hub refused the credentials", pending=2
    )
    assert status_line(state, NOW) == (
        "not syncing with the ward hub since 14:05 — charting on this computer, 2 entries to send"
    )


def test_back_in_step_clears_the_failure() -> None:
    failing = after_attempt(HubState(), NOW, problem="x", unreachable=True, pending=3)
    back = after_attempt(failing, NOW + timedelta(minutes=20))
    assert status_line(back, NOW + timedelta(minutes=20)) == "in step with the ward hub · 14:25"
    assert banner(back, NOW + timedelta(minutes=20), 15) is None


def test_a_failure_since_another_day_gives_the_date() -> None:
    state = after_attempt(
        HubState(), datetime(2026, 3, 1, 23, 50, tzinfo=PARIS), problem="x", unreachable=True
    )
    assert "since 2026-03-01 23:50 —" in status_line(state, NOW)


def test_the_banner_shows_only_after_the_ward_limit() -> None:
    since = NOW.replace(hour=13, minute=40)
    state = after_attempt(HubState(), since, problem="down", unreachable=True, pending=3)
    assert banner(state, since + timedelta(minutes=15), 15) is None  # exactly the limit
    shown = banner(state, since + timedelta(minutes=15, seconds=1), 15)
    assert shown == (
        "Not in step with the ward hub since 13:40 (more than 15 minutes): the ward hub does "
        "not answer. Entries made on other computers since then may not show here, and 3 "
        "entries saved here have not reached them. Everything charted here is saved on this "
        "computer; tell IT if this lasts."
    )
    assert banner(state, since + timedelta(minutes=6), 5) is not None


def test_the_banner_names_a_refusal_and_counts_entries() -> None:
    since = NOW - timedelta(hours=1)
    refused = after_attempt(HubState(), since, problem="made by a newer wardchart", pending=1)
    text = banner(refused, NOW, 15)
    assert text is not None
    assert "the ward hub refused: made by a newer wardchart." in text
    assert "1 entry saved here has not reached them" in text
    none = after_attempt(HubState(), since, problem="down", unreachable=True, pending=0)
    assert "nothing saved here is waiting to be sent" in (banner(none, NOW, 15) or "")


def test_the_ward_chooses_how_long_before_the_banner() -> None:
    import pytest

    from wardchart.domain.problems import InvalidEntry
    from wardchart.domain.settings import WardSettings, apply_setting

    assert WardSettings().hub_warn_after_minutes == 15
    for good in ("1", "1440", " 30 "):
        assert apply_setting(WardSettings(), "hub_warn_after_minutes", good)
    assert apply_setting(WardSettings(), "hub_warn_after_minutes", "1440").hub_warn_after_minutes
    for bad in ("0", "1441", "-1", "", "1.5", "²", "9" * 7):
        with pytest.raises(InvalidEntry) as raised:
            apply_setting(WardSettings(), "hub_warn_after_minutes", bad)
        assert raised.value.first.field == "hub_warn_after_minutes"


def test_out_of_step_since_the_last_moment_known_in_step() -> None:
    """A window that starts offline is out of step since the chart file's last recorded
    sync, not since it started; the status line still says when it first failed."""
    recorded = NOW.replace(hour=13, minute=2)
    state = after_attempt(
        HubState(recorded_in_step_at=recorded), NOW, problem="x", unreachable=True, pending=1
    )
    assert status_line(state, NOW).startswith("hub unreachable since 14:05 —")
    assert banner(state, NOW, 15) is not None  # 63 minutes out of step
    assert "Not in step with the ward hub since 13:02 (more than 15 minutes)" in str(
        banner(state, NOW, 15)
    )
    # in step in this window at 13:50: that is the later moment known
    step = after_attempt(HubState(recorded_in_step_at=recorded), NOW.replace(minute=50, hour=13))
    failed = after_attempt(step, NOW, problem="x", unreachable=True)
    assert banner(failed, NOW, 15) is None  # 15 minutes, not more
    assert banner(failed, NOW + timedelta(minutes=1), 15) is not None
    # never synced: since the first failure
    fresh = after_attempt(HubState(), NOW, problem="x", unreachable=True)
    assert banner(fresh, NOW + timedelta(minutes=15), 15) is None
