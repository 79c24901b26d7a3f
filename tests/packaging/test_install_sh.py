"""packaging/linux/install.sh run for real (POSIX sh) on a small stand-in for the bundle: home folders
with the characters a menu entry must quote, wrong arguments, a bad HOME, files in the way, a full disk."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.desktop_entry import exec_argv

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
# Each holds a character the Desktop Entry Specification reserves, or one sed would take as its own.
HOMES = ["My Home ñ", "it's $HOME \"q\"", "a&b", "a|b", "back\\slash", "100% (x); `t` <>~*?#"]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """What the .tar.gz unpacks to, with two stub programs in place of the real ones."""
    folder = tmp_path / "bundle"
    (folder / "ihrp-desktop").mkdir(parents=True)
    for name in ("ihrp-desktop", "ihrp-desktop-gui"):
        program = folder / "ihrp-desktop" / name
        program.write_text(f'#!/bin/sh\necho "{name} ran"\n')
        program.chmod(0o755)
    (folder / "ihrp-desktop" / "data.bin").write_bytes(b"\0" * 256 * 1024)
    shutil.copy(PACKAGING / "linux" / "install.sh", folder)
    shutil.copy(PACKAGING / "linux" / "ihrp-desktop.desktop", folder)
    (folder / "icons").mkdir()
    (folder / "icons" / "ihrp-desktop-48.png").write_bytes(b"png")
    shutil.copy(PACKAGING / "icons" / "ihrp-desktop.svg", folder / "icons")
    return folder


def install(bundle: Path, home: str | None, *args: str, limit_kib: int | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin"} | ({} if home is None else {"HOME": home})
    command = ["sh", str(bundle / "install.sh"), *args]
    if limit_kib is not None:  # a disk that fills up: a write past the limit fails (EFBIG), as on a full disk
        command = ["sh", "-c", f'trap "" XFSZ; ulimit -f {limit_kib * 2}; exec "$@"', "sh", *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=cwd or bundle, timeout=60)


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("name", HOMES)
def test_the_menu_entry_starts_the_program_whatever_the_home_folder_is_called(
        bundle: Path, tmp_path: Path, name: str) -> None:
    home = tmp_path / name
    home.mkdir()
    done = install(bundle, str(home))
    assert done.returncode == 0, done.stderr
    entry = home / ".local/share/applications/ihrp-desktop.desktop"
    argv = exec_argv(entry.read_text(encoding="utf-8"))
    assert argv == [str(home / ".local/lib/ihrp-desktop/ihrp-desktop-gui")]
    assert subprocess.run(argv, capture_output=True, text=True).stdout == "ihrp-desktop-gui ran\n"
    validator = shutil.which("desktop-file-validate")
    if validator:  # desktop-file-utils, where installed (apt desktop-file-utils)
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and "error" not in checked.stdout, checked.stdout
    assert (home / ".local/bin/ihrp-desktop").resolve() == home / ".local/lib/ihrp-desktop/ihrp-desktop"


@pytest.mark.parametrize("args", [["--uninstal"], ["--bogus"], ["--uninstall", "extra"], ["install"]])
def test_an_unknown_argument_is_refused_before_anything_is_done(bundle: Path, tmp_path: Path,
                                                                args: list[str]) -> None:
    done = install(bundle, str(tmp_path), *args)
    assert done.returncode == 2
    assert "Usage: sh install.sh [--uninstall]" in done.stderr
    assert not (tmp_path / ".local").exists()


@pytest.mark.parametrize(("home", "says"), [
    (None, "HOME is empty or not set"), ("", "HOME is empty or not set"),
    ("missing", "does not exist"), ("relative/home", "not a full path"),
])
def test_a_home_folder_that_is_not_one_is_refused(bundle: Path, tmp_path: Path, home: str | None,
                                                  says: str) -> None:
    if home == "missing":
        home = str(tmp_path / "missing")
    work = tmp_path / "cwd"
    work.mkdir()
    done = install(bundle, home, cwd=work)
    assert done.returncode == 1 and says in done.stderr and "Nothing was changed" in done.stderr
    assert tree(work) == [] and not (tmp_path / "missing").exists()


def test_someone_elses_program_in_the_way_is_never_replaced_nor_removed(bundle: Path, tmp_path: Path) -> None:
    mine = tmp_path / ".local/bin/ihrp-desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("#!/bin/sh\necho mine\n")
    done = install(bundle, str(tmp_path))
    assert done.returncode == 1
    assert "is another program, not one IHRP Desktop installed" in done.stderr
    assert mine.read_text() == "#!/bin/sh\necho mine\n"
    assert tree(tmp_path / ".local") == ["bin", "bin/ihrp-desktop"]
    # Installed, then a program of the user's own takes the name: uninstalling leaves it.
    mine.unlink()
    assert install(bundle, str(tmp_path)).returncode == 0
    (tmp_path / ".local/bin/ihrp-desktop").unlink()
    mine.write_text("#!/bin/sh\necho mine\n")
    done = install(bundle, str(tmp_path), "--uninstall")
    assert done.returncode == 0 and "was not installed by IHRP Desktop" in done.stdout
    assert mine.read_text() == "#!/bin/sh\necho mine\n"
    assert not (tmp_path / ".local/lib/ihrp-desktop").exists()
    assert not (tmp_path / ".local/bin/ihrp-desktop-gui").exists()


def test_installing_twice_then_uninstalling_leaves_nothing_of_it(bundle: Path, tmp_path: Path) -> None:
    for _ in range(2):
        assert install(bundle, str(tmp_path)).returncode == 0
    assert (tmp_path / ".local/lib/ihrp-desktop/ihrp-desktop").exists()
    done = install(bundle, str(tmp_path), "--uninstall")
    assert done.returncode == 0
    left = [p for p in tree(tmp_path / ".local") if "ihrp-desktop" in p]
    assert left == []


def test_a_file_where_a_folder_belongs_gets_a_plain_message(bundle: Path, tmp_path: Path) -> None:
    (tmp_path / ".local").mkdir()
    (tmp_path / ".local/bin").write_text("not a folder")
    done = install(bundle, str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip() == (f"{tmp_path}/.local/bin is a file, where IHRP Desktop needs a folder. "
                                   "Move it away and run install.sh again. Nothing was changed.")
    assert tree(tmp_path / ".local") == ["bin"]


def test_a_full_disk_leaves_no_partial_copy_and_one_line_of_explanation(bundle: Path, tmp_path: Path) -> None:
    done = install(bundle, str(tmp_path), limit_kib=64)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "File too large" in done.stderr
    assert "the partial copy was removed and nothing else was changed" in done.stderr
    assert tree(tmp_path / ".local/lib") == []
    assert not (tmp_path / ".local/bin/ihrp-desktop").exists()
