"""The numeric views: counts are stored as decimal text, so max() over the text is a text
maximum ("9.1" above "10.2"); over the numeric view it is the numeric one."""

from __future__ import annotations

from pathlib import Path

from wardchart.cli import main
from wardchart.storage.database import open_chart
from wardchart.storage.schema import NUMERIC_VIEWS

TAKEN = "2026-03-0{}T08:00"


def test_max_over_the_numeric_view_is_numeric(chart_path: Path) -> None:
    db = ["--db", str(chart_path)]
    assert (
        main([*db, "patient", "add", "--mrn", "N1", "--name", "Num, Ber", "--dob", "1970-01-01"])
        == 0
    )
    for day, (wbc, anc) in enumerate([("9.1", "6.5"), ("10.2", "7.0"), ("2.0", "0.45")], 1):
        args = [
            "lab",
            "add",
            "--mrn",
            "N1",
            "--taken",
            TAKEN.format(day),
            f"--wbc={wbc}",
            f"--anc={anc}",
        ]
        assert main([*db, *args, "--confirm"]) == 0
    store = open_chart(chart_path)
    try:
        text_max = store.conn.execute("SELECT max(wbc) FROM current_results").fetchone()[0]
        assert text_max == "9.1"  # why the views exist
        row = store.conn.execute(
            "SELECT max(wbc), min(anc), typeof(max(wbc)) FROM current_results_numeric"
        ).fetchone()
        assert row == (10.2, 0.45, "real")
        for view, (source, _) in NUMERIC_VIEWS.items():
            shown = [r[1] for r in store.conn.execute(f"PRAGMA table_info({view})")]
            assert shown == [r[1] for r in store.conn.execute(f"PRAGMA table_info({source})")]
            count = store.conn.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
            assert count == store.conn.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
    finally:
        store.close()


def test_every_table_and_view_is_described_in_the_schema_document(chart_path: Path) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    store = open_chart(chart_path)
    try:
        names = [
            r[0]
            for r in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for name in names:
            assert f"`{name}`" in doc, name
            columns = [r[1] for r in store.conn.execute(f"PRAGMA table_info({name})")]
            if not name.startswith("current_"):
                for column in columns:
                    assert f"`{column}`" in doc, (name, column)
    finally:
        store.close()
