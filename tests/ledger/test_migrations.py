"""Migrations: append-only, each applied once, recorded, atomic; the result matches schema.py."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import Column, String, UniqueConstraint, create_engine, inspect

from claimledger.errors import LedgerError
from claimledger import Ledger
from claimledger.ledger import migrations, schema, version


def recorded(path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall()


def test_a_new_ledger_records_every_migration_once(tmp_path):
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    first = recorded(path)
    assert [name for name, _ in first] == [m.__name__ for m in migrations.MIGRATIONS]
    assert first[0][0] == "m001_initial" and all(applied_at for _, applied_at in first)
    Ledger(path).close()
    assert recorded(path) == first  # reopening runs nothing


def test_a_later_migration_runs_once_on_an_existing_ledger(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    calls = []

    def m999_figure_note(connection):
        calls.append(1)
        migrations.add_column(connection, "figures", Column("note", String))

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m999_figure_note])
    monkeypatch.setattr(version, "MIGRATION_NAMES", (*version.MIGRATION_NAMES, "m999_figure_note"))
    for _ in range(2):
        with Ledger(path) as ledger:
            assert ledger.stats()["figures"] == 0
    assert calls == [1]
    assert recorded(path)[-1][0] == "m999_figure_note"
    with sqlite3.connect(path) as db:
        assert "note" in [row[1] for row in db.execute("PRAGMA table_info(figures)")]


def test_a_failing_migration_leaves_no_trace(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    before = recorded(path)

    def m999_broken(connection):
        connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        connection.exec_driver_sql("ALTER TABLE no_such_table ADD COLUMN x TEXT")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m999_broken])
    monkeypatch.setattr(version, "MIGRATION_NAMES", (*version.MIGRATION_NAMES, "m999_broken"))
    with pytest.raises(LedgerError, match="no_such_table"):
        Ledger(path)
    assert recorded(path) == before
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone() == (0,)


def test_the_migrated_database_matches_schema_py(ledger_url):
    with Ledger(ledger_url) as ledger:  # a SQLite file, or a PostgreSQL database
        url = ledger.url
    engine = create_engine(url)
    try:
        found = inspect(engine)
        for table in schema.metadata.sorted_tables:
            columns = {c["name"]: c for c in found.get_columns(table.name)}
            assert list(columns) == [c.name for c in table.columns], table.name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (table.name, column.name)
            indexes = {i["name"] for i in found.get_indexes(table.name) if not i.get("duplicates_constraint")}
            assert indexes == {i.name for i in table.indexes}, table.name
            uniques = {tuple(u["column_names"]) for u in found.get_unique_constraints(table.name)}
            expected = {tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, UniqueConstraint)}
            expected |= {(c.name,) for c in table.columns if c.unique}
            assert uniques == expected, table.name
            fks = {(fk["constrained_columns"][0], fk["referred_table"]) for fk in found.get_foreign_keys(table.name)}
            assert fks == {(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys}, table.name
        assert {"documents_fts", "claims_fts"} <= set(found.get_table_names())
    finally:
        engine.dispose()


def test_postgresql_ledger_records_every_migration_once(postgres_url):
    from sqlalchemy import text

    def names():
        engine = create_engine(Ledger(postgres_url).url)  # also migrates (a no-op the second time)
        try:
            with engine.connect() as connection:
                return connection.execute(text("SELECT name FROM _migrations ORDER BY applied_at, name")).scalars().all()
        finally:
            engine.dispose()

    first = names()
    assert sorted(first) == sorted(m.__name__ for m in migrations.MIGRATIONS)
    assert names() == first


def test_sqlite_connections_use_wal_and_wait_for_locks(tmp_path):
    with Ledger(tmp_path / "ledger.db") as ledger:
        with ledger.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("busy_timeout") >= 5000
            assert pragma("foreign_keys") == 1


def test_migration_one_runs_its_own_frozen_ddl_not_live_code():
    """Editing dialect.py (or schema.py) must never change what an old migration does."""
    import inspect

    from claimledger.ledger import dialect, m001_search

    source = inspect.getsource(migrations.m001_initial)
    assert "dialect." not in source and "schema." not in source
    assert "m001_search.create(connection)" in source
    assert not [name for name in vars(dialect) if name.endswith("_DDL")]
    assert len(m001_search.SQLITE_FTS_DDL) == 9 and len(m001_search.PG_FTS_DDL) == 12
