"""What the event-file readers (GDELT, ICEWS, POLECAT, our own exports) share.

Rows of an event file are already coded, so they skip the coder: a reader yields a
:class:`CodedDocument`, a :class:`~bilateral.model.Document` that carries its own
sentences and events. The job stores the document (unless ``store_document`` is
false), its sentences and its events as they are. Imported events are ``realized``
(an event dataset records what happened); their channel is inferred from the CAMEO
code with the same per-prefix table the coder uses (``data/lexicon/code_defaults.tsv``).

Country names (ICEWS) are mapped to ISO 3166-1 alpha-3 with ``data/eventfiles/countrynames.txt``
and sector names to CAMEO agent codes with ``data/eventfiles/agentnames.txt``, both from
openeventdata/text_to_CAMEO (MIT, © 2014 Philip Schrodt).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from bilateral.model import Document, Event, Sentence

if TYPE_CHECKING:
    from bilateral.ingest.registry import ReadIssue

_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(slots=True)
class CodedDocument(Document):
    """A document that arrives with its sentences and events already coded (a row of an event file)."""

    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    store_document: bool = True  # False: only the events are imported (our own event exports)


def _data(name: str) -> str:
    return resources.files("bilateral").joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _data("eventfiles/countrynames.txt").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] and parts[1] != "---":
            table.setdefault(parts[0].strip().lower(), parts[1].strip()[:3])
    return table


@lru_cache(maxsize=1)
def _agents() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _data("eventfiles/agentnames.txt").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip():
            table.setdefault(parts[0].strip().lower(), parts[1].strip()[:3])
    return table


def country_code(name: str | None) -> str | None:
    """ISO3 for a country name (``"Bangladesh"`` → ``"BGD"``); an ISO3 code is returned as is.

    ICEWS's own name table comes first; a name it lacks (``"Burma"``, ``"Czechia"``) is looked up
    in the coder's actor dictionary (``ActorDictionary.resolve_actor``), countries only.
    """
    if not name:
        return None
    s = name.strip()
    if _ISO3.match(s):
        return s
    return _countries().get(s.lower()) or _actor_country(s)


@lru_cache(maxsize=4096)
def _actor_country(name: str) -> str | None:
    try:
        from bilateral.coding.actors import ActorDictionary  # data lookup only; loaded on first need

        entry = ActorDictionary.load().resolve_actor(name)
    except Exception:  # the dictionary is optional here: without it the name stays unresolved
        return None
    if entry is None or getattr(entry, "kind", None) != "country":
        return None
    code = str(getattr(entry, "code", "") or "")[:3]
    return code if _ISO3.match(code) else None


def sector_code(sectors: str | None) -> str | None:
    """The CAMEO agent code of the first known sector of a comma/semicolon-joined list, or ``None``."""
    if not sectors:
        return None
    for part in re.split(r"[,;]", sectors):
        code = _agents().get(part.strip().lower())
        if code:
            return code
    return None


@lru_cache(maxsize=1)
def _channel_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _data("lexicon/code_defaults.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip():
            table[parts[0].strip()] = parts[1].strip()
    return table


def channel_for(cameo: str) -> str:
    """The channel of a CAMEO code (longest listed prefix wins; ``other`` when none)."""
    table = _channel_table()
    for n in range(len(cameo), 1, -1):
        ch = table.get(cameo[:n])
        if ch:
            return ch
    return "other"


def normalize_cameo(code: str | None) -> str | None:
    """A CAMEO code as a string with its leading zero (ICEWS sometimes writes ``"42"`` for ``"042"``)."""
    if code is None:
        return None
    s = str(code).strip()
    if not s.isdigit():
        return None
    if len(s) == 1 or (s[0] != "0" and int(s[:2]) > 20):
        s = "0" + s  # "7" -> "07", "42" -> "042", "421" -> "0421"
    return s


def identity_event(
    doc_id: str, sentence: str, *, source: str | None, source_sector: str | None, target: str | None,
    target_sector: str | None, cameo: str, plover: str | None, quad_class: int, goldstein: float,
    date: str | None,
) -> Event:
    """An imported event: realized, channel from its code, its evidence the whole identity sentence."""
    return Event(
        id=doc_id, doc_sentence=0, source=source, source_sector=source_sector, target=target,
        target_sector=target_sector, cameo=cameo, plover=plover, quad_class=quad_class, goldstein=goldstein,
        status="realized", channel=channel_for(cameo), date=date, sentence=sentence, span=(0, len(sentence)),
    )


def coded_row(doc_id: str, text: str, event: Event, *, origin: str, date: str | None,
              url: str | None = None, title: str | None = None, meta: Mapping[str, object] | None = None,
              ) -> CodedDocument:
    """The coded document of one event-file row: one sentence (``text``) and its event."""
    return CodedDocument(
        id=doc_id, text=text, date=date, title=title, url=url, origin=origin, meta=dict(meta or {}),
        sentences=[Sentence(doc_id, 0, text, 0, len(text))], events=[event],
    )


_TABLE_SUFFIXES: tuple[str, ...] = (".tab", ".tsv", ".txt", ".csv", ".tab.gz", ".tsv.gz", ".txt.gz", ".csv.gz")


def header_line(path: object) -> str:
    """The first line of a (possibly gzip-compressed) table file, or ``""`` if it cannot be read."""
    import gzip
    from pathlib import Path

    p = Path(str(path))
    if not p.name.lower().endswith(_TABLE_SUFFIXES):
        return ""
    try:
        if p.name.lower().endswith(".gz"):
            with gzip.open(p, "rb") as gz:
                raw = gz.readline(65536)
        else:
            with p.open("rb") as fh:
                raw = fh.readline(65536)
    except (OSError, EOFError):
        return ""
    return raw.decode("utf-8-sig", errors="replace").rstrip("\r\n")


def read_header_table(
    path: Path,
    required: tuple[str, ...],
    label: str,
    row_document: Callable[[dict[str, str], str], Document],
) -> Iterator[Document | ReadIssue]:
    """Rows of a tab- or comma-separated event table with a header (ICEWS, POLECAT) as documents.

    ``label`` names the format in the error for a file without the ``required`` columns
    ("an ICEWS events file"); a row that ``row_document`` rejects becomes one issue.
    """
    from bilateral.ingest.registry import ReadError, ReadIssue
    from bilateral.ingest.tabular import open_text

    with open_text(path) as fh:
        first = fh.readline()
        delimiter = "\t" if "\t" in first else ","
        names = next(csv.reader([first], delimiter=delimiter), [])
        missing = [c for c in required if c not in names]
        if missing:
            raise ReadError(f"not {label} (no {', '.join(missing)} column)")
        rows = csv.DictReader(fh, fieldnames=names, delimiter=delimiter, quoting=csv.QUOTE_NONE)
        for row in rows:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            try:
                yield row_document(row, str(path))
            except ValueError as exc:
                yield ReadIssue(f"{path}:{rows.line_num + 1}", str(exc))

