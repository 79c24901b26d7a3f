"""Import speed: a 20,000-worksheet export (about 50 MB) into a new vault, against parsing the same JSON.

    .venv/bin/python -m bench.import_speed            # 3 alternated pairs (about 2 minutes)
    .venv/bin/python -m bench.import_speed --runs 5

The floor is ``json.loads`` of the same file's text in the same process, taken alternately with the
figure so that drift in the machine's speed touches both alike. The figure is ``import_file``
whole (read, check, one write transaction, commit) into a fresh vault; "again" imports the same
file a second time into that vault (everything already there). Writes bench/results/import.json.
Never part of the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from . import generate

WORKSHEETS = 20_000
CLIENTS = 200
SESSIONS_PER_CLIENT = 20  # 5 worksheets a session
FILE_VERSION = 1  # bump when the generated file changes
RESULTS = Path(__file__).resolve().parent / "results" / "import.json"


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_export(seed: int = generate.SEED) -> dict[str, Any]:
    """An export (format version 2) of demo-shaped answers; Optimal Use Plans revise the previous one."""
    import datetime as dt

    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.forms.values import FieldValueError, normalize

    library = default_library()
    rng = random.Random(seed)
    templates = generate._templates()
    forms = sorted(templates)
    per_session = WORKSHEETS // (CLIENTS * SESSIONS_PER_CLIENT)
    start = dt.date(2020, 1, 6)
    clients = []
    for ci in range(CLIENTS):
        lang = "es" if ci % 3 == 0 else "en"
        text_lang = ("en", "es", "pl", "ru")[ci % 4]
        last_plan: str | None = None
        sessions = []
        for si in range(SESSIONS_PER_CLIENT):
            day = start + dt.timedelta(days=7 * si + ci % 7)
            at = dt.datetime.combine(day, dt.time(15, 0), tzinfo=dt.UTC).isoformat()
            sheets = []
            for wi in range(per_session):
                form = forms[(si * per_session + wi) % len(forms)]
                template = rng.choice(templates[form])
                values = generate._vary(template, rng, text_lang, day)
                try:
                    normalize(library.get(form), values)
                except FieldValueError:
                    values = template  # a varied number went out of its field's range
                uid = _uid(rng)
                previous = last_plan if form == "optimal_use_plan" else None
                if form == "optimal_use_plan":
                    last_plan = uid
                sheets.append(
                    {
                        "uid": uid,
                        "form": form,
                        "form_version": 1,
                        "status": "reviewed",
                        "filled_by": "together",
                        "language": lang,
                        "previous_uid": previous,
                        "created_at": at,
                        "updated_at": at,
                        "values": values,
                    }
                )
            sessions.append({"uid": _uid(rng), "date": day.isoformat(), "note": "", "worksheets": sheets})
        clients.append(
            {
                "uid": _uid(rng),
                "name": f"Client {ci:04d}",
                "language": lang,
                "archived": False,
                "created_at": "2020-01-01T09:00:00+00:00",
                "updated_at": "2020-01-01T09:00:00+00:00",
                "sessions": sessions,
            }
        )
    return {
        "format": "ihrp-desktop-export",
        "version": 2,
        "exported_at": "2026-12-07T00:00:00+00:00",
        "clients": clients,
    }


def export_file() -> Path:
    path = generate.CACHE / f"import-{WORKSHEETS}-v{FILE_VERSION}.json"
    if not path.exists():
        generate.CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(build_export(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_speed", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from ihrp_desktop.core.exchange import import_file
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.vault import KdfParams, Vault
    from tests.kdf_floor import lower

    lower()  # KdfParams.fast() scratch vaults: the key's cost is not what this measures
    path = export_file()
    library = default_library()
    size = path.stat().st_size
    figure, floor, again, phases = [], [], [], []
    scratch = Path(tempfile.mkdtemp(prefix="import-", dir=generate.CACHE))
    try:
        for run in range(args.runs):
            t0 = time.perf_counter()
            json.loads(path.read_bytes().decode("utf-8"))
            floor.append(time.perf_counter() - t0)
            with Vault.create(scratch / f"v{run}", "bench", kdf=KdfParams.fast()) as vault:
                marks: dict[str, float] = {}
                t0 = time.perf_counter()
                summary = import_file(
                    vault,
                    path,
                    library,
                    lambda phase, done, total, marks=marks: marks.setdefault(phase, time.perf_counter()),
                )
                figure.append(time.perf_counter() - t0)
                assert summary.worksheets.new == WORKSHEETS, summary
                phases.append({k: v - t0 for k, v in marks.items()})
                t0 = time.perf_counter()
                second = import_file(vault, path, library)
                again.append(time.perf_counter() - t0)
                assert second.worksheets.new == 0 and second.worksheets.unchanged == WORKSHEETS, second
            shutil.rmtree(scratch / f"v{run}", ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    f, fl, ag = statistics.median(figure), statistics.median(floor), statistics.median(again)
    result = {
        "worksheets": WORKSHEETS,
        "file_bytes": size,
        "runs": args.runs,
        "figure_s": f,
        "floor_s": fl,
        "ratio": f / fl,
        "worksheets_per_s": WORKSHEETS / f,
        "again_s": ag,
        "again_worksheets_per_s": WORKSHEETS / ag,
        "raw": figure,
        "raw_floor": floor,
        "raw_again": again,
        "phase_starts_s": phases,
        "machine": {"date": time.strftime("%Y-%m-%d %H:%M %Z")},
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"import of {WORKSHEETS:,} worksheets ({size / 1e6:.0f} MB): {f:.1f} s "
        f"({WORKSHEETS / f:,.0f} worksheets a second); floor json.loads {fl:.2f} s; ratio {f / fl:.1f}x; "
        f"the same file again: {ag:.1f} s ({WORKSHEETS / ag:,.0f} a second)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
