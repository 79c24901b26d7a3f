"""Blank worksheets printed once and reused: ``ihrp-desktop blank`` answers from the cache folder.

A blank copy holds no client data (only the definition's labels and prompts), so it may live in the
user cache folder. A kept copy is one file: a description of everything it was made from, then the
PDF's bytes. The description names the program and its version, the worksheet and language, every
folder its sources were found in (shipped and the clinic's own definitions, the renderer's code, the
fonts, platformdirs) with each file's name, size and modification time, the cache folder, and the
environment variables that decide where the per-user folders are. A copy is handed out only while
a description made now is the same text, so an edited source or a moved folder never gets a stale
page.

The command's quick path (``cli/quick_blank.py``) checks a copy with ``os`` alone: it looks in the
usual cache folder and rescans the folders the copy names. That is sound because the folders were
chosen (by ``paths``, through platformdirs) from the environment the description records: while
those variables are unchanged, the same folders would be chosen again. Everything here imports
nothing but ``os`` and ``sys``; ``places`` loads ``paths`` and platformdirs only when called.
"""

from __future__ import annotations

import os
import sys

from .. import APP_AUTHOR, APP_DIR_NAME, __version__
from .durable import atomic_write_bytes, make_private_dirs

# A folder (or one file) and the ending of the files in it that count: (".toml", ".py", ".ttf").
Place = tuple[str, str]

# What paths.py and platformdirs read to decide where the per-user folders are.
_LOCATION_VARIABLES = ("IHRP_HOME", "IHRP_FORMS_DIR", "HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                       "USERPROFILE", "HOMEDRIVE", "HOMEPATH", "APPDATA", "LOCALAPPDATA")
_LOCATION_PREFIXES = ("WIN_PD_OVERRIDE_",)  # platformdirs' own overrides on Windows

_CORE = os.path.dirname(os.path.abspath(__file__))
_PROGRAM = os.path.dirname(_CORE)

# Records of a description are separated by NUL, the one character no path or variable can hold.
_RECORD = "\0"
# Then this line, then the PDF. Comparing whole descriptions (not digests) means no two sets of
# sources can ever share a copy.
_SEPARATOR = b"\n--- PDF ---\n"


def places() -> list[Place]:
    """Where a blank page's sources are, as the program finds them now (loads paths and platformdirs)."""
    import platformdirs

    from .paths import forms_dir, ui_dir, user_forms_dir

    return [(str(forms_dir()), ".toml"), (str(user_forms_dir()), ".toml"),
            # The code a blank page is made from: its layout (pdf) and how definitions are read (forms).
            (os.path.join(_CORE, "pdf"), ".py"), (os.path.join(_CORE, "forms"), ".py"),
            (os.path.join(_CORE, "paths.py"), ".py"), (os.path.abspath(__file__), ".py"),
            (str(ui_dir() / "fonts"), ".ttf"),
            # Where the folders are depends on platformdirs' version too; the page, on ReportLab's.
            (os.path.dirname(os.path.abspath(platformdirs.__file__)), ".py"),
            (_reportlab_version_file(), ".py")]


def _reportlab_version_file() -> str:
    """ReportLab's ``__init__.py`` (it holds the version), found without importing ReportLab."""
    from importlib.util import find_spec

    spec = find_spec("reportlab")
    return str(spec.origin) if spec is not None and spec.origin else "reportlab: not installed"


def usual_cache_dir() -> str:
    """Where ``paths.user_cache_dir()`` usually is, worked out without platformdirs.

    Only where the quick path looks first: a copy found here names the cache folder it was kept in
    and is used only if that is this folder, so a wrong guess costs time, never a wrong page.
    """
    home = os.environ.get("IHRP_HOME")
    if home:
        return os.path.join(home, "cache")
    if sys.platform == "win32":
        return os.path.join(os.environ.get("LOCALAPPDATA", ""), APP_AUTHOR, APP_DIR_NAME, "Cache")
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if not os.path.isabs(base):
        base = os.path.expanduser("~/Library/Caches" if sys.platform == "darwin" else "~/.cache")
    return os.path.join(base, APP_DIR_NAME)


def _stat_lines(path: str, suffix: str) -> list[str]:
    """One line per file (name, size, mtime) under ``path``; a missing folder counts as its absence."""
    try:
        if os.path.isfile(path):
            st = os.stat(path)
            return [f"{path}|{st.st_size}|{st.st_mtime_ns}"]
        lines = []
        for entry in sorted(os.scandir(path), key=lambda e: e.name):
            if entry.name.lower().endswith(suffix):  # Windows reads "Clinic.TOML" as a definition too
                st = entry.stat()
                lines.append(f"{entry.path}|{st.st_size}|{st.st_mtime_ns}")
        return lines
    except OSError:
        return [f"{path}|unreadable"]


def description(form_id: str, language: str, cache_dir: str, sources: list[Place]) -> str:
    """What a blank copy of ``form_id`` in ``language`` kept in ``cache_dir`` is made from, now."""
    records = [f"IHRP Desktop {__version__}", f"program:{_PROGRAM}", f"worksheet:{form_id}",
               f"language:{language}", f"platform:{sys.platform}", f"cache:{cache_dir}"]
    records += [f"env:{name}={os.environ[name]}" for name in sorted(os.environ)
                if name in _LOCATION_VARIABLES or name.startswith(_LOCATION_PREFIXES)]
    for path, suffix in sources:
        records.append(f"scan:{suffix}:{path}")
        records += _stat_lines(path, suffix)
    return _RECORD.join(records)


def _recorded_places(made_from: str) -> list[Place]:
    found = []
    for record in made_from.split(_RECORD):
        if record.startswith("scan:"):
            suffix, _, path = record[len("scan:"):].partition(":")
            found.append((path, suffix))
    return found


def _file(cache_dir: str, form_id: str, language: str) -> str | None:
    if not (form_id.isidentifier() and language.isidentifier()):
        return None  # not a definition id ("../x"): never a file name outside the cache folder
    return os.path.join(cache_dir, "blank-copies", f"{form_id}.{language}.pdf-kept")


def cached(cache_dir: str, form_id: str, language: str, sources: list[Place] | None = None) -> bytes | None:
    """The kept blank copy, if a description made now (from ``sources``, or else from the folders the
    copy names) is exactly the one it was kept with; else None."""
    file = _file(cache_dir, form_id, language)
    if file is None:
        return None
    try:
        with open(file, "rb") as kept:
            data = kept.read()
    except OSError:
        return None
    head, separator, pdf = data.partition(_SEPARATOR)
    if not separator:
        return None
    made_from = head.decode("utf-8", "surrogateescape")
    if sources is None:
        sources = _recorded_places(made_from)
    if description(form_id, language, cache_dir, sources) != made_from:
        return None
    # A copy cut short (a full disk when it was kept) is not a whole PDF; print afresh instead.
    return pdf if pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF") else None


def keep(cache_dir: str, form_id: str, language: str, made_from: str, pdf: bytes) -> None:
    """Keep a freshly printed blank copy in place of the older one of the same worksheet and language.

    The cache is a convenience: a read-only or full disk is ignored, never an error.
    """
    target = _file(cache_dir, form_id, language)
    if target is None:
        return
    try:
        make_private_dirs(os.path.dirname(target))  # 0700, the cache folder above it too if new
        # A cache: no need to flush the folder; a unique temporary name, as two runs may keep at once.
        atomic_write_bytes(target, made_from.encode("utf-8", "surrogateescape") + _SEPARATOR + pdf,
                           flush_folder=False)
    except OSError:
        pass  # nothing is kept; the next run prints afresh
