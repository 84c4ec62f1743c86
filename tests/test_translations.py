"""The translation files: complete, up to date with the code, and what the program loads."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from wardchart import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402  packaging/ is not a package

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%L?\d")


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_translation_sources_hold_every_marked_string(tmp_path: Path) -> None:
    """`make translations` was run after the last change of a marked string."""
    copy = tmp_path / "translations"
    shutil.copytree(translations.SOURCES, copy)
    translations.update(copy)
    stale = [
        ts.name
        for ts in sorted(copy.glob("*.ts"))
        if ts.read_bytes() != (translations.SOURCES / ts.name).read_bytes()
    ]
    assert not stale, f"run `make translations`: {stale} are out of date with the code"


def test_built_translations_are_built_from_the_sources(tmp_path: Path) -> None:
    translations.release(translations.SOURCES, tmp_path)
    for language in translations.LANGUAGES:
        built = tmp_path / f"wardchart_{language}.qm"
        assert built.read_bytes() == translations.qm_file(language).read_bytes(), (
            f"run `make translations`: wardchart_{language}.qm is older than its .ts files"
        )


@pytest.mark.parametrize("area", sorted(translations.AREAS))
def test_german_is_complete_and_keeps_every_placeholder(area: str) -> None:
    ts = translations.ts_file(area, "de")
    for context, message in _messages(ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        where = f"{ts.name} [{context}] {source!r}"
        assert translation.get("type") is None, f"not translated: {where}"
        forms = [form.text or "" for form in translation.iter("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            assert form.strip(), f"empty translation: {where}"
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (
                f"placeholders differ: {where} → {form!r}"
            )


def test_the_system_language_chooses_german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "de_DE.UTF-8")
    assert i18n.choose() == "de"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "")
    assert i18n.choose("de") == "de"
    assert i18n.choose("xx") in i18n.LANGUAGES


def test_german_reads_german_dates_and_numbers(german: None) -> None:
    assert i18n.language() == "de"
    assert i18n.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own buttons
    assert i18n.number("0.45") == "0,45"
    assert i18n.number(Decimal("12.50")) == "12,50"
    assert i18n.date_text(date(1948, 3, 2)) == "02.03.1948"  # never a two-digit year
    taken = datetime(2026, 3, 12, 8, 30, 59, tzinfo=ZoneInfo("Europe/Berlin"))
    assert i18n.clinical_time(taken, ZoneInfo("Europe/Berlin")) == "12.03.2026 08:30"


def test_english_keeps_iso_dates_and_decimal_points() -> None:
    i18n.install("en")
    assert i18n.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert i18n.number("0.45") == "0.45"
    assert i18n.date_text(date(1948, 3, 2)) == "1948-03-02"


def test_a_marked_message_is_english_text_that_can_be_translated(german: None) -> None:
    from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text

    message = QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")
    assert message == "Cancel"
    assert isinstance(message, str)
    assert i18n.shown(message) == "Abbrechen"
    filled = QT_TRANSLATE_NOOP("Test", "{count} above {line} on {day}").format(
        count=Decimal("0.45"), line="x", day=date(2026, 3, 2)
    )
    assert filled == "0.45 above x on 2026-03-02"  # English, unchanged, everywhere
    assert isinstance(filled, Text)
    assert i18n.shown(filled) == "0,45 above x on 02.03.2026"  # untranslated, German forms
    assert i18n.shown(ValueError(filled)) == "0,45 above x on 02.03.2026"
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("Test", "{}").format("positional")


def test_the_command_lines_values_are_shown_as_typed_in_every_language(german: None) -> None:
    from wardchart.domain.texts import QT_TRANSLATE_NOOP

    inner = QT_TRANSLATE_NOOP("Test", "{count} on {day}").format(
        count=Decimal("38.5"), day=date(2026, 3, 2)
    )
    outer = QT_TRANSLATE_NOOP("Test", "{what} at {when}").format(
        what=inner, when=datetime(2026, 3, 2, 8, 30).astimezone()
    )
    assert i18n.shown(outer, typed=True) == "38.5 on 2026-03-02 at 2026-03-02 08:30"
    assert i18n.shown(ValueError(inner), typed=True) == "38.5 on 2026-03-02"
    assert i18n.shown(inner) == "38,5 on 02.03.2026"  # the window's form


@pytest.mark.parametrize(
    ("wanted", "code"),
    [
        ("de", "de"),
        ("DE", "de"),
        ("de_DE.UTF-8", "de"),
        ("de_AT@euro", "de"),
        ("C", "en"),
        ("POSIX", "en"),
        ("C.UTF-8", "en"),
        ("en-GB", "en"),
        ("fr", None),
        ("klingon", None),
        ("", None),
    ],
)
def test_one_rule_reads_a_language_for_the_window_and_the_command_line(
    wanted: str, code: str | None
) -> None:
    from wardchart.storage.machine_config import language_code

    assert i18n.language_code(wanted) == language_code(wanted) == code
