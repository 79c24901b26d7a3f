"""Archival PDFs: every font embedded, every copy PDF/A-2b (pikepdf's validator), metadata kept clean.

Over every shipped worksheet x language x copy kind (take-home, clinician, discreet, blank), the
pocket card and the recovery sheet.
"""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pikepdf
import pytest

from ihrp_desktop.core.pdf import PrintOptions, render_pocket_card, render_recovery_sheet
from ihrp_desktop.core.pdf.archival import check

LANGUAGES = ("en", "es")
KINDS = ("take-home", "clinician", "discreet", "blank")


def copy_of(kit: SimpleNamespace, form_id: str, language: str, kind: str) -> bytes:
    if kind == "blank":
        return kit.blank_copy(form_id, language)
    if kind == "discreet":
        return kit.filled_copy(form_id, "take-home", language, True)
    return kit.filled_copy(form_id, kind, language)


def fonts_without_file(data: bytes) -> list[str]:
    """Names of the fonts used on any page (or in a form XObject) that carry no embedded font file."""
    missing: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            resources = [page.obj.get("/Resources", pikepdf.Dictionary())]
            while resources:
                res = resources.pop()
                for font in res.get("/Font", pikepdf.Dictionary()).values():
                    descriptor = font.get("/FontDescriptor")
                    if descriptor is None and "/DescendantFonts" in font:
                        descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                    if descriptor is None or not any(
                        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                    ):
                        missing.append(str(font.get("/BaseFont")))
                for xobject in res.get("/XObject", pikepdf.Dictionary()).values():
                    if "/Resources" in xobject:
                        resources.append(xobject.Resources)
    return missing


def every_copy(kit: SimpleNamespace) -> list[tuple[str, bytes]]:
    copies = [
        (f"{form_id}/{language}/{kind}", copy_of(kit, form_id, language, kind))
        for form_id in kit.SHIPPED
        for language in LANGUAGES
        for kind in KINDS
    ]
    plan = kit.shipped_form("optimal_use_plan")
    for language in LANGUAGES:
        for discreet in (False, True):
            options = PrintOptions(language=language, discreet=discreet)
            card = render_pocket_card(plan, kit.OPTIMAL_USE_PLAN, options)
            copies.append((f"pocket/{language}/{discreet}", card))
        copies.append(
            (
                f"recovery/{language}",
                render_recovery_sheet("A" * 52, created=dt.date(2025, 3, 5), language=language, paper="a4"),
            )
        )
    return copies


def test_every_font_of_every_copy_is_embedded(kit: SimpleNamespace) -> None:
    for name, data in every_copy(kit):
        assert fonts_without_file(data) == [], name


def test_every_copy_is_pdf_a_2b(kit: SimpleNamespace) -> None:
    for name, data in every_copy(kit):
        report = check(data)
        assert report.passed, (name, str(report))
        with pikepdf.open(io.BytesIO(data)) as pdf:
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "2", name
            assert meta["pdfaid:conformance"] == "B", name
            assert len(pdf.Root.OutputIntents) == 1, name


def xmp_text(data: bytes) -> str:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_discreet_xmp_names_no_program_client_or_worksheet(kit: SimpleNamespace, language: str) -> None:
    """The XMP packet (what PDF/A adds) of a discreet copy is as neutral as its document info."""
    for form_id in kit.SHIPPED:
        xmp = xmp_text(kit.filled_copy(form_id, "take-home", language, True)).lower()
        form = kit.shipped_form(form_id)
        for word in (
            *kit.CLIENT.lower().replace("-", " ").split(),
            form.title.get("en").lower(),
            form.title.get("es").lower(),
            "ihrp",
            "pikepdf",
            "reportlab",
            "creatortool",
        ):
            assert word not in xmp, (form_id, word)
        with pikepdf.open(io.BytesIO(kit.filled_copy(form_id, "take-home", language, True))) as pdf:
            assert pdf.open_metadata().get("pdf:Producer", "") == ""


def test_a_take_home_copy_names_the_program_as_producer(kit: SimpleNamespace) -> None:
    with pikepdf.open(io.BytesIO(kit.filled_copy("optimal_use_plan"))) as pdf:
        assert pdf.open_metadata()["pdf:Producer"] == "IHRP Desktop"
        assert str(pdf.docinfo["/Producer"]) == "IHRP Desktop"
