"""The coder on the parse (``CoderConfig(syntax=True)``, ``coding/parsed.py``): roles and scope
read from the dependency tree, on sentences written for these tests, and the rejections that say
where the parse overruled the positional rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest

from bilateral.coding import Coder, CoderConfig
from bilateral.coding.parsed import TreeReader, TreeRoles
from bilateral.coding.state import SentenceState
from bilateral.coding.syntax import Parse, Parser
from bilateral.coding.tokens import token_texts

DATE = "2025-06-01"


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(CoderConfig(explain=True, syntax=True))


@pytest.fixture(scope="module")
def reader() -> TreeReader:
    return TreeReader()


def parsed_state(coder: Coder, text: str) -> SentenceState:
    state = coder.sentence_state(text, DATE, keep_rejections=True)
    state.parse = Parser().parse(token_texts(text))
    return state


def tree_roles(coder: Coder, reader: TreeReader, text: str, word: str) -> TreeRoles:
    state = parsed_state(coder, text)
    k = next(i for i, t in enumerate(state.tokens) if t.text == word)
    trig = coder.candidates.propose(state, k)
    assert trig is not None and state.parse is not None
    found = reader.roles(state, state.parse, trig)
    assert found is not None
    return found


def dyads(coder: Coder, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(e.source, e.target, e.status) for e in coder.code_sentence(text, date=DATE)]


# --- roles from the tree --------------------------------------------------------------------------


def test_subject_and_object_give_the_direction(coder: Coder, reader: TreeReader) -> None:
    roles = tree_roles(coder, reader, "North Korea launched missiles toward Japan.", "launched")
    assert [m.code for m in roles.sources] == ["PRK"]
    assert [m.code for m in roles.targets] == ["JPN"]
    assert roles.source_rule == "parse-subject"


def test_passive_agent_is_the_source(coder: Coder, reader: TreeReader) -> None:
    roles = tree_roles(coder, reader, "The Ukrainian embassy was attacked by Russian forces on Monday.", "attacked")
    assert [m.code for m in roles.sources] == ["RUS"]
    assert roles.source_rule == "parse-agent"
    assert [m.code for m in roles.targets] == ["UKR"]
    assert dyads(coder, "The Ukrainian embassy was attacked by Russian forces on Monday.") == [
        ("RUS", "UKR", "realized")
    ]


def test_reported_pronoun_is_the_speaker(coder: Coder, reader: TreeReader) -> None:
    text = ("China said on Tuesday that, after weeks of talks with officials in Washington, it would impose "
            "tariffs on Australia.")
    roles = tree_roles(coder, reader, text, "impose")
    assert [m.code for m in roles.sources] == ["CHN"]
    assert [m.code for m in roles.targets] == ["AUS"]
    # the reported clause's verb leads up to the reporting verb, whose subject is the speaker
    state = parsed_state(coder, text)
    assert state.parse is not None
    speaker = reader.speaker(state, state.parse, state.parse.words.index("impose"))
    assert speaker is not None and speaker.code == "CHN" and speaker.text == "China"


def test_conjuncts_give_compound_actors(coder: Coder) -> None:
    text = "The United States and Japan, after three days of talks in Tokyo, signed a defence pact with Australia."
    assert {(s, t) for s, t, _ in dyads(coder, text)} == {("USA", "AUS"), ("JPN", "AUS")}


def test_the_parse_overrules_a_positional_source(coder: Coder) -> None:
    text = "The United States, according to officials in Cairo, gave aid to Egypt."
    explanation = coder.explain_sentence(text, date=DATE)
    assert [(e.source, e.target) for e in explanation.events] == [("USA", "EGY")]
    assert explanation.events[0].trace is not None
    assert explanation.events[0].trace.source_rule == "parse-subject"
    overrules = [r for r in explanation.rejections if r.reason == "parse-overrules"]
    assert overrules and overrules[0].stage == "roles"
    assert "USA -> EGY" in overrules[0].detail


def test_a_subject_that_names_no_actor_gives_no_event(coder: Coder) -> None:
    text = "After the summit in Moscow, the orchestra praised Iran."
    explanation = coder.explain_sentence(text, date=DATE)
    assert explanation.events == []
    dropped = [r for r in explanation.rejections if r.reason == "parse-subject-not-actor"]
    assert dropped and dropped[0].stage == "roles" and "orchestra" in dropped[0].detail
    # without the parse the positional rules take the country named before the clause
    plain = Coder(CoderConfig(), actors=coder.actors, lexicon=coder.lexicon, codebook=coder.codebook)
    assert [(e.source, e.target) for e in plain.code_sentence(text, date=DATE)] == [("RUS", "IRN")]


# --- scope from the tree --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("China refused to sign the agreement with Japan.", "sign", "negated"),
        ("Russia did not attack Ukraine.", "attack", "negated"),
        ("Russia plans to build a naval base in Syria.", "build", "intended"),
        ("Germany may impose sanctions on Iran.", "impose", "hypothetical"),
        ("The United States will send aid to Ukraine.", "send", "intended"),
        ("China said Russia attacked Japan.", "attacked", None),  # a reported clause keeps its own scope
        ("China did not say that Russia attacked Japan.", "attacked", None),
    ],
)
def test_scope_of_what_governs_the_verb(text: str, word: str, status: str | None) -> None:
    parse = Parser().parse(token_texts(text))
    found = TreeReader.scope(parse, parse.words.index(word))
    assert (found[0] if found else None) == status


def test_negation_that_reaches_the_verb_sets_the_status(coder: Coder) -> None:
    # the negation stands far from the verb for the positional window, next to it in the tree
    text = "Brazil has never, in the long history of the two countries, sent troops to Argentina."
    explanation = coder.explain_sentence(text, date=DATE)
    assert [(e.source, e.target, e.status) for e in explanation.events] == [("BRA", "ARG", "negated")]
    assert any(r.stage == "status" and r.reason == "parse-scope" for r in explanation.rejections)
    plain = Coder(CoderConfig(), actors=coder.actors, lexicon=coder.lexicon, codebook=coder.codebook)
    assert [e.status for e in plain.code_sentence(text, date=DATE)] == ["realized"]


def test_negation_of_another_verb_leaves_the_event_realized(coder: Coder) -> None:
    # "not" negates "explain"; the expulsion it asks about happened
    text = "The minister did not explain why Russia expelled British diplomats."
    explanation = coder.explain_sentence(text, date=DATE)
    assert [(e.source, e.target, e.status) for e in explanation.events] == [("RUS", "GBR", "realized")]
    scope = [r for r in explanation.rejections if r.reason == "parse-scope"]
    assert scope and scope[0].stage == "status" and "explain" in scope[0].detail
    plain = Coder(CoderConfig(), actors=coder.actors, lexicon=coder.lexicon, codebook=coder.codebook)
    assert [e.status for e in plain.code_sentence(text, date=DATE)] == ["negated"]


# --- the option -----------------------------------------------------------------------------------


def test_off_by_default_and_parses_only_candidates() -> None:
    assert CoderConfig().syntax is False
    assert Coder(CoderConfig()).parser is None


def test_document_parses_only_sentences_with_an_actor_and_a_candidate(coder: Coder) -> None:
    from bilateral.model import Document

    parsed: list[list[str]] = []

    class Counting(Parser):
        def parse_many(self, sentences: Iterable[Sequence[str]], batch_size: int = 64) -> list[Parse]:
            listed = [list(s) for s in sentences]
            parsed.extend(listed)
            return super().parse_many(listed, batch_size)

    local = Coder(CoderConfig(syntax=True), actors=coder.actors, lexicon=coder.lexicon, codebook=coder.codebook)
    local.parser = Counting()
    doc = Document("d", "The weather was mild. Russia attacked Ukraine on Monday. Prices rose.", DATE)
    _sents, events = local.code_document(doc)
    assert [(e.source, e.target) for e in events] == [("RUS", "UKR")]
    assert [" ".join(words) for words in parsed] == ["Russia attacked Ukraine on Monday ."]


class _Counting(Parser):
    """The packaged parser, keeping each batch it is asked to parse."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[list[str]] = []

    def parse_many(self, sentences: Iterable[Sequence[str]], batch_size: int = 64) -> list[Parse]:
        listed = [list(s) for s in sentences]
        self.batches.append([" ".join(words) for words in listed])
        return super().parse_many(listed, batch_size)


def test_a_trigger_whose_actors_are_not_found_is_never_parsed(coder: Coder) -> None:
    # "Russia" is an actor and "talks" a trigger candidate, but the rules find no agent for it:
    # the parse could only revise roles the positional rules found, so it is not made
    local = Coder(CoderConfig(syntax=True), actors=coder.actors, lexicon=coder.lexicon, codebook=coder.codebook)
    counting = _Counting()
    local.parser = counting
    text = "The talks in Russia were long."
    assert ("roles", "no-agent") in [(r.stage, r.reason) for r in local.explain_sentence(text, DATE).rejections]
    assert local.code_sentence(text, date=DATE) == []
    assert counting.batches == []
    assert local.code_sentence("Russia attacked Ukraine.", date=DATE)
    assert counting.batches == [["Russia attacked Ukraine ."]]


def test_code_many_parses_the_documents_in_one_batch(coder: Coder) -> None:
    from bilateral.model import Document

    local = Coder(CoderConfig(syntax=True), actors=coder.actors, lexicon=coder.lexicon, codebook=coder.codebook)
    counting = _Counting()
    local.parser = counting
    docs = [
        Document("a", "Russia attacked Ukraine on Monday. Prices rose.", DATE),
        Document("b", "The weather was mild.", DATE),
        Document("c", "China praised Pakistan.", DATE),
    ]
    together = local.code_many(docs)
    assert counting.batches == [["Russia attacked Ukraine on Monday .", "China praised Pakistan ."]]
    alone = [local.code_document(d) for d in docs]
    assert together == alone
    assert [[(e.source, e.target) for e in r[1]] for r in together if not isinstance(r, Exception)] == [
        [("RUS", "UKR")], [], [("CHN", "PAK")]]


def test_code_many_gives_a_failing_document_its_exception(coder: Coder) -> None:
    from bilateral.model import Document

    class FailsOnKenya(Coder):
        def sentences(self, doc: Document) -> list:  # type: ignore[type-arg]
            if "Kenya" in doc.text:
                raise RuntimeError("boom")
            return super().sentences(doc)

    local = FailsOnKenya(CoderConfig(syntax=True), actors=coder.actors, lexicon=coder.lexicon,
                         codebook=coder.codebook)
    results = local.code_many([Document("a", "Russia attacked Ukraine.", DATE),
                               Document("b", "Kenya thanked Uganda.", DATE)])
    assert not isinstance(results[0], Exception) and [(e.source, e.target) for e in results[0][1]] == [
        ("RUS", "UKR")]
    assert isinstance(results[1], RuntimeError)


def test_cli_syntax_flag_shows_where_the_parse_overruled() -> None:
    from click.testing import CliRunner

    from bilateral.cli import main

    text = "The United States, according to officials in Cairo, gave aid to Egypt."
    result = CliRunner().invoke(main, ["explain", text, "--why-not", "--syntax"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "USA → EGY" in result.output and "parse-overrules" in result.output
    plain = CliRunner().invoke(main, ["explain", text, "--why-not"], terminal_width=200)
    assert "parse-overrules" not in plain.output
