"""``ihrp-desktop new`` and ``ihrp-desktop revise``: start a worksheet or a new version of one from a
script, printing the new worksheet's id on standard output (and nothing else there)."""

from __future__ import annotations

import argparse

from .codes import EXIT_ERROR, EXIT_OK
from .output import say
from .passphrase import UsageProblem


def declare_new(p: argparse.ArgumentParser) -> None:
    """The arguments of ``new``."""
    from . import _stdin, _vault, record_id

    p.add_argument("form_id", metavar="FORM_ID", help="which worksheet (see: ihrp-desktop forms)")
    p.add_argument("--client", required=True, metavar="NAME", help="the client's name (exact)")
    _vault(p)
    p.add_argument(
        "--carry",
        metavar="WORKSHEET_ID",
        type=record_id,
        nargs="+",
        action="extend",
        default=[],
        help="start with every item this earlier worksheet of the client offers (repeatable)",
    )
    _stdin(p)


def declare_revise(p: argparse.ArgumentParser) -> None:
    """The arguments of ``revise``."""
    from . import _stdin, _vault, record_id

    p.add_argument(
        "worksheet_id",
        metavar="WORKSHEET_ID",
        type=record_id,
        help="the worksheet to revise (see: ihrp-desktop list)",
    )
    _vault(p)
    _stdin(p)


def cmd_new(args: argparse.Namespace) -> int:
    from ..core.forms.carrying import carry_into, gather_sources, offered_items
    from ..core.vocabulary import client_language
    from .client_name import one_client
    from .commands import _library, open_vault

    library = _library()
    if args.form_id not in library.forms:
        raise UsageProblem(f"There is no worksheet called '{args.form_id}'. See: ihrp-desktop forms")
    form = library.forms[args.form_id]
    with open_vault(args) as vault:
        client = one_client(vault, args.client)
        if client is None:
            return EXIT_ERROR
        values: dict[str, object] = {}
        if args.carry:
            offering = {info.id: info for info in vault.worksheets(client.id)}
            for sheet_id in args.carry:
                info = offering.get(sheet_id)
                if info is None or info.form_id not in {rule.source_form for rule in form.carry}:
                    say(
                        f"Worksheet {sheet_id} is not one of this client's worksheets that offer items to a "
                        f"new '{form.id}'. Nothing was written."
                    )
                    return EXIT_ERROR
            sources = gather_sources(vault, library, client.id, form, only=args.carry)
            carried = {source.worksheet_id for source in sources}
            for sheet_id in dict.fromkeys(args.carry):
                if sheet_id not in carried:  # core.forms.carrying.current_versions: one rule
                    say(f"Worksheet {sheet_id} has a later version among those named: its items are "
                        "carried once, from the newest version.")
            values = carry_into(form, {}, offered_items(form, sources, client_language(client)))
        sheet = vault.new_worksheet(client.id, form.id, form.version, values=values)
        print(sheet.id)
        _say_if_archived(client.archived)
    return EXIT_OK


# Made all the same (a client coming back after a break), but said: an archived client is hidden from
# the app's list (tests/cli/test_new_and_revise.py::test_new_and_revise_for_an_archived_client_say_so).
ARCHIVED = ("Note: this client is archived, so the app's client list hides them until you show archived "
            "clients. To bring them back: in the app, their page, Bring back from archive.")


def _say_if_archived(archived: bool) -> None:
    if archived:
        say(ARCHIVED)


def cmd_revise(args: argparse.Namespace) -> int:
    from ..core.forms.revising import revised_values
    from .commands import _library, open_vault

    library = _library()
    with open_vault(args) as vault:
        old = vault.worksheet(args.worksheet_id)
        form = library.forms.get(old.form_id)
        if form is None or not form.revisable:
            what = "is not installed" if form is None else "is not one that is revised into versions"
            say(f"Worksheet {old.id} uses the definition '{old.form_id}', which {what}. Nothing was written.")
            return EXIT_ERROR
        # What the new version keeps is declared in the definition (core.forms.revising).
        new = vault.revise(old.id, starts_with=lambda values: revised_values(form, values))
        print(new.id)
        _say_if_archived(vault.client(old.client_id).archived)
    return EXIT_OK
