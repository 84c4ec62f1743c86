"""A realistic demo ward whose dates are relative to today, so it always looks live.

Twelve fictitious patients on different regimens, 1–4 cycles each, morning CBCs every
few days (daily around the nadir), nadirs of every CTCAE grade, G-CSF doses with their
early WBC overshoot (docs/clinical-rules.md#g-csf), one febrile-neutropenia episode, and several
patients inside their nadir window today. Deterministic: the same day gives the same ward.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore

DEMO_ACTOR = "demo"
#: Example lab reference limits from docs/clinical-rules.md#lower-limit-of-normal-lln [5]: WBC 4–11,
#: ANC 2–7.5 ×10⁹/L.
LAB_ANC_LLN = Decimal("2.0")
LAB_WBC_LLN = Decimal("4.0")


@dataclass(frozen=True)
class DemoPatient:
    """One demo patient's story: who, which regimen, how deep the nadir goes."""

    mrn: str
    name: str
    dob: date
    sex: str
    bed: str
    diagnosis: str
    regimen: str
    cycles: int
    today_day: int  # today's day in the current cycle
    nadir_anc: float  # the deepest ANC in a cycle, ×10⁹/L
    gcsf: str = ""  # "" | "pegfilgrastim" | "filgrastim"
    marrow: bool = False
    immune: bool = False
    febrile: bool = False
    skip_recent_cbc: bool = False
    nadir_day: float | None = None  # fixed nadir day in every cycle, else mid-window
    daily_cbc: bool = False  # a CBC every morning, and every evening in the nadir window


def _patients(today: date) -> list[DemoPatient]:
    def born(years: int, month: int, day: int) -> date:
        return date(today.year - years, month, day)

    return [
        DemoPatient(
            "MRN100231",
            "Okafor, Grace",
            born(54, 3, 14),
            "F",
            "4A-01",
            "Breast cancer, stage II",
            "AC",
            3,
            12,
            0.3,
            febrile=True,
            nadir_day=11,
        ),
        DemoPatient(
            "MRN100232",
            "Lindqvist, Anna",
            born(47, 8, 2),
            "F",
            "4A-02",
            "Breast cancer, stage III",
            "ddAC",
            4,
            9,
            0.9,
            gcsf="pegfilgrastim",
        ),
        DemoPatient(
            "MRN100233",
            "Haddad, Samir",
            born(68, 1, 23),
            "M",
            "4A-03",
            "Diffuse large B-cell lymphoma",
            "R-CHOP-21",
            2,
            12,
            0.45,
        ),
        DemoPatient(
            "MRN100234",
            "Nguyen, Thi Mai",
            born(61, 11, 5),
            "F",
            "4A-04",
            "Ovarian cancer",
            "Carboplatin/paclitaxel",
            3,
            17,
            1.1,
        ),
        DemoPatient(
            "MRN100235",
            "Brennan, Patrick",
            born(72, 6, 30),
            "M",
            "4A-05",
            "Colorectal cancer, adjuvant",
            "mFOLFOX6",
            4,
            5,
            1.3,
        ),
        DemoPatient(
            "MRN100236",
            "Kowalski, Ewa",
            born(58, 2, 17),
            "F",
            "4A-06",
            "Pancreatic adenocarcinoma",
            "FOLFIRINOX",
            2,
            8,
            0.6,
            gcsf="filgrastim",
            skip_recent_cbc=True,
        ),
        DemoPatient(
            "MRN100237",
            "Adeyemi, Tunde",
            born(24, 9, 9),
            "M",
            "4B-01",
            "Testicular germ-cell tumour",
            "BEP",
            2,
            3,
            0.8,
        ),
        DemoPatient(
            "MRN100238",
            "Rossi, Giulia",
            born(29, 4, 21),
            "F",
            "4B-02",
            "Hodgkin lymphoma",
            "ABVD",
            1,
            15,
            0.7,
            immune=True,
        ),
        DemoPatient(
            "MRN100239",
            "Campbell, Fiona",
            born(51, 12, 12),
            "F",
            "4B-03",
            "Breast cancer, stage I",
            "TC",
            1,
            20,
            1.7,
            gcsf="pegfilgrastim",
        ),
        DemoPatient(
            "MRN100240",
            "Yamamoto, Kenji",
            born(66, 7, 7),
            "M",
            "4B-04",
            "Non-small-cell lung cancer",
            "Docetaxel",
            2,
            10,
            2.6,
        ),
        DemoPatient(
            "MRN100241",
            "Silva, Rafael",
            born(49, 5, 3),
            "M",
            "4B-05",
            "Acute myeloid leukaemia",
            "7+3 induction",
            1,
            19,
            0.05,
            marrow=True,
        ),
        DemoPatient(
            "MRN100242",
            "Murphy, Siobhan",
            born(16, 10, 28),
            "F",
            "4B-06",
            "Hodgkin lymphoma",
            "ABVD",
            2,
            6,
            1.0,
        ),
    ]


def _anc_curve(
    day: float,
    baseline: float,
    nadir: float,
    nadir_day: float,
    *,
    width: float,
    gcsf_day: float | None,
) -> float:
    """A smooth fall to the nadir and recovery, with the G-CSF overshoot of
    docs/clinical-rules.md#g-csf."""
    value = baseline - (baseline - nadir) * math.exp(-(((day - nadir_day) / width) ** 2))
    if gcsf_day is not None and day > gcsf_day:
        value += 6.0 * math.exp(-(((day - gcsf_day - 1.5) / 1.2) ** 2))
        value += 0.8 * max(0.0, day - nadir_day) / 3  # faster recovery after the nadir
    return max(value, 0.01)


#: Regimens of the shipped library the synthetic ward draws from, with the diagnoses.
_SYNTHETIC_REGIMENS = (
    ("AC", "Breast cancer"),
    ("ddAC", "Breast cancer"),
    ("TC", "Breast cancer"),
    ("R-CHOP-21", "Diffuse large B-cell lymphoma"),
    ("Carboplatin/paclitaxel", "Ovarian cancer"),
    ("mFOLFOX6", "Colorectal cancer"),
    ("FOLFIRINOX", "Pancreatic adenocarcinoma"),
    ("BEP", "Testicular germ-cell tumour"),
    ("ABVD", "Hodgkin lymphoma"),
    ("Docetaxel", "Non-small-cell lung cancer"),
)
_GIVEN = ("Alex", "Sam", "Maria", "Wei", "Aisha", "Jonas", "Priya", "Tomasz", "Ines", "Kofi")
_FAMILY = ("Smith", "Garcia", "Chen", "Okoro", "Novak", "Patel", "Larsen", "Moreau", "Kim")


def synthetic_patients(
    count: int, *, today: date, seed: int = 1, cycles: tuple[int, int] = (1, 6)
) -> list[DemoPatient]:
    """``count`` fictitious patients with daily CBCs, for sizing and benchmarks.

    Deterministic for a seed; cycles drawn from ``cycles`` (inclusive), nadirs of every
    grade, some on G-CSF. MRNs are SYN000001, SYN000002, ...
    """
    rng = random.Random(seed)
    people = []
    for i in range(1, count + 1):
        regimen, diagnosis = rng.choice(_SYNTHETIC_REGIMENS)
        sex = rng.choice("FM")
        people.append(
            DemoPatient(
                mrn=f"SYN{i:06d}",
                name=f"{rng.choice(_FAMILY)}-{i}, {rng.choice(_GIVEN)}",
                dob=date(today.year - rng.randint(25, 85), rng.randint(1, 12), rng.randint(1, 28)),
                sex=sex,
                bed=f"{rng.choice('ABCDEFGH')}-{i:04d}",
                diagnosis=diagnosis,
                regimen=regimen,
                cycles=rng.randint(*cycles),
                today_day=rng.randint(1, 14),
                nadir_anc=rng.choice((0.2, 0.4, 0.8, 1.2, 1.7, 2.5)),
                gcsf=rng.choice(("", "", "", "pegfilgrastim", "filgrastim")),
                daily_cbc=True,
            )
        )
    return people


def write_demo_ward(
    store: ChartStore, *, now: datetime, people: list[DemoPatient] | None = None
) -> int:
    """Write the demo ward (or ``people``) into an empty chart file; return the count."""
    if queries.all_patients(store.db):
        raise InvalidEntry(
            [
                Problem(
                    "db",
                    QT_TRANSLATE_NOOP(
                        "Demo",
                        "{path} already holds charts; the demo is written only into a "
                        "new, empty file",
                    ).format(path=store.path),
                )
            ]
        )
    local_now = now.astimezone()
    today = local_now.date()
    rng = random.Random(today.toordinal())
    people = _patients(today) if people is None else people
    with store.write():
        for person in people:
            _write_patient(store, person, rng, local_now)
        operations.log_event(
            store,
            action="demo",
            entity="ward",
            actor=DEMO_ACTOR,
            now=now,
            detail={"patients": len(people)},
        )
    return len(people)


def _write_patient(store: ChartStore, p: DemoPatient, rng: random.Random, now: datetime) -> None:
    saved = operations.admit_patient(
        store,
        mrn=p.mrn,
        name=p.name,
        dob=p.dob,
        sex=p.sex,
        bed=p.bed,
        diagnosis=p.diagnosis,
        marrow_involved=p.marrow,
        immune_disorder=p.immune,
        actor=DEMO_ACTOR,
        now=now,
    )
    patient = queries.find_patient(store.db, p.mrn)
    assert patient is not None
    assert patient.id == saved.record_id
    regimen = queries.find_regimen(store.db, p.regimen)
    assert regimen is not None
    today = now.date()
    current_day1 = today - timedelta(days=p.today_day - 1)
    day1s = [
        current_day1
        - timedelta(
            days=regimen.cycle_length_days * (p.cycles - 1 - i)
            + rng.choice((0, 0, 0, 2)) * (i < p.cycles - 1)
        )
        for i in range(p.cycles)
    ]
    baseline = 1.2 if p.marrow else rng.uniform(3.2, 5.5)
    _cbc(
        store,
        patient,
        now,
        datetime.combine(day1s[0] - timedelta(days=2), time(7, 10)),
        baseline,
        rng,
        neut_fraction=0.6,
    )
    for number, day1 in enumerate(day1s, start=1):
        # The demo charts weeks of history at once: its past dates are confirmed.
        operations.start_cycle(
            store,
            patient=patient,
            regimen_name=p.regimen,
            day1=day1,
            confirm=True,
            actor=DEMO_ACTOR,
            now=now,
        )
        last_day = (
            (today - day1).days + 1 if number == len(day1s) else ((day1s[number] - day1).days)
        )
        depth = p.nadir_anc * rng.uniform(0.9, 1.15) if number > 1 else p.nadir_anc
        if number == len(day1s):
            depth = p.nadir_anc
        nadir_day = p.nadir_day or (regimen.nadir_start + regimen.nadir_end) / 2 + rng.uniform(
            -1, 1
        )
        gcsf_day = None
        if p.gcsf:
            gcsf_day = 2.0 if p.gcsf == "pegfilgrastim" else nadir_day - 2
            given = datetime.combine(day1 + timedelta(days=int(gcsf_day) - 1), time(10, 0))
            if given.astimezone() <= now:
                operations.record_gcsf(
                    store,
                    patient=patient,
                    given=given.astimezone(),
                    drug=p.gcsf,
                    dose="6 mg SC" if p.gcsf == "pegfilgrastim" else "300 mcg SC daily",
                    confirm=True,
                    actor=DEMO_ACTOR,
                    now=now,
                )
        for day, hour in _sample_times(regimen.nadir_start, regimen.nadir_end, last_day, p):
            when = datetime.combine(
                day1 + timedelta(days=day - 1), time(hour, rng.choice((0, 15, 30, 45)))
            )
            if when.astimezone() > now:
                continue
            if p.skip_recent_cbc and number == len(day1s) and day >= last_day - 1:
                continue
            anc = _anc_curve(day + 0.25, baseline, depth, nadir_day, width=3.0, gcsf_day=gcsf_day)
            fraction = 0.35 if anc < 0.5 else 0.62
            _cbc(store, patient, now, when, anc, rng, neut_fraction=fraction)
        _temperatures(store, patient, day1, last_day, now, rng)
    if p.febrile and p.nadir_day is not None:
        _febrile_episode(store, patient, current_day1 + timedelta(days=int(p.nadir_day) - 1), now)
    current = queries.load_chart(store.db, patient, queries.ward_settings(store.db), now).current
    if current is not None and current.nadir is not None and current.nadir.anc < Decimal("0.5"):
        operations.set_precautions(
            store,
            patient=patient,
            active=True,
            note="ANC below 0.5 this cycle",
            actor=DEMO_ACTOR,
            now=now,
        )


def _sample_times(
    nadir_start: int, nadir_end: int, last_day: int, p: DemoPatient
) -> list[tuple[int, int]]:
    """(day, hour) of each CBC: day 1, twice a week and daily through the nadir window;
    with ``daily_cbc`` every morning, and evenings too through the nadir window."""
    window = set(range(nadir_start, nadir_end + 1))
    if p.daily_cbc:
        mornings = set(range(1, last_day + 1))
        evenings = window
    else:
        mornings, evenings = {1, 4, 8, 15, 18, 22, 25} | window, set()
    times = [(d, 6) for d in mornings] + [(d, 18) for d in evenings]
    return sorted((d, h) for d, h in times if d <= last_day)


def _cbc(  # noqa: PLR0917  the demo's rows of made-up results read as a table
    store: ChartStore,
    patient: Patient,
    now: datetime,
    when: datetime,
    anc: float,
    rng: random.Random,
    *,
    neut_fraction: float,
) -> None:
    wbc = Decimal(str(round(anc / neut_fraction + rng.uniform(0.1, 0.4), 2)))
    if rng.random() < 0.5:
        # A lab-reported absolute ANC (LOINC 751-8).
        entry = CbcEntry(
            taken=when.astimezone(),
            wbc=wbc,
            anc=min(Decimal(str(round(anc, 2))), wbc),
            platelets=Decimal(rng.randint(90, 320)),
            anc_lln=LAB_ANC_LLN,
            wbc_lln=LAB_WBC_LLN,
        )
    else:
        # A differential: the ANC is computed from WBC × (neutrophils + bands) %.
        pct = Decimal(str(round(min(95.0, anc / float(wbc) * 100), 1)))
        bands = Decimal(rng.choice((0, 1, 2, 3, 5))) if pct < 90 else Decimal(0)
        entry = CbcEntry(
            taken=when.astimezone(),
            wbc=wbc,
            neut_pct=max(pct - bands, Decimal(0)),
            bands_pct=bands,
            platelets=Decimal(rng.randint(90, 320)),
            anc_lln=LAB_ANC_LLN,
            wbc_lln=LAB_WBC_LLN,
        )
    operations.record_cbc(
        store, patient=patient, entry=entry, confirm=True, actor=DEMO_ACTOR, now=now
    )


def _temperatures(  # noqa: PLR0917  like _cbc: called once per made-up cycle
    store: ChartStore,
    patient: Patient,
    day1: date,
    last_day: int,
    now: datetime,
    rng: random.Random,
) -> None:
    for day in range(1, last_day + 1, 2):
        when = datetime.combine(day1 + timedelta(days=day - 1), time(8, 0)).astimezone()
        if when > now:
            continue
        value = Decimal(str(round(rng.uniform(36.4, 37.4), 1)))
        operations.record_temperature(
            store,
            patient=patient,
            value=value,
            unit="C",
            taken=when,
            route="oral",
            confirm=True,
            actor=DEMO_ACTOR,
            now=now,
        )


def _febrile_episode(store: ChartStore, patient: Patient, on: date, now: datetime) -> None:
    """On the nadir day: 37.9 then 38.4 °C oral, with the morning ANC below 0.5."""
    for hour, minute, value in ((14, 0, "37.9"), (16, 10, "38.4"), (20, 0, "38.1")):
        when = datetime.combine(on, time(hour, minute)).astimezone()
        if when <= now:
            operations.record_temperature(
                store,
                patient=patient,
                value=Decimal(value),
                unit="C",
                taken=when,
                route="oral",
                confirm=True,
                actor=DEMO_ACTOR,
                now=now,
            )
