"""Argon2id settings of a key file's wraps: today's default, the tests' fast ones, the limits, derivation."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

_KEY_BYTES = 32  # a data key, and a wrapping key


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost settings; stored in the key file so they can be raised later."""

    memory_kib: int
    iterations: int
    lanes: int

    @staticmethod
    def default() -> KdfParams:
        """192 MiB, 3 passes, 4 lanes (RFC 9106 suggests >= 64 MiB; its time: docs/performance.md)."""
        return KdfParams(memory_kib=192 * 1024, iterations=3, lanes=4)

    @staticmethod
    def fast() -> KdfParams:
        """Tiny costs for tests only: never use for a real vault."""
        return KdfParams(memory_kib=8, iterations=1, lanes=1)

    def check(self) -> None:
        """Refuse settings outside the floor and ceiling of ``core.kdf_limits`` (ValueError, plain words)."""
        from .. import kdf_limits

        problem = kdf_limits.problem(self.memory_kib, self.iterations, self.lanes)
        if problem is not None:
            raise ValueError(problem)

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        """The 32-byte wrapping key for ``secret`` (the slow part of unlocking)."""
        return Argon2id(
            salt=salt,
            length=_KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(secret)
