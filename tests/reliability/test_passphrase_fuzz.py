"""7. Passphrase fuzz: quotes, backslashes, ``@:/%``, any NUL-free Unicode, up to 1 KB, through create,
open and change (core API, and the command line for those without line breaks)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.cli import EXIT_OK
from ihrp_desktop.core.vault import KdfParams, Vault, WrongPassphrase, unlock_key
from tests.cli_run import run_cli

PUNCTUATION = "'\"`\\@:/%?#&;=+$,![]{}()<>|^~*x'00'%s%d%%20 \t"


def _code_point(rng: Any) -> str:
    while True:
        cp = rng.choice(
            [
                rng.randrange(1, 0x80),
                rng.randrange(0x80, 0x800),
                rng.randrange(0x800, 0x10000),
                rng.randrange(0x10000, 0x110000),
            ]
        )
        if not 0xD800 <= cp <= 0xDFFF:  # lone surrogates are not text (no keyboard or encoding makes them)
            return chr(cp)


def fuzz_passphrase(rng: Any) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        text = "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 40)))
    elif kind == 1:
        text = "".join(_code_point(rng) for _ in range(rng.randint(1, 60)))
    elif kind == 2:  # 1 KB
        text = "".join(rng.choice(PUNCTUATION + "aąЖ🔐漢") for _ in range(1024))
    elif kind == 3:
        text = f"pa'ss\\\\wo\"rd@host:/path%20{_code_point(rng)}" + "".join(
            _code_point(rng) for _ in range(rng.randint(0, 8))
        )
    else:
        text = "".join(
            rng.choice(
                ["\r", "\n", " ", "\u00a0", "\u200b", "\u202e", "e\u0301", "\U0001f469\u200d\U0001f4bb"]
            )
            for _ in range(rng.randint(1, 20))
        )
    assert "\0" not in text
    return text or "x"


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str) -> int:
    return run_cli(capsys, monkeypatch, *args, stdin=stdin)[0]


def test_any_passphrase_round_trips(
    rel: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = rel.count("passphrase_fuzz")
    through_cli = 0
    for n in range(cases):
        first, second = fuzz_passphrase(rel.rng), fuzz_passphrase(rel.rng)
        context = f"case {n}: {first[:30]!r} -> {second[:30]!r}" + rel.where()
        folder = tmp_path / f"v{n}"
        with Vault.create(folder, first, kdf=KdfParams.fast()) as v:
            v.add_client("Ana")
        with Vault.open(folder, first) as v:
            assert v.clients()[0].name == "Ana", context
        Vault.change_passphrase(folder, first, second, kdf=KdfParams.fast())
        with Vault.open(folder, second) as v:
            assert v.clients()[0].name == "Ana", context
        if unicodedata.normalize("NFC", first) != unicodedata.normalize("NFC", second):
            with pytest.raises(WrongPassphrase):
                unlock_key(folder, first)
        lines_ok = not any(c in s for s in (first, second) for c in "\r\n") and second.strip()
        if lines_ok and n % 3 == 0:
            # passwd refuses a passphrase that is easy to guess: the odd characters, then enough words.
            third = second[::-1] + "! quiet harbour at dawn 7"
            vault = ["--vault", str(folder), "--passphrase-stdin"]
            assert _cli(monkeypatch, capsys, second + "\n", "list", *vault) == EXIT_OK, context
            assert _cli(monkeypatch, capsys, f"{second}\n{third}\n", "passwd", *vault) == EXIT_OK, context
            assert _cli(monkeypatch, capsys, third + "\n", "list", *vault) == EXIT_OK, context
            through_cli += 1
    rel.figures(cases=cases, round_trips_ok=cases, through_cli=through_cli)
