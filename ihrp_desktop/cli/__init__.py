"""The ``ihrp-desktop`` command line.

Without a subcommand it launches the app; every subcommand works without Qt (and never imports it,
so scripts start fast). Exit codes: 0 ok, 1 other error, 2 usage, 3 wrong passphrase,
4 damaged or not a vault. Messages are plain words on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .passphrase import UsageProblem

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_WRONG_PASSPHRASE, EXIT_DAMAGED = 0, 1, 2, 3, 4

SUBCOMMANDS = (
    "forms", "blank", "init", "list", "print", "export-json", "import", "passwd", "backup", "restore",
    "verify",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ihrp-desktop",
        description="Worksheets for Integrative Harm Reduction Psychotherapy, kept in an encrypted vault.",
        epilog="Without a COMMAND the app opens: ihrp-desktop [--vault PATH] [--open WORKSHEET_ID] [--demo]",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def vault_arg(p: argparse.ArgumentParser, required: bool = True) -> None:
        p.add_argument("--vault", required=required, metavar="PATH", help="the vault folder")

    def stdin_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--passphrase-stdin", action="store_true",
                       help="read passphrase(s) from standard input, one per line, instead of prompting")

    p = sub.add_parser("forms", help="list worksheet definitions: id, version, title")
    p.add_argument("--lang", choices=("en", "es"), default="en")

    p = sub.add_parser("blank", help="print a blank worksheet to a PDF file")
    p.add_argument("form_id", metavar="FORM_ID")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--lang", choices=("en", "es"), default="en")

    p = sub.add_parser("init", help="create a new vault")
    vault_arg(p)
    p.add_argument("--demo", action="store_true", help="fill it with the fictional sample clients")
    stdin_arg(p)

    p = sub.add_parser("list", help="clients, their sessions and worksheet ids, one per line")
    vault_arg(p)
    stdin_arg(p)

    p = sub.add_parser("print", help="print a worksheet to a PDF file")
    p.add_argument("worksheet_id", metavar="WORKSHEET_ID", type=int)
    vault_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--copy", choices=("take-home", "clinician"), default="take-home")
    p.add_argument("--discreet", action="store_true", help="neutral title, no name or clinic words")
    p.add_argument("--lang", choices=("en", "es"), default=None, help="default: the worksheet's language")
    stdin_arg(p)

    p = sub.add_parser("export-json",
                       help="write all (or one client's) records to a JSON file (NOT encrypted)")
    vault_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.add_argument("--client", metavar="NAME", help="only this client (exact name)")
    stdin_arg(p)

    p = sub.add_parser("import", help="add the records of an export file to a vault")
    p.add_argument("file", metavar="FILE.json")
    vault_arg(p)
    stdin_arg(p)

    p = sub.add_parser("passwd", help="change the vault passphrase")
    vault_arg(p)
    stdin_arg(p)

    p = sub.add_parser("backup", help="make a consistent encrypted backup (works while the app is open)")
    vault_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    stdin_arg(p)

    p = sub.add_parser("restore", help="restore a backup into a new vault folder")
    p.add_argument("backup", metavar="BACKUP")
    vault_arg(p)
    stdin_arg(p)

    p = sub.add_parser("verify", help="check a vault or a backup for damage")
    vault_arg(p)
    stdin_arg(p)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ihrp-desktop", description="Launch IHRP Desktop.")
    parser.add_argument("--vault", metavar="PATH", help="the vault folder (default: your user data folder)")
    parser.add_argument("--open", metavar="WORKSHEET_ID", type=int,
                        help="open this worksheet after unlocking")
    parser.add_argument("--demo", action="store_true", help="open a throwaway vault with the sample data")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ihrp-desktop`` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = args_list[0] if args_list else None
    if first not in SUBCOMMANDS and first not in ("-h", "--help"):
        gui_args = _gui_parser().parse_args(args_list)
        from ..app.launch import launch  # Qt is imported only here

        return launch(vault=gui_args.vault, open_worksheet=gui_args.open, demo=gui_args.demo)
    args = _parser().parse_args(args_list)
    from . import commands

    try:
        return commands.run(args)
    except UsageProblem as exc:
        print(f"ihrp-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nStopped. Nothing more was written.", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
