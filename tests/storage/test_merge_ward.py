"""Merging by file keeps a ward's identity (docs/hub.md, "The ward's identity"): two charts
of different wards are never merged (one line, nothing written), and a chart with no ward
yet takes the other's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ward_fixture import NOW, write_ward

from wardchart.cli import main
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.merge import MergeRefused, merge_from
from wardchart.storage.replica import chart_ward, record_ward

WARD_A = "1a2b3c4d-0000-4000-8000-00000000000a"
WARD_B = "9f8e7d6c-0000-4000-8000-00000000000b"


def _chart(path: Path, ward: str | None) -> ChartStore:
    """A chart of a ward, its ward recorded as a first sync with the ward's hub does."""
    store = open_chart(path)
    write_ward(store)
    if ward is not None:
        with store.write() as db:
            record_ward(db, ward, how="hub", source="the ward hub", at_utc="2026-01-05T08:00:00Z")
    return store


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: int(conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0]) for n in names}
    finally:
        conn.close()


def test_two_wards_are_never_merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _chart(tmp_path / "a.sqlite", WARD_A)
    _chart(tmp_path / "b.sqlite", WARD_B).close()
    before = _counts(tmp_path / "a.sqlite")
    with pytest.raises(MergeRefused) as raised:
        merge_from(a, tmp_path / "b.sqlite", actor="n", now=NOW)
    assert raised.value.why == "other_ward"
    said = str(raised.value)
    assert "\n" not in said
    assert said == (
        f"{tmp_path / 'b.sqlite'} belongs to another ward than {tmp_path / 'a.sqlite'} (its "
        "ward 9f8e7d6c…, this chart's ward 1a2b3c4d…); nothing was changed"
    )
    a.close()
    assert _counts(tmp_path / "a.sqlite") == before
    status = main(["--db", str(tmp_path / "a.sqlite"), "merge", str(tmp_path / "b.sqlite")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("wardchart: error: ")
    assert err.count("\n") == 1
    assert "belongs to another ward than" in err
    assert _counts(tmp_path / "a.sqlite") == before


def test_a_chart_with_no_ward_takes_the_merged_ones(tmp_path: Path) -> None:
    c = _chart(tmp_path / "c.sqlite", None)
    _chart(tmp_path / "a.sqlite", WARD_A).close()
    merge_from(c, tmp_path / "a.sqlite", actor="n", now=NOW, dry_run=True)
    assert chart_ward(c.db) is None  # a dry run saves nothing
    merge_from(c, tmp_path / "a.sqlite", actor="n", now=NOW)
    assert chart_ward(c.db) == WARD_A
    how = c.db.execute("SELECT how, source FROM chart_ward").fetchall()
    assert how == [("merged", str(tmp_path / "a.sqlite"))]
    c.close()
    # merged the other way, a chart of a ward keeps it, and the file refuses a second ward
    a = open_chart(tmp_path / "a.sqlite")
    _chart(tmp_path / "d.sqlite", None).close()
    merge_from(a, tmp_path / "d.sqlite", actor="n", now=NOW)
    assert chart_ward(a.db) == WARD_A
    with pytest.raises(sqlite3.IntegrityError, match="one ward only"), a.write() as db:
        record_ward(db, WARD_B, how="hub", source="x", at_utc="2026-01-05T08:00:00Z")
    assert chart_ward(a.db) == WARD_A
    a.close()
