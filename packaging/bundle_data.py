"""The data files of the bundle (ihrp-desktop.spec): what the wheel ships besides Python code, where
the wheel puts it, so that ihrp_desktop finds its files in the bundle as in an installed wheel.

- every file under ``ihrp_desktop/`` that is not Python code (the words' catalogues, the Alembic
  template...), at the same place;
- the folders pyproject.toml force-includes (``forms/``, ``ui/``, ``demo/`` under ``ihrp_desktop/_bundled``);
- the Alembic migration scripts, Python files that alembic reads from disk at run time;
- pikepdf's data: the sRGB profile every PDF/A copy embeds and its PDF/A rules.

tests/packaging/test_bundle_data.py compares this list with the files of a wheel built from the tree.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

MIGRATIONS = "ihrp_desktop/core/vault/migrations"
_CODE = {".py", ".pyc", ".pyo"}


def _files(folder: Path) -> list[Path]:
    """Files under ``folder`` that a wheel would ship: no caches."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def package_data(root: Path) -> list[tuple[str, str]]:
    """(source file, destination folder in the bundle) for every data file of the package at ``root``."""
    pairs = [(path, path.parent.relative_to(root)) for path in _files(root / "ihrp_desktop")
             if path.suffix not in _CODE or MIGRATIONS in path.relative_to(root).as_posix()]
    force = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    included = force["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for source, target in included.items():
        pairs += [(path, Path(target) / path.parent.relative_to(root / source))
                  for path in _files(root / source)]
    return [(str(src), dest.as_posix()) for src, dest in pairs]


_NOT_DATA = {".py", ".pyc", ".pyo", ".pyi", ".so", ".pyd", ".dylib", ".dll"}


def installed_data(package: str) -> list[tuple[str, str]]:
    """An installed package's data files (not code, type stubs or libraries), where it keeps them.

    Read from the package's own folder rather than through PyInstaller, so that the test of this list
    runs with the test tools alone (the README's test command installs no PyInstaller).
    """
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{package} is not installed")
    folder = Path(spec.origin).parent
    return [(str(path), (Path(package) / path.parent.relative_to(folder)).as_posix())
            for path in _files(folder) if path.suffix not in _NOT_DATA]


def bundle_data(root: Path) -> list[tuple[str, str]]:
    """All the data files of the bundle: the package's and pikepdf's (not its code or type stubs)."""
    return [*package_data(root), *installed_data("pikepdf")]
