"""The ``ihrp-desktop`` command line.

Without a subcommand it launches the app; every subcommand works without Qt (and never imports it,
so scripts start fast). Exit codes: 0 ok, 1 other error, 2 usage, 3 wrong passphrase,
4 damaged or not a vault, 5 older than a state this computer has seen (verify). Messages are plain
words on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .. import __version__
from ..core.vocabulary import DEFAULT_LANGUAGE, LANGUAGE_CODES
from .codes import (  # noqa: F401 - the exit codes are part of this package's interface
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_OLDER,
    EXIT_USAGE,
    EXIT_WRONG_PASSPHRASE,
    PAPERS,
)
from .output import STARTED_WITHOUT
from .passphrase import Stopped, UsageProblem

if TYPE_CHECKING:
    import argparse



def _vault(p: argparse.ArgumentParser) -> None:
    p.add_argument("--vault", required=True, metavar="PATH",
                   help="the vault's folder (the one that holds vault.key and vault.db)")


def _version(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                   help="show the program's version and stop")


def _stdin(p: argparse.ArgumentParser) -> None:
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read passphrase(s) from standard input, one per line, instead of prompting")


def _output(p: argparse.ArgumentParser, metavar: str, what: str) -> None:
    p.add_argument("-o", "--output", required=True, metavar=metavar, help=what)


# A record id is a positive 64-bit integer (SQLite's largest): anything else is a usage error, not
# an overflow deep inside the database driver (tests/hostile/test_cli_messages.py).
MAX_RECORD_ID = 2**63 - 1


def record_id(text: str) -> int:
    """argparse type of a worksheet id."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a worksheet number") from None
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"{text} is not a worksheet number in this vault "
                                         "(see: ihrp-desktop list)")
    return value


def _language(p: argparse.ArgumentParser, default: str | None, words: str) -> None:
    p.add_argument("--lang", choices=LANGUAGE_CODES, default=default, help=words)


def _register(p: argparse.ArgumentParser, default: str) -> None:
    # English has one register: --formal with it is refused, never ignored (tests/cli/test_register_cli.py).
    p.add_argument("--formal", action="store_true",
                   help=f"Spanish only: address the client as usted instead of tú (default: {default})")


def _forms(p: argparse.ArgumentParser) -> None:
    _language(p, DEFAULT_LANGUAGE.value, "language of the titles (default: en)")


def _blank(p: argparse.ArgumentParser) -> None:
    p.add_argument("form_id", metavar="FORM_ID", help="which worksheet (see: ihrp-desktop forms)")
    _output(p, "OUT.pdf", "the PDF file to write")
    _language(p, DEFAULT_LANGUAGE.value, "language of the worksheet (default: en)")
    _register(p, "tú")
    _paper(p, "letter")


def _paper(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument("--paper", choices=PAPERS, default=None, help=f"paper size (default: {default})")


def _init(p: argparse.ArgumentParser) -> None:
    _vault(p)
    p.add_argument("--demo", action="store_true", help="fill it with the fictional sample clients")
    _stdin(p)


def _print(p: argparse.ArgumentParser) -> None:
    p.add_argument("worksheet_id", metavar="WORKSHEET_ID", type=record_id,
                   help="the worksheet's number (see: ihrp-desktop list)")
    _vault(p)
    _output(p, "OUT.pdf", "the PDF file to write")
    p.add_argument("--copy", choices=("take-home", "clinician", "pocket-card"), default="take-home",
                   help="take-home leaves out the clinician's fields; pocket-card prints the plan's wallet "
                        "cards, several to a sheet with cut marks, discreet unless --not-discreet "
                        "(default: take-home)")
    # One or the other (tests/cli/test_print_options.py::test_discreet_and_not_discreet_refused).
    discretion = p.add_mutually_exclusive_group()
    discretion.add_argument("--discreet", action="store_true",
                            help="take-home copy: neutral title, no name or clinic words")
    discretion.add_argument("--not-discreet", action="store_true",
                            help="pocket card only: print the plan's own title instead of \"My plan\"")
    _language(p, None, "default: the worksheet's language")
    _register(p, "as the client's page says")
    _paper(p, "the practice's paper size")
    _stdin(p)


def _export_json(p: argparse.ArgumentParser) -> None:
    _vault(p)
    _output(p, "FILE.json", "the JSON file to write (not encrypted)")
    p.add_argument("--client", metavar="NAME", help="only this client (exact name)")
    _stdin(p)


def _path_and_vault(name: str, metavar: str, what: str) -> Callable[[argparse.ArgumentParser], None]:
    """The arguments of a command that reads one path into a vault (import, restore)."""

    def arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument(name, metavar=metavar, help=what)
        _vault(p)
        _stdin(p)

    return arguments


_import = _path_and_vault("file", "FILE.json", "a file written by ihrp-desktop export-json")


def _backup(p: argparse.ArgumentParser) -> None:
    _vault(p)
    _output(p, "OUT", "a new folder for the backup (it must not exist yet, or be empty)")
    _stdin(p)


_restore = _path_and_vault("backup", "BACKUP", "the backup's folder")


def _audit(p: argparse.ArgumentParser) -> None:
    _vault(p)
    p.add_argument("--client", metavar="NAME", help="only events about this client (exact name)")
    p.add_argument("--since", metavar="DATE", help="only events on or after this day (YYYY-MM-DD)")
    p.add_argument("-o", "--output", metavar="FILE.csv", help="write CSV to this file instead of a table")
    _stdin(p)


def _vault_only(p: argparse.ArgumentParser) -> None:
    _vault(p)
    _stdin(p)


def _practice(p: argparse.ArgumentParser) -> None:
    from .practice import declare

    declare(p)


def _new(p: argparse.ArgumentParser) -> None:
    from .worksheets import declare_new

    declare_new(p)


def _revise(p: argparse.ArgumentParser) -> None:
    from .worksheets import declare_revise

    declare_revise(p)


def _report(p: argparse.ArgumentParser) -> None:
    from .report import declare

    declare(p)


def _verify(p: argparse.ArgumentParser) -> None:
    _vault_only(p)
    p.add_argument("--accept-older", action="store_true",
                   help="this copy, reported older than one this computer has opened, is the one you work "
                        "in: remember its state as the newest, so it is not reported again")


# Every subcommand: its one-line help and the function that declares its arguments.
SUBCOMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "forms": ("list worksheet definitions: id, version, title", _forms),
    "blank": ("print a blank worksheet to a PDF file", _blank),
    "init": ("create a new vault", _init),
    "list": ("clients, their sessions and worksheet ids, one per line", _vault_only),
    "print": ("print a worksheet to a PDF file", _print),
    "new": ("start a worksheet for a client, optionally with every item earlier worksheets offer "
            "(--carry); prints its id", _new),
    "revise": ("start the next version of a plan (answers that no longer apply start empty); prints its id",
               _revise),
    "report": ("print a client's progress report (charts of rulers, check-ins, plan days, AUDIT scores "
               "over the sessions) to a PDF file, for the clinician", _report),
    "export-json": ("write all (or one client's) records to a JSON file (NOT encrypted)", _export_json),
    "import": ("add the records of an export file to a vault", _import),
    "passwd": ("change the vault passphrase (a new data key: the vault is re-encrypted)", _vault_only),
    "rekey": ("my passphrase or recovery sheet may have been seen: new passphrase, new data key, "
              "the recovery sheet stops working", _vault_only),
    "backup": ("make a consistent encrypted backup (works while the app is open)", _backup),
    "restore": ("restore a backup into a new vault folder", _restore),
    "verify": ("check a vault or a backup for damage, and whether it is older than one this computer has "
               "opened (exit 5)", _verify),
    "audit": ("who did what and when: the vault's audit trail, as a table or CSV", _audit),
    "practice": ("show or set the practice profile: name, phone, the crisis and poison lines printed on "
                 "take-home papers, paper size", _practice),
}


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, just that subcommand's part (a quick start for
    scripts: building all eleven is most of the cost of parsing one)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="ihrp-desktop",
        description="Worksheets for Integrative Harm Reduction Psychotherapy, kept in an encrypted vault.",
        epilog="Without a COMMAND the app opens: ihrp-desktop [--vault PATH] [--open WORKSHEET_ID] [--demo]",
    )
    _version(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, declare) in SUBCOMMANDS.items():
        if only is None or name == only:
            declare(sub.add_parser(name, help=summary, description=summary[:1].upper() + summary[1:] + "."))
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="ihrp-desktop", description="Launch IHRP Desktop.")
    parser.add_argument("--vault", metavar="PATH", help="the vault folder (default: your user data folder)")
    _version(parser)
    parser.add_argument("--open", metavar="WORKSHEET_ID", type=record_id,
                        help="open this worksheet after unlocking")
    parser.add_argument("--demo", action="store_true", help="open a throwaway vault with the sample data")
    return parser


# Commands that never read a passphrase nor open a vault: they hold no secret, and skip the process
# hardening.
_NO_SECRETS = ("forms", "blank", "-h", "--help", "--version")


def _unknown_command(word: str) -> int:
    """A word where a command belongs that is not one: name it and list the commands (exit 2)."""
    import difflib

    close = difflib.get_close_matches(word, SUBCOMMANDS, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    print(f"ihrp-desktop: unknown command '{word}'.{hint}\n"
          f"The commands are: {', '.join(SUBCOMMANDS)}.\n"
          "See: ihrp-desktop --help (or ihrp-desktop COMMAND --help)", file=sys.stderr)
    return EXIT_USAGE


def _run(args_list: list[str]) -> int:
    first = args_list[0] if args_list else None
    if first is not None and not first.startswith("-") and first not in SUBCOMMANDS:
        return _unknown_command(first)
    if first not in _NO_SECRETS:
        from ..core.hardening import harden_process

        harden_process()  # before any passphrase is read or any vault opened
    if first not in SUBCOMMANDS and first not in ("-h", "--help"):
        gui_args = _gui_parser().parse_args(args_list)
        from .window_program import hand_over, window_program

        program = window_program()
        if program is not None:  # the bundle's Qt-free command line
            return hand_over(program, args_list)
        from ..app.launch import launch  # Qt is imported only here

        return launch(vault=gui_args.vault, open_worksheet=gui_args.open, demo=gui_args.demo)
    args = _parser(only=first if first in SUBCOMMANDS else None).parse_args(args_list)
    from . import commands

    return commands.run(args)


def _stdout_to_devnull() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor (a test's captured stdout): nothing to redirect
        pass


def _missing_streams_to_devnull() -> None:
    """Started with standard output or error closed (`ihrp-desktop forms >&-`), Python has None there:
    what would be printed goes nowhere instead of failing (tests/hostile/test_cli_paths.py)."""
    import os

    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        STARTED_WITHOUT.add(name)  # `-o -` then has nowhere to go (cli/output.py)
        try:
            os.fstat(fd)
        except OSError:  # the descriptor is free: fill it, so no file opened later lands on it
            os.open(os.devnull, os.O_WRONLY)  # the lowest free descriptor: this one
        setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ihrp-desktop`` command: the one place where whatever went wrong becomes
    plain words and an exit code; no traceback reaches the person (tests/hostile/test_no_traceback.py)."""
    _missing_streams_to_devnull()
    try:
        code = _run(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()  # here, so a reader that has gone is met below, not at exit
        return code
    except BrokenPipeError:
        # `... | head -1`: the reader closed standard output. Not the program's error: no message, no
        # crash report; further output goes nowhere (Python's documented way, "Note on SIGPIPE").
        _stdout_to_devnull()
        return EXIT_ERROR
    except UsageProblem as exc:
        print(f"ihrp-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Stopped:
        print("\nStopped. Nothing was changed.", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\nStopped. Nothing more was written.", file=sys.stderr)
        return EXIT_ERROR
    except SystemExit:
        raise  # argparse's usage errors (2), --help and --version (0)
    except BaseException as exc:  # noqa: BLE001 - the entry point's last word
        from ..core.crash_report import report

        print(f"ihrp-desktop: {report(exc)}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
