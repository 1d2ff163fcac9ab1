"""The records that flow through the pipeline: documents in, events out.

Field names of :class:`Event` are part of the public contract (``code-text``
output, the store, every export), so they are fixed; extra provenance that
only ``explain`` needs lives in :class:`EventTrace`, outside the record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

from bilateral.dates import normalize_date

Status = Literal["realized", "intended", "hypothetical", "negated"]
Channel = Literal[
    "trade", "investment", "finance", "aid", "defense", "resources", "diplomatic", "security", "other"
]

#: Every status and channel, in display order: the CLI's choices and the API's enums come from here.
STATUSES: tuple[Status, ...] = get_args(Status)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

#: Field order of the event record, as written by ``code-text`` and exports.
EVENT_FIELDS: tuple[str, ...] = (
    "id", "doc_sentence", "source", "source_sector", "target", "target_sector",
    "cameo", "plover", "quad_class", "goldstein", "status", "channel", "date", "sentence", "span",
    "confidence",
)

#: Columns of the event's storage row (the store's ``events`` table, event Parquet files, Spark
#: output), in order, with their SQL types: the record with ``span`` as two integer columns.
EVENT_ROW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("doc_sentence", "int"), ("source", "string"), ("source_sector", "string"),
    ("target", "string"), ("target_sector", "string"), ("cameo", "string"), ("plover", "string"),
    ("quad_class", "int"), ("goldstein", "double"), ("status", "string"), ("channel", "string"),
    ("date", "string"), ("sentence", "string"), ("span_start", "int"), ("span_end", "int"),
    ("confidence", "double"),
)
EVENT_ROW_FIELDS: tuple[str, ...] = tuple(name for name, _ in EVENT_ROW_COLUMNS)

_STATUS_SET: frozenset[str] = frozenset(STATUSES)
_CHANNEL_SET: frozenset[str] = frozenset(CHANNELS)


def as_status(value: str) -> Status:
    """``value`` as a :data:`Status`; ``ValueError`` naming the known ones when it is not one."""
    if value not in _STATUS_SET:
        raise ValueError(f"unknown status {value!r} (known: {', '.join(STATUSES)})")
    return cast(Status, value)


def as_channel(value: str) -> Channel:
    """``value`` as a :data:`Channel`; ``ValueError`` naming the known ones when it is not one."""
    if value not in _CHANNEL_SET:
        raise ValueError(f"unknown channel {value!r} (known: {', '.join(CHANNELS)})")
    return cast(Channel, value)


def record_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The event record of a storage row (keys of :data:`EVENT_ROW_FIELDS`; other keys are dropped).

    A row written before ``confidence`` existed has no such key: its confidence is ``None``.
    """
    span = [int(row["span_start"]), int(row["span_end"])]
    return {name: span if name == "span" else row.get(name) for name in EVENT_FIELDS}


def _optional_float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


@dataclass(slots=True)
class Document:
    """One input article (or one row of a dump) before coding."""

    id: str
    text: str
    date: str | None = None  # ISO ``YYYY-MM-DD``
    title: str | None = None
    url: str | None = None
    origin: str | None = None  # file path, feed URL … where it was read from
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Hash of the normalised text: the same story read twice hashes the same."""
        norm = " ".join(self.text.split()).lower()
        return hashlib.sha1(norm.encode("utf-8")).hexdigest()

    @classmethod
    def from_record(cls, obj: Mapping[str, Any], origin: str | None = None) -> Document:
        """A document from one JSON object ``{"id"?, "text", "date"?, "title"?, "url"?, ...}`` (other
        keys go to ``meta``); raise ``ValueError`` if it has no usable text. Without an id it gets
        one from its content."""
        text = obj.get("text")
        if not isinstance(text, str):
            raise ValueError("no 'text' string")
        if not text.strip():
            raise ValueError("empty 'text'")
        raw_id = obj.get("id")
        date = _opt_str(obj.get("date"))
        doc = cls(
            id="" if raw_id is None or raw_id == "" else str(raw_id),
            text=text,
            date=(normalize_date(date) or date[:10]) if date else None,
            title=_opt_str(obj.get("title")),
            url=_opt_str(obj.get("url")),
            origin=origin,
            meta={k: v for k, v in obj.items() if k not in _RECORD_KEYS},
        )
        if not doc.id:
            doc.id = f"doc-{doc.content_hash[:16]}"
        return doc


#: The keys of a document record that are the document's own fields (the others are its ``meta``).
_RECORD_KEYS = ("id", "text", "date", "title", "url")


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of a document, with its character offsets in the document text."""

    doc_id: str
    index: int
    text: str
    start: int
    end: int


@dataclass(slots=True)
class EventTrace:
    """Why the coder produced an event: the dictionary entries and pattern used, and where in the
    sentence the trigger and the actors stand and by which rule each role was filled.

    Token spans are ``(start, end)`` indices, end exclusive, into the sentence's tokens as
    ``bilateral.coding.tokens.tokenize(event.sentence)`` gives them. A span is ``None`` when the
    words are not in the sentence (an actor implied by the document, or unknown).

    ``source_rule`` and ``target_rule`` name how the role was found:

    - ``subject``: the actor before the verb in its clause; when there is none there, the
      ``possessive-owner`` ("Pakistan's venture has seen"), the ``head-of-phrase`` country ("the
      government of Liberia denied"), the ``relative-antecedent`` ("Kenya, which has sent"), or
      the ``shared-subject`` of coordinated verb phrases ("Pakistan avoided X and backed Y");
      ``coordinated-verb``: the subject of an earlier verb whose object stands before this one
      ("ISIL attacked Iraq and took Mosul"); ``purpose-subject``: the subject of the verb a
      "to"-infinitive depends on ("met Assad to discuss"); ``intention-owner``: the owner of
      "decision to", "plan to" ("the U.S. decision to impose");
    - ``object``: the first actor after the trigger in its clause; ``partner``: the other party
      of a paired object ("both sides"); ``co-subject``: the other of coordinated subjects that
      act on each other ("India and the UAE signed");
    - ``conjunct``: an actor coordinated with the subject ("India and the UAE");
    - ``passive-subject``: the subject of a passive verb (its patient; a patient found by one of
      the fallbacks above keeps that name, and the trace's notes say "passive"); ``passive-object``: an
      actor in a passive's subject phrase that the verb's object rule wants ("Sanctions on Iran
      were imposed"); ``passive-agent``: the actor after "by"/"from" of a passive;
    - ``oblique``: the actor after "by"/"from" of a noun trigger ("support from Moscow");
      ``co-agent``: one coordinated with that actor; ``modifier``: the actor right before a
      noun trigger ("Israeli shelling"); ``responsible``: "X was behind the attacks";
      ``governor-subject``: the subject of the verb governing a noun trigger ("the EU announced
      sanctions"); ``undergoer``: "X faces pressure"; ``possessive``: the owner of a noun
      trigger ("Kerry's visit"); ``meeting-partner``: the subject of the clause of a meeting noun
      followed by "with" and an actor ("no progress was made in talks with Japan");
    - ``mutual``: the reverse direction of a meeting, call or negotiation between two actors;
    - ``giver-in-object``: the giver named in a receive verb's object ("received Russian aid");
    - ``place``: a country where the act takes place, standing in for a missing target;
    - ``main-dyad``: the other country of the document's two most-mentioned ones;
    - ``stalled-pair``: the pair named with a stalled deed ("between A and B");
    - ``speaker``, ``reported-attacker``, ``obliged-actor``: the roles of an accusation or demand
      read from reported speech; ``purpose-addressee``: the addressee of an act's purpose;
    - ``none``: no actor found.

    A rule followed by ``+coreference`` found a pronoun or description ("it", "the country")
    resolved to an actor named earlier.
    """

    pattern: str = ""  # the verb/noun pattern that fired, e.g. ``"praise" -> 051``
    source_text: str = ""  # the words resolved to the source actor
    source_entry: str = ""  # the actor-dictionary entry that matched
    target_text: str = ""
    target_entry: str = ""
    status_cue: str = ""  # the words that set the status ("has not received")
    channel_cue: str = ""  # the words that set the channel ("GSP")
    notes: list[str] = field(default_factory=list)
    trigger_tokens: tuple[int, int] | None = None  # the trigger word and the object words its rule matched
    deed_tokens: tuple[int, int] | None = None  # the deed noun of a transfer verb's object ("GSP benefits")
    source_tokens: tuple[int, int] | None = None  # the source's mention
    target_tokens: tuple[int, int] | None = None  # the target's mention
    source_rule: str = ""  # how the source was found (see above)
    target_rule: str = ""  # how the target was found


@dataclass(slots=True, init=False)
class Event:
    """One coded event: who did what to whom, when, how firmly, through which channel.

    ``status`` and ``channel`` are checked when the event is built: an unknown one is a ``ValueError``.
    """

    id: str  # the input document's id
    doc_sentence: int
    source: str | None
    source_sector: str | None
    target: str | None
    target_sector: str | None
    cameo: str
    plover: str | None
    quad_class: int
    goldstein: float
    status: Status
    channel: Channel
    date: str | None
    sentence: str
    span: tuple[int, int]
    trace: EventTrace | None = field(default=None, compare=False, repr=False)
    # how likely the event is right (0-1), from the learned filter; None when no filter ran
    confidence: float | None = None

    def __init__(
        self, id: str, doc_sentence: int, source: str | None, source_sector: str | None,
        target: str | None, target_sector: str | None, cameo: str, plover: str | None, quad_class: int,
        goldstein: float, status: str, channel: str, date: str | None, sentence: str, span: tuple[int, int],
        trace: EventTrace | None = None, confidence: float | None = None,
    ) -> None:
        self.id = id
        self.doc_sentence = doc_sentence
        self.source = source
        self.source_sector = source_sector
        self.target = target
        self.target_sector = target_sector
        self.cameo = cameo
        self.plover = plover
        self.quad_class = quad_class
        self.goldstein = goldstein
        self.status = as_status(status)
        self.channel = as_channel(channel)
        self.date = date
        self.sentence = sentence
        self.span = span
        self.trace = trace
        self.confidence = confidence

    def to_record(self) -> dict[str, Any]:
        """The fixed event record (no trace), JSON-ready."""
        return {
            "id": self.id,
            "doc_sentence": self.doc_sentence,
            "source": self.source,
            "source_sector": self.source_sector,
            "target": self.target,
            "target_sector": self.target_sector,
            "cameo": self.cameo,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "status": self.status,
            "channel": self.channel,
            "date": self.date,
            "sentence": self.sentence,
            "span": [self.span[0], self.span[1]],
            "confidence": self.confidence,
        }

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> Event:
        """The event of a record; ``ValueError`` for an unknown status or channel or a bad number.

        A record without ``confidence`` (written before it existed) gets ``None``.
        """
        span = rec.get("span") or (0, 0)
        return cls(
            id=str(rec["id"]),
            doc_sentence=int(rec.get("doc_sentence") or 0),
            source=rec.get("source"),
            source_sector=rec.get("source_sector"),
            target=rec.get("target"),
            target_sector=rec.get("target_sector"),
            cameo=str(rec["cameo"]),
            plover=rec.get("plover"),
            quad_class=int(rec["quad_class"]),
            goldstein=float(rec["goldstein"]),
            status=str(rec.get("status") or "realized"),
            channel=str(rec.get("channel") or "other"),
            date=rec.get("date"),
            sentence=str(rec.get("sentence") or ""),
            span=(int(span[0]), int(span[1])),
            confidence=_optional_float(rec.get("confidence")),
        )

    def to_row(self) -> dict[str, Any]:
        """The storage row (:data:`EVENT_ROW_FIELDS`, in order): the record with the span in two columns."""
        rec = self.to_record()
        span = rec.pop("span")
        confidence = rec.pop("confidence")
        rec["span_start"], rec["span_end"] = int(span[0]), int(span[1])
        rec["confidence"] = confidence
        return rec

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Event:
        """The event of a storage row (keys beyond :data:`EVENT_ROW_FIELDS` are ignored)."""
        return cls.from_record(record_from_row(row))

    @property
    def key(self) -> str:
        """Stable event key: the same event coded from the same sentence twice gets the same key.

        Built from the document id, sentence index, span, actors, code and status,
        so re-ingesting a document never duplicates its events.
        """
        parts = (
            self.id, str(self.doc_sentence), f"{self.span[0]}:{self.span[1]}",
            self.source or "", self.source_sector or "", self.target or "", self.target_sector or "",
            self.cameo, self.status, self.channel,
        )
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


__all__ = [
    "CHANNELS", "EVENT_FIELDS", "EVENT_ROW_COLUMNS", "EVENT_ROW_FIELDS", "QUAD_CLASSES", "STATUSES", "Channel",
    "Document", "Event", "EventTrace", "Sentence", "Status", "as_channel", "as_status", "record_from_row",
]
