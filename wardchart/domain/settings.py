"""Ward settings that change clinical output: grading version, fever rule, defaults
(docs/clinical-rules.md#ward-settings)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from wardchart.domain.fever import FnRuleName
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.identifiers import normal_text, text_problems
from wardchart.domain.nadir import DEFAULT_RECOVERY_ANC
from wardchart.domain.plausibility import check_setting
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.units import parse_decimal, shown


@dataclass(frozen=True)
class WardSettings:
    """The ward's choices. LLN defaults are None: docs/clinical-rules.md#lower-limit-of-normal-lln
    says the LLN is the lab's."""

    ward_name: str = ""
    ctcae_version: CtcaeVersion = CtcaeVersion.V5
    fn_rule: FnRuleName = FnRuleName.IDSA2010
    anc_lln_default: Decimal | None = None
    wbc_lln_default: Decimal | None = None
    recovery_anc: Decimal = DEFAULT_RECOVERY_ANC
    #: Backups kept beside the chart file: the most recent ones, and one a day for N days.
    backup_keep_recent: int = 10
    backup_keep_days: int = 28
    #: A window on a chart file with accounts locks after this many idle minutes.
    lock_after_minutes: int = 5
    #: HL7 result import (docs/hl7-import.md): chart messages marked T (interface
    #: testing) too, and the laboratory's own codes ("WBC=wbc; NEUT#=anc").
    hl7_accept_test: bool = False
    hl7_local_codes: str = ""
    #: A folder the window watches for laboratory result files ("" for none); see
    #: docs/hl7-inbox.md. Its existence is checked by storage when it is set.
    hl7_inbox: str = ""
    #: The ward hub this chart syncs with ("" for none): a libpq address, never with a
    #: password in it (docs/hub.md).
    hub: str = ""
    #: The window warns with a banner once it has been out of step with the ward hub
    #: for longer than this (docs/hub.md).
    hub_warn_after_minutes: int = 15


SETTING_KEYS = tuple(f.name for f in fields(WardSettings))

#: The only settings a nurse may change: the ward's name on printouts. Every other setting
#: changes what the chart flags, grades or imports, how long patient data stays on an
#: unattended screen, or how many backups survive, so only a ward administrator may change
#: it (each is justified in docs/accounts.md). A setting added later is an
#: administrator's until it is listed here.
NURSE_SETTINGS = frozenset({"ward_name"})

#: What each setting accepts, in words (the window's hints; docs/accounts.md).
SETTING_VALUES = {
    "ward_name": QT_TRANSLATE_NOOP(
        "Settings", "text, up to 80 characters, printed in page headers"
    ),
    "ctcae_version": QT_TRANSLATE_NOOP("Settings", "5.0 or 6.0"),
    "fn_rule": QT_TRANSLATE_NOOP("Settings", "idsa2010, ctcae, esmo or nice"),
    "anc_lln_default": QT_TRANSLATE_NOOP(
        "Settings", "a count in ×10⁹/L, or empty to use only the lab's own limit"
    ),
    "wbc_lln_default": QT_TRANSLATE_NOOP(
        "Settings", "a count in ×10⁹/L, or empty to use only the lab's own limit"
    ),
    "recovery_anc": QT_TRANSLATE_NOOP("Settings", "a count in ×10⁹/L, e.g. 1.5"),
    "backup_keep_recent": QT_TRANSLATE_NOOP("Settings", "a whole number of 1 or more"),
    "backup_keep_days": QT_TRANSLATE_NOOP("Settings", "a whole number of 1 or more"),
    "lock_after_minutes": QT_TRANSLATE_NOOP("Settings", "a whole number of minutes from 1 to 240"),
    "hl7_accept_test": QT_TRANSLATE_NOOP("Settings", "yes or no"),
    "hl7_local_codes": QT_TRANSLATE_NOOP(
        "Settings", "[SYSTEM:]CODE=quantity; … (see docs/hl7-import.md), or empty"
    ),
    "hl7_inbox": QT_TRANSLATE_NOOP(
        "Settings", "the whole path of an existing folder, or empty for none"
    ),
    "hub": QT_TRANSLATE_NOOP(
        "Settings",
        "the ward hub's address (postgresql://USER@HOST/DATABASE or service=NAME, never "
        "with a password), or empty for none",
    ),
    "hub_warn_after_minutes": QT_TRANSLATE_NOOP(
        "Settings", "a whole number of minutes from 1 to 1440"
    ),
}


def administrators_only(key: str) -> bool:
    """Whether only a ward administrator may change the setting ``key`` (every setting
    but those in ``NURSE_SETTINGS``; see docs/accounts.md). An unknown key is nobody's:
    it is refused as unknown when it is checked."""
    return key in SETTING_KEYS and key not in NURSE_SETTINGS


def setting_text(settings: WardSettings, key: str) -> str:
    """A setting's current value as it is typed (``settings set``, the window's dialog)."""
    value = getattr(settings, key)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(getattr(value, "value", value))


#: The ward's name is printed in page headers: a line's worth.
WARD_NAME_LIMIT = 80


def apply_setting(  # noqa: PLR0911, PLR0912  one branch per setting, each with its check
    settings: WardSettings, key: str, value: str
) -> WardSettings:
    """Return ``settings`` with ``key`` set from text, or raise naming the key."""
    if key not in SETTING_KEYS:
        raise InvalidEntry(
            [
                Problem(
                    "key",
                    QT_TRANSLATE_NOOP("Settings", "unknown setting {key}; known: {known}").format(
                        key=repr(key), known=", ".join(SETTING_KEYS)
                    ),
                )
            ]
        )
    if key == "ward_name":  # free text: no control or invisible characters (docs/identifiers.md)
        raise_if_blocking(text_problems(key, value, WARD_NAME_LIMIT))
        return replace(settings, ward_name=normal_text(value))
    if key == "ctcae_version":
        try:
            return replace(settings, ctcae_version=CtcaeVersion(value.strip()))
        except ValueError:
            message = QT_TRANSLATE_NOOP("Settings", "{value} is not 5.0 or 6.0")
            raise InvalidEntry([Problem(key, message.format(value=repr(value)))]) from None
    if key == "fn_rule":
        try:
            return replace(settings, fn_rule=FnRuleName(value.strip().lower()))
        except ValueError:
            choices = ", ".join(r.value for r in FnRuleName)
            message = QT_TRANSLATE_NOOP("Settings", "{value} is not one of {choices}")
            raise InvalidEntry(
                [Problem(key, message.format(value=repr(value), choices=choices))]
            ) from None
    if key == "hl7_accept_test":
        answer = value.strip().lower()
        if answer not in ("yes", "no"):
            message = QT_TRANSLATE_NOOP("Settings", "{value}: give yes or no")
            raise InvalidEntry([Problem(key, message.format(value=shown(value)))])
        return replace(settings, hl7_accept_test=answer == "yes")
    if key == "hl7_local_codes":
        from wardchart.domain.hl7_rules import parse_local_codes  # only for this setting

        parse_local_codes(value, key)  # refuses a malformed map, naming the setting
        return replace(settings, hl7_local_codes=value.strip())
    if key == "hl7_inbox":
        raise_if_blocking(text_problems(key, value, 1000))
        return replace(settings, hl7_inbox=value.strip())
    if key == "hub":
        raise_if_blocking(text_problems(key, value, 1000))
        problem = hub_address_problem(value)
        if problem:
            raise InvalidEntry([Problem(key, problem)])
        return replace(settings, hub=value.strip())
    if key == "lock_after_minutes":
        if not _whole(value) or not 1 <= int(value) <= 240:
            message = QT_TRANSLATE_NOOP("Settings", "{value}: give a whole number from 1 to {most}")
            raise InvalidEntry([Problem(key, message.format(value=shown(value), most=240))])
        return replace(settings, lock_after_minutes=int(value))
    if key == "hub_warn_after_minutes":
        if not _whole(value) or not 1 <= int(value) <= 1440:
            raise InvalidEntry(
                [
                    Problem(
                        key,
                        QT_TRANSLATE_NOOP(
                            "Settings", "{value}: give a whole number from 1 to {most}"
                        ).format(value=shown(value), most=1440),
                    )
                ]
            )
        return replace(settings, hub_warn_after_minutes=int(value))
    if key in ("backup_keep_recent", "backup_keep_days"):
        if not _whole(value) or int(value) < 1:
            message = QT_TRANSLATE_NOOP("Settings", "{value}: give a whole number of 1 or more")
            raise InvalidEntry([Problem(key, message.format(value=shown(value)))])
        if key == "backup_keep_recent":
            return replace(settings, backup_keep_recent=int(value))
        return replace(settings, backup_keep_days=int(value))
    number = None if value.strip() == "" else parse_decimal(value, key)
    # Impossible values are refused here; unusual ones are the caller's to confirm
    # (setting_problems), so a stored, confirmed value always loads.
    errors = [p for p in check_setting(key, number) if p.severity == "error"]
    if errors:
        raise InvalidEntry(errors)
    if key == "anc_lln_default":
        return replace(settings, anc_lln_default=number)
    if key == "wbc_lln_default":
        return replace(settings, wbc_lln_default=number)
    if number is None:
        raise InvalidEntry([Problem(key, QT_TRANSLATE_NOOP("Settings", "give a number, e.g. 1.5"))])
    return replace(settings, recovery_anc=number)


_PASSWORD_IN_URL = re.compile(r"^[a-z]+://[^/@?#]*:[^/@?#]*@", re.IGNORECASE)
_PASSWORD_KEYWORD = re.compile(r"(^|[\s?&])password\s*=", re.IGNORECASE)


def hub_address_problem(value: str) -> str:
    """What is wrong with a ward hub address as a setting ("" if nothing): it is a
    ``postgresql://`` URL or libpq keywords (``service=ward4a``), and never holds a
    password (that belongs in ~/.pgpass or PGPASSWORD, not in a setting every replica
    receives)."""
    text = value.strip()
    if not text:
        return ""
    if _PASSWORD_IN_URL.match(text) or _PASSWORD_KEYWORD.search(text):
        return QT_TRANSLATE_NOOP(
            "Settings", "the address must not hold a password: keep it in ~/.pgpass or PGPASSWORD"
        )
    if not (text.lower().startswith(("postgresql://", "postgres://")) or "=" in text):
        return QT_TRANSLATE_NOOP(
            "Settings", "{value}: give a postgresql:// URL or a service, e.g. service=ward4a"
        ).format(value=shown(value))
    return ""


def setting_problems(key: str, value: str) -> list[Problem]:
    """Warnings (and errors) for a numeric setting, as the nurse must confirm them."""
    if key not in ("anc_lln_default", "wbc_lln_default", "recovery_anc") or not value.strip():
        return []
    return check_setting(key, parse_decimal(value, key))


def _whole(text: str) -> bool:
    """Plain digits 0-9 (at most six): "²" or a huge number never reaches int()."""
    digits = text.strip()
    return digits.isascii() and digits.isdigit() and len(digits) <= 6
