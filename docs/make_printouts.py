"""Render the printed papers to PNG files in docs/printouts/ (a fictional demo client only).

    .venv/bin/python docs/make_printouts.py [--out docs/printouts]

The take-home Optimal Use Plan of the demo, its discreet copy and every blank worksheet, in
English and Spanish, on Letter paper: one PNG per page (pdftoppm, from poppler-utils, at 60 dpi).
Nothing is written anywhere else; the PDFs are rendered in memory and handed to pdftoppm on its
standard input.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ihrp_desktop.core.demo import demo_clients  # noqa: E402
from ihrp_desktop.core.forms import default_library  # noqa: E402
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_blank, render_worksheet  # noqa: E402

LANGUAGES = ("en", "es")
DPI = 60


def demo_plan() -> tuple[str, dict[str, Any]]:
    """The demo's fullest Optimal Use Plan: (client name, answers)."""
    plans = [
        (client.name, sheet.values)
        for client in demo_clients()
        for session in client.sessions
        for sheet in session.worksheets
        if sheet.form_id == "optimal_use_plan"
    ]
    return max(plans, key=lambda plan: len(str(plan[1])))


def papers() -> dict[str, Callable[[], bytes]]:
    """Every paper to render, by file name stem."""
    library = default_library()
    plan_form = library.get("optimal_use_plan")
    name, values = demo_plan()
    header = PrintHeader(client_name=name)
    out: dict[str, Callable[[], bytes]] = {}
    for language in LANGUAGES:
        for discreet in (False, True):
            stem = f"plan-{'discreet' if discreet else 'take-home'}-{language}"
            options = PrintOptions(language=language, discreet=discreet)
            out[stem] = lambda o=options: render_worksheet(plan_form, values, header, o)
        for form in library.forms.values():
            out[f"blank-{form.id}-{language}"] = lambda f=form, lang=language: render_blank(f, lang)
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
    for stem, make in papers().items():
        pages = render(stem, make(), args.out)
        print(f"{stem}: {len(pages)} page(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
