"""The README is the front door: every command and every setting is documented there."""

from __future__ import annotations

import argparse
from pathlib import Path

from wardchart.cli.parser import build_parser
from wardchart.domain.settings import SETTING_KEYS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "wardchart") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                children = _commands(sub, f"{prefix} {name}")
                found += children or [f"{prefix} {name}"]
    return found


def test_every_command_is_documented() -> None:
    commands = _commands(build_parser())
    assert "wardchart lab add" in commands
    missing = [c for c in commands if f"`{c}" not in README]
    assert missing == []


def test_every_setting_is_documented() -> None:
    assert [k for k in SETTING_KEYS if f"`{k}`" not in README] == []


def test_quick_start_has_exactly_the_two_commands() -> None:
    quick = README.split("## Quick start")[1].split("##")[0]
    block = quick.split("```sh")[1].split("```")[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == [
        "make run",
        "make test",
    ]
