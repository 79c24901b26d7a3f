"""Build IHRP Desktop for the system this runs on: ``python packaging/build.py``.

- Linux: ``dist/ihrp-desktop-<version>-linux-<arch>.tar.gz``, a folder with the program
  (``ihrp-desktop/``), the menu entry, the icons and ``install.sh`` (installs into ``~/.local``).
- Windows: ``dist/ihrp-desktop-<version>-windows-<arch>-setup.exe`` (Inno Setup's ``iscc`` on PATH).
- macOS: ``dist/ihrp-desktop-<version>-macos-<arch>.dmg`` holding ``IHRP Desktop.app``.

Its tools come with ``pip install -c constraints.txt -e ".[packaging]"``. The version is the package's
(its metadata, written once in ihrp_desktop/__init__.py). It prints the bundle's size and the build time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from importlib.metadata import version as package_version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
_ARCH_NAMES = {"amd64": "x86_64", "aarch64": "arm64"}


def system_name() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def arch_name() -> str:
    machine = platform.machine().lower()
    return _ARCH_NAMES.get(machine, machine)


def artifact_stem(version: str) -> str:
    return f"ihrp-desktop-{version}-{system_name()}-{arch_name()}"


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder`` (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(build: Path, icons: Path, version: str) -> Path:
    """The one-folder bundle (or the .app on macOS) from packaging/ihrp-desktop.spec."""
    dist = build / "pyinstaller" / "dist"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(build / "pyinstaller" / "work"),
                    str(PACKAGING / "ihrp-desktop.spec"), "--", "--icons", str(icons), "--version", version],
                   check=True, cwd=ROOT)
    return dist


def linux_archive(bundle: Path, icons: Path, out_dir: Path, stem: str) -> Path:
    """A folder <stem>/ with the program, its menu entry, icons and install.sh, as a .tar.gz."""
    staging = out_dir / stem
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / "ihrp-desktop", symlinks=True)
    shutil.copy2(PACKAGING / "linux" / "ihrp-desktop.desktop", staging)
    shutil.copy2(PACKAGING / "linux" / "install.sh", staging)
    (staging / "icons").mkdir()
    for icon in [*icons.glob("ihrp-desktop-*.png"), icons / "ihrp-desktop.svg"]:
        shutil.copy2(icon, staging / "icons")
    archive = out_dir / f"{stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=stem)
    return archive


def windows_installer(bundle: Path, icons: Path, out_dir: Path, stem: str, version: str) -> Path:
    iscc = shutil.which("iscc") or shutil.which("ISCC") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={bundle}",
                    f"/DIconFile={icons / 'ihrp-desktop.ico'}", f"/DOutputDir={out_dir}",
                    f"/DOutputName={stem}-setup", str(PACKAGING / "windows" / "ihrp-desktop.iss")],
                   check=True)
    return out_dir / f"{stem}-setup.exe"


def macos_disk_image(app: Path, out_dir: Path, stem: str) -> Path:
    image = out_dir / f"{stem}.dmg"
    image.unlink(missing_ok=True)
    subprocess.run(["hdiutil", "create", "-volname", "IHRP Desktop", "-srcfolder", str(app),
                    "-ov", "-format", "UDZO", str(image)], check=True)
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build",
                        help="work folder (default: build/)")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PACKAGING))
    from make_icons import make_icons

    started = time.monotonic()
    version = package_version("ihrp-desktop")
    stem = artifact_stem(version)
    icons = make_icons(args.build_dir / "icons")
    dist = run_pyinstaller(args.build_dir, icons, version)
    bundle = dist / "ihrp-desktop"
    args.dist_dir.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        artifact = windows_installer(bundle, icons, args.dist_dir.resolve(), stem, version)
    elif sys.platform == "darwin":
        artifact = macos_disk_image(dist / "IHRP Desktop.app", args.dist_dir, stem)
    else:
        artifact = linux_archive(bundle, icons, args.dist_dir, stem)
    elapsed = time.monotonic() - started
    mib = 1024 * 1024
    print(f"built {artifact} ({artifact.stat().st_size / mib:.1f} MiB) in {elapsed:.0f} s; "
          f"the program folder {bundle} holds {folder_size(bundle) / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons are drawn without a display
    raise SystemExit(main())
