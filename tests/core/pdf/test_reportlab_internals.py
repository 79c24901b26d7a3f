"""Every ReportLab internal the renderer relies on, named once: an upgrade that drops one fails here.

ReportLab is pinned below 6 (pyproject.toml). Its public API does not cover a few things the
renderer needs (the page size while drawing furniture, the frame's "at the top" flag, a table's
sizing, a paragraph's broken lines, the ToUnicode map of a font subset). Each case below names the
internal, the module of ours that uses it and why, and checks it on real ReportLab objects.
"""

from __future__ import annotations

import inspect
import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, LongTable, Paragraph, Table, paragraph, paraparser
from reportlab.rl_config import _FUZZ  # noqa: F401 - the import is the check (paragraphs.py)

from ihrp_desktop.core.pdf.fonts import REGULAR, register_fonts


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), pagesize=(200, 300))


def _pagesize() -> None:
    assert _canvas()._pagesize == (200, 300)


def _numbered_canvas_state() -> None:
    canvas = _canvas()
    assert canvas._pageNumber == 1
    canvas._startPage()  # page.py's NumberedCanvas starts a page without emitting it
    assert callable(Canvas._startPage)


def _frame_at_top_and_flowable_frame() -> None:
    frame = Frame(0, 0, 100, 100)
    assert frame._atTop == 1
    story = [Paragraph("x", ParagraphStyle("s"))]
    frame.addFromList(story, _canvas())
    assert not story
    assert frame._atTop == 0


def _frame_sets_flowable_frame() -> None:
    seen: list[object] = []

    class Splitting(Flowable):  # type: ignore[misc]
        def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
            seen.append(getattr(self, "_frame", None))  # what KeepWithFirst.split reads
            return []

    frame = Frame(0, 0, 100, 100)
    frame.split(Splitting(), _canvas())
    assert seen == [frame]


def _table_sizing() -> None:
    table = Table([["a"], ["b"]], colWidths=[50])
    assert callable(table._calc)
    table.wrap(100, 100)
    assert (table._hmax, table._nrows) == (2, 2)
    assert table._width == 50 and table._height > 0


def _long_table_flag() -> None:
    assert hasattr(LongTable, "_longTableOptimize")


def _paragraph_lines() -> None:
    para = Paragraph("a few words", ParagraphStyle("s", fontName=register_fonts()))
    params = list(inspect.signature(Paragraph.__init__).parameters)
    assert params[:7] == ["self", "text", "style", "bulletText", "frags", "caseSensitive", "encoding"]
    para.wrap(100, 100)
    assert para._wrapWidths and para.blPara is not None and para.frags
    assert para.breakLines(para._wrapWidths).lines
    del para.blPara  # ReportLab's split deletes the lines; paragraphs.py keeps that working


def _parser_pieces() -> None:
    assert "color" in paraparser._spanAttrMap and callable(paraparser._spanAttrMap["color"][1])
    assert callable(paraparser.ParaParser().parse) and paraparser.known_entities
    assert callable(paragraph.cleanBlockQuotedText) and callable(paragraph.textTransformFrags)


def _font_face_glyphs() -> None:
    register_fonts()
    assert ord("A") in getFont(REGULAR).face.charToGlyph


def _to_unicode_by_name() -> None:
    params = list(inspect.signature(ttfonts.makeToUnicodeCMap).parameters)
    assert params == ["fontname", "subset"]
    # Looked up by name in the module when a subset is written, so replacing the name takes effect.
    assert "makeToUnicodeCMap(" in inspect.getsource(ttfonts.TTFont)


# (internal, who relies on it and why, the check)
INTERNALS: list[tuple[str, str, Callable[[], None]]] = [
    ("Canvas._pagesize", "page.py, pocket_card.py, recovery_sheet.py: furniture drawn to the page's width",
     _pagesize),
    ("Canvas._startPage, Canvas._pageNumber, state in Canvas.__dict__",
     "page.py numbered_canvas: 'Page x of y' drawn when the total is known", _numbered_canvas_state),
    ("Frame._atTop", "keeping.py: a heading at the top of a frame is not moved again",
     _frame_at_top_and_flowable_frame),
    ("Flowable._frame", "keeping.py: the frame a heading is being placed in", _frame_sets_flowable_frame),
    ("Table._calc, _hmax, _nrows, _width, _height", "tables.py: a table sized once per width", _table_sizing),
    ("LongTable._longTableOptimize", "tables.py: LongTable's behaviour on our Table", _long_table_flag),
    ("Paragraph.__init__ order, blPara, breakLines, _wrapWidths, frags",
     "paragraphs.py: one-line paragraphs broken only when drawn", _paragraph_lines),
    ("paraparser._spanAttrMap, ParaParser, known_entities, cleanBlockQuotedText, textTransformFrags",
     "fragments.py: fragments made without the markup parser", _parser_pieces),
    ("TTFont.face.charToGlyph", "fonts.py, fallback.py: which characters a face has", _font_face_glyphs),
    ("ttfonts.makeToUnicodeCMap(fontname, subset), looked up by name",
     "fonts.py: emoji beyond U+FFFF copied out of a PDF as UTF-16 pairs", _to_unicode_by_name),
]


@pytest.mark.parametrize(("name", "why", "check"), INTERNALS, ids=[name for name, _, _ in INTERNALS])
def test_reportlab_still_has(name: str, why: str, check: Callable[[], None]) -> None:
    import reportlab

    try:
        check()
    except (AttributeError, AssertionError, TypeError, ValueError, KeyError, OSError) as exc:
        pytest.fail(f"ReportLab {reportlab.Version} no longer has {name} as the renderer expects "
                    f"({why}): {type(exc).__name__}: {exc}")


def test_the_to_unicode_patch_is_applied_at_font_registration_not_on_import() -> None:
    script = (
        "from reportlab.pdfbase import ttfonts\n"
        "import ihrp_desktop.core.pdf, ihrp_desktop.core.pdf.fonts as fonts\n"
        "assert ttfonts.makeToUnicodeCMap.__module__ == 'reportlab.pdfbase.ttfonts', 'patched on import'\n"
        "fonts.register_fonts()\n"
        "assert ttfonts.makeToUnicodeCMap is fonts._to_unicode_cmap, 'not patched at registration'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_every_pdf_is_built_by_build_pdf() -> None:
    """One document set-up (document.build_pdf): no other module makes its own ReportLab document."""
    package = Path(__file__).resolve().parents[3] / "ihrp_desktop"
    document = re.compile(r"\b(BaseDocTemplate|SimpleDocTemplate|Canvas)\(|canvasmaker=")
    makers = sorted(str(path.relative_to(package)) for path in package.rglob("*.py")
                    if document.search(path.read_text(encoding="utf-8")))
    assert makers == ["core/pdf/document.py"]
