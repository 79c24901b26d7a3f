"""Spanish in two registers: every Spanish text that addresses the client in tú has its usted form.

The check is simple on purpose (whole words, accents kept): a text holding one of the
``TU_MARKERS`` words ("tu", "puedes", "tómate") needs a formal variant
beside it (``es_formal`` in a definition or a safety point, ``key_formal`` in the word catalogue).
It runs over every shipped definition, the safety points and the catalogue; a word that is not
second person where it stands goes in ``NOT_TU`` with its reason. The lookups themselves (formal
first, then the plain text) are tested here too.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ihrp_desktop.core.forms import Text, load_library
from ihrp_desktop.core.paths import forms_dir
from ihrp_desktop.core.safety import safety_content
from ihrp_desktop.core.vocabulary import Register, in_register, pick, register_of
from ihrp_desktop.core.words import catalogue, word

# Second-person singular (tú) words: pronouns and possessives, then verb forms that only tú has
# (present, preterite and subjunctive in -s, enclitic imperatives). Add a verb when you write one.
TU_ONLY = frozenset({
    "tú", "tu", "tus", "te", "ti", "contigo", "tuyo", "tuya", "tuyos", "tuyas", "puedes", "quieres",
    "quieras", "tienes", "sientes", "sientas", "estás", "estés", "eres", "haces", "vas", "sabes",
    "usas", "uses", "llevas", "notaste", "probaste", "inhalaste", "hiciste", "seguiste", "consumas",
    "mezcles", "dejes", "pierdas", "digas", "practiques", "elijas", "podrías", "hicieras", "mantén",
    "mantente", "hazte", "ponla", "dila", "elígela", "anótalo", "anótala", "quédate", "tómate",
    "fíjate", "pregúntate", "cuídate",
})
# tú imperatives that read as third person (usted) too: a plain text holding one needs a formal
# variant, but a formal variant may hold them ("usted elige").
TU_IMPERATIVES = frozenset({
    "escribe", "elige", "nombra", "recorre", "anota", "busca", "imagina", "vuelve", "inhala",
    "exhala", "empieza", "haz", "analiza", "reduce", "limpia", "cambia", "espera", "duerme",
    "revisa", "restaura",
})
TU_MARKERS = TU_ONLY | TU_IMPERATIVES
# tú imperatives that are also a noun or a third person elsewhere ("la llama", "habla de"): a marker
# only where a sentence, a label or a clause starts ("Mira la cadena", "Llama a alguien").
OPENING_IMPERATIVES = frozenset({
    "mira", "llama", "habla", "piensa", "anota", "escribe", "elige", "intenta", "respira", "deja",
    "camina", "usa", "lleva", "guarda", "pide", "observa", "siente", "toma", "recuerda", "di", "pon",
    "ten", "ven", "ve", "sigue", "sal", "come", "bebe", "quédate", "apunta", "marca", "comparte",
})
_WORD = re.compile(r"\w+")
_OPENING = re.compile(r"(?:^|[.!?:;]\s+|[¿¡(\"“«]|\n\s*|[-•·]\s+)(\w+)")
# Words of TU_MARKERS that are not second person where they stand, by (where, word): the reason.
NOT_TU: dict[tuple[str, str], str] = {
    ("safety.toml injecting point 0 (discreet)", "limpia"): "an adjective: 'piel limpia' (clean skin)",
}
# Catalogue sections that speak to the therapist who owns the vault, not to the client: they follow
# the interface's register (tú, as the translated interface does), never a client's.
THERAPIST_SECTIONS = frozenset({"recovery", "vault", "failure"})


def tu_words(text: str, markers: frozenset[str] = TU_MARKERS) -> list[str]:
    """The tú markers ``text`` holds (whole words), and any opening imperative where a sentence
    starts (in a formal variant too: usted says "Mire", never "Mira")."""
    found = [low for token in _WORD.findall(text) if (low := token.lower()) in markers]
    return found + [low for token in _OPENING.findall(text) if (low := token.lower()) in OPENING_IMPERATIVES]


def _texts(obj: Any, where: str, clinician: bool = False) -> Iterator[tuple[str, Text]]:
    """Every Text inside a definition object, with a path; clinician-only parts speak to the therapist."""
    if isinstance(obj, Text):
        if not clinician:
            yield where, obj
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        clinician = clinician or getattr(obj, "audience", "shared") == "clinician"
        name = getattr(obj, "id", "")
        for f in dataclasses.fields(obj):
            yield from _texts(getattr(obj, f.name), f"{where}/{name}.{f.name}" if name else where, clinician)
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from _texts(item, where, clinician)
    elif isinstance(obj, Mapping):
        for key, item in obj.items():
            yield from _texts(item, f"{where}[{key}]", clinician)


def _flag(where: str, plain: str, formal: str | None) -> list[str]:
    markers = [w for w in tu_words(plain) if (where, w) not in NOT_TU]
    problems = []
    if markers and not formal:
        problems.append(f"{where}: {markers} in {plain!r} but no formal variant")
    if formal and (left := [w for w in tu_words(formal, TU_ONLY) if (where, w) not in NOT_TU]):
        problems.append(f"{where}: its formal variant still says {left}: {formal!r}")
    return problems


def definition_problems(definition_dir: Path) -> list[str]:
    library = load_library(definition_dir)
    assert library.errors == []
    problems: list[str] = []
    for form in library.forms.values():
        for where, text in _texts(form, form.id):
            problems += _flag(where, text.by_language.get("es", ""), text.by_language.get("es_formal"))
            discreet = text.discreet or {}
            if "es" in discreet:
                problems += _flag(f"{where} (discreet)", discreet["es"], discreet.get("es_formal"))
    return problems


def test_every_shipped_definition_has_a_formal_variant_where_it_says_tu() -> None:
    assert definition_problems(forms_dir()) == []


def test_every_safety_point_has_a_formal_variant_where_it_says_tu() -> None:
    problems: list[str] = []
    for block in safety_content().blocks:
        for n, point in enumerate(block.points):
            where = f"safety.toml {block.id} point {n}"
            problems += _flag(where, point.text.get("es", ""), point.text.get("es_formal"))
            discreet = point.discreet
            problems += _flag(f"{where} (discreet)", discreet.get("es", ""), discreet.get("es_formal"))
    assert problems == []


def test_every_client_facing_catalogue_word_has_a_formal_variant_where_it_says_tu() -> None:
    words = catalogue("es")
    problems: list[str] = []
    for key, text in words.items():
        if key.endswith("_formal") or key.split(".")[0] in THERAPIST_SECTIONS:
            continue
        problems += _flag(f"es.toml {key}", text, words.get(f"{key}_formal"))
    assert problems == []


def test_the_check_finds_an_opening_imperative_only_where_a_sentence_starts() -> None:
    assert tu_words("Mira la cadena hacia atrás.") == ["mira"]
    assert tu_words("Lo que noté. Llama a Marta.") == ["llama"]
    assert tu_words("¿Piensa en lo que pasó?") == ["piensa"]
    assert tu_words("Una llama pequeña; ella habla poco.") == []
    assert tu_words("Mire la cadena hacia atrás.") == []


def test_the_check_finds_tu_and_passes_usted() -> None:
    """The check itself can fail: a tú sentence is flagged, its usted form and plain third person are not."""
    said = tu_words("Tómate tu tiempo: puedes escribir lo que quieras.")
    assert said == ["tómate", "tu", "puedes", "quieras"]
    assert tu_words("Tómese su tiempo: puede escribir lo que quiera.") == []
    assert tu_words("Lo que ayudó, rápidamente y sin prisa; la persona sigue eligiendo.") == []


def test_a_new_tu_text_without_its_formal_variant_is_flagged(tmp_path: Path) -> None:
    """What the lead's merge relies on: a definition added in tú alone fails this check."""
    (tmp_path / "new.toml").write_text(
        'id = "new"\nversion = 1\ntitle = { en = "New", es = "Nueva" }\n'
        '[[section]]\nid = "s"\ntitle = { en = "S", es = "S" }\n'
        '  [[section.field]]\n  id = "a"\n  type = "text"\n'
        '  label = { en = "What you want", es = "Lo que quieres" }\n'
        '  [[section.field]]\n  id = "b"\n  type = "text"\n'
        '  label = { en = "Your word", es = "Tu palabra", es_formal = "Su palabra" }\n',
        encoding="utf-8",
    )
    problems = definition_problems(tmp_path)
    assert len(problems) == 1 and "quieres" in problems[0]


# -- the lookups: formal first, then the plain text, then English --------------------------------------

def test_a_formal_reader_gets_the_formal_text_and_falls_back_to_the_plain_one() -> None:
    formal = in_register("es", Register.FORMAL)
    assert formal == "es" and {formal: 1} == {"es": 1}  # stored, compared and keyed as plain Spanish
    assert register_of(formal) == Register.FORMAL and register_of("es") == Register.INFORMAL
    assert register_of(in_register("es", Register.INFORMAL)) == Register.INFORMAL
    texts = {"en": "Your word", "es": "Tu palabra", "es_formal": "Su palabra"}
    assert pick(texts, formal) == "Su palabra"
    assert pick(texts, "es") == "Tu palabra"
    assert pick({"en": "Date", "es": "Fecha"}, formal) == "Fecha"  # the same in both registers
    assert pick({"en": "Date"}, formal) == "Date"
    assert Text.of(en="Your word", es="Tu palabra", es_formal="Su palabra").get(formal) == "Su palabra"


def test_the_catalogue_gives_a_formal_reader_the_formal_word() -> None:
    formal = in_register("es", Register.FORMAL)
    assert word("page.card.more", "es") == "Más en tu plan"
    assert word("page.card.more", formal) == "Más en su plan"
    assert word("page.date", formal) == word("page.date", "es")  # no formal variant: the plain word


def test_every_formal_catalogue_word_sits_beside_its_plain_word() -> None:
    words = catalogue("es")
    orphans = [k for k in words if k.endswith("_formal") and k.removesuffix("_formal") not in words]
    assert orphans == []


def test_every_formal_definition_text_sits_beside_its_plain_text() -> None:
    """A definition's ``es_formal`` never stands alone: a reader of plain Spanish would get English."""
    lonely = []
    for path in sorted(forms_dir().glob("*.toml")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for table in re.findall(r"\{[^{}]*es_formal[^{}]*\}", line):
                if not re.search(r"\bes\s*=", table):
                    lonely.append(f"{path.name}:{line_no}")
    assert lonely == []
    raw = tomllib.loads((forms_dir() / "safety" / "safety.toml").read_text(encoding="utf-8"))
    for block in raw["block"]:
        for point in block["point"]:
            assert "es_formal" not in point or "es" in point


def test_a_blank_form_has_its_formal_variant_too() -> None:
    # A code review's case: the blank copy's form looked its language up by itself and missed es_formal.
    from ihrp_desktop.core.forms.model import Text
    from ihrp_desktop.core.vocabulary import Register, in_register

    text = Text({"en": "Write", "es": "Escribe"}, blank={"en": "", "es": "Anota", "es_formal": "Anote"})
    assert text.get_blank(in_register("es", Register.FORMAL)) == "Anote"
    assert text.get_blank("es") == "Anota"
    assert text.get_blank("en") == ""  # "" prints nothing, and is not the ordinary text
    assert Text({"en": "Write"}).get_blank("es") == "Write"
