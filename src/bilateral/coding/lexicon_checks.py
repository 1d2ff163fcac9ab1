"""Checks of the lexicon against the codebook and the channel list, run when the lexicon loads.

Every CAMEO code a lexicon file gives must be in the codebook (``data/ontology/cameo.csv``) and
every channel must be one of ``bilateral.model.CHANNELS``: a code the codebook lacks would make
the coder drop every event it reads from that entry without a word, and a misspelt channel would
put events in a channel no tally knows. A failure raises :class:`LexiconError` naming the file,
the line and the value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from bilateral.coding.ontology import Codebook
from bilateral.model import CHANNELS


class LexiconError(ValueError):
    """The language data is malformed."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Which tab-separated columns of a lexicon file hold a CAMEO code or a channel.

    ``no_event`` is the value that marks an entry reporting no event ("meet the deadline": "-");
    an empty cell is allowed where the column is optional."""

    code: int | None = None
    channel: int | None = None
    optional_code: bool = False
    optional_channel: bool = False
    no_event: str = ""
    prefix_code: int | None = None  # a column of CAMEO code prefixes (every one a code itself)
    intent_code: int | None = None  # an optional second code column


#: The tables and where their codes and channels stand.
TABLES: dict[str, Columns] = {
    "verbs.tsv": Columns(code=3, optional_code=True),
    "verb_patterns.tsv": Columns(code=3, optional_code=True),
    "verb_objects.tsv": Columns(code=2, channel=3, optional_channel=True, no_event="-"),
    "deeds.tsv": Columns(code=1, channel=2),
    "nouns.tsv": Columns(code=1),
    "channels.tsv": Columns(channel=1),
    "code_defaults.tsv": Columns(prefix_code=0, channel=1, intent_code=2),
}

#: Keys of ``cues.yaml`` that hold one code, a list of codes (or code prefixes), or a table of codes.
YAML_CODES = ("consideration_code", "riot_code", "naming_code", "naming_what_code", "reported_force_code")
YAML_CODE_LISTS = ("riot_codes", "complement_codes")
YAML_CODE_TABLES = ("reported_obligation",)


def numbered_rows(root: Traversable, name: str) -> Iterator[tuple[int, list[str]]]:
    """``(line number, cells)`` of a tab-separated lexicon file, comments and blank lines skipped."""
    text = root.joinpath(name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield n, line.split("\t")


def check_tables(root: Traversable, codebook: Codebook) -> None:
    """Raise :class:`LexiconError` at the first unknown code or channel of the tab-separated files."""
    for name, cols in TABLES.items():
        for n, cells in numbered_rows(root, name):
            where = f"{name}, line {n}"

            def cell(k: int | None, cells: list[str] = cells) -> str:
                return cells[k].strip() if k is not None and k < len(cells) else ""

            if cols.code is not None:
                _check_value(cell(cols.code), cols.optional_code, cols.no_event, where, codebook)
            if cols.prefix_code is not None:
                _check_value(cell(cols.prefix_code), False, "", where, codebook)
            if cols.intent_code is not None:
                _check_value(cell(cols.intent_code), True, "", where, codebook)
            if cols.channel is not None:
                _check_value(cell(cols.channel), cols.optional_channel, cols.no_event, where, None)


def _check_value(value: str, optional: bool, no_event: str, where: str, codebook: Codebook | None) -> None:
    """Check one cell: a code when ``codebook`` is given, else a channel; empty cells pass when
    ``optional``, and the no-event mark where the table has one."""
    if (not value and optional) or (no_event and value == no_event):
        return
    if codebook is not None:
        _known_code(value, codebook, where)
    else:
        _known_channel(value, where)


def check_cues(raw: dict[str, Any], text: str, codebook: Codebook, name: str = "cues.yaml") -> None:
    """Raise :class:`LexiconError` for an unknown code in ``cues.yaml`` (``raw`` is its parsed
    content, ``text`` its text, for the line number)."""
    for key in YAML_CODES:
        _known_code(str(raw[key]), codebook, f"{name}, line {_line_of(text, key)} ({key})")
    for key in YAML_CODE_LISTS:
        for code in raw[key]:
            _known_code(str(code), codebook, f"{name}, line {_line_of(text, key)} ({key})")
    for key in YAML_CODE_TABLES:
        for phrase, code in raw[key].items():
            _known_code(str(code), codebook, f"{name}, line {_line_of(text, str(phrase))} ({key}: {phrase})")


def _known_code(code: str, codebook: Codebook, where: str) -> None:
    if code not in codebook:
        raise LexiconError(f"{where}: unknown CAMEO code {code!r} (not in data/ontology/cameo.csv)")


def _known_channel(channel: str, where: str) -> None:
    if channel not in CHANNELS:
        raise LexiconError(f"{where}: unknown channel {channel!r} (known: {', '.join(CHANNELS)})")


def _line_of(text: str, key: str) -> int:
    """The line of a YAML file where ``key`` first stands as a key (0 when not found)."""
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().strip("'\"")
        if stripped.startswith((f"{key}:", f"{key}\":", f"{key}':")):
            return n
    return 0
