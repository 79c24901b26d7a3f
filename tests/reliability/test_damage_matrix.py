"""5. Damage matrix: every kind of damage gets its own plain-words message, the files are never modified,
``verify`` names the damaged part, and the unlock screen offers the latest backup."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.cli import EXIT_DAMAGED, EXIT_WRONG_PASSPHRASE, main
from ihrp_desktop.core import backups
from ihrp_desktop.core.vault import DamagedVault, NotAVault, Vault, VaultError, WrongPassphrase, verify
from tests.vault_files import plain_sqlite

PAGE = 4096


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 1 << (offset % 8)
    path.write_bytes(bytes(data))


def _key_material_offset(path: Path, rng: Any) -> int:
    """An offset inside the base64 text of the wrapped data key (not the JSON around it)."""
    text = path.read_bytes()
    value = json.loads(text)["wraps"][0]["wrapped_key"].encode()
    start = text.index(value)
    return start + rng.randrange(len(value))


# name -> (damage(folder, rng, foreign_vault), expected error, words verify must use)
Damage = Callable[[Path, Any, Path], None]
FIXED: dict[str, tuple[Damage, type[VaultError], str]] = {
    "vault.db cut off mid-page": (
        lambda d, r, f: (d / "vault.db").write_bytes((d / "vault.db").read_bytes()[: 3 * PAGE + 1234]),
        DamagedVault,
        "cut off",
    ),
    "vault.db cut off at a page boundary": (
        lambda d, r, f: (d / "vault.db").write_bytes((d / "vault.db").read_bytes()[: 3 * PAGE]),
        DamagedVault,
        "vault.db",
    ),
    "vault.db empty": (lambda d, r, f: (d / "vault.db").write_bytes(b""), DamagedVault, "empty"),
    "vault.db random bytes": (
        lambda d, r, f: (d / "vault.db").write_bytes(os.urandom((d / "vault.db").stat().st_size)),
        DamagedVault,
        "vault.db",
    ),
    "vault.db a plain SQLite file": (lambda d, r, f: plain_sqlite(d / "vault.db"), NotAVault, "unencrypted"),
    "vault.db missing": (lambda d, r, f: (d / "vault.db").unlink(), DamagedVault, "vault.db"),
    "vault.key missing": (lambda d, r, f: (d / "vault.key").unlink(), DamagedVault, "vault.key"),
    "vault.key random bytes": (
        lambda d, r, f: (d / "vault.key").write_bytes(os.urandom(600)),
        DamagedVault,
        "vault.key",
    ),
    "vault.key from another vault (same passphrase)": (
        lambda d, r, f: shutil.copyfile(f / "vault.key", d / "vault.key"),
        DamagedVault,
        "another vault",
    ),
}
RANDOM: dict[str, tuple[Damage, type[VaultError], str]] = {
    "byte flipped in the file header of vault.db": (
        lambda d, r, f: _flip(d / "vault.db", r.randrange(16)),
        DamagedVault,
        "vault.db",
    ),
    "byte flipped in page 1 of vault.db": (
        lambda d, r, f: _flip(d / "vault.db", r.randrange(16, PAGE)),
        DamagedVault,
        "vault.db",
    ),
    "byte flipped in a middle page of vault.db": (
        lambda d, r, f: _flip(d / "vault.db", r.randrange(2 * PAGE, (d / "vault.db").stat().st_size - PAGE)),
        DamagedVault,
        "page",
    ),
    "byte flipped in the key material of vault.key": (
        lambda d, r, f: _flip(d / "vault.key", _key_material_offset(d / "vault.key", r)),
        DamagedVault,
        "vault.key",
    ),
}


def _cases(rel: Any) -> list[tuple[str, Damage, type[VaultError], str]]:
    cases = [(name, *spec) for name, spec in FIXED.items()]
    for name, spec in RANDOM.items():
        cases += [(f"{name} #{i}", *spec) for i in range(rel.count("damage_offsets"))]
    return cases


@pytest.fixture
def template(tmp_path: Path, rel: Any) -> tuple[Path, Path]:
    """A closed vault with many pages of content, and another vault with the same passphrase."""
    folder = tmp_path / "template"
    with rel.make_vault(folder) as v:
        for i in range(6):
            c = v.add_client(f"Client {i}")
            v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": f"goal {i} " * 2500})
        backups.make_backup(v)  # the automatic backup the unlock screen offers
    assert (folder / "vault.db").stat().st_size >= 20 * PAGE
    foreign = tmp_path / "foreign"
    rel.make_vault(foreign).close()
    return folder, foreign


def test_each_damage_has_its_own_message_and_nothing_is_changed(
    rel: Any,
    tmp_path: Path,
    template: tuple[Path, Path],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ihrp_desktop.app.background import BackgroundRunner, InlineRunner
    from ihrp_desktop.app.main_window import MainWindow
    from ihrp_desktop.app.settings import AppSettings
    from ihrp_desktop.core.forms import default_library

    library = default_library()

    source, foreign = template
    outcome: dict[str, int] = {}
    messages: dict[type, set[str]] = {}
    for n, (name, damage, expected, words) in enumerate(_cases(rel)):
        folder = tmp_path / f"case{n}"
        shutil.copytree(source, folder)
        shutil.copytree(backups.backups_dir(source), backups.backups_dir(folder))
        damage(folder, rel.rng, foreign)
        before = rel.snapshot(folder)
        context = f"{name}" + rel.where()

        with pytest.raises(VaultError) as caught:
            Vault.open(folder, rel.passphrase)
        error = caught.value
        assert type(error) is expected, f"{context}: {type(error).__name__}: {error.message}"
        assert error.message and "Traceback" not in error.message
        messages.setdefault(type(error), set()).add(error.message.split(".")[0])

        if expected is not NotAVault or (folder / "vault.key").exists():
            report = verify(folder, rel.passphrase)
            assert not report.ok, context
            assert any(words in p for p in report.problems), f"{context}: {report.problems}"
            if "middle page" in name:
                assert any("page" in p and "tamper" in p for p in report.problems), context

        monkeypatch.setattr(sys, "stdin", io.StringIO(rel.passphrase + "\n"))
        code = main(["verify", "--vault", str(folder), "--passphrase-stdin"])
        out, err = capsys.readouterr()
        assert code == EXIT_DAMAGED, f"{context}: exit {code}: {err}"
        if expected is DamagedVault:
            assert "PROBLEM:" in out, context

        # The real window: it opens without the whole-file check, checks the pages on its writer
        # right after, and on damage closes the vault untouched and offers the latest backup.
        window = MainWindow(folder, library, AppSettings(), InlineRunner(), BackgroundRunner(serial=True))
        qtbot.addWidget(window)
        screen = window.unlock_screen
        screen.passphrase.setText(rel.passphrase)
        screen.try_unlock()

        def offered(window: Any = window, screen: Any = screen) -> bool:
            return window.vault is None and not screen.backup_button.isHidden()

        qtbot.waitUntil(offered, timeout=20_000)
        window.writer.wait()
        assert "not changed" in screen.message.text(), context

        if n == 0:  # taking the offer: the latest backup is restored beside, the damaged files stay
            _, restored = backups.restore_latest(folder, rel.passphrase)
            with Vault.open(restored, rel.passphrase) as v:
                assert len(v.clients()) == 6
                assert v.audit_events()[-1].action == "restored"
        assert rel.snapshot(folder) == before, f"{context}: the damaged files were modified"
        outcome[name.split(" #")[0]] = outcome.get(name.split(" #")[0], 0) + 1
        shutil.rmtree(folder)

    # Wrong passphrase, damaged and not-a-vault read differently.
    wrong = WrongPassphrase().message.split(".")[0]
    assert all(wrong not in m for kind in (DamagedVault, NotAVault) for m in messages.get(kind, ()))
    assert not (messages[DamagedVault] & messages[NotAVault])
    # A foreign key file with another passphrase cannot be told from a wrong passphrase (by design).
    folder = tmp_path / "other-pass"
    shutil.copytree(source, folder)
    other = tmp_path / "other"
    rel.make_vault(other, "another passphrase").close()
    shutil.copyfile(other / "vault.key", folder / "vault.key")
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, rel.passphrase)
    monkeypatch.setattr(sys, "stdin", io.StringIO(rel.passphrase + "\n"))
    assert main(["verify", "--vault", str(folder), "--passphrase-stdin"]) == EXIT_WRONG_PASSPHRASE
    rel.figures(cases=sum(outcome.values()), by_kind=outcome, files_modified=0)
