"""Clients and their sessions (the repository part of ``Vault`` that knows about people and dates)."""

from __future__ import annotations

import datetime as dt
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from ..vocabulary import DEFAULT_LANGUAGE, DEFAULT_REGISTER, AuditAction, Language, Register, checked
from .audit import AuditTrail, append_event
from .errors import RecordNotFound
from .records import ClientInfo, SessionInfo
from .schema import Client, Session, utc_now

# Letters that carry their mark inside the letter itself, so Unicode decomposition cannot strip it.
_BASE_LETTERS = str.maketrans(
    {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def search_key(name: str) -> str:
    """The form a name is searched and sorted by: case and accents folded, for any script.

    ``Łucja Żółć`` -> ``lucja zolc``, ``ДМИТРИЙ`` -> ``дмитрии``, ``Ärger`` -> ``arger``; so a
    therapist finds ``Łódź`` by typing ``lodz`` or ``łódź``, and ``Ä`` sorts with ``A``, not after ``Z``.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.translate(_BASE_LETTERS))


# Bidi embeddings, overrides and isolates: they make a name show other letters than it holds
# ("...\u202eevil" shown as "...live"), on screen and in a terminal.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable_name(name: str) -> str:
    """``name`` without C0/C1 control characters (ESC, NUL, CR...) and bidi controls, so it cannot
    drive a terminal or reorder what a screen shows; whitespace controls become one space.
    Used by clean_name and by ``list`` for names stored before names were cleaned."""
    kept = "".join(
        (" " if c.isspace() else "")
        if unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS
        else c
        for c in name
    )
    return " ".join(kept.split())


def clean_name(name: str) -> str:
    """A client's name as the vault keeps it: control and bidi characters removed (printable_name),
    runs of spaces collapsed, never empty (add, rename and import use it)."""
    cleaned = printable_name(name)
    if not cleaned:
        raise ValueError("a client needs a name")
    return cleaned


def _check_language(language: str) -> str:
    return checked(language, Language, "language").value


def _check_register(register: str) -> str:
    return checked(register, Register, "register").value


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def client_info(c: Client) -> ClientInfo:
    return ClientInfo(c.id, c.name, c.language, c.archived, c.created_at, c.updated_at, c.register)


def get_client(session: OrmSession, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise RecordNotFound("client")
    return client


def session_infos(session: OrmSession, client_id: int) -> list[SessionInfo]:
    """All sessions of a client, oldest first, numbered 1..n."""
    rows = session.scalars(
        select(Session).where(Session.client_id == client_id).order_by(Session.date, Session.id)
    )
    return [SessionInfo(s.id, s.client_id, s.date, s.note, n) for n, s in enumerate(rows, start=1)]


def get_or_create_session(session: OrmSession, client_id: int, date: dt.date) -> int:
    """The id of the client's (first) session on ``date``, created if there is none."""
    found = session.scalars(
        select(Session.id)
        .where(Session.client_id == client_id, Session.date == date)
        .order_by(Session.id)
        .limit(1)
    ).first()
    if found is not None:
        return found
    get_client(session, client_id)
    new = Session(client_id=client_id, date=date, note="", created_at=utc_now())
    session.add(new)
    session.flush()
    return new.id


class Clients(AuditTrail):
    """Client and session methods of ``Vault``."""

    def add_client(self, name: str, language: str = DEFAULT_LANGUAGE,
                   register: str = DEFAULT_REGISTER) -> ClientInfo:
        """Add a client; records a 'created' audit event."""
        name = clean_name(name)
        now = utc_now()
        with self._write() as session:
            client = Client(
                name=name,
                name_key=search_key(name),
                language=_check_language(language),
                register=_check_register(register),
                archived=False,
                created_at=now,
                updated_at=now,
            )
            session.add(client)
            session.flush()
            append_event(session, AuditAction.CREATED, client_id=client.id, detail="client")
            return client_info(client)

    def _update_client(self, client_id: int, **changes: object) -> ClientInfo:
        with self._write() as session:
            client = get_client(session, client_id)
            for attr, value in changes.items():
                setattr(client, attr, value)
            client.updated_at = utc_now()
            return client_info(client)

    def rename_client(self, client_id: int, name: str) -> ClientInfo:
        """Change a client's name (the search key follows)."""
        name = clean_name(name)
        return self._update_client(client_id, name=name, name_key=search_key(name))

    def set_client_language(self, client_id: int, language: str, register: str | None = None) -> ClientInfo:
        """Change the language new worksheets of this client start in ('en' or 'es'), and with
        ``register`` how their Spanish addresses them, in one write (None keeps the register)."""
        if register is None:
            return self._update_client(client_id, language=_check_language(language))
        return self._update_client(client_id, language=_check_language(language),
                                   register=_check_register(register))

    def set_client_register(self, client_id: int, register: str) -> ClientInfo:
        """Change how this client's Spanish worksheets address them ('informal' tú, 'formal' usted)."""
        return self._update_client(client_id, register=_check_register(register))

    def archive_client(self, client_id: int, archived: bool = True) -> ClientInfo:
        """Hide a client from the everyday list (nothing is deleted); ``archived=False`` brings them back."""
        return self._update_client(client_id, archived=bool(archived))

    def clients(
        self, search: str = "", include_archived: bool = False, limit: int | None = None
    ) -> list[ClientInfo]:
        """Clients sorted by name, case- and accent-insensitively; ``search`` matches any part of the name."""
        query = select(Client)
        if not include_archived:
            query = query.where(Client.archived.is_(False))
        key = search_key(" ".join(search.split()))
        if key:
            query = query.where(Client.name_key.like(_like_pattern(key), escape="\\"))
        query = query.order_by(Client.name_key, Client.id)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as session:
            return [client_info(c) for c in session.scalars(query)]

    def client(self, client_id: int) -> ClientInfo:
        """One client; raises RecordNotFound."""
        with self._read() as session:
            return client_info(get_client(session, client_id))

    def client_count(self, include_archived: bool = False) -> int:
        """How many clients the vault holds."""
        query = select(func.count(Client.id))
        if not include_archived:
            query = query.where(Client.archived.is_(False))
        with self._read() as session:
            return int(session.scalar(query) or 0)

    def add_session(self, client_id: int, date: dt.date | None = None, note: str = "") -> SessionInfo:
        """Add a session on ``date`` (default: today, local calendar)."""
        date = date or dt.date.today()
        with self._write() as session:
            get_client(session, client_id)
            new = Session(client_id=client_id, date=date, note=note, created_at=utc_now())
            session.add(new)
            session.flush()
            return next(s for s in session_infos(session, client_id) if s.id == new.id)

    def set_session_note(self, session_id: int, note: str) -> SessionInfo:
        """Change a session's note."""
        with self._write() as session:
            row = session.get(Session, session_id)
            if row is None:
                raise RecordNotFound("session")
            row.note = note
            session.flush()
            return next(s for s in session_infos(session, row.client_id) if s.id == session_id)

    def today_session(self, client_id: int) -> SessionInfo:
        """Today's session of the client, created if there is none yet."""
        with self._write() as session:
            session_id = get_or_create_session(session, client_id, dt.date.today())
            return next(s for s in session_infos(session, client_id) if s.id == session_id)

    def sessions(self, client_id: int) -> list[SessionInfo]:
        """The client's sessions, newest first."""
        with self._read() as session:
            get_client(session, client_id)
            return session_infos(session, client_id)[::-1]

    def session(self, session_id: int) -> SessionInfo:
        """One session; raises RecordNotFound."""
        with self._read() as session:
            row = session.get(Session, session_id)
            if row is None:
                raise RecordNotFound("session")
            return next(s for s in session_infos(session, row.client_id) if s.id == session_id)
