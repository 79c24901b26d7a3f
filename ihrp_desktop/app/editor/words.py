"""The editor's own words (buttons, hints) in the worksheet's language.

Worksheet text comes from the definitions; the few words the editor adds around them live in the
one catalogue, ``core/words`` (section ``editor``).
"""

from __future__ import annotations

from ...core.words import section

word = section("editor")
