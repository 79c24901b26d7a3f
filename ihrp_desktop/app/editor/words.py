"""The editor's own words (buttons, hints), in every shipped language.

Worksheet text comes from the definitions; these are the few words the editor adds around them.
"""

from __future__ import annotations

_WORDS: dict[str, dict[str, str]] = {
    "add_row": {"en": "Add {row}", "es": "Agregar {row}"},
    "row": {"en": "Row", "es": "Fila"},
    "insert_below": {"en": "Insert a {row} below", "es": "Insertar {row} debajo"},
    "move_up": {"en": "Move {row} {n} up", "es": "Subir {row} {n}"},
    "move_down": {"en": "Move {row} {n} down", "es": "Bajar {row} {n}"},
    "remove": {"en": "Remove {row} {n}", "es": "Quitar {row} {n}"},
    "row_keys": {
        "en": "Ctrl+Enter adds a row below, Alt+Up / Alt+Down move it, Ctrl+Shift+Delete removes it.",
        "es": "Ctrl+Intro agrega una fila debajo, Alt+Arriba / Alt+Abajo la mueven, "
        "Ctrl+Mayús+Supr la quita.",
    },
    "empty_list": {"en": "Nothing here yet.", "es": "Todavía no hay nada."},
    "before": {"en": "Before:", "es": "Antes:"},
    "kept_title": {"en": "Kept from an earlier version", "es": "Guardado de una versión anterior"},
    "kept_hint": {
        "en": "These answers belong to fields this worksheet no longer has. They are kept as they were.",
        "es": "Estas respuestas son de campos que esta hoja ya no tiene. Se guardan tal como estaban.",
    },
    "earlier_answer": {
        "en": "Earlier answer, kept as written:",
        "es": "Respuesta anterior, guardada tal como se escribió:",
    },
    "clinician_badge": {
        "en": "Therapist only · hidden in client view and on the client's copy",
        "es": "Solo terapeuta · oculto en la vista del cliente y en su copia",
    },
    "other": {"en": "Other", "es": "Otro"},
    "date_hint": {"en": "YYYY-MM-DD", "es": "AAAA-MM-DD"},
    "time_hint": {"en": "HH:MM", "es": "HH:MM"},
    "date_bad": {
        "en": "Write the date as YYYY-MM-DD (e.g. 2025-03-14), or pick it from the calendar.",
        "es": "Escribe la fecha como AAAA-MM-DD (p. ej., 2025-03-14) o elígela en el calendario.",
    },
    "time_bad": {
        "en": "Write the time as HH:MM (e.g. 21:30).",
        "es": "Escribe la hora como HH:MM (p. ej., 21:30).",
    },
    "pick_date": {"en": "Pick {label} from a calendar", "es": "Elegir {label} en un calendario"},
    "time_of": {"en": "{label}, time", "es": "{label}, hora"},
    "clear_date": {"en": "Clear", "es": "Borrar"},
    "no_choice": {"en": "(not chosen)", "es": "(sin elegir)"},
    "total": {"en": "Total", "es": "Total"},
    "yes": {"en": "Yes", "es": "Sí"},
    "no": {"en": "No", "es": "No"},
    "of_max": {"en": "{value} of {max}", "es": "{value} de {max}"},
    "click_again": {
        "en": "Click the chosen one again to clear it.",
        "es": "Haz clic otra vez en la opción elegida para borrarla.",
    },
}


def word(key: str, language: str = "en", **fill: object) -> str:
    """One of the editor's words in ``language`` (English when it has no translation)."""
    by_language = _WORDS[key]
    text = by_language.get(language) or by_language["en"]
    return text.format(**fill) if fill else text
