"""The bundle's window program: the same ``ihrp-desktop`` entry point, built with Qt; a windowed
program on Windows and macOS (no console opens)."""

from ihrp_desktop.cli import main

raise SystemExit(main())
