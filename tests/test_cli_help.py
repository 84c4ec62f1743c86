"""Every command's and command group's --help renders as text a nurse can read."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator

import pytest

from wardchart.cli.parser import build_parser


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:  # argparse offers no public walk of its sub-commands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(build_parser()))


def test_the_walk_finds_the_command_groups() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"", "fhir", "fhir import", "hl7", "correct", "correct lab"} <= names


@pytest.mark.parametrize(
    ("path", "parser"), COMMANDS, ids=[" ".join(p) or "wardchart" for p, _ in COMMANDS]
)
def test_help_renders_without_argparse_internals(
    path: tuple[str, ...], parser: argparse.ArgumentParser
) -> None:
    text = parser.format_help()
    assert "option_strings" not in text
    assert "Traceback" not in text
    assert text.startswith("usage: ")


def test_fhir_help_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wardchart", "fhir", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "neutrophil % and temperatures" in done.stdout
    assert "option_strings" not in done.stdout
    assert done.stderr == ""
