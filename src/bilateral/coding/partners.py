"""Doers of noun triggers that the positional rules of :mod:`bilateral.coding.roles` miss.

"Kerry's visit to Cuba": the possessive owner of the noun does it. "no progress was made in talks
with Japan", "in a phone call with Pompeo": a meeting noun's partner follows "with", and the subject
of the noun's clause meets it. The word lists are in ``cues.yaml`` (``encounter_nouns``,
``mutual_codes``).
"""

from __future__ import annotations

from collections.abc import Callable

from bilateral.coding.lexicon import Lexicon
from bilateral.coding.mentions import Mention
from bilateral.coding.state import RolePair
from bilateral.coding.tokens import Token


def possessive_doer(tokens: list[Token], i: int, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """The owner of the noun at ``i`` ("Kerry's visit", "Abe's first official visit"), or None."""
    preps = lex.words["prepositions"]
    for m in mentions:
        if not m.code or m.kind == "coref" or m.end >= i or tokens[m.end].lower not in {"'s", "’s"}:
            continue
        between = tokens[m.end + 1:i]
        if len(between) <= 2 and all(
            t.lower.replace("-", "").isalpha() and t.text[:1].islower() and t.lower not in preps
            and t.lower not in lex.words["noun_markers"]
            for t in between
        ):
            return m
    return None


def meeting_partner_doer(
    tokens: list[Token], i: int, mentions: list[Mention], lex: Lexicon,
    subject: Callable[[list[Token], int, list[Mention]], Mention | None],
) -> Mention | None:
    """For a meeting noun followed by "with" and a named actor ("talks with Japan"), the subject of
    the noun's clause, when it names another actor; else None."""
    if tokens[i].lower not in lex.words["encounter_nouns"]:
        return None
    # "talks with", "a phone call Saturday with", "a news conference in Hanoi with": a day or a place between
    k = next((j for j in range(i + 1, min(i + 4, len(tokens)))
              if tokens[j].lower == "with" or not (tokens[j].text[:1].isupper() or tokens[j].lower in {"in", "on"})),
             -1)
    if k < 0 or tokens[k].lower != "with":
        return None
    k += 1
    if k < len(tokens) and tokens[k].lower in lex.words["articles"]:
        k += 1
    # "with Japan", "with the leaders of Libya", "with the visiting foreign minister of South Korea": the
    # first actor, after at most three lower-case words and "of"
    partner = next((m for m in mentions if m.code and (
        m.start == k or (k < m.start <= k + 4 and tokens[m.start - 1].lower == "of"
                         and all(t.text[:1].islower() and t.lower.isalpha() for t in tokens[k:m.start]))
    )), None)
    if partner is None:
        return None  # "talks with the company": no actor to meet
    doer = subject(tokens, i, mentions)
    if doer is None:
        # "White House officials said no progress was made in talks with Japan": the speaker
        preps = lex.words["prepositions"]
        doer = next((m for m in reversed(mentions) if m.end <= i and m.code and m.kind != "coref"
                     and not (m.start > 0 and tokens[m.start - 1].lower in preps)), None)
    if doer is None or doer.code == partner.code:
        return None
    return doer


def mutual(pairs: list[RolePair], code: str, lex: Lexicon) -> list[RolePair]:
    """A meeting, call or negotiation between two actors is listed in both directions."""
    if code not in lex.words["mutual_codes"]:
        return pairs
    have = {(a.code, t.code) for a, t, _ar, _tr in pairs}
    out = list(pairs)
    for a, t, _ar, tr in pairs:
        # "to meet in Vienna": a place stands in for a missing partner and does not meet anyone
        if a.code and t.code and a.code != t.code and tr != "place" and (t.code, a.code) not in have:
            out.append((t, a, "mutual", "mutual"))
            have.add((t.code, a.code))
    return out


def between_pair(tokens: list[Token], i: int, mentions: list[Mention], lex: Lexicon) -> tuple[Mention, Mention] | None:
    """The two actors of a meeting noun followed by "between A and B" or "of A and B" ("talks between
    the U.S. and Iraqi governments", "a meeting of Mexican and U.S. officials"), or None."""
    if tokens[i].lower not in lex.words["encounter_nouns"]:
        return None
    stops = lex.words["clause_breaks"] | {",", "."}
    k = next((j for j in range(i + 1, min(i + 7, len(tokens)))
              if tokens[j].lower in {"between", "of", "with"} or tokens[j].lower in stops), -1)
    # "talks between A and B", "a meeting of Mexican and U.S. officials" (not "calls with the leaders of A and B")
    if k < 0 or not (tokens[k].lower == "between" or (tokens[k].lower == "of" and k == i + 1)):
        return None
    first = next((m for m in mentions if m.code and k < m.start <= k + 4), None)
    if first is None:
        return None
    for m in mentions:
        if m.code and m.start > first.end and m.code != first.code:
            gap = [t.lower for t in tokens[first.end:m.start]]
            # "between the U.S. and Iraqi governments", "between a US president and a North Korean leader"
            if "and" in gap and len(gap) <= 4 and all(
                g == "and" or (g.isalpha() and g not in lex.words["prepositions"] and g not in stops) for g in gap
            ):
                return first, m
            return None
    return None


def fellow_partners(objects: list[Mention], tokens: list[Token], lex: Lexicon) -> list[Mention]:
    """The first object and those coordinated with it ("talks with Netanyahu and Abbas"), for a
    meeting noun whose partners are all met; a single object when nothing is coordinated."""
    out = objects[:1]
    for m in objects[1:]:
        gap = [t.lower for t in tokens[out[-1].end:m.start]]
        if not gap or ("and" not in gap and gap != [","]) or not all(g in lex.words["conjunct_gap"] for g in gap):
            break
        out.append(m)
    return out
