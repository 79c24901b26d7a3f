"""Benchmark vaults: the demo vault (small case) and a generated large vault (a decade of a busy practice).

The large vault holds 1,000 clients, 20,000 sessions and 100,000 worksheets whose answers are shaped like
the demo worksheets (same fields, same list lengths, text of similar length, in English, Spanish, Polish
and Russian), each with 1 to 4 saved revisions as autosave leaves them, plan chains for the Optimal Use
Plan, and an audit trail (a valid hash chain). It is written in bulk, in one transaction per table, on
the vault's own keyed connection, so generating takes about a minute instead of hours.

Both vaults are cached in ``bench/.cache/<name>-g<GENERATOR_VERSION>/`` and reused while the generator
version is unchanged.

    .venv/bin/python -m bench.generate            # build (or reuse) both vaults and print their facts
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ihrp_desktop.core.demo import DEMO_CLIENTS, load_demo
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.values import normalize
from ihrp_desktop.core.vault import Vault
from ihrp_desktop.core.vault.audit import GENESIS, event_hash
from ihrp_desktop.core.vault.clients import search_key

GENERATOR_VERSION = 1
CACHE = Path(__file__).resolve().parent / ".cache"
PASSPHRASE = "bench passphrase"
DEMO_PASSPHRASE = "demo"

CLIENTS = 1_000
SESSIONS = 20_000
WORKSHEETS = 100_000
YEARS = 10
SEED = 20250101

def _words(text: str) -> list[str]:
    return text.split()


FIRST = {
    "en": _words(
        "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard "
    "Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra "
    "Donald Ashley Steven Kimberly Andrew Emily Kenneth Donna Joshua Michelle Kevin Carol Brian Amanda"),
    "es": _words(
        "María José Juan Guadalupe Luis Carmen Ángel Sofía Jesús Lucía Miguel Valentina Jorge Ximena "
    "Alejandro Camila Andrés Mariana Diego Daniela Fernando Gabriela Raúl Paola Íñigo Begoña"),
    "pl": _words(
        "Agnieszka Łukasz Małgorzata Paweł Katarzyna Michał Joanna Krzysztof Żaneta Grzegorz Ewa "
    "Wojciech Zofia Jędrzej Halina Bartłomiej"),
    "ru": _words(
        "Аркадий Мария Дмитрий Ольга Сергей Наталья Алексей Елена Юрий Татьяна Иван Светлана"),
}
LAST = {
    "en": _words(
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker "
    "Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins"),
    "es": _words(
        "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera "
    "Gómez Díaz Reyes Cruz Morales Ortiz Gutiérrez Chávez Ramos Núñez Quintana Ibarra Peña"),
    "pl": _words(
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
    "Dąbrowski Kozłowski Wróbel Łęcka Żółć"),
    "ru": _words(
        "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Вересов"),
}
WORDS = {
    "en": _words(
        "I my the a to and after work when feel want try plan wine beer pills weekend evening morning "
    "friend partner sleep money anxious calm walk call text mother job tired better worse each time "
    "night week day use less more first hour talk notice urge wait drink home alone with without safer "
    "dose test strips naloxone keep carry pace water eat dinner before bed late early phone"),
    "es": _words(
        "yo mi el la de y después trabajo cuando siento quiero probar plan vino cerveza fin semana noche "
    "mañana amigo pareja dormir dinero ansiosa tranquila caminar llamar madre cansada mejor peor cada vez "
    "hora hablar noto ganas esperar beber casa sola con sin dosis agua cenar antes tarde temprano"),
    "pl": _words(
        "ja mój po pracy kiedy czuję chcę spróbować plan wino piwo weekend wieczór rano przyjaciel "
    "partner sen pieniądze niepokój spokój spacer telefon zmęczona lepiej gorzej każdy raz noc"),
    "ru": _words(
        "я мой после работы когда чувствую хочу попробовать план вино пиво выходные вечер утро друг "
    "сон деньги тревога спокойно прогулка звонок мама устал лучше хуже каждый раз ночь неделя"),
}
LANG_WEIGHTS = (("en", 0.55), ("es", 0.3), ("pl", 0.1), ("ru", 0.05))
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _dumps(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, allow_nan=False)


def _templates() -> dict[str, list[dict[str, Any]]]:
    """The demo worksheets' answers by form id, in their form's shape."""
    library = default_library()
    out: dict[str, list[dict[str, Any]]] = {}
    for client in DEMO_CLIENTS:
        for session in client.sessions:
            for sheet in session.worksheets:
                form = library.get(sheet.form_id)
                out.setdefault(form.id, []).append(normalize(form, sheet.values))
    return out


def _sentence(rng: random.Random, lang: str, length: int) -> str:
    words = WORDS[lang]
    parts: list[str] = []
    size = 0
    while size < length:
        w = rng.choice(words)
        parts.append(w)
        size += len(w) + 1
    text = " ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _vary(value: Any, rng: random.Random, lang: str, day: dt.date) -> Any:
    """A new answer of the same shape and about the same length as ``value``."""
    if isinstance(value, dict):
        return {k: _vary(v, rng, lang, day) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, rng, lang, day) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return max(0, min(10, value + rng.randint(-2, 2)))
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            return (day + dt.timedelta(days=rng.randint(0, 30))).isoformat()
        if " " not in value.strip() and len(value) < 20:
            return value  # an option key, a substance, a number: keep
        return _sentence(rng, lang, max(8, int(len(value) * rng.uniform(0.5, 1.5))))
    return value


def _partial(final: Any, fraction: float) -> Any:
    """What the answers looked like part-way through filling them in (text cut, later fields empty)."""
    if isinstance(final, dict):
        return {k: _partial(v, fraction) for k, v in final.items()}
    if isinstance(final, list):
        return [_partial(v, fraction) for v in final[: max(0, int(len(final) * fraction + 0.5))]]
    if isinstance(final, str) and " " in final:
        return final[: int(len(final) * fraction)]
    return final


def _split(total: int, parts: int, rng: random.Random, low: float = 0.2) -> list[int]:
    """``total`` spread over ``parts`` uneven shares (each >= 1), summing exactly to ``total``."""
    weights = [rng.uniform(low, 1.8) for _ in range(parts)]
    scale = (total - parts) / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def _rows(rng: random.Random) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every row of the large vault as (table, values), in insertion order."""
    library = default_library()
    templates = _templates()
    forms = {fid: library.get(fid) for fid in templates}
    form_ids = sorted(templates)
    empty = {fid: _dumps(normalize(forms[fid], {})) for fid in form_ids}
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=365 * YEARS)
    span = 365 * YEARS * 86400
    sessions_per_client = _split(SESSIONS, CLIENTS, rng)
    sheets_per_session = _split(WORKSHEETS, SESSIONS, rng, low=0.1)
    # One client with exactly 100 worksheets in 20 sessions: "open a client with 100 worksheets".
    sessions_per_client[0] = 20
    extra = sum(sessions_per_client) - SESSIONS
    for i in range(1, CLIENTS):
        if extra == 0:
            break
        take = min(extra, sessions_per_client[i] - 1)
        sessions_per_client[i] -= take
        extra -= take
    diff = sum(sheets_per_session[:20]) - 100
    sheets_per_session[:20] = [5] * 20
    sheets_per_session[20] += diff
    audit: list[tuple[dt.datetime, str, int | None, int | None, str]] = []
    session_id = worksheet_id = revision_id = 0
    seen_names: set[str] = set()
    for client_index in range(CLIENTS):
        client_id = client_index + 1
        lang = rng.choices([x for x, _ in LANG_WEIGHTS], [w for _, w in LANG_WEIGHTS])[0]
        while True:
            name = f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"
            if rng.random() < 0.3:
                name += f" {rng.choice(LAST[lang])}"
            if name not in seen_names:
                seen_names.add(name)
                break
        store_lang = "es" if lang == "es" else "en"
        n_sessions = sessions_per_client[client_index]
        first_day = start + dt.timedelta(seconds=rng.randrange(int(span * 0.8)))
        created = first_day
        archived = 1 if rng.random() < 0.25 and first_day < start + dt.timedelta(days=365 * 6) else 0
        stamp = _iso(created)
        yield "clients", (client_id, name, search_key(name), store_lang, archived, stamp, stamp)
        audit.append((created, "created", client_id, None, "client"))
        days = sorted(rng.uniform(0, (start + dt.timedelta(seconds=span) - first_day).days)
                      for _ in range(n_sessions))
        last_plan: int | None = None
        for day_offset in days:
            session_id += 1
            moment = first_day + dt.timedelta(days=day_offset)
            note = _sentence(rng, lang, rng.randint(20, 160)) if rng.random() < 0.6 else ""
            yield "sessions", (session_id, client_id, moment.date().isoformat(), note, _iso(moment))
            for _ in range(sheets_per_session[session_id - 1]):
                worksheet_id += 1
                form_id = rng.choice(form_ids)
                final = _vary(rng.choice(templates[form_id]), rng, lang, moment.date())
                fill = 1.0 if rng.random() < 0.6 else rng.uniform(0.3, 0.9)
                if fill < 1.0:
                    final = _partial(final, fill)
                at = moment + dt.timedelta(minutes=rng.randint(1, 50))
                previous = last_plan if forms[form_id].revisable and last_plan is not None else None
                text = _dumps(final)
                n_revisions = rng.choice((1, 2, 2, 3, 3, 4))
                updated = at + dt.timedelta(seconds=40 * n_revisions)
                yield "worksheets", (
                    worksheet_id, client_id, session_id, form_id, forms[form_id].version,
                    "reviewed" if rng.random() < 0.7 else "draft",
                    rng.choice(("together", "together", "client", "therapist")), store_lang,
                    _iso(at), _iso(updated), previous, text,
                )
                if forms[form_id].revisable:
                    last_plan = worksheet_id
                audit.append((at, "created", client_id, worksheet_id, f"worksheet {form_id}"))
                for number in range(1, n_revisions + 1):
                    revision_id += 1
                    if number == n_revisions:
                        rev_text = text
                    elif number == 1:
                        rev_text = empty[form_id]
                    else:
                        rev_text = _dumps(_partial(final, number / n_revisions))
                    yield "revisions", (revision_id, worksheet_id, number,
                                        _iso(at + dt.timedelta(seconds=40 * number)), rev_text)
                if rng.random() < 0.3:
                    audit.append((updated, "printed", client_id, worksheet_id, "take-home copy"))
    for day in range(0, 365 * YEARS, 2):  # an unlock on most working days
        audit.append((start + dt.timedelta(days=day, hours=8), "unlocked", None, None, ""))
    audit.sort(key=lambda e: e[0])
    prev = GENESIS
    for event_id, (at, action, client_id, ws_id, detail) in enumerate(audit, start=1):
        at_text = _iso(at)
        digest = event_hash(prev, event_id, at_text, action, client_id, ws_id, detail)
        yield "audit_events", (event_id, at_text, action, client_id, ws_id, detail, prev, digest)
        prev = digest


INSERTS = {
    "clients": "INSERT INTO clients (id, name, name_key, language, archived, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "sessions": "INSERT INTO sessions (id, client_id, date, note, created_at) VALUES (?, ?, ?, ?, ?)",
    "worksheets": "INSERT INTO worksheets (id, client_id, session_id, form_id, form_version, status, "
    "filled_by, language, created_at, updated_at, previous_id, values_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "revisions": "INSERT INTO revisions (id, worksheet_id, number, saved_at, values_json) "
    "VALUES (?, ?, ?, ?, ?)",
    "audit_events": "INSERT INTO audit_events (id, at, action, client_id, worksheet_id, detail, prev_hash, "
    "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
}


def _fill_large(vault: Vault) -> None:
    rng = random.Random(SEED)
    raw = vault._live_engine().raw_connection()  # the vault's own keyed, configured connection
    try:
        cur = raw.cursor()
        cur.execute("DELETE FROM audit_events")  # the chain is rebuilt in order, 'created' included
        batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in INSERTS}
        cur.execute("PRAGMA secure_delete = OFF")  # nothing freed to overwrite while bulk loading
        cur.execute("BEGIN IMMEDIATE")
        pending = 0

        def flush() -> None:
            for table, rows in batch.items():  # parents before children: foreign keys stay on
                if rows:
                    cur.executemany(INSERTS[table], rows)
                    rows.clear()

        for table, row in _rows(rng):
            batch[table].append(row)
            pending += 1
            if pending >= 20000:
                flush()
                pending = 0
        flush()
        cur.execute("COMMIT")
        cur.execute("PRAGMA secure_delete = ON")
        cur.execute("ANALYZE")
    finally:
        raw.close()


def _cached(name: str) -> Path:
    return CACHE / f"{name}-g{GENERATOR_VERSION}" / "vault"


def _build(name: str, builder: Any, *, fresh: bool = False) -> Path:
    path = _cached(name)
    if (path.parent / "done").exists() and not fresh:
        return path
    if path.parent.exists():
        shutil.rmtree(path.parent)
    path.parent.mkdir(parents=True)
    began = time.perf_counter()
    builder(path)
    (path.parent / "done").write_text(f"built in {time.perf_counter() - began:.1f} s\n")
    return path


def demo_vault() -> Path:
    """The demo vault (the small case), as ``ihrp-desktop --demo`` makes it; passphrase DEMO_PASSPHRASE."""

    def build(path: Path) -> None:
        with Vault.create(path, DEMO_PASSPHRASE) as vault:
            load_demo(vault, default_library())

    # Made afresh on every run: the typing sessions save into it, and the small case must stay the
    # demo's size (it had grown from 50 to 171 kB of text over a day of runs). The large vault
    # gains a few kB a run, nothing beside its 553 MB.
    return _build("demo", build, fresh=True)


def large_vault() -> Path:
    """The large vault (1,000 clients, 20,000 sessions, 100,000 worksheets); passphrase PASSPHRASE."""

    def build(path: Path) -> None:
        with Vault.create(path, PASSPHRASE) as vault:
            _fill_large(vault)

    return _build("large", build)


def bench_client(vault: Vault, worksheets: int = 100) -> int:
    """The first client with exactly ``worksheets`` worksheets (in a small vault: the one with the most)."""
    from sqlalchemy import text

    with vault._read() as session:
        rows = session.execute(
            text("SELECT client_id, count(*) AS n FROM worksheets GROUP BY client_id ORDER BY client_id")
        ).all()
    for client_id, n in rows:
        if n == worksheets:
            return int(client_id)
    return int(max(rows, key=lambda r: r[1])[0])


def main() -> int:
    for name, make in (("demo", demo_vault), ("large", large_vault)):
        began = time.perf_counter()
        path = make()
        size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
        print(f"{name}: {path} ({size / 1e6:.1f} MB, ready in {time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
