"""The dependency parse of a sentence, as the coder reads it.

The model is the project's own (trained by ``make parser`` on the English Universal Dependencies
treebanks EWT and GUM; see ``EVALUATION.md``) and ships in ``bilateral/data/parser/``. A
:class:`Parser` loads it once per process, on first use, and parses the coder's own words: word
``i`` of the input is word ``i`` of the :class:`Parse`, so the coder's token offsets stay valid.

Labels are Universal Dependencies relations with their subtypes (``nsubj:pass``, ``obl:agent``,
``acl:relcl``); the root's label is ``root`` and its head is ``-1``. The words whose place in the tree
gives an event its scope (negation, refusal, intention, modals, relative pronouns) are read from
``bilateral/data/lexicon/scope.tsv``.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SUBJECT_LABELS = ("nsubj", "nsubj:pass", "csubj", "csubj:pass")
OBJECT_LABELS = ("obj", "iobj")
# Relations whose dependent starts a clause of its own; `conj` does too when it joins verbs.
CLAUSE_LABELS = frozenset(
    {"root", "ccomp", "xcomp", "advcl", "advcl:relcl", "acl", "acl:relcl", "csubj", "csubj:pass", "parataxis"}
)
# Relations through which a verb governs the verb of its complement ("refused to sign", "denied sending").
COMPLEMENT_LABELS = frozenset({"xcomp", "ccomp"})
VERBAL_UPOS = frozenset({"VERB", "AUX"})
SCOPE_KINDS = ("negation", "refusal", "intention", "modal", "relative")


class ParserModelMissing(RuntimeError):
    """The packaged parser model is not where the package keeps it."""


@functools.cache
def scope_words() -> dict[str, frozenset[str]]:
    """The scope lexicon: kind (negation, refusal, ...) -> lower-case lemmas."""
    words: dict[str, set[str]] = {kind: set() for kind in SCOPE_KINDS}
    text = (resources.files("bilateral.data") / "lexicon" / "scope.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = line.split("\t")
        if kind not in words:
            raise ValueError(f"scope.tsv line {number}: unknown kind {kind!r} (known: {', '.join(SCOPE_KINDS)})")
        words[kind].add(word)
    return {kind: frozenset(members) for kind, members in words.items()}


@dataclass(frozen=True, slots=True)
class Parse:
    """One sentence's words with their universal part of speech, lemma, head and relation.

    ``head[i]`` is the index of word ``i``'s governor, ``-1`` for a root. Every helper takes and
    returns word indices."""

    words: tuple[str, ...]
    upos: tuple[str, ...]
    lemma: tuple[str, ...]
    head: tuple[int, ...]
    dep: tuple[str, ...]
    # derived from head/dep when the parse is built: each word's dependents, and its clause's head
    children: tuple[tuple[int, ...], ...] = field(init=False, compare=False, repr=False)
    clause_heads: tuple[int, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.words)
        if not len(self.upos) == len(self.lemma) == len(self.head) == len(self.dep) == n:
            raise ValueError("a parse needs one part of speech, lemma, head and relation per word")
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h >= 0:
                children[h].append(i)
        object.__setattr__(self, "children", tuple(tuple(c) for c in children))
        object.__setattr__(self, "clause_heads", tuple(self._find_clause_head(i) for i in range(n)))

    def __len__(self) -> int:
        return len(self.words)

    # --- the tree -------------------------------------------------------------------------------

    def governor(self, i: int) -> int | None:
        """The word ``i`` depends on; None for a root."""
        h = self.head[i]
        return None if h < 0 else h

    def dependents(self, i: int, labels: Collection[str]) -> tuple[int, ...]:
        """``i``'s dependents whose relation is one of ``labels``, in word order."""
        return tuple(c for c in self.children[i] if self.dep[c] in labels)

    def subtree(self, i: int) -> tuple[int, ...]:
        """``i`` and every word below it, in word order."""
        out = [i]
        stack = list(self.children[i])
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(self.children[c])
        return tuple(sorted(out))

    def path(self, i: int, j: int) -> str | None:
        """The dependency path from word ``i`` to word ``j``: each step up to a governor is the
        relation left followed by ``↑``, each step down the relation entered followed by ``↓``
        ("nsubj↑ obj↓" from the subject of a verb to its object). "" when ``i == j``; None when the
        two words are in different trees (the parser split the sentence)."""
        up_from_i = self._ancestors(i)
        up_from_j = self._ancestors(j)
        on_j_side = set(up_from_j)
        common = next((a for a in up_from_i if a in on_j_side), None)
        if common is None:
            return None
        ups = [f"{self.dep[a]}↑" for a in up_from_i[: up_from_i.index(common)]]
        downs = [f"{self.dep[a]}↓" for a in reversed(up_from_j[: up_from_j.index(common)])]
        return " ".join(ups + downs)

    # --- roles ----------------------------------------------------------------------------------

    def subject(self, i: int) -> int | None:
        """The grammatical subject of verb ``i`` (nsubj, nsubj:pass, csubj), a relative pronoun
        replaced by the noun it stands for. A verb without one takes it from where it is
        controlled or coordinated: in "China refused to sign" the subject of "sign" is "China", in
        "urged Japan to cut tariffs" the subject of "cut" is "Japan" (the object of "urged"), in
        "China met Japan and signed" the subject of "signed" is "China". For a passive verb this is
        the one acted on; the doer is :meth:`agent`."""
        seen: set[int] = set()
        while i not in seen:
            seen.add(i)
            own = self.dependents(i, SUBJECT_LABELS)
            if own:
                return self._antecedent(own[0])
            label, h = self.dep[i], self.head[i]
            if h < 0:
                return None
            if label == "xcomp":
                controller_objects = self.dependents(h, OBJECT_LABELS)
                if controller_objects:
                    return self._antecedent(controller_objects[0])
                i = h
            elif label == "conj" and self.upos[h] in VERBAL_UPOS:
                i = h
            else:
                return None
        return None

    def passive(self, i: int) -> bool:
        """Whether verb ``i`` is passive (it has a passive subject or a passive auxiliary)."""
        return any(self.dep[c] in ("nsubj:pass", "csubj:pass", "aux:pass") for c in self.children[i])

    def agent(self, i: int) -> int | None:
        """The doer named in a passive verb's by-phrase ("was attacked by Russia" -> "Russia")."""
        for c in self.children[i]:
            if self.dep[c] == "obl:agent" or (
                self.dep[c] == "obl" and self.passive(i) and self._case_word(c) == "by"
            ):
                return self._antecedent(c)
        return None

    def objects(self, i: int) -> tuple[int, ...]:
        """The direct and indirect objects of verb ``i`` (obj, iobj), relative pronouns replaced by
        the nouns they stand for."""
        return tuple(self._antecedent(c) for c in self.dependents(i, OBJECT_LABELS))

    def obliques(
        self, i: int, preps: Collection[str] | None = None, via_objects: bool = False
    ) -> tuple[tuple[str, int], ...]:
        """(preposition, word) for each oblique (obl) of verb ``i`` and each prepositional modifier
        (nmod) of noun ``i`` that has a preposition, lower case with its fixed words ("on behalf of"),
        optionally only those whose preposition is in ``preps``: "met with Japan" -> ("with", Japan).

        With ``via_objects``, the prepositional modifiers of the verb's objects count too, in word
        order: "provided aid to Kenya" and "imposed sanctions on Iran" name their target either way,
        and the treebanks (so the parser) often hang such a phrase on the object."""
        heads = (i, *self.dependents(i, OBJECT_LABELS)) if via_objects else (i,)
        out = []
        for h in heads:
            for c in self.children[h]:
                label = self.dep[c]
                if not (label.startswith("obl") or label.startswith("nmod")):
                    continue
                prep = self._case_word(c)
                if prep and (preps is None or prep in preps):
                    out.append((prep, self._antecedent(c)))
        return tuple(sorted(out, key=lambda found: found[1]))

    def conjuncts(self, i: int) -> tuple[int, ...]:
        """The other words coordinated with ``i`` ("China and Russia signed": "China" <-> "Russia"),
        in word order."""
        first = self.first_conjunct(i)
        out = []
        stack = [first]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(self.dependents(k, ("conj",)))
        return tuple(sorted(k for k in out if k != i))

    def first_conjunct(self, i: int) -> int:
        """The first of the words coordinated with ``i`` (``i`` itself when it is not a conjunct):
        it carries the coordination's relation to the rest of the sentence."""
        while self.dep[i] == "conj" and self.head[i] >= 0:
            i = self.head[i]
        return i

    def complement(self, i: int) -> int | None:
        """The verb of the clause that verb ``i`` reports or governs as its complement (ccomp):
        "China said Russia attacked Japan" -> "attacked"."""
        found = self.dependents(i, ("ccomp",))
        return found[0] if found else None

    # --- scope ----------------------------------------------------------------------------------

    def controller(self, i: int) -> int | None:
        """The verb that governs verb ``i`` (or the coordination it is in) as its complement:
        "refused" in "China refused to sign", "plans" in "Russia plans to build"."""
        first = self.first_conjunct(i)
        return self.head[first] if self.dep[first] in COMPLEMENT_LABELS and self.head[first] >= 0 else None

    def negated(self, i: int) -> bool:
        """Whether word ``i`` is negated by a dependent ("did not sign", "never signed", a coder word
        "didn't") or by the verb that governs it ("refused to sign", "failed to pay", "denied
        sending")."""
        negation = scope_words()["negation"]
        for c in self.children[i]:
            word = self.words[c].lower().replace("’", "'")
            if word in negation or self.lemma[c].lower() in negation:
                return True
            if self.dep[c] == "aux" and word.endswith("n't"):
                return True
        governing = self.controller(i)
        return governing is not None and self.lemma[governing].lower() in scope_words()["refusal"]

    def intended(self, i: int) -> bool:
        """Whether verb ``i`` is a plan or promise: governed by "plan", "agree", "promise", ...
        ("Russia plans to build", "China agreed to supply")."""
        governing = self.controller(i)
        return governing is not None and self.lemma[governing].lower() in scope_words()["intention"]

    def modal(self, i: int) -> str | None:
        """The modal auxiliary of verb ``i`` or of the coordination it is in ("would sign" ->
        "would"), lower case; None if it has none."""
        modals = scope_words()["modal"]
        for k in (i, self.first_conjunct(i)):
            for c in self.dependents(k, ("aux",)):
                if self.words[c].lower() in modals or self.lemma[c].lower() in modals:
                    return self.words[c].lower()
        return None

    # --- clauses --------------------------------------------------------------------------------

    def clause_head(self, i: int) -> int:
        """The head of the clause word ``i`` belongs to (``i`` itself if it heads one)."""
        return self.clause_heads[i]

    def clause_of(self, i: int) -> tuple[int, int]:
        """The span ``(start, end)`` (end exclusive) of the clause word ``i`` belongs to: from its
        first to its last word, leaving out the clauses embedded at either edge ("China said |
        Russia attacked Japan") and punctuation (the final full stop belongs to the main clause but
        does not stretch it over the clauses before it). A clause embedded in the middle lies inside
        the span; use :meth:`same_clause` to tell its words apart."""
        h = self.clause_heads[i]
        members = [k for k, ch in enumerate(self.clause_heads) if ch == h]
        words = [k for k in members if self.upos[k] != "PUNCT"] or members
        return words[0], words[-1] + 1

    def same_clause(self, i: int, j: int) -> bool:
        """Whether words ``i`` and ``j`` belong to the same clause."""
        return self.clause_heads[i] == self.clause_heads[j]

    def case_word(self, i: int) -> str | None:
        """The preposition of nominal ``i`` ("with" for "with Japan"), lower case with its fixed
        words ("on behalf of"); None when it has none."""
        return self._case_word(i)

    # --- internals ------------------------------------------------------------------------------

    def _starts_clause(self, i: int) -> bool:
        label = self.dep[i]
        if label in CLAUSE_LABELS or self.head[i] < 0:
            return True
        return label == "conj" and (
            self.upos[i] in VERBAL_UPOS or any(self.dep[c] in SUBJECT_LABELS for c in self.children[i])
        )

    def _find_clause_head(self, i: int) -> int:
        seen = set()
        while not self._starts_clause(i) and i not in seen:
            seen.add(i)
            i = self.head[i]
        return i

    def _ancestors(self, i: int) -> list[int]:
        """``i`` and its governors up to the root."""
        out = [i]
        while self.head[out[-1]] >= 0 and len(out) <= len(self.words):
            out.append(self.head[out[-1]])
        return out

    def _case_word(self, i: int) -> str | None:
        """The preposition of nominal ``i``: its case dependent with that word's fixed words."""
        for c in self.children[i]:
            if self.dep[c] == "case":
                fixed = [self.words[f] for f in self.dependents(c, ("fixed",))]
                return " ".join([self.words[c], *fixed]).lower()
        return None

    def _antecedent(self, i: int) -> int:
        """The noun a relative pronoun stands for ("the country that attacked" -> "country");
        any other word is itself."""
        if self.lemma[i].lower() not in scope_words()["relative"] and self.words[i].lower() not in scope_words()[
            "relative"
        ]:
            return i
        clause = self.clause_heads[i]
        if self.dep[clause] == "acl:relcl" and self.head[clause] >= 0:
            return self.head[clause]
        return i


def default_model_path() -> Path:
    """Where the package keeps its parser model."""
    return Path(str(resources.files("bilateral.data") / "parser"))


@functools.cache
def _load(path: Path) -> Language:
    if not (path / "meta.json").is_file():
        raise ParserModelMissing(
            f"the parser model is missing: no {path / 'meta.json'} "
            "(build it with `make parser`, or reinstall bilateral)"
        )
    import spacy  # imported here: only code that parses pays for spaCy

    return spacy.load(path)


class Parser:
    """Parses sentences given as word lists with the packaged model (loaded once per process, on
    first use)."""

    def __init__(self, model_path: Path | None = None) -> None:
        self.model_path = model_path or default_model_path()
        self._names: dict[int, str] = {}  # the model's label and lemma ids as strings

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (tok2vec, morphologizer, trainable_lemmatizer, parser)."""
        return _load(self.model_path)

    def parse(self, words: Sequence[str]) -> Parse:
        """The parse of one sentence given as its words."""
        return self.parse_many([words])[0]

    def parse_many(self, sentences: Iterable[Sequence[str]], batch_size: int = 64) -> list[Parse]:
        """The parses of many sentences, in order, run through the pipeline in batches."""
        nlp = self.nlp
        from spacy.tokens import Doc

        prepared = [(words, *_treebank_words(words)) for words in sentences]
        docs = (Doc(nlp.vocab, words=model_words) for _, model_words, _ in prepared)
        return [
            _to_parse(doc, words, origin, self._names)
            for doc, (words, _, origin) in zip(nlp.pipe(docs, batch_size=batch_size), prepared, strict=True)
        ]


def _treebank_words(words: Sequence[str]) -> tuple[list[str], list[int] | None]:
    """The words as the treebanks split them, and the coder's word each comes from (None: one each).

    The coder keeps a negative contraction whole ("didn't", "cannot"); the treebanks, and so the
    model, split it into the verb and its negation ("did" + "n't", "can" + "not")."""
    if any(not w or w.isspace() for w in words):
        raise ValueError("every word must be a non-empty, non-space string")
    if not any(w[-3:].lower() in ("n't", "n’t") or w.lower() == "cannot" for w in words):
        return list(words), None
    out: list[str] = []
    origin: list[int] = []
    for k, w in enumerate(words):
        if len(w) > 3 and w[-3:].lower() in ("n't", "n’t"):
            out += [w[:-3], "n't"]
            origin += [k, k]
        elif w.lower() == "cannot":
            out += [w[:3], w[3:]]
            origin += [k, k]
        else:
            out.append(w)
            origin.append(k)
    return out, origin


def _to_parse(doc: Doc, words: Sequence[str], origin: list[int] | None, names: dict[int, str]) -> Parse:
    """The parse of the coder's words: a split contraction is one word again, with the relation of
    its verb part ("didn't" is the aux of its verb; :meth:`Parse.negated` reads its "n't").

    ``names`` caches the strings of the model's label and lemma ids (read once per process)."""
    # one array read instead of a Python object per token: this conversion cost as much as the
    # lemmatizer when it went token by token
    array = doc.to_array(["HEAD", "DEP", "POS", "LEMMA"])
    table = array.tolist()  # string ids are unsigned 64-bit hashes
    offsets = array[:, 0].astype("int64").tolist()  # a head's offset is signed
    strings = doc.vocab.strings

    def name(key: int) -> str:
        got = names.get(key)
        if got is None:
            got = names[key] = strings[key]
        return got

    heads = [-1 if off == 0 else k + off for k, off in enumerate(offsets)]
    pos = [name(row[2]) for row in table]
    lemmas = [name(row[3]) for row in table]
    deps = [name(row[1]) for row in table]
    if origin is None:
        return Parse(
            words=tuple(words),
            upos=tuple(pos),
            lemma=tuple(lemmas),
            head=tuple(heads),
            dep=tuple("root" if d == "ROOT" else d for d in deps),
        )
    first: dict[int, int] = {}
    for e, o in enumerate(origin):
        first.setdefault(o, e)
    main = [first[o] for o in range(len(words))]
    head: list[int] = []
    for o, e in enumerate(main):
        h = heads[e]
        while h >= 0 and origin[h] == o:  # a part's head inside the same word: go on up
            h = heads[h]
        head.append(-1 if h < 0 else origin[h])
    return Parse(
        words=tuple(words),
        upos=tuple(pos[e] for e in main),
        lemma=tuple(lemmas[e] for e in main),
        head=tuple(head),
        dep=tuple("root" if h < 0 else deps[e] for e, h in zip(main, head, strict=True)),
    )
