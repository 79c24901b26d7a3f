"""Export documents as older versions of the program wrote them, for import tests."""

from __future__ import annotations

from typing import Any


def as_version_1(doc: dict[str, Any]) -> None:
    """``doc`` as format version 1 wrote it: no uids (nothing in it can be recognised on import)."""
    doc["version"] = 1
    for c in doc["clients"]:
        c.pop("uid")
        for s in c["sessions"]:
            s.pop("uid")
            for w in s["worksheets"]:
                w.pop("uid")
                w.pop("previous_uid")
