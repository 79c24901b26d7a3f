"""`ihrp-desktop blank` keeps each blank copy it prints and hands it out again while nothing it was
made from changed: real commands in fresh processes, real PDFs read back with pypdf."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core import blank_copies
from ihrp_desktop.core.paths import forms_dir

ROOT = Path(__file__).resolve().parents[2]

# Runs the command in a fresh interpreter and reports whether the renderer had to be loaded.
RUN = (
    "import sys\n"
    "from ihrp_desktop.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('rendered' if 'reportlab' in sys.modules else 'kept', code)\n"
)


def blank(out: Path, *args: str) -> tuple[str, str]:
    """Run ``ihrp-desktop blank ARGS -o OUT`` in its own process: ("rendered"|"kept", stderr)."""
    proc = subprocess.run([sys.executable, "-c", RUN, "blank", *args, "-o", str(out)], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    how, code = proc.stdout.split()
    assert code == "0", proc.stderr
    return how, proc.stderr


def text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def test_second_blank_is_the_kept_copy_without_loading_the_renderer(tmp_path):
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert blank(first, "optimal_use_plan")[0] == "rendered"
    assert blank(second, "optimal_use_plan")[0] == "kept"
    assert second.read_bytes() == first.read_bytes()
    assert "Optimal Use Plan" in text(second)
    # Each language is its own copy.
    spanish = tmp_path / "es.pdf"
    assert blank(spanish, "optimal_use_plan", "--lang", "es")[0] == "rendered"
    assert "Plan de uso óptimo" in text(spanish)
    assert blank(tmp_path / "es2.pdf", "optimal_use_plan", "--lang", "es")[0] == "kept"


def test_an_edited_definition_prints_afresh(tmp_path, monkeypatch):
    own = tmp_path / "own-forms"
    own.mkdir()
    source = (forms_dir() / "40_optimal_use_plan.toml").read_text(encoding="utf-8")
    mine = own / "50_my_plan.toml"
    mine.write_text(source.replace('id = "optimal_use_plan"', 'id = "my_plan"', 1)
                    .replace('en = "Optimal Use Plan"', 'en = "Wiosenny plan Łucji"', 1), encoding="utf-8")
    monkeypatch.setenv("IHRP_FORMS_DIR", str(own))
    out = tmp_path / "mine.pdf"
    assert blank(out, "my_plan")[0] == "rendered"
    assert "Wiosenny plan Łucji" in text(out)
    assert blank(out, "my_plan")[0] == "kept"

    mine.write_text(mine.read_text(encoding="utf-8").replace("Wiosenny plan Łucji", "Летний план"),
                    encoding="utf-8")
    assert blank(out, "my_plan")[0] == "rendered"
    assert "Летний план" in text(out) and "Łucji" not in text(out)


def test_a_bad_own_definition_is_reported_every_time_and_nothing_is_kept(tmp_path, monkeypatch):
    own = tmp_path / "own-forms"
    own.mkdir()
    (own / "broken.toml").write_text('id = "broken"\n[[section]\n', encoding="utf-8")
    monkeypatch.setenv("IHRP_FORMS_DIR", str(own))
    for _ in range(2):
        how, err = blank(tmp_path / "plan.pdf", "optimal_use_plan")
        assert how == "rendered"
        assert "Skipped" in err and "broken.toml" in err
    assert "Optimal Use Plan" in text(tmp_path / "plan.pdf")


def test_a_damaged_kept_copy_is_printed_again(tmp_path, ihrp_home):
    out = tmp_path / "plan.pdf"
    blank(out, "decisional_balance")
    kept = next((ihrp_home / "cache" / "blank-copies").iterdir())
    kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])  # cut short, as by a full disk
    assert blank(out, "decisional_balance")[0] == "rendered"
    assert "Decisional" in text(out)
    assert blank(out, "decisional_balance")[0] == "kept"


def test_an_unwritable_cache_folder_never_stops_the_command(tmp_path, ihrp_home):
    (ihrp_home / "cache").write_text("not a folder")  # nothing can be kept below a file
    out = tmp_path / "plan.pdf"
    for _ in range(2):
        assert blank(out, "microanalysis")[0] == "rendered"
        assert "Microanalysis" in text(out)


@pytest.mark.parametrize("language", ["en", "es"])
def test_fingerprint_names_every_source(language):
    made_from = blank_copies.fingerprint("alternatives", language)
    for definition in forms_dir().glob("*.toml"):
        assert str(definition) in made_from
    assert "NotoSans-Regular.ttf" in made_from
    assert "story.py" in made_from  # the renderer's own code
    assert blank_copies.fingerprint("alternatives", language) == made_from
    assert blank_copies.fingerprint("microanalysis", language) != made_from


def test_an_id_that_is_a_path_never_reaches_the_cache_folder(tmp_path, ihrp_home):
    outside = ihrp_home / "cache" / "x.en.pdf-kept"  # where "blank-copies/../x" would point
    outside.parent.mkdir(parents=True)
    made_from = blank_copies.fingerprint("../x", "en")
    outside.write_bytes(made_from.encode() + b"\n--- PDF ---\n%PDF-1.4 not ours %%EOF")
    assert blank_copies.cached("../x", "en", made_from) is None
    blank_copies.keep("../x", "en", made_from, b"%PDF-1.4 %%EOF")
    assert not (ihrp_home / "cache" / "blank-copies").exists()
