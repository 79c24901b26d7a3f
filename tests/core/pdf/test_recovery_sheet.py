"""The recovery sheet: one page with the key (readable back out of the PDF) and how to use and keep it."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.pdf import render_recovery_sheet
from ihrp_desktop.core.vault.keyfile import new_recovery_key

CREATED = dt.date(2025, 3, 5)


def key_in(text: str) -> str | None:
    """The recovery key as printed on the sheet (two rows of groups under its label), read back."""
    lines = [line.strip() for line in text.splitlines()]
    start = next((i for i, line in enumerate(lines) if "RECOVERY KEY" in line or "CLAVE DE" in line), None)
    if start is None:
        return None
    groups = [line for line in lines[start + 1 :] if re.fullmatch(r"[A-Z2-7]{4}", line)][:8]
    return "-".join(groups) if len(groups) == 8 else None


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "en",
            (
                "Recovery sheet",
                "This key opens your IHRP Desktop records if you forget your passphrase.",
                "type this recovery key instead of your passphrase",
                "File › Change passphrase...",
                "Not with the computer",
                "Anyone who holds this sheet can open your records.",
                "the key on this sheet stops working",
                "There is no zero and no one",
                "Made on March 5, 2025",
            ),
        ),
        (
            "es",
            (
                "Hoja de recuperación",
                "Esta clave abre tus registros de IHRP Desktop si olvidas tu frase de contraseña.",
                "escribe esta clave de recuperación en lugar de tu frase",
                "Archivo › Cambiar la frase de contraseña...",
                "No junto a la computadora",
                "Quien tenga esta hoja puede abrir tus registros.",
                "la clave de esta hoja deja de funcionar",
                "No hay cero ni uno",
                "Hecha el 5 de marzo de 2025",
            ),
        ),
    ],
)
def test_sheet_holds_the_key_and_the_instructions(language: str, phrases: tuple[str, ...]) -> None:
    key = new_recovery_key()
    data = render_recovery_sheet(key, created=CREATED, language=language)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert key_in(text) == key
    for phrase in phrases:
        assert phrase in squash(text), phrase
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    embedded = [
        str(f["/BaseFont"])
        for f in fonts
        if "/DescendantFonts" in f or "/FontFile2" in f.get("/FontDescriptor", {})
    ]
    assert any("NotoSans" in name for name in embedded), embedded  # the key is set in Noto Sans, embedded


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_key_of_wide_letters_still_fits_one_page(paper: str) -> None:
    key = "WWWW-MMMM-WWWW-MMMM-WWWW-MMMM-WWWW-MMMM"
    reader = PdfReader(io.BytesIO(render_recovery_sheet(key, created=CREATED, paper=paper)))  # type: ignore[arg-type]
    assert len(reader.pages) == 1
    assert key_in(reader.pages[0].extract_text()) == key


def test_metadata_is_neutral_and_never_holds_the_key() -> None:
    key = new_recovery_key()
    for language, title in (("en", "Recovery sheet"), ("es", "Hoja de recuperación")):
        data = render_recovery_sheet(key, created=CREATED, language=language)
        info = PdfReader(io.BytesIO(data)).metadata
        assert info is not None and info.title == title
        everything = " ".join(str(value) for value in info.values()).lower()
        for word in ("ihrp", "vault", "passphrase", "therapy", "client", "drug", "key", "reportlab"):
            assert word not in everything, word
        for group in key.split("-"):
            assert group.lower() not in everything


def test_an_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        render_recovery_sheet(" - ", created=CREATED)
