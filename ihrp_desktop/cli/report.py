"""``ihrp-desktop report``: a client's clinician progress report (charts and tables) to a PDF file."""

from __future__ import annotations

import argparse

from .codes import EXIT_ERROR, EXIT_OK
from .output import checked_output, say_written, write_file


def declare(p: argparse.ArgumentParser) -> None:
    """The arguments of ``report``."""
    from . import _language, _output, _paper, _stdin, _vault

    p.add_argument("--client", required=True, metavar="NAME", help="the client's name (exact)")
    _vault(p)
    _output(p, "OUT.pdf", "the PDF file to write")
    _language(p, None, "default: the client's language")
    _paper(p, "the practice's paper size")
    _stdin(p)


def cmd_report(args: argparse.Namespace) -> int:
    from ..core.pdf.progress_report import render_progress_report
    from ..core.progress import client_progress
    from ..core.vocabulary import AuditAction, client_language
    from .client_name import one_client
    from .commands import _library, open_vault

    checked_output(args.output)  # before the passphrase: a refused file costs nothing
    library = _library()
    with open_vault(args) as vault:
        client = one_client(vault, args.client)
        if client is None:
            return EXIT_ERROR
        language = client_language(client, args.lang)
        progress = client_progress(vault, library, client.id, language)
        paper = args.paper or vault.practice().paper
        pdf = render_progress_report(progress, client.name, language=language, paper=paper)
        # Recorded before the file exists: a print the audit trail cannot hold is not made.
        vault.record(AuditAction.PRINTED, client_id=client.id, detail="progress report to file")
        write_file(args.output, pdf)
    say_written(args.output)
    return EXIT_OK
