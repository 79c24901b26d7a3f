"""`ihrp-desktop blank` for the self-regulation, check-in and safety worksheets, in English and Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from tests.cli_run import run_cli

NEW = ("urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", NEW)
def test_blank_prints_the_worksheet_in_its_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, form_id: str,
    language: str,
) -> None:
    out = tmp_path / f"{form_id}-{language}.pdf"
    code, _, err = run_cli(capsys, monkeypatch, "blank", form_id, "-o", str(out), "--lang", language)
    assert code == 0, err
    text = " ".join("\n".join(page.extract_text() or "" for page in PdfReader(str(out)).pages).split())
    form = default_library().get(form_id)
    assert form.title.get(language) in text
    assert form.sections[0].title.get(language) in text
    other = "es" if language == "en" else "en"
    assert form.sections[0].title.get(other) not in text  # one language per page
