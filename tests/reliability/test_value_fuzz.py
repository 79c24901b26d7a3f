"""9. Value fuzz: any Unicode, 100 KB answers, 1,000-row lists: saved, reopened and printed without loss.

Every text answer carries a marker word; the printed PDF's extracted text must contain each one
(the clinician copy all of them, the take-home copy none of the therapist-only ones).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.vault import Vault

WORDS = [
    "Zażółć",
    "gęślą",
    "Дмитрий",
    "щавель",
    "Ñandú",
    "Ελπίδα",
    "plan",
    "naloxone",
    "<b>&amp;</b>",
    "%s{0}",
]
_SPACE = re.compile(r"\s+")


def _any_char(rng: Any) -> str:
    while True:
        cp = rng.choice(
            [
                rng.randrange(0, 0x80),
                rng.randrange(0x80, 0x3000),
                rng.randrange(0x3000, 0x10000),
                rng.randrange(0x10000, 0x110000),
            ]
        )
        if not 0xD800 <= cp <= 0xDFFF:  # lone surrogates are not characters; no editor can produce them
            return chr(cp)


class Values:
    """Random answers for a form, remembering the marker of every printed text."""

    def __init__(self, rng: Any, case: int, big: bool, big_rows: int = 1000, big_chars: int = 100_000):
        self.rng, self.case, self.big, self.big_rows, self.big_chars = rng, case, big, big_rows, big_chars
        self.markers: dict[str, list[str]] = {}  # field id -> markers
        self._n = 0

    def text(self, field_id: str, size: int) -> str:
        self._n += 1
        marker = f"QZ{self.case}x{self._n}QZ"
        self.markers.setdefault(field_id, []).append(marker)
        parts = [marker]
        while sum(map(len, parts)) < size:
            if self.rng.random() < 0.5:
                parts.append(self.rng.choice(WORDS))
            else:
                parts.append("".join(_any_char(self.rng) for _ in range(self.rng.randint(1, 12))))
            parts.append(self.rng.choice([" ", " ", "\n", "\t", "  "]))
        return " ".join(parts)[:size] if size > len(marker) + 1 else marker

    def value(self, fld: Any, big_list: bool) -> Any:
        rng, kind = self.rng, fld.type
        if kind in ("text", "multiline"):
            return self.text(
                fld.id, self.big_chars if self.big and kind == "multiline" else rng.randint(1, 400)
            )
        if kind == "number":
            return rng.choice([None, rng.randint(-(10**6), 10**6), round(rng.uniform(-1e6, 1e6), 3)])
        if kind == "scale":
            return rng.choice(
                [
                    None,
                    rng.randint(
                        int(fld.min if fld.min is not None else 0),
                        int(fld.max if fld.max is not None else 10),
                    ),
                ]
            )
        if kind == "date":
            return (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(3000))).isoformat()
        if kind == "datetime":
            return f"{dt.date(2021, 5, 1) + dt.timedelta(days=rng.randrange(900))}T{rng.randrange(24):02d}:07"
        if kind == "choice":
            return rng.choice(["", *[o.id for o in fld.options]])
        if kind == "multichoice":
            ids = [o.id for o in fld.options]
            return {"selected": rng.sample(ids, rng.randint(0, len(ids))), "other": self.text(fld.id, 60)}
        if kind == "checkbox":
            return rng.random() < 0.5
        if kind == "list":
            rows = self.big_rows if big_list else rng.randint(0, 12)
            return [{c.id: self.value(c, False) for c in fld.columns} for _ in range(rows)]
        if kind == "menu":
            return {
                r.id: {c.id: self.value(c, False) for c in fld.columns}
                for r in fld.rows
                if rng.random() < 0.7
            }
        return None


def _pdf_text(data: bytes) -> tuple[int, str]:
    pages = PdfReader(io.BytesIO(data)).pages
    return len(pages), _SPACE.sub("", "".join(page.extract_text() or "" for page in pages))


def test_any_answers_are_saved_reopened_and_printed(rel: Any, tmp_path: Path) -> None:
    forms = default_library().ordered()
    cases = rel.count("value_fuzz")
    folder = tmp_path / "vault"
    rel.make_vault(folder).close()
    stats = {
        "rows_in_big_lists": 1000 if rel.mode == "full" else 150,
        "cases": 0,
        "form_cases": {},
        "big_cases": 0,
        "markers_checked": 0,
        "pages_printed": 0,
        "largest_answer_chars": 0,
    }
    for case in range(cases):
        form = forms[case % len(forms)]
        big = case % 2 == 0
        # Fast mode: a 20 KB answer and a 150-row list (the full sizes take ~a minute to print and read back).
        full = rel.mode == "full"
        gen = Values(rel.rng, case, big, 1000 if full else 150, 100_000 if full else 20_000)
        lists = [f for _, f in form.all_fields() if f.type == "list"]
        big_list = rel.rng.choice(lists).id if big and lists else None
        values = {f.id: gen.value(f, f.id == big_list) for _, f in form.all_fields() if f.stores_value}
        values[f"unknown_{case}"] = {"kept": gen.text("unknown", 50)}  # a field the definition does not know
        context = f"case {case} ({form.id}, big={big})" + rel.where()
        with Vault.open(folder, rel.passphrase) as v:
            c = v.add_client(gen.text("client", 40))
            sheet = v.new_worksheet(c.id, form.id, form.version, values=values)
            v.save_values(sheet.id, values)
        with Vault.open(folder, rel.passphrase) as v:
            stored = v.worksheet(sheet.id)
            assert stored.values == values, context
            name = v.client(c.id).name
        header = PrintHeader(client_name=name, session_date=stored.session_date, worksheet_id=sheet.id)
        clinician_only = {f.id for s, f in form.all_fields() if "clinician" in (f.audience, s.audience)}
        for copy in ("clinician", "take-home"):
            pdf = render_worksheet(form, stored.values, header, PrintOptions(copy=copy))
            pages, text = _pdf_text(pdf)
            stats["pages_printed"] += pages
            for field_id, markers in gen.markers.items():
                if field_id in ("unknown", "client"):
                    continue
                for marker in markers:
                    shown = marker in text
                    if copy == "take-home" and field_id in clinician_only:
                        assert not shown, f"{context}: therapist-only {field_id} on the take-home copy"
                    else:
                        assert shown, f"{context}: {copy} copy lost the answer of {field_id} ({marker})"
                    stats["markers_checked"] += 1
        stats["cases"] += 1
        stats["form_cases"][form.id] = stats["form_cases"].get(form.id, 0) + 1
        stats["big_cases"] += big
        stats["largest_answer_chars"] = max(
            stats["largest_answer_chars"], *(len(x) for x in values.values() if isinstance(x, str))
        )
    rel.figures(**stats)
