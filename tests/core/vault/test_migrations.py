"""Schema migrations: one source of truth, a copy before upgrading, no Alembic on the everyday path.

The upgrade test is real: it copies the shipped Alembic scripts, adds a test-only revision after the
head (SCHEMA_HEAD) and opens a vault made at the head with that script folder. Each shipped revision is
tested on a vault taken back to the one before by the scripts' own downgrade.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import create_engine

from ihrp_desktop.core.vault import KeptCopy, Vault, VaultFromNewerVersion, unlock_key, verify
from ihrp_desktop.core.vault.migrate import SCRIPTS_DIR, script_head
from ihrp_desktop.core.vault.schema import SCHEMA_HEAD, Base
from tests.kdf_floor import LOWER
from tests.old_vault import downgrade_to

PASSPHRASE = "correct horse battery staple"

TEST_REVISION = "9999"
REVISION_TEST = f'''
"""test-only: a nickname column"""
import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{SCHEMA_HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.add_column(sa.Column("nickname", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("nickname")
'''


def _raw(folder: Path, sql: str) -> list[tuple[object, ...]]:
    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(f"{(folder / 'vault.db').as_uri()}?immutable=1", uri=True)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_schema_head_constant_matches_the_alembic_scripts() -> None:
    assert script_head() == SCHEMA_HEAD


def test_new_vault_is_built_by_the_migrations_and_matches_the_orm(vault: Vault) -> None:
    vault.close()
    assert _raw(vault.path, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    # Compare the migrated database with the ORM models: any difference means a missing revision.
    key = unlock_key(vault.path, PASSPHRASE)

    def connect() -> object:
        conn = sqlcipher3.connect(f"{(vault.path / 'vault.db').as_uri()}?immutable=1", uri=True)
        conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
        return conn

    engine = create_engine("sqlite://", module=sqlcipher3, creator=connect)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_an_older_vault_is_copied_then_upgraded(
    closed_vault: Path, tmp_path: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    scripts = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test_nickname.py").write_text(REVISION_TEST)
    assert script_head(scripts) == TEST_REVISION

    key = unlock_key(closed_vault, PASSPHRASE)
    with Vault.open_with_key(closed_vault, key, migrations=scripts) as v:
        copy = v.pre_migration_copy
        assert copy is not None and copy.parent == closed_vault
        assert copy.name.startswith(f"pre-migration-{SCHEMA_HEAD}-")
        assert len(v.clients()) == 3  # the data came through
        assert v.audit_events()[-1].action == "migrated"
    assert _raw(closed_vault, "SELECT version_num FROM alembic_version") == [(TEST_REVISION,)]
    assert "nickname" in [row[1] for row in _raw(closed_vault, "PRAGMA table_info(clients)")]

    # The copy is an encrypted vault at the old revision that opens with the same passphrase.
    assert _raw(copy, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert verify(copy, PASSPHRASE).ok
    # A kept copy is never opened where it is kept (that would upgrade it in place): restored into a
    # new folder, it opens with the same passphrase.
    with pytest.raises(KeptCopy, match="restore"):
        Vault.open(copy, PASSPHRASE)
    restored = Vault.restore(copy, tmp_path / "restored", PASSPHRASE)
    with Vault.open(restored, PASSPHRASE) as old:
        assert len(old.clients()) == 3

    # Opening again with the same scripts: already at head, no second copy.
    with Vault.open_with_key(closed_vault, key, migrations=scripts) as v:
        assert v.pre_migration_copy is None
    assert len(list(closed_vault.glob("pre-migration-*"))) == 1

    # This program (head SCHEMA_HEAD) refuses the upgraded vault and writes nothing; verify names why.
    assert any("not one this program knows" in p for p in verify(closed_vault, PASSPHRASE).problems)
    before = snapshot(closed_vault)
    with pytest.raises(VaultFromNewerVersion):
        Vault.open(closed_vault, PASSPHRASE)
    assert snapshot(closed_vault) == before


def test_everyday_open_does_not_import_alembic(closed_vault: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from ihrp_desktop.core.vault import Vault
        with Vault.open({str(closed_vault)!r}, {PASSPHRASE!r}) as v:
            v.add_client("x")
        print("alembic" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", LOWER + script], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def _downgrade_to(folder: Path, revision: str) -> None:
    downgrade_to(folder, revision, PASSPHRASE)


def _chain_as_0001_wrote_it(folder: Path) -> None:
    """Re-hash the audit trail without actors, as the program wrote it before schema 0002."""
    from ihrp_desktop.core.vault.audit import GENESIS, event_hash

    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    try:
        prev = GENESIS
        rows = conn.execute(
            "SELECT id, at, action, client_id, worksheet_id, detail FROM audit_events ORDER BY id").fetchall()
        for event_id, at, action, client_id, worksheet_id, detail in rows:
            digest = event_hash(prev, event_id, at, action, client_id, worksheet_id, detail)
            conn.execute(
                "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, event_id)
            )
            prev = digest
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def test_0002_gives_every_existing_record_its_own_stable_id(closed_vault: Path) -> None:
    _downgrade_to(closed_vault, "0001")
    _chain_as_0001_wrote_it(closed_vault)
    assert _raw(closed_vault, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert "uid" not in [row[1] for row in _raw(closed_vault, "PRAGMA table_info(clients)")]

    with Vault.open(closed_vault, PASSPHRASE) as v:
        assert v.pre_migration_copy is not None
        assert len(v.clients()) == 3
        v.record("printed", detail="after the upgrade")
    for table in ("clients", "sessions", "worksheets"):
        uids = [row[0] for row in _raw(closed_vault, f"SELECT uid FROM {table}")]
        assert uids and all(len(u) == 36 for u in uids)
        assert len(set(uids)) == len(uids)  # one each, never shared
    actors = _raw(closed_vault, "SELECT action, actor FROM audit_events ORDER BY id")
    upgraded = [action for action, _ in actors].index("migrated")
    assert all(actor == "" for _, actor in actors[:upgraded])  # written before 0002: no actor
    assert all(actor.endswith("(program)") for _, actor in actors[upgraded:])  # account (program part)
    assert verify(closed_vault, PASSPHRASE).ok  # the audit chain holds for both, across the upgrade


_TABLES = ("clients", "sessions", "worksheets", "revisions", "audit_events")
INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"


def _language_checks(folder: Path) -> list[str]:
    tables = _raw(folder, "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    return [name for name, sql in tables if "language IN" in str(sql)]


def test_0004_takes_the_languages_out_of_the_schema_and_keeps_every_value(closed_vault: Path) -> None:
    with Vault.open(closed_vault, PASSPHRASE) as v:
        spanish = v.add_client("Lucía Pérez", "es")
        v.new_worksheet(spanish.id, "decisional_balance", 1, values={"notes": "sí"}, filled_by="client")
    _downgrade_to(closed_vault, "0003")
    assert _raw(closed_vault, "SELECT version_num FROM alembic_version") == [("0003",)]
    assert _language_checks(closed_vault) == ["clients", "worksheets"]
    before = {table: _raw(closed_vault, f"SELECT * FROM {table} ORDER BY id") for table in _TABLES}
    indexes = _raw(closed_vault, INDEXES)

    with Vault.open(closed_vault, PASSPHRASE) as v:
        assert v.pre_migration_copy is not None
    assert _raw(closed_vault, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert _language_checks(closed_vault) == []
    for table in _TABLES:  # every row, id and uid as it was; the trail only grew
        # Columns later revisions add come last (0005's register): compare the columns 0003 had.
        rows = _raw(closed_vault, f"SELECT * FROM {table} ORDER BY id")
        after = [row[: len(before[table][0])] for row in rows]
        assert after[: len(before[table])] == before[table], table
        assert len(after) == len(before[table]) or table == "audit_events"
    assert _raw(closed_vault, INDEXES) == indexes
    # The other checks stay in the schema.
    with pytest.raises(sqlcipher3.IntegrityError):
        _write_raw(closed_vault, "UPDATE worksheets SET status = 'lost' WHERE id = 1")
    assert verify(closed_vault, PASSPHRASE).ok


def test_0005_adds_the_register_and_keeps_every_client_in_tu(closed_vault: Path) -> None:
    with Vault.open(closed_vault, PASSPHRASE) as v:
        lucia = v.add_client("Lucía Pérez", "es")
    _downgrade_to(closed_vault, "0004")
    columns = [row[1] for row in _raw(closed_vault, "PRAGMA table_info(clients)")]
    assert "register" not in columns
    before = {table: _raw(closed_vault, f"SELECT * FROM {table} ORDER BY id") for table in _TABLES}

    with Vault.open(closed_vault, PASSPHRASE) as v:
        assert v.pre_migration_copy is not None
        assert {c.register for c in v.clients()} == {"informal"}
    assert _raw(closed_vault, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    clients = _raw(closed_vault, "SELECT * FROM clients ORDER BY id")
    assert [row[:-1] for row in clients] == before["clients"]  # every row, column and value kept
    assert {row[-1] for row in clients} == {"informal"}
    for table in _TABLES[1:]:
        assert _raw(closed_vault, f"SELECT * FROM {table} ORDER BY id")[: len(before[table])] == before[table]
    with Vault.open(closed_vault, PASSPHRASE) as v:
        formal = v.set_client_register(lucia.id, "formal")
        assert formal.register == "formal" and formal.language == "es"
        with pytest.raises(ValueError, match="register must be one of informal, formal"):
            v.set_client_register(formal.id, "usted")
        assert v.client(lucia.id).register == "formal"
    assert verify(closed_vault, PASSPHRASE).ok


def _write_raw(folder: Path, sql: str) -> None:
    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    try:
        conn.execute(sql)
    finally:
        conn.close()


def test_a_language_added_to_the_vocabulary_is_stored_without_a_schema_change(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from enum import StrEnum

    from ihrp_desktop.core.vault import clients, worksheets

    with pytest.raises(ValueError, match="language must be one of en, es"):
        vault.add_client("Élise", "fr")
    added = StrEnum("Language", {"EN": "en", "ES": "es", "FR": "fr"})  # type: ignore[misc]
    monkeypatch.setattr(clients, "Language", added)
    monkeypatch.setattr(worksheets, "Language", added)
    client = vault.add_client("Élise", "fr")
    sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1)
    assert (vault.client(client.id).language, vault.worksheet(sheet.id).language) == ("fr", "fr")
    assert vault.set_language(sheet.id, "es").language == "es"
