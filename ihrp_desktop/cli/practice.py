"""``ihrp-desktop practice``: show or set the practice profile (name, phone, help lines, paper).

Without options it shows the profile, with the source of every shipped number. A changed line is
unconfirmed until ``--confirm``: take-home papers are not printed before the lines are confirmed.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from ..core.practice import (
    PAPERS,
    Line,
    Practice,
    PracticeProblem,
    check_practice,
    countries,
    shipped,
    shown,
)
from .codes import EXIT_OK
from .output import say
from .passphrase import UsageProblem


def declare(p: argparse.ArgumentParser) -> None:
    """The arguments of ``practice``."""
    p.add_argument("--vault", required=True, metavar="PATH",
                   help="the vault's folder (the one that holds vault.key and vault.db)")
    p.add_argument("--name", help="the practice's name (printed at the foot of a take-home copy)")
    p.add_argument("--phone", help="the practice's phone (a discreet copy prints only \"Call: <phone>\")")
    p.add_argument("--country", metavar="CODE",
                   help=f"fills in the lines shipped for the country ({', '.join(sorted(countries()))})")
    p.add_argument("--crisis-line", metavar="[LABEL=]NUMBER", help="the crisis line to print")
    p.add_argument("--poison-line", metavar="[LABEL=]NUMBER", help="the poison line to print")
    p.add_argument("--paper", choices=PAPERS, help="default paper size for printing")
    p.add_argument("--confirm", action="store_true",
                   help="I checked the crisis and poison lines as shown: allow take-home prints")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read passphrase(s) from standard input, one per line, instead of prompting")


def _line(text: str) -> Line:
    label, _, number = text.rpartition("=")
    if not number.strip():
        raise UsageProblem(f"'{text}' has no number. Write NUMBER or LABEL=NUMBER, e.g. 988.")
    return Line(label.strip(), number.strip())


def changed(before: Practice, args: argparse.Namespace) -> Practice:
    """``before`` with the options given applied; a change of any line needs confirming again."""
    after = before
    if args.country is not None:
        if args.country.strip().upper() not in countries() and args.country.strip():
            say(f"No lines are shipped for '{args.country}': the shipped lines are cleared; type them with "
                "--crisis-line and --poison-line.")
        after = after.with_country(args.country)
    if args.crisis_line is not None:
        after = replace(after, crisis=_line(args.crisis_line))
    if args.poison_line is not None:
        after = replace(after, poison=_line(args.poison_line))
    if (after.crisis, after.poison, after.country) != (before.crisis, before.poison, before.country):
        after = replace(after, confirmed=False)
    if args.name is not None:
        after = replace(after, name=args.name)
    if args.phone is not None:
        after = replace(after, phone=args.phone)
    if args.paper is not None:
        after = replace(after, paper=args.paper)
    if args.confirm:
        after = replace(after, confirmed=True)
    return after


def describe(practice: Practice) -> list[str]:
    """The profile as lines of text, each shipped number with its source and the day it was checked."""
    rows = [("name:", shown(practice.name) or "(not set)"), ("phone:", shown(practice.phone) or "(not set)"),
            ("country:", practice.country or "(not set)"), ("paper:", practice.paper)]
    for kind in ("crisis", "poison"):
        line: Line = getattr(practice, kind)
        said = f"{shown(practice.label(kind, 'en'))}: {shown(line.number)}"
        rows.append((f"{kind} line:", said if line.number else "(not set)"))
        source = shipped(practice.country, kind)
        if line.number and not practice.is_typed(kind) and source is not None:
            rows.append(("", f"source: {source.source}, {source.checked_text}"))
        elif line.number:
            rows.append(("", "typed in this profile"))
    rows.append(("lines:", "confirmed" if practice.confirmed
                 else "NOT confirmed: take-home papers wait for --confirm"))
    out = [f"{name:<13}{value}" for name, value in rows]
    return out


def cmd_practice(args: argparse.Namespace) -> int:
    from .commands import open_vault

    with open_vault(args) as vault:
        before = vault.practice()
        after = changed(before, args)
        if after != before:
            try:
                check_practice(after)
            except PracticeProblem as exc:
                raise UsageProblem(f"{exc} Nothing was changed.") from None
            after = vault.save_practice(after)
        for line in describe(after):
            print(line)
    return EXIT_OK
