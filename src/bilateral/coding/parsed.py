"""Roles and scope from the dependency parse (``CoderConfig(syntax=True)``, ``--syntax``).

The positional rules of ``roles.py`` and ``status.py`` guess who acts on whom, and what a
negation or a modal reaches, from word order. When the coder runs with the parse, each sentence
where those rules found a trigger's actors is parsed (``coding/syntax.py``; a document's such
sentences in one batch), and this stage reads, for each trigger, from the tree:

* the trigger's verb: the trigger itself, or for a noun trigger the verb that governs it
  ("announced new sanctions");
* the **source**: the actor in the verb's subject (``nsubj``; a relative pronoun stands for the
  noun its clause modifies; an infinitive takes its controller's subject or object), or of a
  passive the actor in its ``by`` phrase (``obl:agent``); a pronoun subject ("it", "they") of a
  reported clause is the speaker ("China said it would ...");
* the **target**: the actor in the verb's object (``obj``/``iobj``) or in an oblique introduced
  by *to, with, against, on, toward* (and *at, into* for force) on the verb, its object or the
  verb it governs ("refused to sign a deal with Japan"), or of a passive its subject; for a
  receiving verb the giver is the ``from`` phrase;
* **compound actors** from conjuncts ("China and Russia signed");
* the **status** from what governs the verb: a negation, "refuse"/"fail"/"deny", "plan
  to"/"agree to", a modal ("will": intended; "would", "may", "could": hypothetical); a negation
  that the tree puts on another verb does not reach it ("did not explain why Russia expelled").

The parse overrules the positional roles where they disagree (the positional actor is not in
the phrase the tree names) and the status where the positional rules found no cue, and drops an
event whose verb's own subject is a common noun whose phrase names no one ("the orchestra praised
Iran", with the positional source a country named elsewhere). Every such decision is
recorded as a :class:`~bilateral.coding.state.Rejection` (stage ``roles`` or ``status``, reason
``parse-...``) when an explanation is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilateral.coding.mentions import Mention
from bilateral.coding.state import RolePair, SentenceState, nobody
from bilateral.coding.syntax import CLAUSE_LABELS, VERBAL_UPOS, Parse, scope_words
from bilateral.coding.triggers import Trigger

# prepositions whose phrase names the one an act is aimed at
TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "upon", "onto"})
# prepositions whose phrase names a target of force only ("fired at X", "advanced into X"); else a place
FORCE_PREPS = frozenset({"at", "into"})
# relations inside a noun phrase that still name the same actor ("Russian forces", "the foreign
# minister of Russia", "Russia's army")
NP_LABELS = frozenset({"compound", "amod", "nmod:poss", "flat", "appos", "det", "nmod", "nummod", "case"})
# prepositions of an nmod inside a noun phrase that name its owner ("the government of Liberia")
OWNER_PREPS = frozenset({"of", "from"})
# relations from a noun trigger up to the verb that governs it
NOUN_TO_VERB = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "obl", "xcomp"})
# relations that stay inside one noun phrase (with its conjuncts)
NP_INTERNAL = NP_LABELS | {"conj", "nmod:npmod", "nmod:tmod", "cc"}
HYPOTHETICAL_MODALS = frozenset({"would", "could", "may", "might", "can"})
INTENDED_MODALS = frozenset({"will", "shall", "'ll"})
PERSONAL = frozenset({"it", "its", "they", "their", "them", "he", "she", "his", "her", "we", "our"})


@dataclass(frozen=True, slots=True)
class TreeRoles:
    """What the tree says about one trigger's actors.

    ``sources``/``targets``: the actor mentions (first the one in the head, then its conjuncts);
    empty when the tree names no actor there. ``subject_word`` is the verb's subject word, or -1;
    ``no_actor_subject`` says that the verb has a subject and it names no actor."""

    verb: int
    sources: tuple[Mention, ...]
    source_rule: str
    targets: tuple[Mention, ...]
    target_rule: str
    subject_word: int
    no_actor_subject: bool
    subject_phrase: frozenset[int] = frozenset()  # the words of an active verb's subject phrase


class TreeReader:
    """Reads roles and status from a sentence's parse, built once per coder."""

    #: the parts of the reading that run: ``source``, ``target``, ``conjuncts``, ``no-actor``, ``status``
    PARTS = frozenset({"source", "target", "conjuncts", "no-actor", "status"})

    def __init__(self, receive_froms: frozenset[str] = frozenset({"from"}), parts: frozenset[str] = PARTS) -> None:
        self.receive_froms = receive_froms
        self.parts = parts

    # --- the trigger's verb ---------------------------------------------------------------------

    @staticmethod
    def verb(parse: Parse, trig: Trigger) -> int | None:
        """The verb whose clause the trigger is in: the trigger, or for a noun the verb that
        governs it (up to two steps: "launched a wave of attacks")."""
        i = trig.index
        if not trig.noun:
            return i
        for _ in range(3):
            h = parse.head[i]
            if h < 0 or (parse.dep[i] not in NOUN_TO_VERB and not parse.dep[i].startswith("nmod")):
                return None
            if parse.upos[h] in VERBAL_UPOS:
                return h
            i = h
        return None

    # --- actors ---------------------------------------------------------------------------------

    @staticmethod
    def owner(state: SentenceState) -> list[int]:
        """For each token, the index of the mention it is in (-1 for none), cached on the state."""
        cached = state.mention_of
        if cached is None:
            cached = [-1] * len(state.tokens)
            for n, m in enumerate(state.mentions):
                for k in range(max(m.start, 0), m.end):
                    cached[k] = n
            state.mention_of = cached
        return cached

    def actor_at(self, state: SentenceState, parse: Parse, w: int) -> Mention | None:
        """The mention that a nominal headed by word ``w`` names: the mention containing ``w``,
        else one in its noun phrase ("Russian forces", "the government of Liberia")."""
        owner = self.owner(state)
        if owner[w] >= 0:
            return state.mentions[owner[w]]
        frontier = [w]
        for _depth in range(3):
            found: Mention | None = None
            nxt: list[int] = []
            for h in frontier:
                for c in parse.children[h]:
                    label = parse.dep[c]
                    if label not in NP_LABELS:
                        continue
                    if label == "nmod" and parse.case_word(c) not in OWNER_PREPS:
                        continue
                    if owner[c] >= 0 and found is None:
                        found = state.mentions[owner[c]]
                    nxt.append(c)
            if found is not None:
                return found
            frontier = nxt
        return None

    @staticmethod
    def phrase(parse: Parse, w: int) -> set[int]:
        """The words of the noun phrase headed by ``w``, without the clauses inside it."""
        out, stack = set(), [w]
        while stack:
            k = stack.pop()
            out.add(k)
            stack.extend(c for c in parse.children[k] if parse.dep[c] not in CLAUSE_LABELS)
        return out

    def phrase_actor(self, state: SentenceState, parse: Parse, w: int) -> Mention | None:
        """The first coded mention anywhere in the noun phrase headed by ``w``, without entering a
        clause inside it ("Rebels in the Ivory Coast", "Dozens of journalists at Sudan's daily")."""
        owner = self.owner(state)
        stack, found = [w], []
        while stack:
            k = stack.pop()
            if owner[k] >= 0 and state.mentions[owner[k]].code:
                found.append(k)
            stack.extend(c for c in parse.children[k] if parse.dep[c] not in CLAUSE_LABELS and parse.dep[c] != "conj")
        return state.mentions[owner[min(found)]] if found else None

    def actors_at(self, state: SentenceState, parse: Parse, w: int) -> tuple[Mention, ...]:
        """The actor of ``w`` and of each word coordinated with it, coded ones only."""
        out: list[Mention] = []
        for k in (w, *parse.conjuncts(w)):
            if parse.dep[k] == "conj" and parse.upos[k] in VERBAL_UPOS:
                continue  # a coordinated verb is not a coordinated actor
            m = self.actor_at(state, parse, k)
            if m is None or not m.code:
                m = self.phrase_actor(state, parse, k)
            if m is not None and m.code and not any(m is o for o in out):
                out.append(m)
        return tuple(out)

    def speaker(self, state: SentenceState, parse: Parse, v: int) -> Mention | None:
        """For a verb in the clause a reporting verb governs ("China said it would ..."), the
        actor that is the reporting verb's subject."""
        h = parse.clause_head(v)
        for _ in range(3):
            if parse.dep[h] == "ccomp" or (parse.dep[h] == "conj" and parse.head[h] >= 0):
                g = parse.head[h]
                if parse.dep[h] == "ccomp":
                    s = parse.subject(g)
                    if s is not None:
                        m = self.actor_at(state, parse, s)
                        return m if m is not None and m.code else None
                    return None
                h = parse.clause_head(g)
            else:
                return None
        return None

    # --- roles ----------------------------------------------------------------------------------

    def roles(self, state: SentenceState, parse: Parse, trig: Trigger) -> TreeRoles | None:
        """The tree's roles for a trigger, or None when the tree has no verb for it."""
        v = self.verb(parse, trig)
        if v is None:
            return None
        passive = parse.passive(v) or (parse.dep[v] in ("acl", "acl:relcl") and not parse.dependents(
            v, ("nsubj", "nsubj:pass")) and parse.words[v].lower().endswith(("ed", "en")))
        sources: tuple[Mention, ...] = ()
        targets: tuple[Mention, ...] = ()
        source_rule = target_rule = ""
        no_actor = False
        s = parse.subject(v)
        if s is None and (parse.dep[v] == "acl:relcl" or (passive and parse.dep[v] == "acl")) and parse.head[v] >= 0:
            s = parse.head[v]  # "the troops sent by Russia", "a country that attacked": the head noun
        subject_actors: tuple[Mention, ...] = ()
        subject_rule = "parse-subject"
        if s is not None:
            subject_actors = self.actors_at(state, parse, s)
            if not subject_actors and parse.words[s].lower() in PERSONAL:
                spoken = self.speaker(state, parse, v)
                if spoken is not None:
                    subject_actors, subject_rule = (spoken,), "parse-speaker"
                elif self.owner(state)[s] < 0:
                    s = None  # a pronoun the tree cannot resolve: the coreference rules decide
            if s is not None and not subject_actors and not trig.noun and parse.upos[s] == "NOUN" and (
                s in parse.dependents(v, ("nsubj",))  # its own subject, not one shared with another verb
            ):
                # a common noun whose phrase, with all its modifiers, names no one (no mention, not
                # even a sector word such as "lawmakers", which the document may resolve; no proper
                # name): "the newspaper", not "a report released in the Rwandan capital"
                owner = self.owner(state)
                no_actor = all(owner[k] < 0 and parse.upos[k] != "PROPN" for k in parse.subtree(s))
        if trig.noun and v != trig.index:
            # the noun's own phrase names its doer and target first ("Russia's attack on Ukraine")
            preps = TARGET_PREPS | FORCE_PREPS if trig.code[:2] >= "14" else TARGET_PREPS
            own_targets = self._obliques(state, parse, trig.index, preps)
            own_sources = self._noun_doer(state, parse, trig.index)
            if passive:
                sources, source_rule = own_sources, "parse-noun-doer"
            else:
                sources, source_rule = own_sources or subject_actors, (
                    "parse-noun-doer" if own_sources else subject_rule)
            targets, target_rule = own_targets, "parse-noun-oblique"
            if not targets:
                # "launched an offensive towards the Iraqi port": the governing verb's oblique
                targets, target_rule = self._obliques(state, parse, v, preps), "parse-oblique"
            return TreeRoles(v, sources, source_rule, targets, target_rule, -1, False)
        if passive:
            a = parse.agent(v)
            if a is not None:
                sources, source_rule = self.actors_at(state, parse, a), "parse-agent"
            targets, target_rule = subject_actors, "parse-passive-subject"
            return TreeRoles(v, sources, source_rule, targets, target_rule, s if s is not None else -1, False)
        sources, source_rule = subject_actors, subject_rule
        preps = TARGET_PREPS | FORCE_PREPS if trig.code[:2] >= "14" else TARGET_PREPS
        # the verb's own object or oblique, else those of the verb it governs ("refused to sign a
        # deal with Japan")
        for k in (v, *parse.dependents(v, ("xcomp",))):
            for o in parse.objects(k):
                targets = self.actors_at(state, parse, o)
                if targets:
                    target_rule = "parse-object"
                    break
            if not targets:
                targets, target_rule = self._obliques(state, parse, k, preps, True), "parse-oblique"
            if targets:
                break
        if trig.direction == "receive":
            givers = self._obliques(state, parse, v, self.receive_froms, True)
            sources, targets = givers, sources
            source_rule, target_rule = "parse-giver", subject_rule
        own = s is not None and s in parse.dependents(v, ("nsubj",))  # not one shared with another verb
        phrase = frozenset(parse.subtree(s)) if own and s is not None and trig.direction != "receive" else frozenset()
        return TreeRoles(v, sources, source_rule, targets, target_rule, s if s is not None else -1, no_actor, phrase)

    def _obliques(
        self, state: SentenceState, parse: Parse, w: int, preps: frozenset[str], via_objects: bool = False
    ) -> tuple[Mention, ...]:
        for _prep, k in parse.obliques(w, preps, via_objects):
            found = self.actors_at(state, parse, k)
            if found:
                return found
        return ()

    def _noun_doer(self, state: SentenceState, parse: Parse, n: int) -> tuple[Mention, ...]:
        """The doer named inside a noun trigger's phrase: its possessor or adjective ("Russia's
        attack", "Russian strikes") or a ``by``/``from`` phrase."""
        owner = self.owner(state)
        for c in parse.children[n]:
            if parse.dep[c] in ("nmod:poss", "amod", "compound") and owner[c] >= 0 and state.mentions[owner[c]].code:
                return (state.mentions[owner[c]],)
        return self._obliques(state, parse, n, frozenset({"by", "from"}))

    # --- revising the positional roles ----------------------------------------------------------

    def revise(self, state: SentenceState, trig: Trigger, pairs: list[RolePair]) -> list[RolePair]:
        """The (source, target) pairs with the tree's actors where the tree names them; none when
        the verb's subject names no actor. Records each change as a ``roles`` rejection."""
        parse = state.parse
        if parse is None or not pairs:
            return pairs
        tree = self.roles(state, parse, trig)
        if tree is None:
            return pairs
        parts = self.parts
        if tree.no_actor_subject and "no-actor" in parts:
            if state.rejections is not None:
                for src, _tgt, _sr, _tr in (p for p in pairs if p[0].code):
                    state.reject("roles", "parse-subject-not-actor",
                                 f"the verb's subject ({parse.words[tree.subject_word]}) names no actor; "
                                 f"the positional source {src.code} is in another phrase", trig.index, trig.end)
            return [p for p in pairs if not p[0].code]
        out: list[RolePair] = []
        for src, tgt, sr, tr in pairs:
            new_src, new_sr = src, sr
            if tree.sources and "source" in parts and self.disagrees(parse, src, sr, tree.sources):
                new_src, new_sr = tree.sources[0], tree.source_rule
            new_tgt, new_tr = tgt, tr
            if tree.targets and "target" in parts and self.disagrees(parse, tgt, tr, tree.targets):
                new_tgt, new_tr = tree.targets[0], tree.target_rule
            elif "target" in parts and tree.subject_phrase and tgt.start in tree.subject_phrase and (
                tr not in ("co-subject", "conjunct", "partner")
            ):
                # "Japan, whose talks with the Philippines stalled, refused ...": not a target
                new_tgt, new_tr = nobody(), "none"
            if new_src.code is not None and new_src.code == new_tgt.code and (new_src, new_tgt) != (src, tgt):
                # the tree pairs an actor with itself (another sector of it): keep the positional roles
                new_src, new_sr, new_tgt, new_tr = src, sr, tgt, tr
            if (new_src, new_tgt) != (src, tgt) and state.rejections is not None:
                state.reject("roles", "parse-overrules",
                             f"the parse reads {_name(new_src)} -> {_name(new_tgt)} ({new_sr}, {new_tr}), "
                             f"not {_name(src)} -> {_name(tgt)} ({sr}, {tr})", trig.index, trig.end)
            out.append((new_src, new_tgt, new_sr, new_tr))
        # compound actors: the other conjuncts of the tree's source and target
        for extra in tree.sources if "conjuncts" in parts and len(tree.sources) > 1 else ():
            for _src, tgt, _sr, tr in list(out):
                if not _same(extra, tgt) and not any(_same(extra, p[0]) and _same(tgt, p[1]) for p in out):
                    out.append((extra, tgt, "parse-conjunct", tr))
        for extra in tree.targets if "conjuncts" in parts and len(tree.targets) > 1 else ():
            for src, _tgt, sr, _tr in list(out):
                if not _same(extra, src) and not any(_same(src, p[0]) and _same(extra, p[1]) for p in out):
                    out.append((src, extra, sr, "parse-conjunct"))
        seen: set[tuple[str | None, str | None, str | None, str | None]] = set()
        unique = []
        for p in out:
            key = (p[0].code, p[0].sector, p[1].code, p[1].sector)
            if key not in seen:
                seen.add(key)
                unique.append(p)
        return unique

    def disagrees(self, parse: Parse, m: Mention, rule: str, found: tuple[Mention, ...]) -> bool:
        """Whether the positional rules' actor ``m`` (found by ``rule``) contradicts the tree, which
        names ``found``: it is not one of them, not inside the noun phrase that holds them and not
        a partner the positional rules paired on purpose."""
        if m.code in {f.code for f in found} or rule in ("co-subject", "conjunct", "partner", "co-agent"):
            return False
        if m.start < 0:
            return True
        return not any(m.start in self.phrase(parse, self.phrase_head(parse, f.start)) for f in found if f.start >= 0)

    @staticmethod
    def phrase_head(parse: Parse, k: int) -> int:
        """The head of the noun phrase that word ``k`` is in: up from ``k`` while its relation stays
        inside a noun phrase."""
        for _ in range(len(parse)):
            h = parse.head[k]
            if h < 0 or parse.dep[k] not in NP_INTERNAL or parse.upos[h] in VERBAL_UPOS:
                return k
            k = h
        return k

    # --- status ---------------------------------------------------------------------------------

    def status(self, state: SentenceState, trig: Trigger, status: str, cue: str) -> tuple[str, str]:
        """The status with what the tree says governs the trigger's verb: where the positional
        reading found no cue ("realized"), the tree's negation, intention or modal; where it read a
        negation word before the verb that the tree puts on a verb that does not govern this one
        ("would not say whether it fires"), realized. Records each change as a ``status``
        rejection."""
        parse = state.parse
        if parse is None or status not in ("realized", "negated") or "status" not in self.parts:
            return status, cue
        v = self.verb(parse, trig)
        if v is None:
            return status, cue
        if status == "negated":
            other = self.negation_elsewhere(parse, v, trig.index, cue)
            if other is None:
                return status, cue
            if state.rejections is not None:
                state.reject("status", "parse-scope", f"the parse puts '{cue}' on another verb ({other}): "
                             "realized, not negated", trig.index, trig.end)
            return "realized", ""
        found = self.scope(parse, v)
        if found is None:
            return status, cue
        new_status, new_cue = found
        if state.rejections is not None:
            state.reject("status", "parse-scope", f"the parse puts the verb under '{new_cue}': {new_status}, "
                         "not realized", trig.index, trig.end)
        return new_status, new_cue

    def negation_elsewhere(self, parse: Parse, v: int, before: int, cue: str) -> str | None:
        """When ``cue`` (the positional reading's negation, "not", "never", "didn't") is a word
        before ``before`` that the tree attaches to a verb that neither is ``v`` nor governs it
        through ``xcomp``, that verb; else None."""
        words = cue.lower().replace("’", "'").split()
        if not words or not (words[0] in scope_words()["negation"] or words[0].endswith("n't")):
            return None
        at = [k for k in range(before) if parse.words[k].lower().replace("’", "'") == words[0]]
        if not at or self.scope(parse, v) is not None:
            return None
        governing = {v}
        k = v
        for _ in range(4):  # v, its coordination and the verbs that control it
            first = parse.first_conjunct(k)
            governing.add(first)
            if parse.dep[first] != "xcomp" or parse.head[first] < 0:
                break
            k = parse.head[first]
            governing.add(k)
        head = parse.head[at[-1]]
        return None if head < 0 or head in governing else parse.words[head]

    @staticmethod
    def scope(parse: Parse, v: int) -> tuple[str, str] | None:
        """(status, cue) from what governs verb ``v`` in the tree, or None for a plain assertion:
        its own negation or modal, else those of the verbs that control it through ``xcomp``
        ("refused to sign", "plans to build", "will try to sign"). A reported clause (``ccomp``)
        keeps its own scope."""
        words = scope_words()
        k = v
        for _ in range(4):
            for c in parse.children[k]:
                word = parse.words[c].lower().replace("’", "'")
                if word in words["negation"] or parse.lemma[c].lower() in words["negation"] or (
                    parse.dep[c] == "aux" and word.endswith("n't")
                ):
                    return "negated", f"{parse.words[c]} {parse.words[k]}"
            modal = parse.modal(k)
            if modal in INTENDED_MODALS:
                return "intended", f"{modal} {parse.words[k]}"
            if modal in HYPOTHETICAL_MODALS:
                return "hypothetical", f"{modal} {parse.words[k]}"
            first = parse.first_conjunct(k)
            if parse.dep[first] != "xcomp" or parse.head[first] < 0:
                return None
            governing = parse.head[first]
            lemma = parse.lemma[governing].lower()
            if lemma in words["refusal"]:
                return "negated", f"{parse.words[governing]} … {parse.words[v]}"
            if lemma in words["intention"]:
                return ("hypothetical" if lemma == "consider" else "intended"), f"{parse.words[governing]} … to"
            k = governing
        return None

def _same(a: Mention, b: Mention) -> bool:
    return a.code is not None and (a.code, a.sector) == (b.code, b.sector)


def _among(m: Mention, found: tuple[Mention, ...]) -> bool:
    return any(m is f or _same(m, f) for f in found)


def _name(m: Mention) -> str:
    return m.code or "unknown"
