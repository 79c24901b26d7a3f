"""The hostile suite drives the real window with the app tests' fixtures (real vaults, real runners)."""

from __future__ import annotations

from tests.app.conftest import app_look, fast_vault, free_widgets, make_window

__all__ = ["app_look", "fast_vault", "free_widgets", "make_window"]
