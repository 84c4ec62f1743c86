"""Local accounts in the chart file: create, change, disable, sign in.

Passwords are hashed with Argon2id (argon2-cffi's defaults: 64 MiB, 3 passes) and only
the hash is stored; audit rows say a password was set, never what it was. Every sign-in
and every wrong password is audited; wrong passwords in a row make the next try wait
(``seconds_to_wait``), counted from the audit log under the write lock so that neither a
new process nor many at once can skip it.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from wardchart.domain.identifiers import normal_text, normal_username, text_problems
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.users import User, check_password, check_user, seconds_to_wait
from wardchart.storage import audit, records
from wardchart.storage.database import ChartStore
from wardchart.storage.records import utc_text

if TYPE_CHECKING:
    from argon2 import PasswordHasher
    from sqlite_utils import Database

_SECRET = frozenset({"password_hash"})


@cache
def _hasher() -> PasswordHasher:
    """Argon2's hasher, loaded at the first sign-in or password set: a chart file without
    accounts never needs it, and its imports would delay the first chart."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so that answering takes as long
    (made on first need: hashing takes ~0.2 s, which every start-up would pay)."""
    return _hasher().hash("not a password of anyone")


#: One answer for a wrong user name, a wrong password and a disabled account, so that a
#: try tells nobody which it was (see docs/identifiers.md).
WRONG = QT_TRANSLATE_NOOP("Accounts", "user name or password is wrong, or the account is disabled")


def _user(row: dict[str, Any]) -> User:
    return User(
        id=row["origin_id"],
        username=row["username"],
        full_name=row["full_name"],
        initials=row["initials"],
        role=row["role"],
        disabled=bool(row["disabled"]),
    )


def has_accounts(db: Database) -> bool:
    """Whether the file has any account (then everyone must sign in)."""
    if "users" not in db.table_names():
        return False  # a file not yet upgraded, opened read-only
    return db.execute("SELECT 1 FROM current_users LIMIT 1").fetchone() is not None


def account_table_exists(db: Database) -> bool:
    """Whether the file has the accounts table at all (a file not yet upgraded, opened
    read-only, has none: who may administer it cannot be told)."""
    return "users" in db.table_names()  # plain sqlite3: the window asks before sqlite-utils


def list_users(db: Database) -> list[User]:
    """Every current account, by user name."""
    if "users" not in db.table_names():
        return []
    return [_user(r) for r in db.query("SELECT * FROM current_users ORDER BY username")]


def _row(db: Database, username: str) -> dict[str, Any] | None:
    if "users" not in db.table_names():
        return None
    rows = db.query(
        "SELECT * FROM current_users WHERE username = ? ORDER BY recorded_at, id",
        [normal_username(username)],
    )
    return next(iter(rows), None)


def find_user(db: Database, username: str) -> User | None:
    """The current account with this user name."""
    row = _row(db, username)
    return None if row is None else _user(row)


def add_user(
    store: ChartStore,
    *,
    username: str,
    full_name: str,
    initials: str,
    role: str,
    password: str,
    actor: str,
    now: datetime,
) -> User:
    """Create an account. The file's first account must be a ward administrator."""
    raise_if_blocking(check_user(username, full_name, initials, role) + check_password(password))
    username = normal_username(username)
    with store.write() as db:
        if not has_accounts(db) and role != "admin":
            raise InvalidEntry(
                [
                    Problem(
                        "role",
                        QT_TRANSLATE_NOOP(
                            "Accounts",
                            "the first account must be a ward administrator (--role admin)",
                        ),
                    )
                ]
            )
        if _row(db, username) is not None:
            raise InvalidEntry(
                [
                    Problem(
                        "username",
                        QT_TRANSLATE_NOOP("Accounts", "{username} already has an account").format(
                            username=repr(username)
                        ),
                    )
                ]
            )
        values = {
            "username": username,
            "full_name": normal_text(full_name),
            "initials": initials.strip().upper(),
            "role": role,
            "password_hash": _hasher().hash(password),
            "disabled": 0,
        }
        records.create(db, "users", values, actor=actor, now=now, secret=_SECRET)
        found = find_user(db, username)
    assert found is not None
    return found


def change_user(
    store: ChartStore,
    username: str,
    *,
    reason: str,
    actor: str,
    now: datetime,
    password: str | None = None,
    disabled: bool | None = None,
    role: str | None = None,
) -> User:
    """Set a new password, disable or enable, or change the role of an account. Nothing
    is deleted: a disabled account's entries stay attributed to it."""
    if not reason.strip():
        raise InvalidEntry(
            [
                Problem(
                    "reason",
                    QT_TRANSLATE_NOOP("Accounts", "say why the account is changed"),
                )
            ]
        )
    raise_if_blocking(text_problems("reason", reason, 500))  # see docs/identifiers.md
    changes: dict[str, Any] = {}
    if password is not None:
        raise_if_blocking(check_password(password))
        changes["password_hash"] = _hasher().hash(password)
    if disabled is not None:
        changes["disabled"] = int(disabled)
    if role is not None:
        raise_if_blocking([p for p in check_user("ab", "x", "x", role) if p.field == "role"])
        changes["role"] = role
    with store.write() as db:
        row = _row(db, username)
        if row is None:
            raise InvalidEntry(
                [
                    Problem(
                        "username",
                        QT_TRANSLATE_NOOP("Accounts", "no account {username}").format(
                            username=repr(username)
                        ),
                    )
                ]
            )
        leaves_admin = row["role"] == "admin" and (disabled or (role and role != "admin"))
        if leaves_admin and not any(
            u.is_admin and not u.disabled and u.username != row["username"] for u in list_users(db)
        ):
            raise InvalidEntry(
                [
                    Problem(
                        "username",
                        QT_TRANSLATE_NOOP(
                            "Accounts", "this is the last ward administrator: add another first"
                        ),
                    )
                ]
            )
        records.supersede(
            db,
            "users",
            row["origin_id"],
            changes,
            reason=reason,
            actor=actor,
            now=now,
            secret=_SECRET,
        )
        found = find_user(db, username)
    assert found is not None
    return found


def _attempts(db: Database, username: str) -> tuple[int, datetime | None, list[datetime]]:
    """Wrong passwords in a row for ``username`` (since its last sign-in), when the
    latest was, and when tries were refused for waiting since then. Read newest first
    until the last sign-in, so that no number of refused tries can hide a failure."""
    failures, last, refused = 0, None, []
    rows = db.execute(
        "SELECT action, at_utc FROM audit_log WHERE entity = 'users' "
        "AND action IN ('sign_in', 'sign_in_failed', 'sign_in_too_soon') "
        "AND json_extract(detail, '$.username') = ? ORDER BY seq DESC",
        [username],
    )
    for action, at in rows:
        if action == "sign_in":
            break
        if action == "sign_in_too_soon":
            if last is None:
                refused.append(datetime.fromisoformat(at))
            continue
        failures += 1
        last = last or datetime.fromisoformat(at)
    return failures, last, refused


def wait_before_trying(db: Database, username: str, now: datetime) -> int:
    """Seconds the next sign-in as ``username`` must still wait (0: may try now); at most
    a minute whatever the clock does."""
    failures, last, refused = _attempts(db, normal_username(username))
    return seconds_to_wait(failures, last, now, refused)


class SignInTooSoon(InvalidEntry):
    """Too many wrong passwords: the account takes no try for ``wait`` seconds (the
    sign-in dialog holds its button that long)."""

    def __init__(self, wait: int) -> None:
        message = QT_TRANSLATE_NOOP(
            "Accounts", "too many wrong passwords: try again in {wait} s"
        ).format(wait=wait)
        super().__init__([Problem("password", message)])
        self.wait = wait


def sign_in(store: ChartStore, username: str, password: str, *, now: datetime) -> User:
    """The account, if the password is right; every try is audited.

    Tries are made one at a time under the chart's write lock: the wait is worked out,
    the password checked and the outcome recorded in one transaction, so parallel tries
    (other windows, commands, scripts) each see every try before them. A file that is
    busy too long refuses the try (``ChartFileError``): it is never let through.

    Raises ``InvalidEntry`` on the "password" field: a wrong name or password, or a
    disabled account (one message for all three, see ``WRONG``), or a try made before
    the wait is over.
    """
    username = normal_username(username)
    if store.read_only:  # nothing can be recorded: check only (nothing can be changed)
        outcome = _try(store.db, username, password, now, record=False)
    else:
        with store.write() as db:
            outcome = _try(db, username, password, now, record=True)
    if isinstance(outcome, User):
        return outcome
    if isinstance(outcome, int):
        raise SignInTooSoon(outcome)
    raise InvalidEntry([Problem("password", outcome)])


def _try(
    db: Database, username: str, password: str, now: datetime, *, record: bool
) -> User | str | int:
    """One sign-in try inside the write lock: the account, the seconds to wait before
    the next try, or why it was refused."""
    wait = wait_before_trying(db, username, now)
    if wait:
        if record:
            _log(db, "sign_in_too_soon", None, username, now)
        return wait
    from argon2.exceptions import InvalidHashError, VerificationError

    row = _row(db, username)
    try:
        _hasher().verify(row["password_hash"] if row else _dummy_hash(), password)
        right = row is not None
    except (VerificationError, InvalidHashError):
        right = False
    user = None if row is None else _user(row)
    if right and user is not None and not user.disabled:
        if record:
            _log(db, "sign_in", user.id, username, now)
        return user
    if record:  # a disabled account counts as a failure even with the right password
        disabled = user is not None and user.disabled
        _log(
            db,
            "sign_in_failed",
            None if user is None else user.id,
            username,
            now,
            disabled=disabled,
        )
    return WRONG


def _log(
    db: Database,
    action: str,
    user_id: str | None,
    username: str,
    now: datetime,
    *,
    disabled: bool = False,
) -> None:
    detail: dict[str, Any] = {"username": username, "at": utc_text(now)}
    if disabled:  # for the administrators reading the audit log, never for the one trying
        detail["account_disabled"] = True
    audit.append(
        db,
        actor=username,
        action=action,
        entity="users",
        record_id=user_id,
        detail=detail,
        now=now,
    )


def describe(user: User) -> str:
    """One line for lists: "akim  Anna Kim (AK), nurse" (translatable where shown)."""
    if user.role == "admin":
        said = (
            QT_TRANSLATE_NOOP("Accounts", "{username}  {name} ({initials}), admin, DISABLED")
            if user.disabled
            else QT_TRANSLATE_NOOP("Accounts", "{username}  {name} ({initials}), admin")
        )
    elif user.role == "nurse":
        said = (
            QT_TRANSLATE_NOOP("Accounts", "{username}  {name} ({initials}), nurse, DISABLED")
            if user.disabled
            else QT_TRANSLATE_NOOP("Accounts", "{username}  {name} ({initials}), nurse")
        )
    else:
        state = ", DISABLED" if user.disabled else ""
        return f"{user.username}  {user.full_name} ({user.initials}), {user.role}{state}"
    return said.format(username=user.username, name=user.full_name, initials=user.initials)
