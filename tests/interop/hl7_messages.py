"""Realistic HL7 v2 ORU^R01 result messages for the tests, with the awkward shapes real
interfaces send. All identifiers are fictitious. Times are a few hours ago, with their
UTC offset, so no plausibility rule about dates gets in the way."""

from __future__ import annotations

from datetime import datetime, timedelta

MRN, DOB = "00123456", "19650412"
OTHER_MRN, OTHER_DOB = "00765432", "19720830"


def hl7_time(hours_ago: float = 3) -> str:
    at = datetime.now().astimezone() - timedelta(hours=hours_ago)
    return at.strftime("%Y%m%d%H%M%z")


def msh(control_id: str = "LAB000457", processing: str = "P", version: str = "2.5.1") -> str:
    return (
        f"MSH|^~\\&|LIS|GENHOSP_LAB|WARDCHART|ONC4|{hl7_time(0.5)}||ORU^R01^ORU_R01|"
        f"{control_id}|{processing}|{version}|||AL|NE"
    )


def pid(mrn: str = MRN, dob: str = DOB, ids: str | None = None) -> str:
    return f"PID|1||{ids or f'{mrn}^^^GENHOSP^MR'}||DOE^JANE^A||{dob}|F"


def obr(filler: str = "LAB445566", taken: str | None = None, panel: str = "57021-8") -> str:
    return (
        f"OBR|1|ORD778899^WARDCHART|{filler}^GENHOSP_LAB|{panel}^CBC W Auto Differential "
        f"panel - Blood^LN|||{taken or hl7_time()}|||||||||||||||{hl7_time(1)}|||F"
    )


def obx(
    n: int,
    code: str,
    value: str,
    unit: str = "10*9/L^10*9/L^UCUM",
    ref: str = "",
    flag: str = "",
    status: str = "F",
    kind: str = "NM",
    sub_id: str = "",
) -> str:
    return f"OBX|{n}|{kind}|{code}|{sub_id}|{value}|{unit}|{ref}|{flag}|||{status}"


WBC = "6690-2^Leukocytes [#/volume] in Blood by Automated count^LN"
NEUT_PCT = "770-8^Neutrophils/100 leukocytes in Blood by Automated count^LN"
ANC = "751-8^Neutrophils [#/volume] in Blood by Automated count^LN"
PLT = "777-3^Platelets [#/volume] in Blood by Automated count^LN"
SEGS = "769-0^Neutrophils.segmented/100 leukocytes in Blood by Manual count^LN"
BANDS = "764-1^Neutrophils.band form/100 leukocytes in Blood by Manual count^LN"
SODIUM = "2951-2^Sodium [Moles/volume] in Serum or Plasma^LN"


def cbc(status: str = "F", wbc: str = "2.1", anc: str = "0.84") -> list[str]:
    """The example CBC with automated differential
    (docs/clinical-rules.md#laboratory-and-fhir-import)."""
    return [
        obx(1, WBC, wbc, ref="4.0-11.0", flag="L", status=status),
        obx(2, NEUT_PCT, "40.0", unit="%^%^UCUM", ref="45-79", flag="L", status=status),
        obx(3, ANC, anc, ref="2.0-7.5", flag="L", status=status),
        obx(4, PLT, "142", status=status),
    ]


def message(*segments: str, end: str = "\r") -> bytes:
    return (end.join(segments) + end).encode("utf-8")


def standard(control_id: str = "LAB000457", status: str = "F", **kw: str) -> bytes:
    return message(
        msh(control_id),
        pid(),
        "PV1|1|I|ONC4^412^B^GENHOSP",
        "ORC|RE|ORD778899^WARDCHART|LAB445566^GENHOSP_LAB",
        obr(),
        *cbc(status, **kw),
    )
