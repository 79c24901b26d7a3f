"""The body of a printed worksheet: the title block, then each section the copy shows."""

from __future__ import annotations

import json

from reportlab.platypus import Flowable, HRFlowable, Spacer, TableStyle

from ..forms.model import Field, Section
from ..forms.values import unknown_fields
from .context import RenderContext
from .drawings import LabelledLines
from .fallback import string_width
from .fields import label_markup, value_text
from .grid import build_grid_section
from .keeping import keep_headings
from .markup import escape_text, para, user_text
from .options import PrintHeader
from .overview import overview_flowables
from .packing import PairRow, column_width, field_cell, pack
from .paragraphs import Paragraph
from .safety_section import safety_flowables
from .styles import COLORS, hex_color
from .tables import Table
from .words import iso_date_text, known_word, long_date


def page_title(ctx: RenderContext) -> str:
    """The title printed on the page: the worksheet's, or "My plan" / "My notes" when discreet."""
    if ctx.discreet:
        return ctx.word(f"discreet.{ctx.form.discreet_title}")
    return ctx.text(ctx.form.title)


def next_appointment(ctx: RenderContext) -> str:
    """The plan's review date in words, when the definition names one and it is filled in."""
    links = ctx.form.safety
    value = ctx.values.get(links.next_appointment) if links and links.next_appointment else None
    return iso_date_text(value, ctx.language) if isinstance(value, str) and value.strip() else ""


def header_facts(header: PrintHeader, ctx: RenderContext) -> list[tuple[str, str]]:
    """(label, value) pairs for the title block. A take-home copy shows the date and the next
    appointment (and, unless discreet, the client's name); status and version stay on the clinician copy."""
    facts: list[tuple[str, str]] = []
    if not ctx.discreet and header.client_name.strip():
        facts.append((ctx.word("client"), header.client_name.strip()))
    if header.session_date is not None:
        facts.append((ctx.word("date"), long_date(header.session_date, ctx.language)))
    if ctx.take_home:
        if nxt := next_appointment(ctx):
            facts.append((ctx.word("next_appointment"), nxt))
        return facts
    if header.session_number is not None:
        facts.append((ctx.word("session"), str(header.session_number)))
    if header.status.strip():
        facts.append((ctx.word("status"), known_word("status", header.status, ctx.language)))
    if header.filled_by.strip():
        facts.append((ctx.word("filled_by"), known_word("filled_by", header.filled_by, ctx.language)))
    if header.version_number is not None:
        facts.append((ctx.word("version"), str(header.version_number)))
    return facts


def title_block(header: PrintHeader, ctx: RenderContext) -> list[Flowable]:
    """Copy name, title, purpose, attribution and the header facts (or lines to fill in)."""
    st = ctx.style
    out: list[Flowable] = []
    if not ctx.discreet and not ctx.take_home and not ctx.blank:  # those copies say so in their footer
        marker = ctx.word(f"copy.{ctx.copy}")
        color = COLORS.clinician if ctx.copy == "clinician" else COLORS.quiet
        out.append(
            Paragraph(f'<font color="{hex_color(color)}">{escape_text(marker.upper())}</font>', st.small)
        )
    out.append(para(page_title(ctx), st.title))
    if not ctx.discreet:  # purpose and attribution speak the clinic's language
        if ctx.form.purpose is not None:
            out.append(para(ctx.text(ctx.form.purpose), st.purpose))
        if ctx.form.attribution is not None:
            out.append(para(ctx.text(ctx.form.attribution), st.small))
    out.append(Spacer(1, 8))
    if ctx.blank:
        out.append(_fill_in_strip(ctx))
    else:
        facts = header_facts(header, ctx)
        if facts:
            out.append(_facts_strip(facts, ctx))
    out.append(Spacer(1, 4))
    return out


def _strip_style() -> TableStyle:
    return TableStyle(
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, COLORS.accent_mid),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, COLORS.accent_mid),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )


def _facts_strip(facts: list[tuple[str, str]], ctx: RenderContext) -> Table:
    """The header facts side by side: small label above, value below."""
    cells = [[para(label, ctx.style.meta_label), para(value, ctx.style.meta_value)] for label, value in facts]
    label_style, value_style = ctx.style.meta_label, ctx.style.meta_value
    # Each fact as wide as its longest line needs, the rest shared out evenly.
    needs = [
        max(
            string_width(label, label_style.fontName, label_style.fontSize),
            string_width(value, value_style.fontName, value_style.fontSize),  # an emoji in a name too
        )
        + 12
        for label, value in facts
    ]
    spare = ctx.width - sum(needs)
    if spare >= 0:
        widths = [n + spare / len(needs) for n in needs]
    else:  # a very long name: everything shrinks in proportion and wraps
        widths = [n * ctx.width / sum(needs) for n in needs]
    return Table([cells], colWidths=widths, hAlign="LEFT", style=_strip_style())


def _fill_in_strip(ctx: RenderContext) -> Table:
    """Name / date / session with lines to write on (blank copies)."""
    labels = [ctx.word("name"), ctx.word("date"), ctx.word("session")]
    weights = [2.2, 1.4, 0.8]
    unit = ctx.width / sum(weights)
    # Each label on its own writing line ("Name ______"): a line of the page saved for the answers.
    cells = [LabelledLines(para(label, ctx.style.meta_label), 1) for label in labels]
    return Table([cells], colWidths=[w * unit for w in weights], hAlign="LEFT", style=_strip_style())


def section_flowables(section: Section, ctx: RenderContext) -> list[Flowable]:
    """One section: its heading, (blank copies) its prompt, then its fields."""
    if not ctx.shows_section(section):
        return []
    visible = ctx.printed_fields(section)
    if not visible:
        return []
    title = escape_text(ctx.text(section.title))
    color = COLORS.clinician if section.is_clinician else COLORS.accent
    if section.is_clinician:
        title += f' <font size="8.5">· {escape_text(ctx.word("clinician_only"))}</font>'
    answer = _one_line_answer(visible, ctx)
    if answer is not None:  # "This plan is about: Alcohol": the heading carries its only short answer
        return [
            Paragraph(
                f'<font color="{hex_color(color)}">{title}:</font> '
                f'<font color="{hex_color(COLORS.ink)}">{escape_text(answer)}</font>',
                ctx.style.section,
            ),
            _section_rule(keep=False),
        ]
    if ctx.blank and len(visible) == 1 and visible[0].traits.on_heading:
        # "This plan is about   Substance ______": the heading carries its only short answer's line
        label = label_markup(visible[0], ctx)
        label = f'<font size="{ctx.style.label.fontSize}" color="{hex_color(COLORS.muted)}">{label}</font>'
        heading = f'<font color="{hex_color(color)}">{title}</font>&nbsp;&nbsp; {label}'
        line = LabelledLines(Paragraph(heading, ctx.style.section))
        line.spaceBefore = ctx.style.section.spaceBefore
        hint = [para(ctx.text(section.guidance), ctx.style.hint)] if section.guidance is not None else []
        return [line, *hint]  # its writing line underlines the heading: no rule under it
    out = section_heading(section, ctx)
    if section.layout == "grid":
        out.extend(build_grid_section(section, ctx, visible))
    else:
        out.extend(pack(visible, ctx))
    return out


def section_heading(section: Section, ctx: RenderContext, width: float | None = None) -> list[Flowable]:
    """A section's title and rule, and (blank copies) its prompt: on the title's line when it fits
    in ``width`` (the page's, or a column's), else under it."""
    width = ctx.width if width is None else width
    title = escape_text(ctx.text(section.title))
    color = COLORS.clinician if section.is_clinician else COLORS.accent
    if section.is_clinician:
        title += f' <font size="8.5">· {escape_text(ctx.word("clinician_only"))}</font>'
    heading = f'<font color="{hex_color(color)}">{title}</font>'
    hint = ctx.text(section.guidance) if ctx.blank and section.guidance is not None else ""
    if hint and _hint_fits_beside(ctx.text(section.title), hint, width, ctx):
        # A one-line prompt on the heading's line, in its own quiet face: a line saved per section.
        st = ctx.style.hint
        heading += (
            f'&nbsp;&nbsp; <font name="{st.fontName}" size="{st.fontSize}" color="{hex_color(st.textColor)}">'
            f"{escape_text(hint)}</font>"
        )
        hint = ""
    out: list[Flowable] = [Paragraph(heading, ctx.style.section), _section_rule(keep=True)]
    if hint:
        out.append(para(hint, ctx.style.hint))
    return out


def _hint_fits_beside(title: str, hint: str, width: float, ctx: RenderContext) -> bool:
    """Whether a section's prompt fits on one line after its title, ``width`` wide."""
    head, st = ctx.style.section, ctx.style.hint
    title_width = string_width(title + "    ", head.fontName, head.fontSize)
    return title_width + string_width(hint, st.fontName, st.fontSize) <= width - 6


def side_by_side(left: Section, right: Section, ctx: RenderContext) -> list[Flowable]:
    """Two sections in two columns, their fields row for row ("How it goes now" | "My optimal use");
    the fields one of them has beyond the other's follow at full width."""
    shown = [ctx.printed_fields(s) for s in (left, right)]
    column = column_width(ctx.width)
    head = PairRow([section_heading(left, ctx, column), section_heading(right, ctx, column)], ctx.width)
    head.keepWithNext = 1  # the headings never end a page
    rows = [PairRow([field_cell(a, ctx), field_cell(b, ctx)], ctx.width)
            for a, b in zip(*shown, strict=False)]
    count = len(rows)
    return [head, *rows, *pack(shown[0][count:], ctx), *pack(shown[1][count:], ctx)]


def _beside(sections: tuple[Section, ...], index: int, ctx: RenderContext) -> Section | None:
    """The section to print beside ``sections[index]`` on this copy (blank copies only)."""
    after = sections[index + 1] if index + 1 < len(sections) else None
    if not ctx.blank or after is None or not after.beside_previous:
        return None
    return after if ctx.shows_section(sections[index]) and ctx.shows_section(after) else None


def _section_rule(keep: bool) -> HRFlowable:
    rule = HRFlowable(width="100%", thickness=0.8, color=COLORS.accent_mid, spaceBefore=0, spaceAfter=1.5)
    rule.keepWithNext = int(keep)
    return rule


def _one_line_answer(visible: list[Field], ctx: RenderContext) -> str | None:
    """The answer of a filled section that holds one short answer only, else None."""
    if ctx.blank or len(visible) != 1 or not visible[0].traits.on_heading:
        return None
    text = value_text(visible[0], ctx.values.get(visible[0].id), ctx.language, discreet=ctx.discreet)
    return text if len(text) <= 60 and "\n" not in text else None


def worksheet_story(header: PrintHeader, ctx: RenderContext) -> list[Flowable]:
    """Every flowable of the printed worksheet, in page order."""
    story = title_block(header, ctx)
    story.extend(overview_flowables(ctx))  # "the chain at a glance" before the links it sums up
    after = ctx.form.safety.after if ctx.form.safety is not None else None
    sections = ctx.form.sections
    skip = None
    for index, section in enumerate(sections):
        if section is skip:
            continue
        skip = _beside(sections, index, ctx)
        printed = side_by_side(section, skip, ctx) if skip else section_flowables(section, ctx)
        story.extend(printed)
        if after in (section.id, skip.id if skip else None):
            story.extend(safety_flowables(ctx, header.practice, under_heading=bool(printed)))
    if ctx.copy == "clinician":
        story.extend(earlier_answers(ctx))
    return keep_headings(story)


def earlier_answers(ctx: RenderContext) -> list[Flowable]:
    """Answers to fields this definition no longer has (clinician copy only: nothing is dropped)."""
    extra = {
        key: value
        for key, value in unknown_fields(ctx.form, ctx.values).items()
        if value not in (None, "", False, [], {})
    }
    if not extra:
        return []
    out: list[Flowable] = [para(ctx.word("earlier_answers"), ctx.style.section), _section_rule(keep=True)]
    for key, value in extra.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
        out.append(para(key, ctx.style.label))
        out.extend(user_text(text, ctx.style.value))
    return out
