"""``python -m ihrp_desktop`` is the same as the ``ihrp-desktop`` command."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
