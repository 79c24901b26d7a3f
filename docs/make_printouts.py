"""Render the printed papers to PNG files in docs/printouts/ (fictional demo clients only).

    .venv/bin/python docs/make_printouts.py [--out docs/printouts]

The demo's Optimal Use Plans (the wine plan, the opioid plan and the plan for cocaine with alcohol:
take-home, discreet copy and the pocket-card sheet), the take-home copy of the demo's 18 Alternatives, urge
log, practice log, session check-in and safety plan (with the safety plan's pocket-card sheet), every blank
worksheet, and the clinician's progress report of the demo client whose answers chart over the most
sessions, in English and Spanish, on Letter paper: one PNG per page (pdftoppm, from poppler-utils, at 60
dpi). Nothing is written anywhere else; the PDFs are rendered in memory and handed to pdftoppm on its
standard input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ihrp_desktop.core.demo import demo_clients  # noqa: E402
from ihrp_desktop.core.forms import default_library  # noqa: E402
from ihrp_desktop.core.pdf import (  # noqa: E402
    PrintHeader,
    PrintOptions,
    render_blank,
    render_pocket_card_sheet,
    render_worksheet,
)
from ihrp_desktop.core.pdf.progress_report import render_progress_report  # noqa: E402
from ihrp_desktop.core.practice import Practice  # noqa: E402
from ihrp_desktop.core.progress import Progress, client_progress  # noqa: E402

LANGUAGES = ("en", "es")
DPI = 60
# The demo's fictional practice with the real public US lines (as core/demo.py stores it).
PRACTICE = Practice(name="Willow Street Counseling (fictional)", phone="555-0142",
                    confirmed=True).with_country("US")


def demo_plans() -> dict[str, tuple[str, dict[str, Any]]]:
    """The latest demo Optimal Use Plan per substance: {substance word: (client name, answers)}."""
    plans: dict[str, tuple[str, dict[str, Any]]] = {}
    for client in demo_clients():
        for session in client.sessions:
            for sheet in session.worksheets:
                if sheet.form_id == "optimal_use_plan":
                    word = str(sheet.values.get("substance", "plan")).split()[0].lower().strip("(,")
                    substance = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
                    plans[substance] = (client.name, sheet.values)
    return plans


# The worksheets whose demo example is rendered as a take-home copy (the first one of each in the demo).
TAKE_HOME = ("alternatives", "urge_log", "awareness_practice", "session_check_in", "safety_plan")


def demo_sheets() -> dict[str, tuple[str, dict[str, Any]]]:
    """The first demo worksheet of each form in TAKE_HOME: {form id: (client name, answers)}."""
    sheets: dict[str, tuple[str, dict[str, Any]]] = {}
    for client in demo_clients():
        for session in client.sessions:
            for sheet in session.worksheets:
                if sheet.form_id in TAKE_HOME:
                    sheets.setdefault(sheet.form_id, (client.name, dict(sheet.values)))
    return sheets


class DemoRecords:
    """One demo client's worksheets as ``core.progress`` reads them from a vault (no vault is made)."""

    def __init__(self, client: Any):
        today = dt.date.today()
        self.sheets: dict[int, SimpleNamespace] = {}
        by_key: dict[str, SimpleNamespace] = {}
        for session in client.sessions:
            for sheet in session.worksheets:
                number = len(self.sheets) + 1
                before = by_key.get(sheet.revises) if sheet.revises else None
                record = SimpleNamespace(
                    id=number, form_id=sheet.form_id, values=dict(sheet.values),
                    session_date=today - dt.timedelta(days=session.days_ago),
                    created_at=number, version_number=before.version_number + 1 if before else 1)
                self.sheets[number] = by_key[sheet.key] = record

    def worksheets(self, client_id: int) -> list[Any]:
        return list(self.sheets.values())

    def latest_values(self, client_id: int, form_ids: Any) -> dict[int, dict[str, Any]]:
        return {n: sheet.values for n, sheet in self.sheets.items() if sheet.form_id in form_ids}


def demo_progress(language: str) -> tuple[str, Progress]:
    """The demo client whose answers chart over the most sessions, with their progress."""
    library = default_library()
    found = [(client.name, client_progress(DemoRecords(client), library, 0, language))
             for client in demo_clients()]
    return max(found, key=lambda item: item[1].sessions)


def papers() -> dict[str, Callable[[], bytes]]:
    """Every paper to render, by file name stem."""
    library = default_library()
    plan_form = library.get("optimal_use_plan")
    out: dict[str, Callable[[], bytes]] = {}
    for language in LANGUAGES:
        for substance, (name, values) in demo_plans().items():
            header = PrintHeader(client_name=name, practice=PRACTICE)
            for discreet in (False, True):
                stem = f"plan-{substance}-{'discreet' if discreet else 'take-home'}-{language}"
                options = PrintOptions(language=language, discreet=discreet)
                out[stem] = lambda o=options, v=values, h=header: render_worksheet(plan_form, v, h, o)
            card = PrintOptions(language=language, discreet=True)
            out[f"pocket-card-{substance}-{language}"] = (
                lambda o=card, v=values: render_pocket_card_sheet(plan_form, v, o, PRACTICE))
        for form_id, (name, values) in demo_sheets().items():
            form, header = library.get(form_id), PrintHeader(client_name=name, practice=PRACTICE)
            options = PrintOptions(language=language)
            out[f"take-home-{form_id}-{language}"] = (
                lambda f=form, o=options, v=values, h=header: render_worksheet(f, v, h, o))
            if form.pocket_card is not None:  # the safety plan's card, discreet as printed by default
                card = PrintOptions(language=language, discreet=True)
                out[f"pocket-card-{form_id}-{language}"] = (
                    lambda f=form, o=card, v=values: render_pocket_card_sheet(f, v, o, PRACTICE))
        for form in library.forms.values():
            out[f"blank-{form.id}-{language}"] = lambda f=form, lang=language: render_blank(f, lang)
        out[f"progress-report-{language}"] = lambda lang=language: render_progress_report(
            *reversed(demo_progress(lang)), language=lang)
    return out


def render(stem: str, data: bytes, folder: Path) -> list[Path]:
    """The PDF's pages as ``folder/stem-N.png``; pdftoppm reads the PDF from standard input."""
    for old in folder.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-", str(folder / stem)], input=data, check=True)
    return sorted(folder.glob(f"{stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "printouts")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()  # pages of papers no longer made go too
    for stem, make in papers().items():
        pages = render(stem, make(), args.out)
        print(f"{stem}: {len(pages)} page(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
