"""IHRP Desktop: worksheets for Integrative Harm Reduction Psychotherapy."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "IHRP Desktop"
# The per-user folders' names (paths.py): kept apart from APP_NAME so that renaming the program
# never moves a therapist's vault.
APP_DIR_NAME = "IHRP Desktop"
APP_AUTHOR = "IHRP"
