"""What each ``ihrp-desktop`` subcommand does. Heavy modules are imported inside each command."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.file_guard import RefusedTarget
from ..core.vocabulary import DEFAULT_REGISTER, AuditAction, Register
from .client_name import one_client
from .codes import EXIT_DAMAGED, EXIT_ERROR, EXIT_OK, EXIT_OLDER, EXIT_WRONG_PASSPHRASE
from .keys import cmd_passwd, cmd_rekey, refuse_weak
from .output import checked_output, say, say_written, write_file, written_to
from .passphrase import PassphraseSource, UsageProblem
from .register import in_register_asked

if TYPE_CHECKING:
    from ..core.forms import FormLibrary
    from ..core.vault import Vault


def _library() -> FormLibrary:
    from ..core.forms import default_library

    library = default_library()
    for problem in library.errors:  # a bad user definition never stops the others
        say(f"Skipped: {problem}")
    return library


@contextmanager
def open_vault(args: argparse.Namespace) -> Iterator[Vault]:
    from ..core.vault import Vault, VaultError

    path = Path(args.vault)
    passphrase = PassphraseSource(args.passphrase_stdin).existing()
    vault = Vault.open(path, passphrase)
    try:
        if vault.older_than_seen is not None:  # said, not decided: the record keeps the newer state
            say("Warning: " + vault.older_than_seen.message(going_on=True))
        vault.record(AuditAction.UNLOCKED, detail=f"command line: {args.command}")
        yield vault
    except BaseException:
        # The first error is the one to tell: closing after a failed write (a full disk) can fail too.
        with contextlib.suppress(Exception):
            vault.close()
        raise
    with contextlib.suppress(VaultError):  # the command's own outcome is what the person needs to hear
        vault.record(AuditAction.LOCKED, detail=f"command line: {args.command}")
    vault.close()


# -- commands -------------------------------------------------------------------------------------

def cmd_forms(args: argparse.Namespace) -> int:
    for form in _library().ordered():
        print(f"{form.id}\t{form.version}\t{form.title.get(args.lang)}")
    return EXIT_OK


def cmd_blank(args: argparse.Namespace) -> int:
    from ..core.pdf import render_blank

    checked_output(args.output)  # before any printing: a refused file costs nothing
    library = _library()
    if args.form_id not in library.forms:
        raise UsageProblem(f"There is no worksheet called '{args.form_id}'. See: ihrp-desktop forms")
    language = in_register_asked(args.lang, Register.FORMAL if args.formal else DEFAULT_REGISTER, args.formal)
    write_file(args.output, render_blank(library.forms[args.form_id], language=language,
                                          paper=args.paper or "letter"))
    say(f"Blank worksheet written to {written_to(args.output)}")
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from ..core.vault import Vault
    from ..core.vault.backup import refuse_vault_places
    from ..core.vault.errors import SaveFailed
    from ..core.vault.undo_create import discard_new

    path = Path(args.vault)
    if args.vault and Vault.exists(path):
        say(f"There is already a vault at {path}. Nothing was changed.")
        return EXIT_ERROR
    refuse_vault_places(args.vault, new_vault=True)  # before the passphrase: the guard's folder rule
    passphrase = PassphraseSource(args.passphrase_stdin).new()
    if not args.demo:  # a demo vault holds only fictional records
        refuse_weak(passphrase, "No vault was created.")
    made_folder = not path.exists()  # else empty: refuse_vault_places said so
    vault = Vault.create(path, passphrase)
    try:
        if args.demo:
            from ..core.demo import load_demo

            try:
                load_demo(vault, _library())
            except SaveFailed as exc:  # the sample records, not "the import" the person never asked for
                raise SaveFailed(exc.reason, what="sample records") from exc
    except BaseException:
        # Half the sample data is no vault to keep: remove exactly what this init made
        # (tests/hostile/test_cli_paths.py::test_init_demo_on_a_full_disk_leaves_nothing).
        with contextlib.suppress(Exception):
            vault.close()
        discard_new(vault.path, made_folder=made_folder)
        say(f"The sample records could not be added, so the new vault was removed again: nothing is left "
            f"at {path}.")
        raise
    vault.close()
    say(f"New vault created at {path}{' with the sample clients' if args.demo else ''}.")
    say("Keep the passphrase safe: without it nobody, including you, can open these records.")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from ..core.vault.clients import printable_name

    with open_vault(args) as vault:
        for client in vault.clients(include_archived=True):
            archived = " (archived)" if client.archived else ""
            # printable_name: a name stored before names were cleaned sends no escape to the terminal.
            print(f"client {client.id}\t{printable_name(client.name)}{archived}")
            sheets = vault.worksheets(client.id)
            for session in vault.sessions(client.id):
                print(f"  session {session.id}\t{session.date.isoformat()}")
                for sheet in (s for s in sheets if s.session_id == session.id):
                    print(f"    worksheet {sheet.id}\t{sheet.form_id}\t{sheet.status}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from ..core.pdf import PrintHeader, PrintOptions, render_worksheet
    from ..core.pdf.fallback import texts_of, unprintable, unprintable_note
    from ..core.pdf.options import DISCREET_ONLY_TAKE_HOME
    from ..core.pdf.pocket_sheet import CARD_SHORTENED, card_sheet
    from ..core.practice import NotConfirmed

    if args.discreet and args.copy == "clinician":
        # Never ignored without a word (tests/cli/test_print_options.py::test_discreet_clinician_refused).
        raise UsageProblem(DISCREET_ONLY_TAKE_HOME)
    checked_output(args.output)  # before the passphrase: a refused file costs nothing
    library = _library()
    with open_vault(args) as vault:
        try:
            sheet = vault.worksheet(args.worksheet_id)
        except KeyError:
            raise UsageProblem(
                f"There is no worksheet {args.worksheet_id} in this vault. See: ihrp-desktop list") from None
        form = library.forms.get(sheet.form_id)
        if form is None:
            say(f"This worksheet uses the definition '{sheet.form_id}', which is not installed here.")
            return EXIT_ERROR
        practice = vault.practice()
        card = args.copy == "pocket-card"
        if (card or args.copy == "take-home") and not practice.confirmed:
            # The help lines go home with the client: printed only once the person checked them
            # (tests/cli/test_practice.py::test_take_home_waits_for_confirmed_lines).
            raise UsageProblem(NotConfirmed.message)
        if card and form.pocket_card is None:
            with_card = ", ".join(f.title.get() for f in library.ordered() if f.pocket_card is not None)
            raise UsageProblem(f"The worksheet '{form.title.get()}' has no pocket card; "
                               f"these have one: {with_card}.")
        client = vault.client(sheet.client_id)
        header = PrintHeader(client_name=client.name, session_date=sheet.session_date, status=sheet.status,
                             filled_by=sheet.filled_by, version_number=sheet.version_number,
                             worksheet_id=sheet.id, practice=practice)
        paper = getattr(args, "paper", None) or practice.paper
        discreet = not args.not_discreet if card else args.discreet
        # The client's register unless --formal says usted (tests/cli/test_register_cli.py).
        register = Register.FORMAL if args.formal else client.register
        language = in_register_asked(args.lang or sheet.language, register, args.formal)
        shortened = False
        if card:
            options = PrintOptions(copy="take-home", language=language, discreet=discreet, paper=paper,
                                   written_with=sheet.form_version)
            pdf, shortened = card_sheet(form, sheet.values, options, practice=practice)
        else:
            options = PrintOptions(copy=args.copy, language=language, discreet=discreet, paper=paper,
                                   written_with=sheet.form_version)
            pdf = render_worksheet(form, sheet.values, header, options)
        # Recorded before the file exists: a print the audit trail cannot hold is not made.
        vault.record(AuditAction.PRINTED, client_id=sheet.client_id, worksheet_id=sheet.id,
                     detail=f"{args.copy}{' discreet' if discreet else ''} to "
                            f"{'standard output' if args.output == '-' else 'file'}")
        write_file(args.output, pdf)
        # The card and a discreet copy never print the client's name.
        lost = unprintable([*texts_of(sheet.values), "" if discreet or card else client.name])
    say_written(args.output)
    if lost:
        say(unprintable_note(lost))  # tests/cli/test_print_options.py::test_unprintable_said_once
    if shortened:
        say(CARD_SHORTENED)  # tests/cli/test_print_options.py::test_shortened_card_said_once
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    import json

    from ..core.exchange import export_records

    checked_output(args.output)  # before the passphrase: a refused file costs nothing
    with open_vault(args) as vault:
        if args.client is not None and one_client(vault, args.client) is None:
            return EXIT_ERROR
        data = export_records(vault, client_name=args.client)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        # Said before the file exists, and recorded before it exists (if recording fails, nothing is
        # written): tests/hostile/test_output_targets.py::test_export_warns_and_records_before_writing
        say("Warning: this file is NOT encrypted. Anyone who gets it can read these records. "
            "Keep it on an encrypted disk and delete it when you no longer need it.")
        vault.record(AuditAction.EXPORTED, detail=f"{len(data['clients'])} client(s) to JSON")
        write_file(args.output, text.encode("utf-8"))
    say_written(args.output)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..core.exchange import ExportFormatError, check_records, write_records
    from ..core.exchange_file import read_export
    from .progress import ProgressLines

    progress = ProgressLines()
    library = _library()
    try:
        # The whole file is read and checked before the passphrase is asked for: a bad file needs none.
        checked = check_records(read_export(args.file, progress), library, progress)
        with open_vault(args) as vault:
            summary = write_records(vault, checked, progress)
    except ExportFormatError as exc:
        say(f"The file cannot be imported: {exc}. Nothing was imported.")
        return EXIT_ERROR
    say("Imported. " + "; ".join(summary.lines()) + ".")
    if summary.unknown_forms:
        say("Kept as they are (their definitions are not installed here): "
            + ", ".join(sorted(summary.unknown_forms)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from ..core.vault.backup import refuse_vault_places

    if args.output == "-":  # other commands read `-o -` as standard output; a backup is a folder
        raise UsageProblem("A backup is a folder, not a stream: '-o -' cannot take it. "
                           "Name a new folder, for example: -o ~/ihrp-backup. Nothing was written.")
    refuse_vault_places(args.output)  # before the passphrase: a refused folder leaves the vault as it was
    with open_vault(args) as vault:
        out = vault.backup(Path(args.output))
    say(f"Encrypted backup written to {out}. It opens with the same passphrase.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ..core.vault import Vault
    from ..core.vault.backup import refuse_vault_places

    refuse_vault_places(args.vault)  # before the passphrase: a refused folder costs nothing
    passphrase = PassphraseSource(args.passphrase_stdin).existing("Backup passphrase: ")
    Vault.restore(Path(args.backup), Path(args.vault), passphrase)
    say(f"The backup was restored to {args.vault}.")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from ..core.activity import activity_rows, as_csv, as_table, parse_since

    since = None
    if args.since is not None:
        since = parse_since(args.since)
        if since is None:
            raise UsageProblem(f"'{args.since}' is not a date. Write it as YYYY-MM-DD, e.g. 2026-01-31.")
    with open_vault(args) as vault:
        client_id = None
        if args.client is not None:
            client = one_client(vault, args.client)
            if client is None:
                return EXIT_ERROR
            client_id = client.id
        rows = activity_rows(vault, client_id=client_id, since=since)
        problems = vault.audit_chain_problems()
        if args.output is not None:
            write_file(args.output, as_csv(rows))
            vault.record(AuditAction.EXPORTED, detail=f"audit trail, {len(rows)} event(s) to CSV")
        else:
            print(as_table(rows))
    chain = "intact" if not problems else "BROKEN: " + " ".join(problems)
    if args.output is not None:
        say(f"{len(rows)} event(s) written to {written_to(args.output)}. The file is NOT encrypted (it names "
            "clients).")
    say(f"Audit trail hash chain: {chain}")
    return EXIT_OK if not problems else EXIT_DAMAGED


def cmd_verify(args: argparse.Namespace) -> int:
    from ..core.vault import verify

    passphrase = PassphraseSource(args.passphrase_stdin).existing()
    report = verify(Path(args.vault), passphrase)
    for check in report.checks:
        print(f"checked: {check}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    if report.ok and report.older is not None:
        print(f"OLDER: {report.older}")
        if args.accept_older:
            from ..core.vault import Vault

            # The person says this copy is the one they work in (as "Keep working with this copy" in the
            # app): tests/core/vault/test_rollback.py::test_accept_older_on_the_command_line
            with Vault.open(Path(args.vault), passphrase) as vault:
                vault.accept_this_state()
            say("No damage found. This copy's state is now the newest this computer remembers: it is "
                "not reported as older again.")
            return EXIT_OK
        say("No damage found, but this vault is older than one this computer has opened (above). If it "
            "is the copy you work in now, run this again with --accept-older.")
        return EXIT_OLDER
    if report.ok and report.older_format:
        # tests/core/vault/test_upgrade_failures.py::test_verify_calls_an_older_format_intact
        say("No damage found. This vault is intact and in an older format, which opening it upgrades "
            "(a copy is kept first).")
        return EXIT_OK
    if report.ok:
        say("No damage found.")
        return EXIT_OK
    say("Damage found (listed above). The files were not changed. Restore your latest backup, "
        "or keep this copy and ask for help before doing anything else with it.")
    return EXIT_DAMAGED


def _loaded_later(args: argparse.Namespace) -> int:
    """``practice``, ``new``, ``revise`` and ``report``: their modules load only when one of them runs
    (imported by name, so the bundle's analysis finds them)."""
    from . import practice, report, worksheets

    return {"practice": practice.cmd_practice, "new": worksheets.cmd_new, "revise": worksheets.cmd_revise,
            "report": report.cmd_report}[args.command](args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "forms": cmd_forms, "blank": cmd_blank, "init": cmd_init, "list": cmd_list, "print": cmd_print,
    "export-json": cmd_export_json, "import": cmd_import, "passwd": cmd_passwd, "rekey": cmd_rekey,
    "backup": cmd_backup, "restore": cmd_restore, "verify": cmd_verify, "audit": cmd_audit,
    "practice": _loaded_later,
    "new": _loaded_later,
    "revise": _loaded_later,
    "report": _loaded_later,
}


def run(args: argparse.Namespace) -> int:
    """Run one subcommand, turning the errors a person can meet into a message and an exit code."""
    from ..core import actor

    actor.set_part(f"command line: {args.command}")  # who acted, in the vault's audit trail
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        raise  # the reader of standard output has gone: main() ends quietly
    except OSError as exc:
        from ..core.failure import describe_failure

        say(describe_failure(exc, screen=False, target=exc.filename))
        return EXIT_ERROR
    except RefusedTarget as exc:
        say(exc.message)
        return EXIT_ERROR
    except Exception as exc:
        code = _vault_exit_code(exc)
        if code is None:
            raise
        from ..core.failure import describe_failure

        # A failed save's app words promise text kept on screen; a command has none.
        say(describe_failure(exc, screen=False))
        return code


def _vault_exit_code(exc: Exception) -> int | None:
    # Only commands that opened a vault can raise vault errors; `forms` and `blank` never import it.
    if "ihrp_desktop.core.vault" not in sys.modules:
        return None
    from ..core.vault import DamagedVault, NotAVault, VaultError, WrongPassphrase

    if isinstance(exc, WrongPassphrase):
        return EXIT_WRONG_PASSPHRASE
    if isinstance(exc, DamagedVault | NotAVault):
        return EXIT_DAMAGED
    if isinstance(exc, VaultError):
        return EXIT_ERROR
    return None
