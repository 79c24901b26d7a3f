"""Render the take-home papers to PNG pages in docs/printouts/ (fictional demo clients only).

    .venv/bin/python docs/make_printouts.py [--out docs/printouts]

Needs ``pdftoppm`` (poppler-utils). The PDFs are rendered in memory and turned into PNG at 60 dpi in a
throwaway folder; only the PNG files are kept. A minimal version: the safety pages (the take-home plan,
its discreet copy and the pocket-card sheet, in English and Spanish). The typography and blank pages
are added by the engineer who owns printing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

_SCRATCH = Path(tempfile.mkdtemp(prefix="ihrp-printouts-"))
os.environ["IHRP_HOME"] = str(_SCRATCH / "home")  # nothing goes to the real per-user folders
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ihrp_desktop.core.demo import demo_document  # noqa: E402
from ihrp_desktop.core.forms import default_library  # noqa: E402
from ihrp_desktop.core.pdf import (  # noqa: E402
    PrintHeader,
    PrintOptions,
    render_pocket_card_sheet,
    render_worksheet,
)
from ihrp_desktop.core.practice import Practice  # noqa: E402

# The demo's fictional practice with the real public US lines (as core/demo.py stores it).
PRACTICE = Practice(name="Willow Street Counseling (fictional)", phone="555-0142",
                    confirmed=True).with_country("US")


def _plans() -> list[tuple[str, dict[str, object]]]:
    """(file stem, values) of the demo's Optimal Use Plans: the wine-only plan and the opioid plan."""
    out = []
    for client in demo_document()["clients"]:
        for session in client["sessions"]:
            for sheet in session["worksheets"]:
                if sheet["form"] == "optimal_use_plan":
                    substance = str(sheet["values"].get("substance", "plan")).split()[0].lower().strip("(,")
                    out.append((substance, sheet["values"]))
    seen: dict[str, dict[str, object]] = {}
    for stem, values in out:  # the latest plan per substance
        seen[stem] = values
    return list(seen.items())


def pages(pdf: bytes, out: Path, stem: str) -> list[Path]:
    """``pdf`` as PNG pages ``out/stem-N.png``."""
    source = _SCRATCH / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(out / stem)], check=True)
    source.unlink()
    return sorted(out.glob(f"{stem}-*.png"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).parent / "printouts"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    form = default_library().get("optimal_use_plan")
    made: list[Path] = []
    for stem, values in _plans():
        for language in ("en", "es"):
            header = PrintHeader(client_name="(demo client)", practice=PRACTICE)
            for discreet in (False, True):
                options = PrintOptions(language=language, discreet=discreet)
                name = f"plan-{stem}-{language}{'-discreet' if discreet else ''}"
                made += pages(render_worksheet(form, values, header, options), out, name)
            card_options = PrintOptions(language=language, discreet=True)
            card = render_pocket_card_sheet(form, values, card_options, PRACTICE)
            made += pages(card, out, f"pocket-card-{stem}-{language}")
    for path in made:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
