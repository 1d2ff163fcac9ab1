"""Features of a candidate dyad, as a sparse ``name -> value`` map.

What the filter may look at: the rule events about the pair (their class, code, status, channel
and the words that triggered them), what kind of mention each actor is (a country, an adjective,
a capital, a person, a coreference, not named at all) and its sector, where the two stand
relative to each other, and the words between, around and in the sentence. Nothing here is a
word list: which words matter is learned.
"""

from __future__ import annotations

import re

from bilateral.coding.learned.candidates import Candidate, SentenceView
from bilateral.coding.syntax import Parse
from bilateral.model import Event

Features = dict[str, float]

_NUMBER = re.compile(r"^\d[\d.,]*$")


def _word(low: str) -> str:
    return "<num>" if _NUMBER.match(low) else low


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _trigger_words(ev: Event) -> list[str]:
    a, b = ev.span
    text = ev.sentence[a:b].lower()
    return [w for w in re.findall(r"[a-z]+", text)][:4]


def _rule_features(f: Features, prefix: str, events: list[Event]) -> None:
    if not events:
        f[f"{prefix}:none"] = 1.0
        return
    f[f"{prefix}:any"] = 1.0
    for ev in events:
        q = ev.quad_class
        f[f"{prefix}:quad={q}"] = 1.0
        f[f"{prefix}:root={ev.cameo[:2]}"] = 1.0
        f[f"{prefix}:code={ev.cameo[:3]}"] = 1.0
        f[f"{prefix}:status={ev.status}"] = 1.0
        f[f"{prefix}:quad={q}:status={ev.status}"] = 1.0
        f[f"{prefix}:channel={ev.channel}"] = 1.0
        if ev.trace is not None:
            f[f"{prefix}:roles={ev.trace.source_rule}>{ev.trace.target_rule}"] = 1.0
            f[f"{prefix}:srule={ev.trace.source_rule}"] = 1.0
            f[f"{prefix}:trule={ev.trace.target_rule}"] = 1.0
        for w in _trigger_words(ev):
            f[f"{prefix}:trig={w}"] = 1.0
            f[f"{prefix}:quad={q}:trig={w}"] = 1.0


def candidate_features(cand: Candidate, view: SentenceView) -> Features:
    """The features of one candidate in its sentence."""
    f: Features = {"bias": 1.0}
    tokens = view.tokens
    lows = [_word(t.lower) for t in tokens]
    s, t = cand.source, cand.target
    _rule_features(f, "rule", cand.rule_events)
    _rule_features(f, "rev", cand.reverse_events)
    others = [e for e in view.events if e not in cand.rule_events and e not in cand.reverse_events]
    for ev in others:
        f[f"other:quad={ev.quad_class}"] = 1.0
    f[f"actors={_bucket(view.n_actors, (2, 3, 4))}"] = 1.0
    for role, slot in (("s", s), ("t", t)):
        f[f"{role}:kind={slot.kind}"] = 1.0
        f[f"{role}:sector={slot.sector or 'none'}"] = 1.0
        f[f"{role}:igo={int(len(slot.code) == 3 and slot.kind == 'igo')}"] = 1.0
        if slot.start >= 0:
            if slot.start > 0:
                f[f"{role}:prev={lows[slot.start - 1]}"] = 1.0
            else:
                f[f"{role}:first"] = 1.0
            if slot.end < len(tokens):
                f[f"{role}:next={lows[slot.end]}"] = 1.0
                if slot.end + 1 < len(tokens):
                    f[f"{role}:next2={lows[slot.end + 1]}"] = 1.0
    f[f"kinds={s.kind}>{t.kind}"] = 1.0
    if s.start >= 0 and t.start >= 0:
        first, second = (s, t) if s.start < t.start else (t, s)
        f["order=" + ("st" if first is s else "ts")] = 1.0
        gap = max(0, second.start - first.end)
        f[f"gap={_bucket(gap, (0, 2, 5, 10, 20))}"] = 1.0
        between = lows[first.end:second.start]
        for w in between:
            f[f"btw={w}"] = 1.0
            f[f"btw:{'st' if first is s else 'ts'}={w}"] = 1.0
        for w in lows[max(0, first.start - 4):first.start]:
            f[f"pre={w}"] = 1.0
        for w in lows[second.end:second.end + 5]:
            f[f"post={w}"] = 1.0
    _trigger_features(f, cand, view)
    if view.parse is not None:
        _syntax_features(f, cand, view)
    for cue in view.cues:
        f[f"cue={cue}"] = 1.0
    for ch in view.channels:
        f[f"chan={ch}"] = 1.0
    f[f"len={_bucket(len(tokens), (10, 20, 35, 60))}"] = 1.0
    return f


def _region(k: int, cand: Candidate) -> str:
    """Where word ``k`` stands relative to the pair: before, between or after their mentions."""
    s, t = cand.source, cand.target
    if s.start < 0 or t.start < 0:
        return "any"
    lo, hi = min(s.start, t.start), max(s.end, t.end)
    if k < lo:
        return "before"
    if k >= hi:
        return "after"
    return "between"


def _trigger_features(f: Features, cand: Candidate, view: SentenceView) -> None:
    """The lexicon's trigger words by where they stand relative to the pair, with the pair's order."""
    s, t = cand.source, cand.target
    order = "st" if s.start <= t.start else "ts"
    for trig in view.triggers:
        region = _region(trig.index, cand)
        f[f"tb:{region}={trig.block}"] = 1.0
        if trig.quad:
            f[f"tq:{region}={trig.quad}"] = 1.0
            f[f"tq:{region}:{order}={trig.quad}"] = 1.0
            f[f"tr:{region}={trig.root}"] = 1.0


def _head_word(parse: Parse, start: int, end: int) -> int:
    """The word of the span ``[start, end)`` whose governor lies outside it (the mention's head)."""
    for i in range(start, end):
        h = parse.head[i]
        if h < start or h >= end:
            return i
    return end - 1


def _syntax_features(f: Features, cand: Candidate, view: SentenceView) -> None:
    """How the two actors are joined in the dependency tree: their relations, the word that joins
    them (its lexicon class, negation and modal), and the path between them."""
    parse = view.parse
    s, t = cand.source, cand.target
    if parse is None or s.start < 0 or t.start < 0:
        f["syn:implicit"] = 1.0
        return
    hs, ht = _head_word(parse, s.start, s.end), _head_word(parse, t.start, t.end)
    f[f"syn:sdep={parse.dep[hs]}"] = 1.0
    f[f"syn:tdep={parse.dep[ht]}"] = 1.0
    f[f"syn:deps={parse.dep[hs]}>{parse.dep[ht]}"] = 1.0
    path = parse.path(hs, ht)
    if path is None:
        f["syn:no_path"] = 1.0
        return
    steps = path.split()
    f[f"syn:path={path}"] = 1.0
    f[f"syn:len={min(len(steps), 6)}"] = 1.0
    # the word where the two branches meet: the verb (or noun) that relates them
    lca = hs
    for step in steps:
        if step.endswith("↑"):
            g = parse.governor(lca)
            if g is None:
                break
            lca = g
        else:
            break
    trig = next((tr for tr in view.triggers if tr.index == lca), None)
    f[f"syn:lca_pos={parse.upos[lca]}"] = 1.0
    f[f"syn:lca={parse.lemma[lca].lower()}"] = 1.0
    if trig is not None:
        f[f"syn:lca_block={trig.block}"] = 1.0
        if trig.quad:
            f[f"syn:lca_quad={trig.quad}"] = 1.0
            f[f"syn:deps={parse.dep[hs]}>{parse.dep[ht]}:q={trig.quad}"] = 1.0
    if parse.negated(lca):
        f["syn:lca_negated"] = 1.0
    modal = parse.modal(lca)
    if modal:
        f[f"syn:lca_modal={modal}"] = 1.0
    if parse.intended(lca):
        f["syn:lca_intended"] = 1.0
    if not parse.same_clause(hs, ht):
        f["syn:other_clause"] = 1.0
