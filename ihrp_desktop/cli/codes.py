"""Exit codes of the command line, in a module of their own.

The commands import these without importing the package's parser (so ``cli/__init__`` and the
modules it loads do not import each other).
"""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_WRONG_PASSPHRASE, EXIT_DAMAGED, EXIT_OLDER = 0, 1, 2, 3, 4, 5
# core.pdf.options.PAPERS, spelled here so that parsing loads no ReportLab (tests/cli/test_paper.py).
PAPERS = ("letter", "a4")
