"""Alembic scripts for the vault schema (run programmatically by ``core.vault.migrate``; no alembic.ini)."""
