"""The bundle's data files (packaging/bundle_data.py, used by the spec) against the package's: every
file that is not Python code under ihrp_desktop/ in git, and the folders the wheel force-includes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_data import MIGRATIONS, bundle_data, package_data  # noqa: E402

# Where the wheel puts the folders of the repository root (pyproject.toml's force-include).
WHEEL_FOLDERS = {"forms": "ihrp_desktop/_bundled/forms", "ui": "ihrp_desktop/_bundled/ui",
                 "demo": "ihrp_desktop/_bundled/demo"}


def _in_bundle(pairs: list[tuple[str, str]]) -> set[str]:
    return {f"{dest}/{PurePosixPath(src).name}" for src, dest in pairs}


def _tracked(*folders: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z", "--", *folders], cwd=ROOT, capture_output=True,
                         check=True).stdout.decode()
    return [name for name in out.split("\0") if name]


def test_every_data_file_of_the_package_is_in_the_bundle_where_the_wheel_puts_it() -> None:
    expected = {name for name in _tracked("ihrp_desktop")
                if not name.endswith(".py") or name.startswith(MIGRATIONS + "/")}
    for folder, target in WHEEL_FOLDERS.items():
        expected |= {target + name.removeprefix(folder) for name in _tracked(folder)}
    assert {"ihrp_desktop/core/words/en.toml", "ihrp_desktop/core/words/es.toml"} <= expected
    assert _in_bundle(package_data(ROOT)) == expected


def test_pikepdfs_colour_profile_and_rules_are_in_the_bundle() -> None:
    files = _in_bundle(bundle_data(ROOT))
    assert {"pikepdf/pdfa/data/sRGB.icc", "pikepdf/pdfa/data/verapdf_rules.json"} <= files
    assert not any(name.endswith(".pyi") for name in files)


def test_both_programs_of_the_spec_take_that_list() -> None:
    spec = (ROOT / "packaging" / "ihrp-desktop.spec").read_text(encoding="utf-8")
    assert "datas = bundle_data(ROOT)" in spec
    assert spec.count("datas=datas,") == 2
