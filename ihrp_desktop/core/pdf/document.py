"""Render a worksheet to PDF bytes: the page template, the metadata, the build.

Nothing touches the filesystem: the PDF is built in memory and returned as bytes (the preview
shows it from memory; the user chooses where a file goes, if anywhere).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..forms.model import FormDefinition
from ..forms.source_notes import without_source_notes
from .archival import archival
from .context import RenderContext
from .fonts import REGULAR
from .options import Paper, PrintHeader, PrintOptions
from .page import Furniture, PageFurniture, numbered_canvas
from .printable import printable_values
from .story import worksheet_story
from .styles import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, PAGE_SIZES
from .words import long_date, word

APP_NAME = "IHRP Desktop"


def furniture(form: FormDefinition, header: PrintHeader, options: PrintOptions) -> Furniture:
    """Header and footer words for this copy; a discreet copy names neither client nor worksheet."""
    lang = options.language
    date = long_date(header.session_date, lang) if header.session_date is not None else ""
    practice = header.practice
    if options.is_discreet:  # the foot: only "Call: <phone>", never the practice's name
        return Furniture(
            header_left=word(f"discreet.{form.discreet_title}", lang), header_right=date, language=lang,
            footer_center_end=practice.foot(lang, discreet=True) if practice is not None else "",
        )
    if options.copy == "blank":
        return Furniture(
            header_left=form.title.get(lang), footer_left=word("copy.blank", lang), language=lang
        )
    right = [header.client_name.strip(), date]
    if header.session_number is not None:
        right.append(word("session_n", lang, n=header.session_number))
    center = []
    end = ""
    # A take-home foot: the practice's name and phone (kept whole: a long name is shortened first);
    # status and version stay on the clinician copy.
    if options.copy == "take-home":
        if practice is not None:
            center.append(practice.name.strip())
            end = practice.phone.strip()
    else:
        if options.copy == "clinician" and header.worksheet_id is not None:
            center.append(word("record_n", lang, n=header.worksheet_id))
        if header.version_number is not None:
            center.append(word("version_n", lang, n=header.version_number))
    return Furniture(
        header_left=form.title.get(lang),
        header_right=" · ".join(part for part in right if part),
        footer_left=word(f"copy.{options.copy}", lang),
        footer_center=" · ".join(part for part in center if part),
        footer_center_end=end,
        language=lang,
        alert=options.copy == "clinician",
    )


def metadata(form: FormDefinition, options: PrintOptions) -> dict[str, str]:
    """PDF document info. Never the client's name; a discreet copy gets only a neutral title."""
    lang = options.language
    if options.is_discreet:
        return {
            "title": word(f"discreet.{form.discreet_title}", lang),
            "author": "",
            "subject": "",
            "creator": "",
            "producer": "",
            "keywords": "",
        }
    return {
        "title": form.title.get(lang),
        "author": "",
        "subject": word(f"copy.{options.copy}", lang),
        "creator": APP_NAME,
        "producer": APP_NAME,
        "keywords": "",
    }


def build_pdf(
    story: list[Flowable],
    language: str,
    page: PageFurniture,
    info: Mapping[str, str],
    pagesize: tuple[float, float],
    margins: tuple[float, float, float] = (MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM),
    frames: list[Frame] | None = None,
) -> bytes:
    """Lay ``story`` out on pages with ``page`` furniture and return the PDF bytes.

    Every PDF of the program is built here: worksheets, the pocket card and the recovery sheet,
    each written as PDF/A-2b (:mod:`.archival`).
    ``language`` is the document's; ``margins`` are (sides, top, bottom) in points; ``frames``, when
    given, replace the one body frame (the pocket-card sheet lays cards out in a grid of frames).
    """
    buffer = io.BytesIO()
    side, top, bottom = margins
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=side,
        rightMargin=side,
        topMargin=top,
        bottomMargin=bottom,
        lang=language,
        initialFontName=REGULAR,  # ReportLab's first face, Helvetica, would be listed and not embedded
        **info,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=frames or [frame])])
    doc.build(story, canvasmaker=numbered_canvas(page))
    return archival(buffer.getvalue(), info.get("producer", ""))


def _context(form: FormDefinition, values: Mapping[str, Any], options: PrintOptions) -> RenderContext:
    width, height = PAGE_SIZES[options.paper]
    return RenderContext(
        form=form,
        # A carried item's "(from Microanalysis, ...)" is the program's word: not on a discreet copy.
        values=without_source_notes(values) if options.is_discreet else values,
        language=options.language,
        copy=options.copy,
        discreet=options.is_discreet,
        # The frame's size computed exactly as ReportLab computes it: flowables measured while the
        # story is built (packing) are then laid out at the very same width, and not measured again.
        width=(width - MARGIN_SIDE) - MARGIN_SIDE,
        height=(height - MARGIN_TOP) - MARGIN_BOTTOM,
    )


def render_worksheet(
    form: FormDefinition, values: Mapping[str, Any], header: PrintHeader, options: PrintOptions
) -> bytes:
    """A worksheet as PDF bytes: the take-home, clinician or blank copy ``options`` asks for.

    ``values`` are the worksheet's answers by field id (shapes as in ``core.forms.values``);
    a value that no longer fits its field (an older definition) prints as stored.
    """
    declared = options.declared_only(form.version)
    printed = {} if options.copy == "blank" else printable_values(form, values, declared_only=declared)
    ctx = _context(form, printed, options)
    return build_pdf(
        worksheet_story(header, ctx),
        ctx.language,
        furniture(form, header, options),
        metadata(form, options),
        PAGE_SIZES[options.paper],
    )


def render_blank(form: FormDefinition, language: str = "en", paper: Paper = "letter") -> bytes:
    """A blank worksheet for paper use: every label and prompt the client needs (nothing for the
    clinician), room to write, empty boxes."""
    options = PrintOptions(copy="blank", language=language, paper=paper)
    return render_worksheet(form, {}, PrintHeader(), options)
