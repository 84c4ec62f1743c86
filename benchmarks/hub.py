"""Ward hub figures (see docs/hub.md), against a throwaway PostgreSQL server started here
the way the hub's tests start theirs (tests/hub/conftest.py: ``initdb`` in a temporary
folder, SCRAM passwords, 127.0.0.1 at a free port):

- the first sync of the hospital-scale file into an empty hub, beside the floor: PostgreSQL
  ``COPY`` of the same rows (every record table and the audit rows) into an empty hub's
  tables, one transaction;
- an incremental sync of one new CBC with the whole hospital file already on the hub, on
  a connection kept open from the sync before (as the window keeps it).

``python -m benchmarks.hub [--tiny]`` prints the figures; ``figures()`` returns them.
"""

from __future__ import annotations

import argparse
import importlib.util
import secrets
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.figures import Figure, timed
from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import open_chart
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.sync import close_hubs, sync
from wardchart.storage.hub.tables import AUDIT_COLUMNS, RECORD_TABLES


def _server_module() -> Any:
    path = Path(__file__).parent.parent / "tests" / "hub" / "conftest.py"
    spec = importlib.util.spec_from_file_location("wardchart_pg_server", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _Hubs:
    """A server, and a fresh hub database (owner and ward role) per call."""

    def __init__(self, folder: Path) -> None:
        pg = _server_module()
        self.server = pg.PgServer(pg.server_binaries())
        self.server.init()
        self.server.start()
        self.count = 0
        self.pgpass = folder / "pgpass"
        self.pgpass.write_text("")
        self.pgpass.chmod(0o600)

    def new(self) -> tuple[str, str]:
        """(owner URL, ward URL) of a new, initialised, empty hub."""
        import os

        self.count += 1
        n = self.count
        password = secrets.token_hex(12)
        with self.server.admin() as admin:
            admin.execute(f"CREATE ROLE owner_{n} LOGIN PASSWORD '{password}'")
            admin.execute(f"CREATE ROLE nurses_{n} LOGIN PASSWORD '{password}'")
            admin.execute(f"CREATE DATABASE ward_{n} OWNER owner_{n}")
        with self.pgpass.open("a") as out:
            for role in (f"owner_{n}", f"nurses_{n}"):
                out.write(f"{self.server.host}:{self.server.port}:ward_{n}:{role}:{password}\n")
        os.environ["PGPASSFILE"] = str(self.pgpass)
        owner = self.server.url(f"owner_{n}", f"ward_{n}")
        hub_init(owner, ward_role=f"nurses_{n}")
        return owner, self.server.url(f"nurses_{n}", f"ward_{n}")

    def close(self) -> None:
        self.server.destroy()


def _first_sync(chart: Path, ward_url: str, now: datetime) -> None:
    store = open_chart(chart, create=False)
    try:
        sync(store, ward_url, actor="bench", now=now)
    finally:
        store.close()


def _copy_floor(chart: Path, owner_url: str) -> None:
    """COPY every row the sync sends into the hub's tables, one transaction (no checks)."""
    import sqlite3

    import psycopg

    source = sqlite3.connect(f"file:{chart}?mode=ro", uri=True)
    try:
        with psycopg.connect(owner_url) as conn, conn.transaction():
            for table in RECORD_TABLES:
                names = ", ".join(table.column_names)
                with conn.cursor().copy(
                    f"COPY wardchart.{table.name} ({names}, hub_from) FROM STDIN"
                ) as copy:
                    for row in source.execute(f"SELECT {names} FROM [{table.name}]"):
                        copy.write_row((*row, "floor"))
            names = ", ".join(name for name, _kind, _nn in AUDIT_COLUMNS[2:])
            with conn.cursor().copy(
                f"COPY wardchart.audit_rows (replica_id, origin_seq, {names}, hub_from) FROM STDIN"
            ) as copy:
                for row in source.execute(
                    f"SELECT coalesce(replica_id, 'legacy'), coalesce(origin_seq, seq), {names}"
                    " FROM audit_log"
                ):
                    copy.write_row((*row, "floor"))
    finally:
        source.close()


def _one_cbc(chart: Path, now: datetime, n: int) -> Any:
    store = open_chart(chart, create=False)
    patient = queries.find_patient(store.db, "SYN000001")
    assert patient is not None
    entry = CbcEntry(
        taken=now - timedelta(minutes=n + 1),
        wbc=Decimal("4.0"),
        anc=Decimal("2.0"),
        platelets=Decimal(150),
    )
    operations.record_cbc(store, patient=patient, entry=entry, confirm=True, actor="b", now=now)
    return store


def figures(hospital: Path, work: Path, runs: int, now: datetime) -> list[Figure]:
    hubs = _Hubs(work)
    try:
        real, floor = [], []
        chart = work / "hub-source.sqlite"
        for _ in range(runs):
            shutil.copyfile(hospital, chart)
            _owner, ward = hubs.new()
            real.append(timed(partial(_first_sync, chart, ward, now)))
            owner, _ward = hubs.new()
            floor.append(timed(partial(_copy_floor, hospital, owner)))
        found = [
            Figure(
                "first sync of the hospital-scale file into an empty hub",
                "ms",
                real,
                "PostgreSQL COPY of the same rows, one transaction",
                floor,
                "≤ 3 × floor",
                [(3, "ratio")],
            )
        ]
        # The chart now on the hub (its last first sync): one new CBC, synced.
        step = []
        for n in range(max(runs, 5)):
            store = _one_cbc(chart, now, n)
            try:
                step.append(
                    timed(partial(sync, store, ward, actor="bench", now=now, keep_open=True))
                )
            finally:
                store.close()
        found.append(
            Figure(
                "incremental sync of one new CBC, the hospital-scale file on the hub",
                "ms",
                step,
                target="≤ 50 ms",
                limits=[(50, "value")],
            )
        )
        return found
    finally:
        close_hubs()
        hubs.close()


def main(argv: list[str] | None = None) -> int:
    from benchmarks import generate
    from benchmarks.figures import today

    parser = argparse.ArgumentParser(prog="python -m benchmarks.hub", description=__doc__)
    parser.add_argument("--tiny", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(__file__).with_name(".data"))
    args = parser.parse_args(argv)
    now = today()
    size = generate.Size(patients=12, cycles=(1, 2), template=4) if args.tiny else generate.HOSPITAL
    hospital, counts = generate.cached_file(
        args.data, "tiny-hospital" if args.tiny else "hospital", size, now
    )
    print(f"hospital file: {counts}", flush=True)
    with tempfile.TemporaryDirectory(prefix="wardchart-hub-bench-") as scratch:
        for figure in figures(hospital, Path(scratch), args.runs, now):
            ratio = f", {figure.ratio:.2f}× floor" if figure.ratio is not None else ""
            print(
                f"{figure.name}: median {figure.median:,.1f} {figure.unit} "
                f"(runs {', '.join(f'{s:,.0f}' for s in figure.samples)}){ratio}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
