"""IHRP Desktop: worksheets for Integrative Harm Reduction Psychotherapy."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "IHRP Desktop"
