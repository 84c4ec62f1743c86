"""Validation problems: what is wrong with an entry, named by field."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an entry.

    ``field`` is the domain name of the field ("wbc", "taken", ...); the command line
    and the window translate it to their own label. Errors can never be saved;
    warnings can be saved once the nurse confirms them (see docs/plausibility.md).
    """

    field: str
    message: str
    severity: Severity = "error"


class InvalidEntry(Exception):
    """Raised when an entry has problems that stop it from being saved."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @property
    def first(self) -> Problem:
        """The problem to show first: errors before warnings, in field order."""
        errors = [p for p in self.problems if p.severity == "error"]
        return (errors or list(self.problems))[0]


def raise_if_blocking(problems: Iterable[Problem], *, confirmed: bool = False) -> None:
    """Raise ``InvalidEntry`` if any error, or any warning not confirmed, is present."""
    blocking = [p for p in problems if p.severity == "error" or not confirmed]
    if blocking:
        raise InvalidEntry(blocking)
