"""A CBC saved on replica A, shown in the census of the other replicas: how long it takes.

``python -m benchmarks.hub_latency [--replicas 1 20] [--saves 20]`` starts a throwaway
PostgreSQL cluster (as the hub tests do), makes a ward hub, a replica A holding the demo
ward, and for each count N, N replica processes joined from the hub. Each replica runs
what the window runs, headless: the ``SyncLoop`` (a sync on every announcement from the
hub, LISTEN/NOTIFY, and every 10 s) and, after each sync that brought rows, the census
line of the watched patient read on its own connection; it prints when that line first
shows the new ANC. A saves a CBC with a new ANC and asks its own loop to sync (as the
window does after a save); the figure is the time from just before the save to the line
shown, over every replica and every save: p50 and p95 (target p95 ≤ 2 s). Wall-clock
times on one machine, so the processes' clocks agree.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import queue
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _replica(path: Path, address: str, mrn: str) -> int:
    """One headless replica: sync by itself, print ``seen ANC TIME`` when the watched
    patient's census line shows a new ANC."""
    from wardchart.session import ChartingSession
    from wardchart.session.hub_loop import SyncLoop, SyncReport
    from wardchart.storage.database import open_chart
    from wardchart.storage.hub.sync import sync

    store = open_chart(path)
    sync(store, address, actor="replica")  # join the ward
    session = ChartingSession(store, "replica")
    patient = session.require_patient(mrn)
    reports: queue.Queue[SyncReport] = queue.Queue()
    loop = SyncLoop(path, address, actor="replica", on_report=reports.put).start()
    shown = ""
    ready = False
    while True:
        report = reports.get()
        if report.problem:
            print(f"problem {report.problem}", flush=True)
            continue
        if not ready and loop.listening:
            ready = True
            print("ready", flush=True)
        if report.pulled or not shown:
            row = session.census_row(patient.id)
            anc = "" if row is None else row.latest_anc.split(" ")[0]
            if anc != shown:
                shown = anc
                print(f"seen {anc} {time.time():.6f}", flush=True)
        if not ready:
            loop.request()
            time.sleep(0.05)


def _server() -> tuple[Any, str]:
    sys.path.insert(0, str(ROOT / "tests" / "hub"))
    cluster = importlib.import_module("conftest")  # the hub tests' throwaway cluster
    server = cluster.PgServer(cluster.server_binaries())
    server.init()
    with (server.data / "postgresql.conf").open("a") as conf:
        conf.write("max_connections = 120\n")
    server.start()
    owner_pw, ward_pw = secrets.token_hex(12), secrets.token_hex(12)
    with server.admin() as admin:
        admin.execute(f"CREATE ROLE bench_owner LOGIN PASSWORD '{owner_pw}'")
        admin.execute(f"CREATE ROLE bench_ward LOGIN PASSWORD '{ward_pw}'")
        admin.execute("CREATE DATABASE bench OWNER bench_owner")
    pgpass = server.root / "client.pgpass"
    pgpass.write_text(
        f"{server.host}:{server.port}:bench:bench_owner:{owner_pw}\n"
        f"{server.host}:{server.port}:bench:bench_ward:{ward_pw}\n"
    )
    pgpass.chmod(0o600)
    os.environ["PGPASSFILE"] = str(pgpass)
    from wardchart.storage.hub.schema import hub_init

    hub_init(server.url("bench_owner", "bench"), ward_role="bench_ward")
    return server, server.url("bench_ward", "bench")


class Replicas:
    """N replica processes and the times each printed."""

    def __init__(self, folder: Path, address: str, mrn: str, count: int) -> None:
        self.seen: queue.Queue[tuple[int, str, float]] = queue.Queue()
        self.ready: queue.Queue[int] = queue.Queue()
        self.procs = []
        for n in range(count):
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.hub_latency",
                    "--replica",
                    str(folder / f"r{count}-{n}.sqlite"),
                    address,
                    mrn,
                ],
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            self.procs.append(proc)
            threading.Thread(target=self._read, args=(n, proc), daemon=True).start()
        for _ in range(count):
            self.ready.get(timeout=300)

    def _read(self, n: int, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            words = line.split()
            if words[:1] == ["ready"]:
                self.ready.put(n)
            elif words[:1] == ["seen"]:
                self.seen.put((n, words[1], float(words[2])))
            elif words[:1] == ["problem"]:
                print(f"replica {n}: {line.strip()}", file=sys.stderr)

    def close(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            proc.wait(30)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except ArithmeticError:
        return None


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(counts: list[int], saves: int) -> list[dict[str, object]]:
    from wardchart.demo import write_demo_ward
    from wardchart.domain.plausibility import CbcEntry
    from wardchart.session.changes import RecordCbc
    from wardchart.session.core import ChartingSession
    from wardchart.session.hub_loop import SyncLoop
    from wardchart.storage.database import open_chart
    from wardchart.storage.hub.sync import sync

    server, address = _server()
    figures: list[dict[str, object]] = []
    try:
        folder = Path(tempfile.mkdtemp(prefix="wardchart-hub-bench-"))
        now = datetime.now().astimezone()
        a = open_chart(folder / "a.sqlite")
        write_demo_ward(a, now=now)
        sync(a, address, actor="it")
        session = ChartingSession(a, "nurse a")
        patient = session.patients()[0]
        loop = SyncLoop(a.path, address, actor="nurse a", on_report=lambda _r: None).start()
        anc = 100
        for count in counts:
            replicas = Replicas(folder, address, patient.mrn, count)
            try:
                while not replicas.seen.empty():
                    replicas.seen.get()
                times: list[float] = []
                for _ in range(saves):
                    anc += 1
                    value = Decimal(anc) / 100
                    entry = CbcEntry(
                        taken=datetime.now().astimezone() - timedelta(seconds=1),
                        wbc=value * 2,
                        anc=value,
                        platelets=Decimal(150),
                    )
                    started = time.time()
                    session.save(RecordCbc(patient, entry, confirm=True))
                    loop.request()
                    waiting = set(range(count))
                    deadline = time.monotonic() + 30
                    while waiting and time.monotonic() < deadline:
                        try:
                            n, shown, at = replicas.seen.get(timeout=1)
                        except queue.Empty:
                            continue
                        if _number(shown) == value and n in waiting:
                            waiting.discard(n)
                            times.append(at - started)
                    if waiting:
                        print(f"{len(waiting)} replicas never showed {value}", file=sys.stderr)
                    time.sleep(0.3)
                figure: dict[str, object] = {
                    "replicas": count,
                    "saves": saves,
                    "observations": len(times),
                    "p50_s": round(statistics.median(times), 3),
                    "p95_s": round(_percentile(times, 0.95), 3),
                    "max_s": round(max(times), 3),
                    "target_p95_s": 2.0,
                }
                print(json.dumps(figure), flush=True)
                figures.append(figure)
            finally:
                replicas.close()
        loop.stop()
        a.close()
    finally:
        server.destroy()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hub_latency", description=__doc__)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--replica", nargs=3, metavar=("CHART", "ADDRESS", "MRN"))
    args = parser.parse_args(argv)
    if args.replica:
        return _replica(Path(args.replica[0]), args.replica[1], args.replica[2])
    measure(args.replicas, args.saves)
    return 0


if __name__ == "__main__":
    sys.exit(main())
