"""The actor dictionary: countries, IGOs, sector words and dated office-holders.

All words live in ``bilateral/data/actors/*.tsv`` (built by ``tools/build_actor_data.py``;
sources in ``bilateral/data/SOURCES.md``).  :meth:`ActorDictionary.load` reads them once per
process.  :meth:`ActorDictionary.match` finds the longest dictionary phrase starting at a token
of a sentence; it is a dict lookup on the normalised first token plus a few tuple comparisons.

Token conventions (the coder's tokeniser, :data:`TOKEN_RE`): ``"U.S."``, ``"Pakistan's"`` and
``"Export-Import"`` are single tokens.  Tokens are compared after :func:`normalize_token`:
lower case, curly apostrophes made straight, a possessive ``'s``/``'`` removed, a sentence-final
period removed (but ``"U.S."`` keeps its dots, and ``"U.S"`` gains the final one).

Short all-capital entries (``US``, ``UK``, ``UN``, ``WHO``, ``EC`` …, up to three letters) only
match a token written in capitals, so the pronoun "us" or the word "who" never resolve to an
actor; longer acronyms also match title case ("Opec", "Nato").
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from bilateral.coding import prebuilt
from bilateral.coding.short_names import short_names

__all__ = ["KINDS", "TOKEN_RE", "ActorDictionary", "ActorEntry", "normalize_token", "tokenize"]

#: The coder's tokeniser; dictionary phrases are split with the same expression.
TOKEN_RE = re.compile(r"[A-Za-z]+(?:[.'’-][A-Za-z]+)*\.?|\d+(?:[.,]\d+)*|\S")

#: Entry kinds, in the order they win when one phrase has several entries.
KINDS: tuple[str, ...] = ("country", "igo", "ngo", "adjective", "metonym", "nonstate", "person", "sector", "place")

_COMPOUND_KINDS = frozenset({"country", "adjective", "metonym", "igo"})
_THE_KINDS = frozenset({"country", "igo", "ngo", "metonym", "nonstate"})
# a one-token entry of at most three capitals ("US", "UN", "WHO", "EC") must be written in capitals;
# longer acronyms also match the title-case spelling news agencies use ("Opec", "Nato", "Gatt")
_CASE_SENSITIVE = re.compile(r"[A-Z][A-Z0-9&+]{0,2}")
_NORM_CACHE: dict[str, str] = {}
_NORM_CACHE_MAX = 400_000


def tokenize(text: str) -> list[str]:
    """Split ``text`` the way the coder does."""
    return TOKEN_RE.findall(text)


def _normalize(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if t.endswith("'s") and len(t) > 2:
        t = t[:-2]
    elif t.endswith("'") and len(t) > 1:
        t = t[:-1]
    if t.endswith("."):
        if "." not in t[:-1] and len(t) > 1:
            t = t[:-1]
    elif "." in t and t[-1].isalpha():
        t += "."  # "u.s" -> "u.s."
    return t


def normalize_token(tok: str) -> str:
    """The comparison key of a token (cached)."""
    key = _NORM_CACHE.get(tok)
    if key is None:
        if len(_NORM_CACHE) >= _NORM_CACHE_MAX:
            _NORM_CACHE.clear()
        key = _NORM_CACHE[tok] = _normalize(tok)
    return key


def _bare(tok: str) -> str:
    """A token without possessive or trailing period, original case."""
    t = tok.replace("’", "'")
    if t.endswith("'s") or t.endswith("'S"):
        t = t[:-2]
    return t.rstrip(".'")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary phrase and what it stands for."""

    phrase: tuple[str, ...]  # normalised lower-case tokens
    code: str  # ISO alpha-3 country, CAMEO IGO code (UNO, IMF …), IMG for transnational armed groups,
    #            or the CAMEO agent code itself for sector words
    sector: str | None  # CAMEO agent code (GOV, MIL, BUS …) the phrase implies, if any
    kind: str  # one of KINDS
    label: str  # the canonical name ("Pakistan", "Shehbaz Sharif", "army")
    start: str | None = None  # ISO date the entry starts to hold (persons)
    end: str | None = None  # ISO date it stops holding, exclusive; None = open
    role: str | None = None  # office of a person ("head_of_government", "army_chief" …)

    def valid_on(self, date: str | None) -> bool:
        """Whether the entry holds on ``date`` (``YYYY-MM-DD``; None = any date)."""
        if date is None:
            return True
        d = date[:10]
        if self.start is not None and d < self.start:
            return False
        return self.end is None or d < self.end


# the entries of one phrase in priority order, each with its casing rule (see ActorDictionary.__init__),
# headed by the entry :meth:`ActorDictionary._select` returns whatever the date and casing (the first
# entry, when it fits any case and holds on every date), else None
_Ents = tuple[ActorEntry | None, list[tuple[ActorEntry, int]]]
_Cand = tuple[tuple[str, ...], _Ents]


def _entries(ents: list[tuple[ActorEntry, int]]) -> _Ents:
    e, cs = ents[0]
    return (e if cs == 0 and e.start is None and e.end is None else None), ents


class ActorDictionary:
    """Phrase -> actor lookup over the packaged actor files."""

    def __init__(self, entries: Sequence[tuple[str, ActorEntry]], country_names: dict[str, str],
                 igo_names: dict[str, str], country_status: dict[str, str],
                 particles: frozenset[str] = frozenset()) -> None:
        rank = {k: i for i, k in enumerate(KINDS)}
        by_phrase: dict[tuple[str, ...], list[tuple[int, int, ActorEntry, int]]] = {}
        seen: set[tuple[ActorEntry, int]] = set()
        for n, (original, e) in enumerate(entries):
            if not e.phrase:
                continue
            # -1: written in capitals only; 0: any case; else, for a multi-word group name, a bit mask
            # of the words that must keep the capital the dictionary gives them ("the Armed Islamic
            # Group", not "an armed Islamic group"; "Haqqani network" as written)
            cs = -1 if _CASE_SENSITIVE.fullmatch(original.strip()) else 0
            if not cs and e.kind == "nonstate" and len(e.phrase) > 1:
                for k, w in enumerate(original.split()[:30]):
                    if w[:1].isupper() and w.lower() not in particles:
                        cs |= 1 << k
            if (e, cs) in seen:
                continue
            seen.add((e, cs))
            by_phrase.setdefault(e.phrase, []).append((rank.get(e.kind, len(rank)), n, e, cs))
        self._phrases: dict[tuple[str, ...], list[tuple[ActorEntry, int]]] = {}
        # first token -> (entries of the one-token phrase, second token -> longer phrases)
        index: dict[str, tuple[_Ents | None, dict[str, list[_Cand]]]] = {}
        for phrase, lst in by_phrase.items():
            lst.sort(key=lambda x: (x[0], x[1]))
            ents = [(x[2], x[3]) for x in lst]
            self._phrases[phrase] = ents
            single, longer = index.get(phrase[0], (None, {}))
            if len(phrase) == 1:
                single = _entries(ents)
            else:
                longer.setdefault(phrase[1], []).append((phrase[2:], _entries(ents)))
            index[phrase[0]] = (single, longer)
        for _, longer in index.values():
            for cands in longer.values():
                cands.sort(key=lambda c: -len(c[0]))
        self._index = index
        # every word that stands second in a longer phrase: a phrase can start only before one
        self._seconds = frozenset(w for _single, longer in index.values() for w in longer)
        self._country_names = country_names
        self._igo_names = igo_names
        self._country_status = country_status
        self._particles = particles

    # ------------------------------------------------------------ loading
    @classmethod
    def load(cls) -> ActorDictionary:
        """The packaged dictionary, read once per process."""
        return _load_packaged()

    @classmethod
    def from_tables(cls, tables: dict[str, str]) -> ActorDictionary:
        """Build from the TSV texts, keyed by file name (``countries.tsv`` …)."""
        entries: list[tuple[str, ActorEntry]] = []
        country_names: dict[str, str] = {}
        country_status: dict[str, str] = {}
        igo_names: dict[str, str] = {}

        # names whose country changed with the date ("Congo": COG before 17 May 1997, COD since): the
        # undated entries the country tables give them are replaced by dated_names.tsv's dated ones
        dated = _rows(tables.get("dated_names.tsv", ""))
        dated_phrases = {tuple(normalize_token(t) for t in tokenize(r["name"])) for r in dated}

        def add(original: str, code: str, sector: str | None, kind: str, label: str,
                start: str | None = None, end: str | None = None, role: str | None = None,
                dated_entry: bool = False) -> None:
            phrase = tuple(normalize_token(t) for t in tokenize(original))
            if not dated_entry and kind in {"country", "adjective"} and phrase in dated_phrases:
                return
            entries.append((original, ActorEntry(phrase, code, sector, kind, label, start, end, role)))
            # "the World Bank", "the Pentagon": let a match start at the article too
            if kind in _THE_KINDS and phrase and phrase[0] != "the" and not _CASE_SENSITIVE.fullmatch(original):
                entries.append(("the " + original,
                                ActorEntry(("the", *phrase), code, sector, kind, label, start, end, role)))

        for r in _rows(tables.get("countries.tsv", "")):
            country_names[r["code"]] = r["name"]
        for r in dated:
            add(r["name"], r["code"], None, r["kind"], country_names.get(r["code"], r["code"]),
                r["start"] or None, r["end"] or None, dated_entry=True)
        for r in _rows(tables.get("countries.tsv", "")):
            code, name = r["code"], r["name"]
            country_status[code] = r["status"]
            for p in [name, *_split(r["aliases"])]:
                add(p, code, None, "country", name)
                if p.lower().startswith("the "):
                    add(p[4:], code, None, "country", name)
            for p in _split(r["adjectives"]):
                add(p, code, None, "adjective", name)
            for p in _split(r["metonyms"]):
                phrase, _, sec = p.partition("=")
                add(phrase, code, sec or None, "metonym", name)
            for p in _split(r.get("places", "")):
                add(p, code, None, "place", name)
        for r in _rows(tables.get("igos.tsv", "")):
            igo_names[r["code"]] = r["name"]
            for p in [r["name"], *_split(r["aliases"])]:
                add(p, r["code"], None, "igo", r["name"])
        for r in _rows(tables.get("ngos.tsv", "")):
            for p in [r["name"], *_split(r["aliases"])]:
                add(p, r["code"], None, "ngo", r["name"])
        for r in _rows(tables.get("officeholders.tsv", "")):
            for p in [r["name"], *_split(r["aliases"])]:
                add(p, r["country"], r["sector"] or None, "person", r["name"],
                    r["start"] or None, r["end"] or None, r["role"] or None)
        for r in _rows(tables.get("institutions.tsv", "")):
            for p in [r["name"], *_split(r["aliases"])]:
                add(p, r["country"], r["sector"] or None, "metonym", r["name"])
        for r in _rows(tables.get("nonstate.tsv", "")):
            for p in [r["name"], *_split(r["aliases"])]:
                add(p, r["code"], r["sector"] or None, "nonstate", r["name"])
        for r in _rows(tables.get("sectors.tsv", "")):
            add(r["phrase"], r["sector"], r["sector"], "sector", r["phrase"])
        words = {r["word"]: r["role"] for r in _rows(tables.get("names.tsv", ""))}
        particles = frozenset(w for w, role in words.items() if role == "particle")
        prefixes = frozenset(w for w, role in words.items() if role == "given_prefix")
        persons = _rows(tables.get("persons_phoenix.tsv", ""))
        known = {e.phrase for _o, e in entries}
        for r in persons:
            for p in [r["name"], *_split(r["aliases"])]:
                known.add(tuple(normalize_token(t) for t in tokenize(p)))
        short = short_names(persons, particles, prefixes,
                            lambda key: tuple(normalize_token(t) for t in tokenize(key)) in known)
        for r in persons:
            for p in [r["name"], *_split(r["aliases"]), *short.get(r["name"], ())]:
                add(p, r["country"], r["sector"] or None, "person", r["name"],
                    r["start"] or None, r["end"] or None, None)
        if not country_names:
            raise ValueError("actor dictionary has no countries")
        return cls(entries, country_names, igo_names, country_status, particles)

    # ------------------------------------------------------------ lookup
    def match(self, tokens: Sequence[str], i: int, date: str | None = None) -> tuple[int, ActorEntry] | None:
        """The longest phrase starting at ``tokens[i]``: ``(end_exclusive, entry)`` or None.

        Among the entries of one phrase the first valid on ``date`` wins (persons out of office
        on that date are skipped; with ``date=None`` every entry is valid).  If no entry of the
        longest phrase is valid, shorter phrases are tried.
        """
        return self.spans(tokens, date, (i,)).get(i)

    def iter_matches(self, tokens: Sequence[str], date: str | None = None) -> Iterator[tuple[int, int, ActorEntry]]:
        """Greedy left-to-right matches over a sentence: ``(start, end, entry)``."""
        yield from self.matches(tokens, date)

    def matches(
        self, tokens: Sequence[str], date: str | None = None, candidates: Sequence[int] | None = None
    ) -> list[tuple[int, int, ActorEntry]]:
        """Greedy left-to-right matches over a sentence: ``(start, end, entry)``, as a list.

        ``candidates``, when given, are the only token indices where a match may start (those
        whose form :meth:`starts_phrase`), in increasing order.
        """
        return [(start, end, entry) for start, (end, entry) in self.spans(tokens, date, candidates).items()]

    def spans(
        self, tokens: Sequence[str], date: str | None = None, candidates: Sequence[int] | None = None
    ) -> dict[int, tuple[int, ActorEntry]]:
        """:meth:`matches` as start -> ``(end, entry)``, in order of the start (what the coder keeps).

        At each start the longest phrase wins, as :meth:`match` says.
        """
        if candidates is None:
            candidates = [i for i, tok in enumerate(tokens) if self.starts_phrase(tok)]
        # the whole search is one loop with its lookups bound locally: every sentence of every
        # document passes here, and most candidate starts fail at the first or second word
        index = self._index
        keys = _NORM_CACHE  # normalize_token's cache: a hit spares the call (a key is never "")
        select = self._select
        n = len(tokens)
        out: dict[int, tuple[int, ActorEntry]] = {}
        end = 0
        for i in candidates:
            if i < end:
                continue
            tok = tokens[i]
            slot = index.get(keys.get(tok) or normalize_token(tok))
            if slot is None:
                continue
            single, longer = slot
            hit: ActorEntry | None = None
            stop = i + 1
            if longer and stop < n:
                nxt = tokens[stop]
                cands = longer.get(keys.get(nxt) or normalize_token(nxt))
                if cands is not None:
                    base = i + 2
                    for rest, (plain, ents) in cands:  # the longest first
                        stop = base + len(rest)
                        if stop > n:
                            continue
                        j = base
                        for word in rest:
                            t = tokens[j]
                            if (keys.get(t) or normalize_token(t)) != word:
                                break
                            j += 1
                        if j == stop:
                            hit = plain or select(ents, tok, date, tokens[i:stop])
                            if hit is not None:
                                break
            if hit is None and single is not None:
                stop = i + 1
                hit = single[0] or select(single[1], tok, date)
            if hit is not None:
                out[i] = stop, hit
                end = stop
        return out

    def starts_phrase(self, token: str) -> bool:
        """Whether some phrase of the dictionary starts with ``token``."""
        return normalize_token(token) in self._index

    def phrase_role(self, token: str) -> tuple[bool, bool, bool]:
        """What a token, as written, may be in a dictionary phrase: ``(whole, head, second)``.

        ``whole``: some one-word phrase is this token and its casing fits an entry of it;
        ``head``: some longer phrase starts with it and its casing fits an entry;
        ``second``: some longer phrase has it as its second word. :meth:`match` at ``i`` can succeed
        only if ``tokens[i]`` is ``whole``, or ``head`` with ``tokens[i + 1]`` ``second``."""
        key = normalize_token(token)
        slot = self._index.get(key)
        whole = head = False
        if slot is not None:
            single, longer = slot
            upper = _bare(token).isupper()
            capital = token[:1].isupper()

            def fits(cs: int) -> bool:
                # the casing tests of _select that need only the first word
                return cs == 0 or (cs == -1 and upper) or (cs > 0 and (capital or not cs & 1))

            whole = single is not None and any(fits(cs) for _e, cs in single[1])
            head = any(fits(cs) for cands in longer.values() for _rest, (_p, ents) in cands for _e, cs in ents)
        return whole, head, key in self._seconds

    def resolve_actor(self, name: str, date: str | None = None) -> ActorEntry | None:
        """The entry whose whole phrase is ``name`` (a leading "the" is optional)."""
        toks = tokenize(name)
        if not toks:
            return None
        key = tuple(normalize_token(t) for t in toks)
        ents = self._phrases.get(key)
        if ents is None and key[0] == "the" and len(key) > 1:
            toks, key = toks[1:], key[1:]
            ents = self._phrases.get(key)
        if ents is None:
            return None
        return self._select(ents, toks[0], date)

    def split_compound(self, token: str, date: str | None = None) -> list[ActorEntry] | None:
        """The actors of a hyphenated token ("India-Pakistan", "Sino-Soviet", "US-China").

        Returns one entry per part when every part is a country, adjective, metonym or IGO
        entry, else None.  The tokeniser keeps such compounds as one token, so :meth:`match`
        never sees their parts.
        """
        parts = [p for p in re.split(r"[-–]", _bare(token)) if p]
        if len(parts) < 2:
            return None
        out: list[ActorEntry] = []
        for part in parts:
            ents = self._phrases.get((normalize_token(part),))
            e = self._select(ents, part, date) if ents else None
            if e is None or e.kind not in _COMPOUND_KINDS:
                return None
            out.append(e)
        return out

    def entries(self, name: str) -> list[ActorEntry]:
        """Every entry of the phrase ``name``, in priority order (for ``explain``)."""
        key = tuple(normalize_token(t) for t in tokenize(name))
        return [e for e, _ in self._phrases.get(key, [])]

    @staticmethod
    def _select(
        ents: list[tuple[ActorEntry, int]], first_token: str, date: str | None, words: Sequence[str] = ()
    ) -> ActorEntry | None:
        upper: bool | None = None
        former: ActorEntry | None = None
        for e, cs in ents:
            if cs == -1:
                if upper is None:
                    upper = _bare(first_token).isupper()
                if not upper:
                    continue
            elif cs > 0 and words and any(cs >> k & 1 and not w[:1].isupper() for k, w in enumerate(words)):
                continue
            if e.start is None and e.end is None:
                return e
            if e.valid_on(date):
                return e
            if former is None and e.kind == "person" and e.role is None and len(e.phrase) > 1:
                former = e
        if former is not None:
            # a full name outside its dated entries ("Barack Obama" in 2008) still names a person of
            # that country, as an elite (ELI) rather than in office; a bare surname does not
            return _as_elite(former)
        return None

    # ------------------------------------------------------------ names
    def country_name(self, code: str) -> str:
        """English short name of a country or IGO code; unknown codes are returned unchanged."""
        return self._country_names.get(code) or self._igo_names.get(code) or code

    def is_country(self, code: str | None) -> bool:
        """Whether ``code`` is a state or territory code (not an IGO, NGO, IMG or agent code)."""
        return code is not None and code in self._country_names

    def country_status(self, code: str) -> str | None:
        """``un_member``, ``un_observer``, ``partially_recognized``, ``territory``, ``historical``."""
        return self._country_status.get(code)

    @property
    def country_codes(self) -> frozenset[str]:
        return frozenset(self._country_names)

    @property
    def igo_codes(self) -> frozenset[str]:
        return frozenset(self._igo_names)

    def __len__(self) -> int:
        return len(self._phrases)


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip()]


@lru_cache(maxsize=4096)
def _as_elite(e: ActorEntry) -> ActorEntry:
    return replace(e, sector="ELI", start=None, end=None)


def _rows(text: str) -> list[dict[str, str]]:
    if not text:
        return []
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


_FILES = ("countries.tsv", "igos.tsv", "ngos.tsv", "sectors.tsv", "officeholders.tsv", "institutions.tsv",
          "nonstate.tsv", "persons_phoenix.tsv", "names.tsv", "dated_names.tsv")


@lru_cache(maxsize=1)
def _load_packaged() -> ActorDictionary:
    base = resources.files("bilateral").joinpath("data/actors")
    tables = {f: base.joinpath(f).read_text(encoding="utf-8") for f in _FILES if base.joinpath(f).is_file()}
    code = [resources.files("bilateral.coding").joinpath(m).read_bytes() for m in ("actors.py", "short_names.py")]
    key = prebuilt.digest([*(f"{f}\t{t}".encode() for f, t in sorted(tables.items())), *code])
    return prebuilt.load_or_build("actors", key, lambda: _build(tables))


def _build(tables: dict[str, str]) -> ActorDictionary:
    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small objects: the collector would rescan them many times
    try:
        return ActorDictionary.from_tables(tables)
    finally:
        if enabled:
            gc.enable()
