"""Every word the printed page adds to a worksheet's own text, in English and Spanish.

Worksheet texts (titles, labels, options) come from the definition; these are the page's own
words: headers, footers, copy names, status and "filled by" words, months.
"""

from __future__ import annotations

import datetime as dt

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "page_of": "Page {page} of {total}",
        "copy.take-home": "Take-home copy",
        "copy.clinician": "Clinician copy - confidential",
        "copy.blank": "Blank worksheet",
        "discreet.plan": "My plan",
        "discreet.notes": "My notes",
        "client": "Client",
        "name": "Name",
        "date": "Date",
        "session": "Session",
        "session_n": "Session {n}",
        "status": "Status",
        "filled_by": "Filled in by",
        "version": "Version",
        "version_n": "Version {n}",
        "record_n": "Record {n}",
        "total": "Total",
        "other": "Other",
        "clinician_only": "for the clinician",
        "status.draft": "Draft",
        "status.reviewed": "Reviewed",
        "filled_by.together": "Together",
        "filled_by.client": "Client",
        "filled_by.therapist": "Therapist",
        "yes": "Yes",
        "earlier_answers": "From an earlier version of this worksheet",
        "months": "January February March April May June July August September October November December",
        "date_format": "{month} {day}, {year}",
        "card.safety": "Staying safe",
        "next_appointment": "Next appointment",
        "safety.heading": "Safety information",
        "safety.discreet_heading": "Looking after myself",
        "safety.sources": "Not medical advice. Sources: {sources}.",
    },
    "es": {
        "page_of": "Página {page} de {total}",
        "copy.take-home": "Copia para llevar",
        "copy.clinician": "Copia clínica - confidencial",
        "copy.blank": "Hoja en blanco",
        "discreet.plan": "Mi plan",
        "discreet.notes": "Mis notas",
        "client": "Cliente",
        "name": "Nombre",
        "date": "Fecha",
        "session": "Sesión",
        "session_n": "Sesión {n}",
        "status": "Estado",
        "filled_by": "Completado por",
        "version": "Versión",
        "version_n": "Versión {n}",
        "record_n": "Registro {n}",
        "total": "Total",
        "other": "Otro",
        "clinician_only": "solo uso clínico",
        "status.draft": "Borrador",
        "status.reviewed": "Revisado",
        "filled_by.together": "Juntos",
        "filled_by.client": "Cliente",
        "filled_by.therapist": "Terapeuta",
        "yes": "Sí",
        "earlier_answers": "De una versión anterior de esta hoja",
        "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "date_format": "{day} de {month} de {year}",
        "card.safety": "Cuidarme",
        "next_appointment": "Próxima cita",
        "safety.heading": "Información de seguridad",
        "safety.discreet_heading": "Cuidarme",
        "safety.sources": "No es un consejo médico. Fuentes: {sources}.",
    },
}


def word(key: str, language: str = "en", **values: object) -> str:
    """The page word ``key`` in ``language`` (English if missing), with ``{placeholders}`` filled."""
    table = _WORDS.get(language, _WORDS["en"])
    text = table.get(key) or _WORDS["en"].get(key, key)
    return text.format(**values) if values else text


def known_word(prefix: str, value: str, language: str = "en") -> str:
    """A status or "filled by" id in words; an id this table does not know is shown as given."""
    key = f"{prefix}.{value.strip().lower()}"
    if key in _WORDS["en"]:
        return word(key, language)
    return value


def long_date(day: dt.date, language: str = "en") -> str:
    """A date as people write it ("March 5, 2025", "5 de marzo de 2025")."""
    month = word("months", language).split()[day.month - 1]
    return word("date_format", language, month=month, day=day.day, year=day.year)


def iso_date_text(text: str, language: str = "en") -> str:
    """A stored ``YYYY-MM-DD`` (or ``...THH:MM``) value in words; anything else as stored."""
    try:
        if "T" in text:
            moment = dt.datetime.fromisoformat(text)
            return f"{long_date(moment.date(), language)}, {moment:%H:%M}"
        return long_date(dt.date.fromisoformat(text), language)
    except ValueError:
        return text
