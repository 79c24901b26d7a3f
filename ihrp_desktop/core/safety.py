"""Safety content chosen by what a plan is about, and the words a discreet copy never prints.

Both are data in ``forms/safety/``: ``safety.toml`` (blocks of points, each citing its public source,
and the keyword table that maps a plan's substances and routes to blocks) and ``discreet_words.toml``.
No Qt, no ReportLab: the printed section is built in ``core.pdf.safety_section``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .paths import forms_dir
from .vocabulary import pick

_WORD = re.compile(r"\w+")


def folded_words(text: str) -> list[str]:
    """``text`` as a list of words: case folded, accents removed (``Cárcel`` -> ``carcel``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(plain)


def safety_dir() -> Path:
    return forms_dir() / "safety"


# -- the discreet word list ------------------------------------------------------------------------

@cache
def discreet_words() -> tuple[tuple[str, ...], ...]:
    """Every listed word (both languages) as a tuple of folded words (multi-word entries have several)."""
    doc = tomllib.loads((safety_dir() / "discreet_words.toml").read_text(encoding="utf-8"))
    entries = {tuple(folded_words(w)) for lang in ("en", "es") for w in doc.get(lang, [])}
    return tuple(sorted(e for e in entries if e))


def _same(word: str, listed: str) -> bool:
    # A plural in -s or -es counts as the listed word ("drugs", "clínicas", "tratamientos").
    return word == listed or word in (listed + "s", listed + "es")


def listed_words_in(text: str) -> list[str]:
    """The listed words ``text`` holds (whole words, case and accents ignored), in the list's spelling."""
    words = folded_words(text)
    found: list[str] = []
    for entry in discreet_words():
        n = len(entry)
        for i in range(len(words) - n + 1):
            if all(_same(words[i + k], entry[k]) for k in range(n)):
                found.append(" ".join(entry))
                break
    return found


# -- safety blocks ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    text: Mapping[str, str]
    discreet: Mapping[str, str]
    card: bool = False

    def get(self, language: str, *, discreet: bool = False) -> str:
        return pick(self.discreet if discreet else self.text, language)


@dataclass(frozen=True)
class Block:
    id: str
    when: tuple[str, ...]
    title: Mapping[str, str]
    points: tuple[Point, ...]
    sources: tuple[str, ...]  # full citations
    checked: tuple[str, ...]  # the day each source was read ("" = not re-read), in the same order
    every: bool = False  # ``when_all``: printed only when every group is named (a combination's risk)


@dataclass(frozen=True)
class SafetyContent:
    keywords: Mapping[str, tuple[str, ...]]
    blocks: tuple[Block, ...]
    negations: tuple[tuple[str, ...], ...] = ()  # folded words ("don't" -> ("don", "t"))
    route_groups: frozenset[str] = frozenset()  # groups looked for in route answers; the rest in substances


class SafetyDataError(ValueError):
    """safety.toml is not as described at its top (names the file and the block)."""


def _read(path: Path) -> SafetyContent:
    doc: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    keywords = {group: tuple(words) for group, words in doc.get("keywords", {}).items()}
    match = doc.get("match", {})
    substance, route = set(match.get("substance", [])), set(match.get("route", []))
    if substance & route or substance | route != set(keywords):
        raise SafetyDataError(f"{path.name}, [match]: every [keywords] group is in exactly one of substance "
                              f"and route (both: {sorted(substance & route)}, "
                              f"neither: {sorted(set(keywords) - substance - route)})")
    sources: dict[str, dict[str, str]] = doc.get("sources", {})
    for sid, src in sources.items():
        if not isinstance(src, dict) or not src.get("cite") or "checked" not in src:
            raise SafetyDataError(f"{path.name}, source '{sid}': needs cite and checked (\"\" = not re-read)")
    blocks = []
    for table in doc.get("block", []):
        where = f"{path.name}, block '{table.get('id', '?')}'"
        unknown = [s for s in table.get("source", []) if s not in sources]
        if unknown or not table.get("source"):
            raise SafetyDataError(f"{where}: every block names a source from [sources] ({unknown})")
        points = []
        for p in table.get("point", []):
            discreet = p.get("discreet", {})
            bad = [w for lang in ("en", "es", "es_formal") for w in listed_words_in(discreet.get(lang, ""))]
            if not discreet.get("en") or not discreet.get("es") or bad:
                raise SafetyDataError(f"{where}: every point needs a discreet form in en and es without "
                                      f"listed words (found: {', '.join(bad) or 'none'})")
            texts = {lang: p[lang] for lang in ("en", "es", "es_formal") if lang in p}  # formal beside es
            points.append(Point(texts, discreet, bool(p.get("card", False))))
        if "checked" in table:
            raise SafetyDataError(f"{where}: 'checked' belongs to each source, not to the block")
        every = "when_all" in table
        when = table["when_all"] if every else table["when"]
        for group in when:
            if group != "any" and group not in keywords:
                raise SafetyDataError(f"{where}: 'when' names '{group}', which [keywords] does not have")
        blocks.append(Block(table["id"], tuple(when), table["title"], tuple(points),
                            tuple(sources[s]["cite"] for s in table["source"]),
                            tuple(str(sources[s]["checked"]) for s in table["source"]), every))
    said = doc.get("negations", {})
    negations = {tuple(folded_words(w)) for lang in ("en", "es") for w in said.get(lang, [])}
    return SafetyContent(keywords, tuple(blocks), tuple(sorted(n for n in negations if n)), frozenset(route))


@cache
def safety_content() -> SafetyContent:
    """The shipped safety blocks and keyword table."""
    return _read(safety_dir() / "safety.toml")


def _negated(words: list[str], i: int, negations: Iterable[tuple[str, ...]]) -> bool:
    """True when the words just before ``words[i]`` are a negation ("never injected", "sin alcohol")."""
    return any(i >= len(n) and tuple(words[i - len(n):i]) == n for n in negations)


def groups_for(substances: Iterable[str], routes: Iterable[str]) -> set[str]:
    """The keyword groups a plan's substance and route answers name.

    A keyword matches a whole word or its plural; one of 5 letters or more also a word's start
    ("benzo" matches "benzodiazepines", "gin" does not match "ginger"), unless written with a leading
    "=" (whole word only: "=tranq" does not match "tranquilizante"). A keyword right after a
    negation word of ``[negations]`` does not count ("never injected", "no alcohol"); only the word
    right before is looked at, so "no alcohol or benzos" still counts "benzos".

    Route groups (safety.toml's ``[match] route``: "injecting") are looked for in the route answers
    only; substance groups in the substance answers only ("drinking it" as a route is not alcohol).
    """
    content = safety_content()
    substance_texts = [folded_words(t) for t in substances]
    route_texts = [folded_words(t) for t in routes]
    found: set[str] = set()
    for group, keys in content.keywords.items():
        texts = route_texts if group in content.route_groups else substance_texts
        folded = [(k, key.startswith("=")) for k, key in
                  ((tuple(folded_words(key)), key) for key in keys) if k]
        if any(
            _keyword_at(words, i, k, whole) and not _negated(words, i, content.negations)
            for words in texts for i in range(len(words)) for k, whole in folded
        ):
            found.add(group)
    return found


def _keyword_at(words: list[str], i: int, key: tuple[str, ...], whole: bool) -> bool:
    """Whether ``key`` (one word or several: "purple drank", "shooting up") starts at ``words[i]``:
    each word whole or its plural, the last one of 5 letters or more also a word's start."""
    if i + len(key) > len(words):
        return False
    *head, last = key
    if not all(_same(words[i + k], word) for k, word in enumerate(head)):
        return False
    w = words[i + len(head)]
    return _same(w, last) or (not whole and len(last) >= 5 and w.startswith(last))


def blocks_for(substances: Iterable[str], routes: Iterable[str]) -> list[Block]:
    """The blocks to print for these answers, in the file's order; the "any" block always."""
    groups = groups_for(substances, routes) | {"any"}
    return [b for b in safety_content().blocks
            if (groups.issuperset(b.when) if b.every else groups.intersection(b.when))]
