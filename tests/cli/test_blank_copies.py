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
from ihrp_desktop.core.paths import forms_dir, user_cache_dir

ROOT = Path(__file__).resolve().parents[2]

# Runs the command in a fresh interpreter and reports how it answered: "rendered" (the renderer
# was loaded), "quick" (a kept copy, found without argparse, pathlib or platformdirs) or "kept"
# (a kept copy, found the full way).
RUN = (
    "import sys\n"
    "from ihrp_desktop.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "full = {'argparse', 'pathlib', 'platformdirs'} & set(sys.modules)\n"
    "print('rendered' if 'reportlab' in sys.modules else 'kept' if full else 'quick', code)\n"
)


def blank(out: Path, *args: str) -> tuple[str, str]:
    """Run ``ihrp-desktop blank ARGS -o OUT`` in its own process: (how it answered, stderr)."""
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
    assert blank(second, "optimal_use_plan")[0] == "quick"
    assert second.read_bytes() == first.read_bytes()
    assert "Optimal Use Plan" in text(second)
    # Each language is its own copy.
    spanish = tmp_path / "es.pdf"
    assert blank(spanish, "optimal_use_plan", "--lang", "es")[0] == "rendered"
    assert "Plan de uso óptimo" in text(spanish)
    assert blank(tmp_path / "es2.pdf", "optimal_use_plan", "--lang", "es")[0] == "quick"


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
    assert blank(out, "my_plan")[0] == "quick"

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
    assert blank(out, "decisional_balance")[0] == "quick"


def test_an_unwritable_cache_folder_never_stops_the_command(tmp_path, ihrp_home):
    (ihrp_home / "cache").write_text("not a folder")  # nothing can be kept below a file
    out = tmp_path / "plan.pdf"
    for _ in range(2):
        assert blank(out, "microanalysis")[0] == "rendered"
        assert "Microanalysis" in text(out)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_description_names_every_source(language, ihrp_home):
    def made_from(form_id: str) -> str:
        return blank_copies.description(form_id, language, str(user_cache_dir()), blank_copies.places())

    described = made_from("alternatives")
    for definition in forms_dir().glob("*.toml"):
        assert str(definition) in described
    assert "NotoSans-Regular.ttf" in described
    assert "story.py" in described  # the renderer's own code
    assert "platformdirs" in described and f"IHRP_HOME={ihrp_home}" in described
    assert "blank_copies.py" in described and "reportlab" in described  # its own rules, ReportLab's version
    assert made_from("alternatives") == described
    assert made_from("microanalysis") != described


def test_an_id_that_is_a_path_never_reaches_the_cache_folder(tmp_path, ihrp_home):
    cache = str(ihrp_home / "cache")
    outside = ihrp_home / "cache" / "x.en.pdf-kept"  # where "blank-copies/../x" would point
    outside.parent.mkdir(parents=True)
    made_from = blank_copies.description("../x", "en", cache, [])
    outside.write_bytes(made_from.encode() + b"\n--- PDF ---\n%PDF-1.4 not ours %%EOF")
    assert blank_copies.cached(cache, "../x", "en") is None
    blank_copies.keep(cache, "../x", "en", made_from, b"%PDF-1.4 %%EOF")
    assert not (ihrp_home / "cache" / "blank-copies").exists()


# -- as a person runs it: no IHRP_HOME, the per-user folders from platformdirs ---------------------

@pytest.fixture
def xdg(tmp_path, monkeypatch) -> Path:
    """Per-user folders the way platformdirs finds them on Linux, inside ``tmp_path``."""
    monkeypatch.delenv("IHRP_HOME")
    for kind in ("cache", "data", "config"):
        monkeypatch.setenv(f"XDG_{kind.upper()}_HOME", str(tmp_path / f"xdg-{kind}"))
    return tmp_path


def own_plan(data_home: Path, title: str) -> None:
    """A clinic's own worksheet ``my_plan`` in the forms folder under ``data_home``."""
    own = data_home / "IHRP Desktop" / "forms"
    own.mkdir(parents=True)
    source = (forms_dir() / "40_optimal_use_plan.toml").read_text(encoding="utf-8")
    (own / "50_my_plan.toml").write_text(source.replace('id = "optimal_use_plan"', 'id = "my_plan"', 1)
                                         .replace('en = "Optimal Use Plan"', f'en = "{title}"', 1),
                                         encoding="utf-8")


def test_without_ihrp_home_the_second_blank_is_quick(xdg):
    out = xdg / "plan.pdf"
    assert blank(out, "optimal_use_plan")[0] == "rendered"
    assert (xdg / "xdg-cache" / "IHRP Desktop" / "blank-copies").is_dir()
    first = out.read_bytes()
    how, err = blank(out, "--lang=en", "optimal_use_plan")
    assert how == "quick" and err.strip() == f"Blank worksheet written to {out}"
    assert out.read_bytes() == first


def test_a_changed_environment_is_never_answered_from_the_old_folders(xdg, monkeypatch):
    # Two data folders, each with its own "my_plan"; the cache folder stays the same.
    own_plan(xdg / "data-a", "Wiosenny plan Łucji")
    own_plan(xdg / "data-b", "Летний план")
    out = xdg / "mine.pdf"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg / "data-a"))
    assert blank(out, "my_plan")[0] == "rendered"
    assert blank(out, "my_plan")[0] == "quick"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg / "data-b"))
    assert blank(out, "my_plan")[0] == "rendered"
    assert "Летний план" in text(out) and "Łucji" not in text(out)
    assert blank(out, "my_plan")[0] == "quick"


def test_a_copy_kept_in_another_cache_folder_is_not_taken(xdg, monkeypatch):
    out = xdg / "plan.pdf"
    assert blank(out, "microanalysis")[0] == "rendered"
    # The same file, now where the usual cache folder of another setting would be.
    kept = xdg / "xdg-cache" / "IHRP Desktop"
    moved = xdg / "elsewhere" / "IHRP Desktop"
    moved.parent.mkdir()
    kept.rename(moved)
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg / "elsewhere"))
    assert blank(out, "microanalysis")[0] == "rendered"  # it names the folder it was kept in
    assert blank(out, "microanalysis")[0] == "quick"


def test_an_unwritable_output_on_the_quick_path_says_why(xdg):
    assert blank(xdg / "plan.pdf", "optimal_use_plan")[0] == "rendered"
    target = xdg / "no such folder" / "plan.pdf"
    proc = subprocess.run([sys.executable, "-c", RUN, "blank", "optimal_use_plan", "-o", str(target)],
                          cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert proc.stdout.split() == ["kept", "1"]  # the full way, which names the problem
    assert "Not found" in proc.stderr and str(target) in proc.stderr
    assert not target.parent.exists()


@pytest.mark.parametrize("env", [
    {"XDG_CACHE_HOME": "/tmp/elsewhere/cache"},
    {"XDG_CACHE_HOME": "/tmp/elsewhere/cache/"},
    {"XDG_CACHE_HOME": ""},
    {"XDG_CACHE_HOME": "relative/cache"},  # not absolute: platformdirs ignores it
    {"HOME": "/home/łucja żółć"},
])
def test_the_usual_cache_folder_is_where_platformdirs_puts_it(env, xdg, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert blank_copies.usual_cache_dir() == str(user_cache_dir())
