"""The schema's migrations, registered and compared with a file without sqlite-utils.

Opening a chart asks which migrations it has had and whether any are pending on every
start; that is one SELECT, so it is answered here. Applying migrations is done by
sqlite-utils' ``Migrations`` (imported then), with the same migrations in the same order,
so a file is upgraded exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database

Fn = TypeVar("Fn", bound=Callable[..., None])


@dataclass(frozen=True)
class Migration:
    """One registered migration."""

    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


@dataclass(frozen=True)
class Applied:
    """One migration as the file records it."""

    name: str
    applied_at: str


class MigrationSet:
    """Named migrations, in order: sqlite-utils' ``Migrations`` interface (register with
    ``@migrations()``; ``applied``, ``pending``, ``apply``)."""

    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[Fn], Fn]:
        def register(fn: Fn) -> Fn:
            migration_name = name or fn.__name__
            if any(m.name == migration_name for m in self._migrations):
                raise ValueError(f"migration {migration_name} is registered twice")
            self._migrations.append(Migration(migration_name, fn, transactional))
            return fn

        return register

    @property
    def names(self) -> list[str]:
        """Every registered migration's name, in the order they are applied."""
        return [m.name for m in self._migrations]

    def applied(self, db: Database) -> list[Applied]:
        """The migrations the file has had, in the order they were applied."""
        conn = db.conn
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            [self.migrations_table],
        ).fetchone()
        if found is None:
            return []
        rows = conn.execute(
            f"SELECT name, applied_at FROM [{self.migrations_table}] "
            "WHERE migration_set = ? ORDER BY rowid",
            [self.name],
        )
        return [Applied(name, applied_at) for name, applied_at in rows]

    def pending(self, db: Database) -> list[Migration]:
        """The migrations the file has not had yet (nothing is written)."""
        done = {m.name for m in self.applied(db)}
        return [m for m in self._migrations if m.name not in done]

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply the pending migrations, each in its own transaction (sqlite-utils)."""
        from sqlite_utils import Migrations

        from wardchart.storage.chart_db import ChartDb

        real = Migrations(self.name)
        for m in self._migrations:
            real(name=m.name, transactional=m.transactional)(m.fn)
        target: Any = db.full if isinstance(db, ChartDb) else db
        real.apply(target, stop_before=stop_before)
