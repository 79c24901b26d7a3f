"""What to print (the copy, the language, discretion) and the worksheet's header data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..practice import Paper as Paper  # re-exported: the paper sizes are the practice profile's
from ..practice import Practice

Copy = Literal["take-home", "clinician", "blank"]

COPIES: tuple[Copy, ...] = ("take-home", "clinician", "blank")
PAPERS: tuple[Paper, ...] = ("letter", "a4")

#: Said by the command line (usage error) and shown by the print dialog's disabled discreet box
#: when a copy that cannot be discreet is chosen (tests/cli/test_print_options.py).
DISCREET_ONLY_TAKE_HOME = ("Discreet applies to the take-home copy and the pocket card; "
                           "the clinician copy and the blank worksheet are never discreet.")


@dataclass(frozen=True)
class PrintOptions:
    """Which copy to print and how.

    ``discreet`` only changes a take-home copy: a neutral title ("My plan"), no client name, no
    clinic or substance words in headers, footers or file metadata.
    """

    copy: Copy = "take-home"
    language: str = "en"
    discreet: bool = False
    paper: Paper = "letter"
    # The definition version the worksheet was written with (None: not known). A client's copy of a
    # worksheet written with the installed version prints only the answers the definition declares.
    written_with: int | None = None

    def __post_init__(self) -> None:
        if self.copy not in COPIES:
            raise ValueError(f"Unknown copy '{self.copy}'; use one of: {', '.join(COPIES)}.")
        if self.paper not in PAPERS:
            raise ValueError(f"Unknown paper size '{self.paper}'; use 'letter' or 'a4'.")

    @property
    def is_discreet(self) -> bool:
        """Discretion applies to the take-home copy (the one that leaves the room)."""
        return self.discreet and self.copy == "take-home"

    def declared_only(self, form_version: int) -> bool:
        """Whether to leave out answers the definition does not declare: on a client's copy of a
        worksheet written with this version or a newer one (a newer definition's extra answers wait for
        the clinician's copy), and on every discreet copy; an older version's retired column still
        prints on a plain take-home (tests/core/pdf/test_retired_columns.py;
        tests/core/pdf/test_undeclared_answers.py)."""
        if self.copy == "clinician":
            return False
        newer_or_same = self.written_with is not None and self.written_with >= form_version
        return newer_or_same or self.is_discreet


@dataclass(frozen=True)
class PrintHeader:
    """The facts printed at the top of a worksheet (never in the file's metadata)."""

    client_name: str = ""
    session_date: dt.date | None = None
    session_number: int | None = None
    status: str = ""
    filled_by: str = ""
    version_number: int | None = None
    worksheet_id: int | None = None
    #: The practice profile: its name and phone at the take-home's foot, its lines in the safety section.
    practice: Practice | None = None
