"""The bundle's command line: the ``ihrp-desktop`` command, built without Qt (ihrp-desktop.spec).
Without a command it hands over to ihrp-desktop-gui (ihrp_desktop/cli/window_program.py)."""

from ihrp_desktop.cli import main

raise SystemExit(main())
