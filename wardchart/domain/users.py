"""Who may chart: local accounts' rules. No clinical content, no I/O.

Passwords are never held here beyond checking their length; storage hashes them with
Argon2id and keeps only the hash.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from wardchart.domain.identifiers import identifier_problems, normal_username, text_problems
from wardchart.domain.problems import Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP

Role = Literal["nurse", "admin"]
ROLES: tuple[Role, ...] = ("nurse", "admin")
ROLE_NAMES = {
    "nurse": QT_TRANSLATE_NOOP("Accounts", "nurse"),
    "admin": QT_TRANSLATE_NOOP("Accounts", "ward administrator"),
}
#: Lower-case letters, digits and . _ - ; 2–32 characters, starting with a letter.
USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")
MIN_PASSWORD = 10
MAX_PASSWORD = 256
#: Wrong passwords allowed before each further try must wait (see ``backoff_seconds``).
FREE_TRIES = 3
MAX_WAIT_SECONDS = 60


@dataclass(frozen=True)
class User:
    """An account as the program sees it (never its password or hash)."""

    id: str
    username: str
    full_name: str
    initials: str
    role: Role
    disabled: bool

    @property
    def is_admin(self) -> bool:
        """Whether the account may manage accounts and ward settings."""
        return self.role == "admin"


def check_user(username: str, full_name: str, initials: str, role: str) -> list[Problem]:
    """Problems with an account's details (empty when it may be saved)."""
    problems = identifier_problems("username", username, 32)
    if not problems and not USERNAME.fullmatch(normal_username(username)):
        problems.append(
            Problem(
                "username",
                QT_TRANSLATE_NOOP(
                    "Accounts",
                    "2–32 lower-case letters, digits, '.', '_' or '-', starting with a letter",
                ),
            )
        )
    name = full_name.strip()
    if not name:
        problems.append(
            Problem(
                "full_name",
                QT_TRANSLATE_NOOP("Accounts", "give the person's full name (up to 120 characters)"),
            )
        )
    problems += text_problems("full_name", name, 120)  # see docs/identifiers.md
    letters = initials.strip()
    hidden = text_problems("initials", letters, 4)
    if hidden and len(letters) <= 4:
        problems += hidden
    elif not (1 <= len(letters) <= 4 and letters.isalpha()):
        problems.append(Problem("initials", QT_TRANSLATE_NOOP("Accounts", "1–4 letters")))
    if role not in ROLES:
        message = QT_TRANSLATE_NOOP("Accounts", "one of: {roles}")
        problems.append(Problem("role", message.format(roles=", ".join(ROLES))))
    return problems


def check_password(password: str) -> list[Problem]:
    """Problems with a new password (empty when it may be used)."""
    if len(password) < MIN_PASSWORD:
        message = QT_TRANSLATE_NOOP("Accounts", "at least {count} characters")
        return [Problem("password", message.format(count=MIN_PASSWORD))]
    if len(password) > MAX_PASSWORD:
        message = QT_TRANSLATE_NOOP("Accounts", "at most {count} characters")
        return [Problem("password", message.format(count=MAX_PASSWORD))]
    if any(ord(c) < 32 for c in password):
        return [Problem("password", QT_TRANSLATE_NOOP("Accounts", "no control characters"))]
    return []


def seconds_to_wait(
    failures: int,
    last_failure: datetime | None,
    now: datetime,
    refused_since: Sequence[datetime] = (),
) -> int:
    """Seconds a sign-in must still wait: never more than ``MAX_WAIT_SECONDS``, whatever
    the clock does (see docs/identifiers.md).

    ``failures`` wrong passwords in a row, the latest at ``last_failure``;
    ``refused_since``: when tries were refused for waiting since then. A clock set back
    (``now`` earlier than the last failure) cannot say how long ago that was, so the wait
    counts from the first try refused at the clock's new time instead: the full wait,
    then the try is allowed.
    """
    wait = backoff_seconds(failures)
    if not wait or last_failure is None:
        return 0
    start = last_failure
    if now < last_failure:
        earlier = [at for at in refused_since if at <= now and at < last_failure]
        if not earlier:
            return wait
        start = min(earlier)
    left = wait - (now - start).total_seconds()
    return max(0, min(wait, math.ceil(left)))


def backoff_seconds(failures: int) -> int:
    """How long the next try must wait after ``failures`` wrong passwords in a row:
    nothing for the first ``FREE_TRIES``, then 1, 2, 4 … seconds, at most a minute."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_TRIES)))
