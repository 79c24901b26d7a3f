"""What a printed copy must never give away: the client's name in file metadata, anything
identifying on a discreet take-home copy, and any trace on disk."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintOptions, render_blank, render_worksheet

# Words that would out the client if a discreet page were found on a kitchen table.
CLINIC_WORDS = (
    "IHRP",
    "ReportLab",
    "Take-home",
    "Copia",
    "Clinician",
    "clínica",
    "harm",
    "reducción",
    "Session",
    "Sesión",
    "therap",
    "terap",
    "Status",
    "Draft",
    "Alcohol",
    "wine",
    "substance",
    "sustancia",
)


def metadata(data: bytes) -> dict[str, str]:
    info = PdfReader(io.BytesIO(data)).metadata or {}
    return {str(key): str(value) for key, value in info.items()}


def forbidden(kit: SimpleNamespace, form_id: str) -> list[str]:
    form = kit.shipped_form(form_id)
    return [
        *kit.CLIENT.split(),
        *kit.CLIENT.replace("-", " ").split(),
        form.title.get("en"),
        form.title.get("es"),
        *CLINIC_WORDS,
    ]


def discreet_copies(kit: SimpleNamespace) -> list[tuple[str, str, bytes]]:
    copies = [("optimal_use_plan", lang, kit.plan_copy("take-home", lang, True)) for lang in ("en", "es")]
    copies += [(fid, "en", kit.filled_copy(fid, "take-home", "en", True)) for fid in kit.SHIPPED]
    return copies


def test_discreet_metadata_is_neutral(kit: SimpleNamespace) -> None:
    for form_id, language, data in discreet_copies(kit):
        info = metadata(data)
        expected = {
            "en": {"plan": "My plan", "notes": "My notes"},
            "es": {"plan": "Mi plan", "notes": "Mis notas"},
        }
        assert info["/Title"] == expected[language][kit.shipped_form(form_id).discreet_title]
        for key in ("/Author", "/Subject", "/Creator", "/Producer", "/Keywords"):
            assert info.get(key, "") == "", (key, info.get(key))
        for value in info.values():
            for word in forbidden(kit, form_id):
                assert word.lower() not in value.lower(), (form_id, word, value)


def test_discreet_headers_and_footers_name_nothing(kit: SimpleNamespace) -> None:
    for form_id, _, data in discreet_copies(kit):
        bands = kit.page_bands(data)
        assert len(bands) >= 1
        for number, (head, foot, _) in enumerate(bands, start=1):
            assert f"{number} of {len(bands)}" in foot or f"{number} de {len(bands)}" in foot
            for word in forbidden(kit, form_id):
                assert word.lower() not in (head + foot).lower(), (form_id, number, word, head, foot)


def test_discreet_copy_never_names_the_client(kit: SimpleNamespace) -> None:
    for form_id, _, data in discreet_copies(kit):
        text = kit.pdf_text(data)
        assert "Zofia" not in text and "Wąsowska" not in text, form_id
        assert kit.shipped_form(form_id).title.get() not in text, form_id


def test_discreet_plan_still_carries_the_plan(kit: SimpleNamespace) -> None:
    text = kit.squash(kit.pdf_text(kit.plan_copy("take-home", "en", True)))
    for value in ("3 drinks on a night out", "+48 600 123 456", "Monday to Thursday"):
        assert kit.squash(value) in text


def test_metadata_never_holds_the_client_name(kit: SimpleNamespace) -> None:
    for form_id in kit.SHIPPED:
        for copy in ("take-home", "clinician"):
            info = metadata(kit.filled_copy(form_id, copy))
            assert info["/Title"] == kit.shipped_form(form_id).title.get()
            for value in info.values():
                assert "Zofia" not in value and "Wąsowska" not in value and "Крылова" not in value


def test_named_copies_carry_client_date_session_and_title_on_every_page(kit: SimpleNamespace) -> None:
    data = kit.plan_copy("clinician")
    bands = kit.page_bands(data)
    assert len(bands) >= 2
    first = kit.pdf_text(data).split("Page 1 of")[0]
    assert kit.CLIENT in first and "March 5, 2025" in first and "Optimal Use Plan" in first
    for head, foot, _ in bands[1:]:
        assert kit.CLIENT in head and "Session 4" in head and "Optimal Use Plan" in head
        assert "Clinician copy - confidential" in foot


def test_discreet_applies_to_the_take_home_copy_only(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("optimal_use_plan")
    data = render_worksheet(
        form, kit.OPTIMAL_USE_PLAN, kit.HEADER, PrintOptions(copy="clinician", discreet=True)
    )
    assert "Clinician copy - confidential" in kit.pdf_text(data)


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_rendering_writes_nothing_to_disk(
    kit: SimpleNamespace, tmp_path: Path, ihrp_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Render every kind of copy with private temp and working folders: both stay empty."""
    temp, work = tmp_path / "temp", tmp_path / "work"
    temp.mkdir()
    work.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # make tempfile read TMPDIR again
    monkeypatch.chdir(work)
    home_before = _listing(ihrp_home)
    default_library()  # forms are read, never written
    form = kit.shipped_form("optimal_use_plan")
    outputs = [render_blank(form, "es")]
    for options in (PrintOptions(), PrintOptions(copy="clinician"), PrintOptions(discreet=True)):
        outputs.append(render_worksheet(form, kit.OPTIMAL_USE_PLAN, kit.HEADER, options))
    assert all(isinstance(out, bytes) and out.startswith(b"%PDF") for out in outputs)
    assert tempfile.gettempdir() == str(temp)
    assert os.listdir(temp) == [] and os.listdir(work) == []
    assert _listing(ihrp_home) == home_before
