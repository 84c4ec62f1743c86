"""Who may chart: local accounts' rules (issue 6). No clinical content, no I/O.

Passwords are never held here beyond checking their length; storage hashes them with
Argon2id and keeps only the hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from wardchart.domain.problems import Problem

Role = Literal["nurse", "admin"]
ROLES: tuple[Role, ...] = ("nurse", "admin")
ROLE_NAMES = {"nurse": "nurse", "admin": "ward administrator"}
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
    problems = []
    if not USERNAME.fullmatch(username):
        problems.append(
            Problem(
                "username",
                "2–32 lower-case letters, digits, '.', '_' or '-', starting with a letter",
            )
        )
    name = full_name.strip()
    if not name or len(name) > 120 or any(ord(c) < 32 for c in name):
        problems.append(Problem("full_name", "give the person's full name (up to 120 characters)"))
    letters = initials.strip()
    if not (1 <= len(letters) <= 4 and letters.isalpha()):
        problems.append(Problem("initials", "1–4 letters"))
    if role not in ROLES:
        problems.append(Problem("role", f"one of: {', '.join(ROLES)}"))
    return problems


def check_password(password: str) -> list[Problem]:
    """Problems with a new password (empty when it may be used)."""
    if len(password) < MIN_PASSWORD:
        return [Problem("password", f"at least {MIN_PASSWORD} characters")]
    if len(password) > MAX_PASSWORD:
        return [Problem("password", f"at most {MAX_PASSWORD} characters")]
    if any(ord(c) < 32 for c in password):
        return [Problem("password", "no control characters")]
    return []


def backoff_seconds(failures: int) -> int:
    """How long the next try must wait after ``failures`` wrong passwords in a row:
    nothing for the first ``FREE_TRIES``, then 1, 2, 4 … seconds, at most a minute."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_TRIES)))
