"""Actor mentions in a sentence: dictionary matches, sector words, titles and coreference.

A mention is a token range resolved to an actor code (country ISO-3 or IGO code) and an
optional sector (CAMEO agent code). Sector words next to a country ("U.S. officials",
"Pakistani army") merge into one mention; "it", "the country", "both sides" resolve through
the :class:`Discourse` of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bilateral.coding.actors import ActorDictionary, ActorEntry
from bilateral.coding.lexicon import Lexicon, Phrase, longest_phrase_at
from bilateral.coding.tokens import Token
from bilateral.coding.wordforms import actor_starts, mention_starts


@dataclass(slots=True)
class Mention:
    """An actor mentioned at tokens ``[start, end)``."""

    start: int
    end: int
    code: str | None
    sector: str | None
    kind: str  # country | adjective | metonym | igo | person | sector | coref
    text: str
    entry: str = ""  # the dictionary entry (or coreference rule) that resolved it
    partners: list[Mention] = field(default_factory=list)  # for "both sides": the other actor(s)


@dataclass(slots=True)
class Discourse:
    """What earlier sentences of a document said: the referents for coreference."""

    last_subject: str | None = None  # country code of the latest subject
    last_country: str | None = None
    previous_country: str | None = None  # the latest distinct country before last_country
    last_person: Mention | None = None
    main_dyad: tuple[str, ...] = ()  # the document's two most-mentioned countries
    sentences_seen: int = 0

    def note_country(self, code: str) -> None:
        if code != self.last_country:
            self.previous_country = self.last_country
            self.last_country = code

    def counterpart(self, code: str | None) -> str | None:
        """The other country of the document's main dyad, when ``code`` is one of the two."""
        if len(self.main_dyad) == 2 and code in self.main_dyad:
            return self.main_dyad[1] if code == self.main_dyad[0] else self.main_dyad[0]
        return None


def find_mentions(
    tokens: list[Token],
    text: str,
    actors: ActorDictionary,
    lexicon: Lexicon,
    date: str | None,
    discourse: Discourse | None,
    matches: dict[int, tuple[int, ActorEntry]] | None = None,
    flags: list[int] | None = None,
) -> list[Mention]:
    """All actor mentions of a sentence, in order, sector words merged into their actor.

    ``matches`` (start -> (end, entry)) are dictionary matches already found by the caller;
    ``flags`` are the tokens' word-form flags (:mod:`bilateral.coding.wordforms`).
    """
    if matches is None:
        matches = actor_matches(tokens, actors, date)
    raw: list[Mention] = []
    coref = lexicon.coref_index
    coref_first = lexicon.coref_first
    possessives = coref.get("possessive", {})
    # only dictionary matches, hyphenated words and coreference phrases can start a mention
    if flags is not None:
        extra = mention_starts(flags, discourse is not None)
    else:
        starts = lexicon.coref_starts if discourse is not None else frozenset()
        extra = [k for k, t in enumerate(tokens) if t.lower in starts or ("-" in t.text and t.text[:1].isupper())]
    candidates = sorted({*matches, *extra}) if extra else sorted(matches)
    coref_pairs = lexicon.coref_pairs
    n = len(tokens)
    i = 0
    for k in candidates:
        if k < i:
            continue
        i = k
        hit = matches.get(i)
        if hit is not None:
            end, entry = hit
            kind = entry.kind
            # a bare sector word ("officials") names no actor until merged with one
            code = None if kind == "sector" else (entry.code or None)
            raw.append(
                Mention(i, end, code, entry.sector, kind,
                        text[tokens[i].start:tokens[end - 1].end], f"{entry.label} [{kind}]")
            )
            i = end
            continue
        tok = tokens[i]
        inner = _hyphenated(tok, actors, date) if "-" in tok.text else []
        if inner:
            first, *others = inner
            compound = Mention(i, i + 1, first.code or None, first.sector, "adjective", tok.text,
                               f"{first.label} [in a hyphenated word]")
            compound.partners = [Mention(i, i + 1, o.code or None, o.sector, "adjective", tok.text, o.label)
                                 for o in others]
            raw.append(compound)
            i += 1
            continue
        low = tok.lower
        if discourse is not None and (
            low in coref_first
            or (i + 1 < n and (low, tokens[i + 1].lower) in coref_pairs)
        ):
            nxt = matches.get(i + 1)
            sector_next = nxt is not None and nxt[1].kind == "sector"
            m = None
            if sector_next or low not in possessives:  # "its", "their" refer only before a sector word
                m = _coreference(tokens, i, text, coref, discourse, raw, lexicon.words["prepositions"], actors,
                                 sector_next)
            if m is not None:
                raw.append(m)
                i = m.end
                continue
        i += 1
    return _merge(raw, tokens)


def actor_matches(
    tokens: list[Token],
    actors: ActorDictionary,
    date: str | None,
    flags: list[int] | None = None,
    texts: list[str] | None = None,
) -> dict[int, tuple[int, ActorEntry]]:
    """Greedy dictionary matches of a sentence: start -> (end, entry).

    ``flags`` (from :class:`~bilateral.coding.wordforms.WordForms`) limit the search to the
    tokens that can start an actor phrase; ``texts`` are the tokens' texts when already listed."""
    return dictionary_matches([t.text for t in tokens] if texts is None else texts, actors, date, flags)


def dictionary_matches(
    words: list[str], actors: ActorDictionary, date: str | None, flags: list[int] | None = None
) -> dict[int, tuple[int, ActorEntry]]:
    """:func:`actor_matches` on the token texts alone (no :class:`Token` needed)."""
    candidates = None if flags is None else actor_starts(flags)
    if candidates == []:
        return {}
    return actors.spans(words, date, candidates)


def _hyphenated(token: Token, actors: ActorDictionary, date: str | None) -> list[ActorEntry]:
    """Actors inside one hyphenated word: "India-Pakistan talks" (both), "US-led forces" (the leader)."""
    if "-" not in token.text or not token.text[:1].isupper():
        return []
    pair = actors.split_compound(token.text, date)
    if pair:
        return list(pair)
    head, _, tail = token.text.rpartition("-")
    if tail.lower() == "led":
        hit = actors.match([head], 0, date)
        if hit is not None and hit[1].kind != "sector":
            return [hit[1]]
    return []


def _coreference(
    tokens: list[Token],
    i: int,
    text: str,
    coref: dict[str, dict[str, list[Phrase]]],
    discourse: Discourse,
    earlier: list[Mention],
    prepositions: frozenset[str],
    actors: ActorDictionary,
    sector_next: bool = False,
) -> Mention | None:
    n = longest_phrase_at(tokens, i, coref.get("pair", {}))
    if n and discourse.last_country and discourse.previous_country:
        a, b = discourse.last_country, discourse.previous_country
        m = Mention(i, i + n, a, None, "coref", text[tokens[i].start:tokens[i + n - 1].end], "pair")
        m.partners = [Mention(i, i + n, b, None, "coref", m.text, "pair")]
        return m
    # "its army", "their forces": a possessive before a sector word names that country's institution
    possessive = sector_next and longest_phrase_at(tokens, i, coref.get("possessive", {})) > 0
    n = 1 if possessive else longest_phrase_at(tokens, i, coref.get("country", {}))
    low = tokens[i].lower
    referent_sector: str | None = None
    if n == 1 and low in {"it", "its"}:
        # a bare "it" may also be an organisation: "Interpol said it will send a team"; and it keeps
        # the institution it stands for: "Nigeria's army said it killed ..."
        named = [
            m for m in earlier
            if m.code and m.kind not in {"person", "sector", "place"}
            and not (m.start > 0 and tokens[m.start - 1].lower in prepositions)
        ]
        in_sentence = [m.code for m in named if m.code]
        if named:
            # sector words are merged later: "Nigeria's army" is still "Nigeria" + "army" here
            last = named[-1]
            head = next((m for m in earlier if m.kind == "sector" and last.end <= m.start <= last.end + 2), None)
            referent_sector = head.sector if head is not None else last.sector
    else:
        # the latest subject-like country earlier in the same sentence, else the discourse's
        in_sentence = [
            m.code for m in earlier
            if m.code and actors.is_country(m.code)
            and not (m.start > 0 and tokens[m.start - 1].lower in prepositions)
        ]
    referent = in_sentence[-1] if in_sentence else (discourse.last_subject or discourse.last_country)
    # "Russia and China said their troops ...": a plural possessive takes the group named before it
    group_possessive = possessive and low == "their" and len(set(in_sentence)) >= 2
    if n and referent and not group_possessive:
        # a bare "it" only refers when a verb-like word follows ("it supported", "it has")
        if n == 1 and low == "it" and i + 1 < len(tokens) and not tokens[i + 1].lower.isalpha():
            return None
        sector = "GOV" if tokens[i + n - 1].lower in {"government", "administration"} else referent_sector
        return Mention(i, i + n, referent, sector, "coref",
                       text[tokens[i].start:tokens[i + n - 1].end], f"coreference -> {referent}")
    n = 1 if group_possessive else longest_phrase_at(tokens, i, coref.get("plural", {}))
    if n and in_sentence:
        # "Obama and Putin said they will ...": the subjects named earlier in the sentence
        group = [m for m in earlier if m.code and not (m.start > 0 and tokens[m.start - 1].lower in prepositions)]
        head = group[-1]
        tail = [m for m in group[:-1] if m.code != head.code]
        m = Mention(i, i + n, head.code, head.sector, "coref", tokens[i].text, f"coreference -> {head.text}")
        m.partners = [Mention(i, i + n, t.code, t.sector, "coref", tokens[i].text, f"coreference -> {t.text}")
                      for t in tail[-2:]]
        return m
    n = longest_phrase_at(tokens, i, coref.get("person", {}))
    people = [m for m in earlier if m.kind == "person" and m.code]
    person = people[-1] if people else discourse.last_person
    if n and person is not None and person.code:
        p = person
        return Mention(i, i + n, p.code, p.sector, "coref", tokens[i].text, f"coreference -> {p.text}")
    return None


def _merge(raw: list[Mention], tokens: list[Token]) -> list[Mention]:
    """Join sector words to the actor beside them: "U.S. officials", "army chief Asim Munir"."""
    out: list[Mention] = []
    for m in raw:
        prev = out[-1] if out else None
        if prev is not None and _hyphen_pair(prev, m, tokens):
            # "U.S.-Japanese talks", split at the abbreviation's dot: one pair word, both actors
            prev.partners.append(m)
            prev.end = m.end
            prev.text = f"{prev.text}-{m.text}"
            continue
        if prev is not None and _adjacent(prev, m, tokens):
            possessed = tokens[prev.end:m.start] and tokens[prev.end].lower == "'s"
            if possessed and prev.code and m.kind == "metonym" and m.sector and m.code != prev.code:
                # "Rwanda's Senate": an institution word owned by another country is that country's
                m.code = prev.code
                m.start = prev.start
                m.text = f"{prev.text}'s {m.text}"
                out[-1] = m
                continue
            if m.kind == "sector" and prev.code:
                prev.sector = prev.sector or m.sector
                for p in prev.partners:  # "their troops" after "Russia and China": both armies
                    p.sector = p.sector or m.sector
                prev.end = m.end
                prev.text = f"{prev.text} {m.text}"
                continue
            if prev.kind == "sector" and m.code:
                # a title says more than a person's generic elite code: "Senate leader Robert Byrd"
                m.sector = prev.sector if m.sector in {None, "ELI"} and prev.sector else m.sector
                m.start = prev.start
                m.text = f"{prev.text} {m.text}"
                out[-1] = m
                continue
            if prev.kind == "sector" and m.kind == "sector":
                prev.end = m.end
                prev.text = f"{prev.text} {m.text}"
                continue
        out.append(m)
    return out


def _hyphen_pair(a: Mention, b: Mention, tokens: list[Token]) -> bool:
    """Two different countries' actors joined by a hyphen with no space: "U.S.-Japanese"."""
    if b.start != a.end + 1 or tokens[a.end].text not in {"-", "–"} or a.partners:
        return False
    if not a.code or not b.code or a.code == b.code or "sector" in {a.kind, b.kind}:
        return False
    dash = tokens[a.end]
    return tokens[a.end - 1].end == dash.start and dash.end == tokens[b.start].start


def _adjacent(a: Mention, b: Mention, tokens: list[Token]) -> bool:
    """True when only title-like words (capitalised, not a clause word) stand between two mentions,
    or, after a possessive, the modifiers of an institution ("Rwanda's information minister")."""
    if b.start - a.end > 3:
        return False  # neither rule below lets more than three words stand between
    gap = tokens[a.end:b.start]
    if gap and gap[0].lower == "'s" and b.kind == "sector" and len(gap) <= 3:
        return all(t.lower.isalpha() for t in gap[1:])
    if len(gap) > 2:
        return False
    return all(t.text[:1].isupper() or t.lower == "'s" for t in gap)
