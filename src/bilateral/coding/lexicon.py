"""The coder's language data: verb dictionary, verb-object patterns, deeds, channels and cues.

Everything here is read from ``bilateral/data/lexicon/`` (see SOURCES.md there); no word
lists live in code. :meth:`Lexicon.load` reads and indexes the files once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import yaml

from bilateral.coding import prebuilt
from bilateral.coding.lexicon_checks import LexiconError, check_cues, check_tables
from bilateral.coding.ontology import Codebook

if TYPE_CHECKING:
    from bilateral.coding.tokens import Token

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A PETRARCH-style pattern: words after (and before) the verb that select a code."""

    block: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    # the elements before and after the verb as the phrases that match them (a synset's phrases or
    # the element's own words), parentheses dropped: resolved once at load, not at every match
    before_phrases: tuple[tuple[Phrase, ...], ...] = field(default=(), compare=False, repr=False)
    after_phrases: tuple[tuple[Phrase, ...], ...] = field(default=(), compare=False, repr=False)

    @property
    def label(self) -> str:
        return f"{' '.join(self.before)} * {' '.join(self.after)}".strip()


@dataclass(frozen=True, slots=True)
class VerbObject:
    """Our verb + object rule ("cut tariffs" -> 061 trade)."""

    verbs: frozenset[str]
    objects: tuple[Phrase, ...]  # empty: the verb alone is enough
    code: str
    channel: str


@dataclass(frozen=True, slots=True)
class Deed:
    phrase: Phrase
    code: str
    channel: str


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A word form's entries in the verb dictionaries, looked up once per form."""

    blocks: list[tuple[str, str, str]]  # (block, lemma, default code) of the PETRARCH dictionary
    lemma: str
    rules: list[VerbObject]  # our verb + object rules
    direction: str  # give | receive | seek for transfer verbs, else ""
    reporting: bool  # a speech verb ("said")
    # words of which one must be in the sentence for the form to report an event (the first words
    # of its rules' objects, of deeds and of its patterns), or None when it may report one anyway
    needs: frozenset[str] | None = None


@dataclass(slots=True)
class Lexicon:
    """Indexed language data for the coder."""

    verb_forms: dict[str, list[tuple[str, str, str]]]  # form -> [(block, lemma, default code)]
    patterns: dict[str, list[VerbPattern]]  # block -> patterns, most specific first
    synsets: dict[str, list[Phrase]]
    verb_objects: dict[str, list[VerbObject]]  # lemma -> rules
    deeds: dict[str, list[Deed]]  # first word -> deeds, longest first
    channels: dict[str, list[tuple[Phrase, str]]]  # first word -> (phrase, channel), longest first
    transfers: dict[str, str]  # lemma -> give | receive | seek
    cues: dict[str, list[Phrase]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    coreference: dict[str, list[Phrase]] = field(default_factory=dict)
    intent_verbs: frozenset[str] = frozenset()
    lemmas: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma
    _anchors: dict[VerbPattern, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _verb_form_cache: dict[str, VerbForm | None] = field(default_factory=dict, repr=False)
    _blocks: dict[
        str, tuple[list[tuple[int, VerbPattern]], dict[str, list[tuple[int, VerbPattern]]], list[VerbPattern]]
    ] = field(default_factory=dict, repr=False)
    complement_codes: tuple[str, ...] = ()
    cue_index: dict[str, dict[str, list[Phrase]]] = field(default_factory=dict)  # name -> first word -> phrases
    coref_index: dict[str, dict[str, list[Phrase]]] = field(default_factory=dict)
    coref_first: frozenset[str] = frozenset()  # one-word coreference phrases ("it", "he")
    coref_pairs: frozenset[tuple[str, str]] = frozenset()  # first two words of longer ones ("the country")
    coref_starts: frozenset[str] = frozenset()  # every word a coreference phrase can start with
    trigger_forms: frozenset[str] = frozenset()  # every word form that can start an event
    noun_forms: frozenset[str] = frozenset()  # event nouns that are never verbs ("sanctions")
    noun_compounds: dict[tuple[str, str], str] = field(default_factory=dict)  # ("air", "strikes") -> 195
    strong_channels: dict[str, list[tuple[Phrase, str]]] = field(default_factory=dict)
    accusation_code: str = ""  # the code of a speaker's report of another party's use of force
    consideration_code: str = ""  # the code of an act only considered ("is considering giving aid")
    naming_code: str = ""  # the code of "called the situation 'fragile'": a naming, not a call
    naming_what_code: str = ""  # the code of "what he called Japan's failure"
    riot_code: str = ""  # the code of force or destruction by protesters ("protest violently, riot")
    # the words that close a verb's clause (see ``triggers.clause_end``): strong punctuation and
    # the clause breaks other than those that also open an adverbial phrase ("as", "after" ...)
    clause_closers: frozenset[str] = frozenset()
    riot_prefixes: tuple[str, ...] = ()  # the codes (by prefix) that become a riot when protesters act
    obligations: dict[str, list[tuple[Phrase, str]]] = field(default_factory=dict)  # modal -> demand code
    # per CAMEO code prefix (code_defaults.tsv): the channel of an event no word places in one, and
    # the intent code (03x/13x) of the act when it is only promised
    code_channels: dict[str, str] = field(default_factory=dict)
    code_intents: dict[str, str] = field(default_factory=dict)

    def candidate_patterns(self, block: str, words: Collection[str]) -> list[VerbPattern]:
        """The block's patterns whose first word is among ``words``, most specific first."""
        got = self._blocks.get(block)
        always, by_anchor, always_only = got if got is not None else self._block_index(block)
        hits = by_anchor.keys() & words  # a C-level intersection; the order of hits does not matter
        if not hits:
            return always_only  # most verbs in most sentences: no anchored pattern can match
        found = list(always)
        for w in hits:
            found.extend(by_anchor[w])
        # by order alone: a pattern listed under two anchors is one object, whichever comes first
        found.sort(key=_first_item)
        return [p for _o, p in found]

    def _block_index(
        self, block: str
    ) -> tuple[list[tuple[int, VerbPattern]], dict[str, list[tuple[int, VerbPattern]]], list[VerbPattern]]:
        """A block's patterns that need no word (with their order), the others by first word, and
        the former alone; built on first use."""
        got = self._blocks.get(block)
        if got is None:
            always: list[tuple[int, VerbPattern]] = []
            by_anchor: dict[str, list[tuple[int, VerbPattern]]] = {}
            for order, p in enumerate(self.patterns.get(block, ())):
                anchors = self.anchors(p)
                if not anchors:
                    if self._never_matches(p):
                        continue  # not worth trying for every verb of the block in every sentence
                    always.append((order, p))
                for w in anchors:
                    by_anchor.setdefault(w, []).append((order, p))
            got = self._blocks[block] = (always, by_anchor, [p for _o, p in always])
        return got

    def anchors(self, p: VerbPattern) -> tuple[str, ...]:
        """First words of the pattern's first element: one of them must be in the sentence."""
        got = self._anchors.get(p)
        if got is None:
            first = _first_element(p)
            got = () if first is None else tuple({ph[0] for ph in first})
            self._anchors[p] = got
        return got

    def _never_matches(self, p: VerbPattern) -> bool:
        """Whether the pattern's first element is a synset with no phrases (PETRARCH's compound
        "&MILITARY_&INFORMATION" and the like): nothing can match it, so the pattern never matches."""
        return _first_element(p) == ()

    def verb_form(self, form: str) -> VerbForm | None:
        """What the verb dictionaries say of a word form, or None when it can report no event."""
        try:
            return self._verb_form_cache[form]
        except KeyError:
            pass
        got: VerbForm | None = None
        if form not in self.words["not_triggers"]:
            lemma = self.lemma(form)
            blocks = self.verb_forms.get(form)
            rules = self.verb_objects.get(lemma)
            direction = self.transfers.get(lemma)
            if blocks or rules or direction:
                reporting = form in self.words["reporting_verbs"]
                got = VerbForm(blocks or [], lemma, rules or [], direction or "", reporting,
                               self._needs(blocks or [], lemma, rules or [], direction or "", reporting))
        if len(self._verb_form_cache) >= 200_000:
            self._verb_form_cache.clear()
        self._verb_form_cache[form] = got
        return got

    def _needs(
        self, blocks: list[tuple[str, str, str]], lemma: str, rules: list[VerbObject], direction: str, reporting: bool
    ) -> frozenset[str] | None:
        """The words one of which a sentence must have for a verb form with these entries to report
        an event after it (see ``VerbForm.needs`` and ``triggers.verb_triggers``), or None when the
        form can report one without any: a rule with no object, a speech verb, a pattern that needs
        no word or a block's default code."""
        if blocks and reporting:
            return None
        needs: set[str] = set()
        for rule in rules:
            if not rule.objects:
                return None
            needs.update(ph[0] for ph in rule.objects)
        if direction in {"give", "receive"}:
            needs.update(self.deeds)
        for block, _lemma, _default in blocks:
            if block in self.patterns:
                always, by_anchor, _always_only = self._block_index(block)
                if always:
                    return None
                needs.update(by_anchor)
        if lemma not in self.words["pattern_only"] and any(
            default and not (block in self.words["pattern_only_blocks"] and default == "060")
            for block, _lemma, default in blocks
        ):
            return None
        return frozenset(needs)

    def lemma(self, form: str) -> str:
        """The verb lemma of an inflected form (the form itself when unknown)."""
        return self.lemmas.get(form, form)

    @classmethod
    def load(cls, root: Traversable | None = None) -> Lexicon:
        """The packaged lexicon (read once per process), or the one in the folder ``root``.
        Raises :class:`LexiconError` when a file gives a CAMEO code the codebook lacks or a
        channel not in ``bilateral.model.CHANNELS``."""
        if root is None:
            return _load()
        return _load_from(root, Codebook.load())


_first_item = itemgetter(0)


def _first_element(p: VerbPattern) -> tuple[Phrase, ...] | None:
    """The phrases of the pattern's first element (after the verb if it has words there, else
    before it), or None when it has no element."""
    elements = p.after_phrases if p.after else p.before_phrases
    return elements[0] if elements else None


def _read(root: Traversable, name: str) -> list[list[str]]:
    text = root.joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _phrase(text: str) -> Phrase:
    return tuple(text.lower().replace("_", " ").split())


def _element(tok: str) -> str:
    return tok.upper().rstrip("_") if tok.startswith("&") else tok.lower()


@functools.lru_cache(maxsize=1)
def _load() -> Lexicon:
    root = resources.files("bilateral.data.lexicon")
    # kept between processes under a key over the tables, the codebook's and the building code
    tables = sorted((f for f in root.iterdir() if f.is_file() and not f.name.endswith(".py")), key=lambda f: f.name)
    code = [resources.files("bilateral.coding").joinpath(m) for m in ("lexicon.py", "lexicon_checks.py", "ontology.py")]
    ontology = resources.files("bilateral.data.ontology")
    codebook = sorted((f for f in ontology.iterdir() if f.is_file() and not f.name.endswith(".py")),
                      key=lambda f: f.name)
    key = prebuilt.digest(f.name.encode() + f.read_bytes() for f in [*tables, *code, *codebook])
    return prebuilt.load_or_build("lexicon", key, lambda: _load_from(root, Codebook.load()))


def _load_from(root: Traversable, codebook: Codebook) -> Lexicon:
    check_tables(root, codebook)
    verb_forms: dict[str, list[tuple[str, str, str]]] = {}
    lemma_of: dict[str, str] = {}
    for block, lemma, forms, code, *_ in _read(root, "verbs.tsv"):
        for form in forms.split(";"):
            verb_forms.setdefault(form, []).append((block, lemma, code))
            lemma_of.setdefault(form, lemma)
    synsets: dict[str, list[Phrase]] = {}
    for name, phrase, *_ in _read(root, "synsets.tsv"):
        synsets.setdefault(name.upper().rstrip("_"), []).append(_phrase(phrase))

    def resolved(elements: tuple[str, ...]) -> tuple[tuple[Phrase, ...], ...]:
        return tuple(
            tuple(synsets.get(el, ())) if el.startswith("&") else (tuple(el.split("_")),)
            for el in elements if el not in {"(", ")"}
        )

    patterns: dict[str, list[VerbPattern]] = {}
    for block, before, after, code, *_ in _read(root, "verb_patterns.tsv"):
        if not code:
            continue
        before_els = tuple(_element(t) for t in before.split())
        after_els = tuple(_element(t) for t in after.split())
        p = VerbPattern(block, before_els, after_els, code, resolved(before_els), resolved(after_els))
        patterns.setdefault(block, []).append(p)
    # a bare "verb *" pattern says no more than the block's default code, which the coder applies
    # on its own terms (light verbs never); kept, it would code "repeated their willingness" as 111
    for block, plist in list(patterns.items()):
        patterns[block] = [p for p in plist if p.before or p.after]
    for plist in patterns.values():
        plist.sort(key=lambda p: -(len(p.before) + len(p.after)))
    verb_objects: dict[str, list[VerbObject]] = {}
    for verbs, objects, code, channel, *_ in _read(root, "verb_objects.tsv"):
        objs = () if objects.strip() == "-" else tuple(_phrase(o) for o in objects.split(";"))
        rule = VerbObject(frozenset(verbs.split(";")), objs, code, channel)
        for v in rule.verbs:
            verb_objects.setdefault(v, []).append(rule)
    deeds: dict[str, list[Deed]] = {}
    for phrase, code, channel, *_ in _read(root, "deeds.tsv"):
        d = Deed(_phrase(phrase), code, channel)
        deeds.setdefault(d.phrase[0], []).append(d)
    for dl in deeds.values():
        dl.sort(key=lambda d: -len(d.phrase))
    channels: dict[str, list[tuple[Phrase, str]]] = {}
    strong: dict[str, list[tuple[Phrase, str]]] = {}
    for phrase, channel, *rest in _read(root, "channels.tsv"):
        ph = _phrase(phrase)
        channels.setdefault(ph[0], []).append((ph, channel))
        if rest and rest[0].strip() == "strong":
            strong.setdefault(ph[0], []).append((ph, channel))
    for cl in channels.values():
        cl.sort(key=lambda c: -len(c[0]))
    transfers = {lemma: direction for lemma, direction, *_ in _read(root, "transfers.tsv")}
    # our own verbs get regular inflections unless the verb dictionary already knows them
    for own in list(transfers) + [v for rules in verb_objects.values() for r in rules for v in r.verbs]:
        for form in inflections(own):
            lemma_of.setdefault(form, own)
    cues_text = root.joinpath("cues.yaml").read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(cues_text)
    _check_strings(raw, "cues.yaml")
    check_cues(raw, cues_text, codebook)
    code_channels: dict[str, str] = {}
    code_intents: dict[str, str] = {}
    for prefix, channel, *rest in _read(root, "code_defaults.tsv"):
        code_channels[prefix] = channel
        if rest and rest[0]:
            code_intents[prefix] = rest[0]
    cues = {
        k: [_phrase(p) for p in raw[k]]
        for k in ("negation", "negation_exceptions", "hypothetical", "intended", "stalled_predicates",
                  "responsibility", "setting_openers")
    }
    words = {
        k: frozenset(str(w).lower() for w in raw[k])
        for k in (
            "reporting_verbs", "clause_breaks", "prepositions", "passive_aux", "noun_markers",
            "intransitive_only", "complement_verbs", "locative", "not_triggers", "intent_control",
            "pattern_only", "pending_verbs", "event_nouns", "pattern_only_blocks", "backshifted_modals",
            "reported_force_roots", "irregular_participles", "claim_nouns", "offence_roots", "undergo_verbs",
            "measure_words", "consideration", "conditionals", "performing_verbs",
            "negative_control", "rioters", "intention_nouns", "verb_openers", "phrase_prepositions",
            "clause_verbs", "coordinated_verb_gap", "conjunct_gap", "articles", "auxiliaries",
            "subject_pronouns", "relative_pronouns", "complement_breaks", "list_breaks", "adverbial_openers",
            "offence_stops", "attribution_fillers", "encounter_nouns", "mutual_codes",
            "naming_verbs", "naming_stops", "quote_marks", "setting_nouns", "setting_partners",
            "setting_stops", "fellow_verbs", "fellow_marker",
        )
    }
    # event nouns no verb spells ("sanctions", "airstrike"): a block of their own, nouns only
    noun_forms: set[str] = set()
    noun_compounds: dict[tuple[str, str], str] = {}
    for noun, code, *_ in _read(root, "nouns.tsv"):
        plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
        if " " in noun:
            # "air strike(s)": the modifier makes the head noun's event more specific
            modifier, head = noun.split(" ", 1)
            noun_compounds[(modifier, head)] = code
            noun_compounds[(modifier, plural.split(" ", 1)[1])] = code
            continue
        for form in (noun, plural):
            if form not in verb_forms:
                verb_forms[form] = [("noun", noun, code)]
                lemma_of.setdefault(form, noun)
                noun_forms.add(form)
    # plural event nouns made from a verb ("killings", "bombings") report as the verb does
    for noun in words["event_nouns"]:
        if noun in verb_forms and noun + "s" not in verb_forms:
            verb_forms[noun + "s"] = verb_forms[noun]
            lemma_of.setdefault(noun + "s", lemma_of.get(noun, noun))
    coreference = {k: [_phrase(p) for p in v] for k, v in raw["coreference"].items()}
    lex = Lexicon(
        verb_forms=verb_forms,
        patterns=patterns,
        synsets=synsets,
        verb_objects=verb_objects,
        deeds=deeds,
        channels=channels,
        transfers=transfers,
        cues=cues,
        words=words,
        coreference=coreference,
        intent_verbs=frozenset(raw["intent_verbs"]),
        accusation_code=str(raw["reported_force_code"]),
        consideration_code=str(raw["consideration_code"]),
        riot_code=str(raw["riot_code"]),
        naming_code=str(raw["naming_code"]),
        naming_what_code=str(raw["naming_what_code"]),
        riot_prefixes=tuple(str(c) for c in raw["riot_codes"]),
        obligations=_obligations(raw["reported_obligation"]),
        lemmas=lemma_of,
        strong_channels=strong,
        complement_codes=tuple(str(c) for c in raw["complement_codes"]),
        cue_index={k: phrase_index(v) for k, v in cues.items()},
        coref_index={k: phrase_index(v) for k, v in coreference.items()},
        coref_first=frozenset(ph[0] for v in coreference.values() for ph in v if len(ph) == 1),
        coref_pairs=frozenset((ph[0], ph[1]) for v in coreference.values() for ph in v if len(ph) > 1),
        coref_starts=frozenset(ph[0] for v in coreference.values() for ph in v),
        noun_forms=frozenset(noun_forms),
        noun_compounds=noun_compounds,
        trigger_forms=frozenset(verb_forms)
        | frozenset(f for f, lem in lemma_of.items() if lem in verb_objects or lem in transfers or f in verb_objects),
        code_channels=code_channels,
        code_intents=code_intents,
        clause_closers=frozenset({";", ":", "—", "–"})
        | (words["clause_breaks"] - words["adverbial_openers"] - {"that"}),
    )
    return lex


def _obligations(table: dict[str, str]) -> dict[str, list[tuple[Phrase, str]]]:
    out: dict[str, list[tuple[Phrase, str]]] = {}
    for phrase, code in table.items():
        ph = _phrase(phrase)
        out.setdefault(ph[0], []).append((ph, str(code)))
    return out


def _check_strings(node: Any, where: str) -> None:
    """Every cue must be a string: YAML reads bare on/off/yes/no as booleans, which would
    silently drop the word from a list."""
    if isinstance(node, dict):
        for k, v in node.items():
            _check_strings(v, f"{where}:{k}")
    elif isinstance(node, list):
        for item in node:
            if not isinstance(item, str):
                raise LexiconError(f"{where}: {item!r} is not a string (quote it in the YAML file)")


def phrase_at(tokens: list[Token], i: int, phrase: Phrase) -> bool:
    """Whether ``phrase`` (lower-case words) stands at token ``i``."""
    n = len(phrase)
    if i + n > len(tokens):
        return False
    # a plain loop, not all() over a generator: most phrases are one or two words long
    for k in range(n):  # noqa: SIM110
        if tokens[i + k].lower != phrase[k]:
            return False
    return True


def longest_phrase_at(tokens: list[Token], i: int, index: dict[str, list[Phrase]]) -> int:
    """Length of the longest phrase of a :func:`phrase_index` standing at token ``i`` (0 when none)."""
    for ph in index.get(tokens[i].lower, ()):
        if phrase_at(tokens, i, ph):
            return len(ph)
    return 0


def phrase_index(phrases: list[Phrase]) -> dict[str, list[Phrase]]:
    """Phrases by first word, longest first: a cue lookup is one dict access."""
    out: dict[str, list[Phrase]] = {}
    for ph in phrases:
        out.setdefault(ph[0], []).append(ph)
    for v in out.values():
        v.sort(key=lambda ph: -len(ph))
    return out


def inflections(verb: str) -> set[str]:
    """Regular English inflections of a verb lemma (irregular ones come from the data)."""
    v = verb.lower()
    if v.endswith("e"):
        return {v, v + "s", v + "d", v[:-1] + "ing"}
    if len(v) > 2 and v.endswith("y") and v[-2] not in "aeiou":
        return {v, v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    if v.endswith(("s", "sh", "ch", "x", "z")):
        return {v, v + "es", v + "ed", v + "ing"}
    forms = {v, v + "s", v + "ed", v + "ing"}
    if len(v) <= 4 and len(v) >= 3 and v[-1] in "bdgmnprt" and v[-2] in "aeiou" and v[-3] not in "aeiou":
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return forms


def by_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest prefix of ``code``, two digits at least, in a per-prefix table
    (``Lexicon.code_channels``, ``Lexicon.code_intents``), or None."""
    for n in range(len(code), 1, -1):
        value = table.get(code[:n])
        if value:
            return value
    return None
