"""Opening a chart file: unlock it if it is encrypted, check it, sign in.

The prompts are passed in: the window passes dialogs, the command line passes what
reads the environment or the terminal. Failures are typed (``wardchart.storage.errors``):
``WrongPassphraseError``, ``NoPassphraseError``, ``RewriteInterruptedError``,
``NotSignedInError``, or another ``ChartFileError`` naming the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.paths import default_chart_path
from wardchart.session.core import ChartingSession, SignInPrompt, local_now
from wardchart.storage import audit, users
from wardchart.storage.database import ChartStore, check_before_writing, open_chart
from wardchart.storage.errors import (
    ChartFileError,
    NoPassphraseError,
    NotSignedInError,
    RewriteInterruptedError,
    WrongPassphraseError,
)

#: How an encrypted chart's passphrase is asked for: ``(path, why)`` → the passphrase, or
#: None when the person gave up.
PassphrasePrompt = Callable[[Path, str], str | None]

ENCRYPTED = "This chart file is encrypted (or it is damaged, or not a chart file)."


def open_store(
    path: Path, unlock: PassphrasePrompt | None, *, create: bool = True, tries: int = 1
) -> ChartStore:
    """The chart file, open. A plain one opens at once; an encrypted one after ``unlock``
    gave its passphrase (up to ``tries`` times; each wrong one is said in the next ask)."""
    from wardchart.storage.cipher import is_encrypted

    if unlock is None or not (path.is_file() and is_encrypted(path)):
        return open_chart(path, create=create)
    why = ENCRYPTED
    for _ in range(tries):
        key = unlock(path, why)
        if key is None:
            raise NoPassphraseError(
                QT_TRANSLATE_NOOP(
                    "Session", "chart file {path} was not opened: no passphrase given"
                ).format(path=path)
            )
        try:
            return open_chart(path, create=create, passphrase=key)
        except WrongPassphraseError as error:
            if tries == 1:
                raise
            why = str(error)
    raise WrongPassphraseError(
        QT_TRANSLATE_NOOP(
            "Session", "chart file {path}: {times} a wrong passphrase; nothing was changed"
        ).format(path=path, times=_times(tries))
    )


def _times(tries: int) -> str:
    if tries == 2:
        return QT_TRANSLATE_NOOP("Session", "twice")
    if tries == 3:
        return QT_TRANSLATE_NOOP("Session", "three times")
    return QT_TRANSLATE_NOOP("Session", "{tries} times").format(tries=tries)


def refuse_interrupted_rewrite(path: Path) -> None:
    """Raise ``RewriteInterruptedError`` while an encryption or decryption of ``path`` and
    its backups waits to be finished."""
    from wardchart.storage.encryption import pending_rewrite

    pending = pending_rewrite(path)
    if pending is not None:
        job = (
            QT_TRANSLATE_NOOP("Session", "decryption")
            if pending == "decrypt"
            else QT_TRANSLATE_NOOP("Session", "encryption")
        )
        raise RewriteInterruptedError(
            QT_TRANSLATE_NOOP(
                "Session",
                "chart file {path}: an {job} of it and its backups was "
                "interrupted; finish it first with wardchart {pending}; nothing "
                "was done",
            ).format(path=path, job=job, pending=pending)
        )


@dataclass
class Written:
    """Whether a session committed anything to the chart file after signing in: a failure
    after that must say it was saved, or a retry would enter it twice."""

    saved: bool = False


@contextmanager
def charting(
    path: Path,
    *,
    actor: str,
    unlock: PassphrasePrompt,
    sign_in: SignInPrompt,
    create: bool,
    verify: bool = True,
    rewriting: bool = False,
    reads_only: bool = False,
    clock: Callable[[], datetime] = local_now,
    written: Written | None = None,
) -> Iterator[ChartingSession]:
    """One piece of work on the chart file, signed in, then the file is closed.

    Only work that can start a chart (``create``) makes a new file, and a new file is
    removed again if the work fails before saving anything. An existing file is checked
    (``verify``: quick integrity check and schema) before anything is written to it:
    unless the work ``reads_only`` on a file without accounts, since signing in writes to
    the audit log (see docs/files.md). ``actor`` charts in a file without accounts.
    """
    if not rewriting:
        refuse_interrupted_rewrite(path)
    new = create and not path.exists()
    made_folder = None
    if new and not path.parent.exists() and path == default_chart_path():
        made_folder = path.parent
        made_folder.mkdir(parents=True, exist_ok=True)
    try:
        store = open_store(path, unlock, create=create)
    except BaseException:
        if new:
            _remove_new_chart(path, made_folder, None)
        raise
    mark = audit.last_seq(store.db) if new else None
    signed_in = store.commits
    try:
        if verify and not new and not (reads_only and not users.has_accounts(store.db)):
            check_before_writing(store)
        session = ChartingSession(store, actor, clock)
        if not session.sign_in_with(sign_in):
            raise NotSignedInError(
                QT_TRANSLATE_NOOP(
                    "Session", "chart file {path}: nobody signed in; nothing was done"
                ).format(path=path)
            )
        signed_in = store.commits  # signing in may itself write to the audit log
        yield session
    except BaseException:
        if written is not None:
            written.saved = written.saved or store.commits > signed_in
        store.close()
        if new:
            _remove_new_chart(path, made_folder, mark)
        raise
    if written is not None:
        written.saved = written.saved or store.commits > signed_in
    store.close()


def _remove_new_chart(path: Path, folder: Path | None, mark: int | None) -> None:
    """A chart file this work created, then failed: remove it (and its journal, and the
    folder made for it), unless something was saved in it meanwhile."""
    if mark is not None and path.exists():
        try:
            store = open_chart(path, create=False)
        except ChartFileError:
            return
        try:
            if audit.last_seq(store.db) != mark:
                return
        finally:
            store.close()
    for leftover in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    if folder is not None:
        with suppress(OSError):
            folder.rmdir()


@contextmanager
def reading_copy(
    source: Path, passphrase: str | None, *, actor: str, sign_in: SignInPrompt
) -> Iterator[ChartingSession]:
    """A copy of the chart (a backup), opened to read only and signed in against its own
    accounts; nothing is recorded in it."""
    from sqlite_utils import Database

    from wardchart.storage.cipher import connect

    conn = connect(f"file:{source}?mode=ro", passphrase, uri=True)
    store = ChartStore(source, Database(conn, execute_plugins=False), read_only=True)
    try:
        session = ChartingSession(store, actor)
        if not session.sign_in_with(sign_in):
            raise NotSignedInError(
                QT_TRANSLATE_NOOP("Session", "{source}: nobody signed in; nothing was done").format(
                    source=source
                )
            )
        yield session
    finally:
        store.close()
