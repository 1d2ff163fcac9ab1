"""The dependency parse the coder reads: roles, scope and clauses on sentences written for these
tests, word alignment with the coder's tokenizer, and a model that loads from the installed package
with no network."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest

import bilateral
from bilateral.coding.syntax import Parse, Parser, ParserModelMissing, default_model_path, scope_words
from bilateral.coding.tokens import token_texts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser()


def parse(parser: Parser, sentence: str) -> Parse:
    """The parse of ``sentence`` split by the coder's own tokenizer."""
    return parser.parse(token_texts(sentence))


def at(p: Parse, word: str, nth: int = 0) -> int:
    """The index of the ``nth`` occurrence of ``word``."""
    return [i for i, w in enumerate(p.words) if w == word][nth]


# --- alignment ------------------------------------------------------------------------------------


def test_word_i_of_the_parse_is_word_i_of_the_coder(parser: Parser) -> None:
    sentence = "The U.S. Export-Import Bank didn't lend Pakistan's government $1.5 billion, officials said."
    words = token_texts(sentence)
    p = parser.parse(words)
    assert p.words == tuple(words)
    assert len(p.upos) == len(p.lemma) == len(p.head) == len(p.dep) == len(words)
    assert all(-1 <= h < len(words) and h != i for i, h in enumerate(p.head))
    assert p.head.count(-1) >= 1
    assert p.dep[p.head.index(-1)] == "root"


def test_a_negative_contraction_stays_one_word(parser: Parser) -> None:
    """The coder keeps "didn't" and "cannot" whole; the model reads them split, as the treebanks do."""
    for sentence, verb in (("Kenya didn't receive the aid.", "receive"), ("Kenya cannot repay the loan.", "repay")):
        words = token_texts(sentence)
        p = parser.parse(words)
        assert p.words == tuple(words)
        assert p.dep[at(p, verb)] == "root"
        assert p.subject(at(p, verb)) == at(p, "Kenya")
        assert p.negated(at(p, verb))
        contraction = at(p, words[1])
        assert p.governor(contraction) == at(p, verb) and p.upos[contraction] == "AUX"


def test_parse_many_gives_the_parses_of_parse_in_order(parser: Parser) -> None:
    sentences = [token_texts(s) for s in ("Russia attacked Ukraine.", "Japan protested.", "China and India met.")]
    assert parser.parse_many(sentences, batch_size=2) == [parser.parse(s) for s in sentences]


def test_an_empty_word_is_refused(parser: Parser) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        parser.parse(["Russia", "", "attacked"])


# --- roles ----------------------------------------------------------------------------------------


def test_active_subject_and_object(parser: Parser) -> None:
    p = parse(parser, "Russia attacked Ukraine on Tuesday.")
    verb = at(p, "attacked")
    assert p.upos[verb] == "VERB" and p.lemma[verb] == "attack"
    assert p.subject(verb) == at(p, "Russia")
    assert p.objects(verb) == (at(p, "Ukraine"),)
    assert not p.passive(verb)
    assert p.agent(verb) is None
    assert p.governor(at(p, "Russia")) == verb
    assert p.governor(verb) is None
    assert p.path(at(p, "Russia"), at(p, "Ukraine")) == "nsubj↑ obj↓"
    assert p.path(verb, verb) == ""


def test_passive_with_a_by_agent(parser: Parser) -> None:
    p = parse(parser, "Ukraine was attacked by Russia.")
    verb = at(p, "attacked")
    assert p.passive(verb)
    assert p.subject(verb) == at(p, "Ukraine")
    assert p.agent(verb) == at(p, "Russia")
    assert p.objects(verb) == ()


def test_passive_without_an_agent(parser: Parser) -> None:
    p = parse(parser, "The embassy was closed on Monday.")
    verb = at(p, "closed")
    assert p.passive(verb)
    assert p.agent(verb) is None


def test_obliques_with_to_and_against(parser: Parser) -> None:
    p = parse(parser, "Japan complained to China about the incursion.")
    verb = at(p, "complained")
    assert p.obliques(verb, {"to"}) == (("to", at(p, "China")),)
    assert p.obliques(verb, {"against", "with"}) == ()

    p = parse(parser, "Thousands of students protested against Israel in Amman.")
    verb = at(p, "protested")
    assert ("against", at(p, "Israel")) in p.obliques(verb)
    assert p.obliques(verb, {"against"}) == (("against", at(p, "Israel")),)


def test_obliques_through_the_object(parser: Parser) -> None:
    """Where the parser hangs "to the Philippines" (on "provide" or on "aid"), the target is found."""
    p = parse(parser, "Japan will provide economic aid to the Philippines and Vietnam.")
    verb = at(p, "provide")
    assert p.obliques(verb, {"to"}, via_objects=True) == (("to", at(p, "Philippines")),)
    assert p.conjuncts(at(p, "Philippines")) == (at(p, "Vietnam"),)
    assert p.obliques(verb, {"from"}, via_objects=True) == ()


def test_conjoined_subjects(parser: Parser) -> None:
    p = parse(parser, "China and Russia signed a trade agreement.")
    china, russia, verb = at(p, "China"), at(p, "Russia"), at(p, "signed")
    assert p.subject(verb) == china
    assert p.conjuncts(china) == (russia,)
    assert p.conjuncts(russia) == (china,)
    assert p.first_conjunct(russia) == china
    assert p.objects(verb) == (at(p, "agreement"),)


def test_conjoined_verbs_share_their_subject(parser: Parser) -> None:
    p = parse(parser, "Japan recalled its ambassador and closed the embassy.")
    second = at(p, "closed")
    assert p.subject(second) == at(p, "Japan")
    assert p.conjuncts(at(p, "recalled")) == (second,)
    assert p.objects(second) == (at(p, "embassy"),)
    assert not p.same_clause(at(p, "ambassador"), at(p, "embassy"))


def test_relative_clause_roles_go_to_the_noun_it_modifies(parser: Parser) -> None:
    p = parse(parser, "Officials criticised the country that attacked Japan.")
    relcl = at(p, "attacked")
    assert p.dep[relcl] == "acl:relcl"
    assert p.governor(relcl) == at(p, "country")
    assert p.subject(relcl) == at(p, "country")  # "that" stands for "the country"
    assert p.objects(relcl) == (at(p, "Japan"),)

    p = parse(parser, "Brazil rejected the treaty which Argentina proposed.")
    assert p.objects(at(p, "proposed")) == (at(p, "treaty"),)
    assert p.subject(at(p, "proposed")) == at(p, "Argentina")


def test_control_gives_the_subject_of_an_infinitive(parser: Parser) -> None:
    p = parse(parser, "Germany wants to sell submarines to Egypt.")
    assert p.subject(at(p, "sell")) == at(p, "Germany")
    assert p.intended(at(p, "sell"))


def test_reporting_verb_complement(parser: Parser) -> None:
    p = parse(parser, "France said Russia attacked Georgia.")
    assert p.complement(at(p, "said")) == at(p, "attacked")
    assert p.subject(at(p, "attacked")) == at(p, "Russia")


# --- scope ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("Pakistan did not receive the loan.", "receive"),
        ("Pakistan never received the loan.", "received"),
        ("Pakistan didn't receive the loan.", "receive"),
        ("China refused to sign the treaty.", "sign"),
        ("Iraq failed to pay its debts.", "pay"),
    ],
)
def test_negated(parser: Parser, sentence: str, verb: str) -> None:
    p = parse(parser, sentence)
    assert p.negated(at(p, verb))


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("Pakistan received the loan.", "received"),
        ("China agreed to sign the treaty.", "sign"),
        ("Russia plans to build a pipeline to China.", "build"),
    ],
)
def test_not_negated(parser: Parser, sentence: str, verb: str) -> None:
    p = parse(parser, sentence)
    assert not p.negated(at(p, verb))


def test_refused_to_governs_its_verb_not_itself(parser: Parser) -> None:
    p = parse(parser, "China refused to sign the treaty.")
    sign, refused = at(p, "sign"), at(p, "refused")
    assert p.controller(sign) == refused
    assert not p.negated(refused)
    assert p.subject(sign) == at(p, "China")
    assert not p.intended(sign)


def test_plans_to_makes_its_verb_intended(parser: Parser) -> None:
    p = parse(parser, "Russia plans to build a pipeline to China.")
    build = at(p, "build")
    assert p.intended(build)
    assert p.subject(build) == at(p, "Russia")
    assert p.objects(build) == (at(p, "pipeline"),)
    assert not p.intended(at(p, "plans"))


def test_modal(parser: Parser) -> None:
    p = parse(parser, "Japan would impose tariffs on steel.")
    assert p.modal(at(p, "impose")) == "would"
    p = parse(parser, "Japan imposed tariffs on steel.")
    assert p.modal(at(p, "imposed")) is None


def test_scope_lexicon_is_read_from_package_data() -> None:
    words = scope_words()
    assert {"refuse", "fail", "deny"} <= words["refusal"]
    assert "plan" in words["intention"] and "not" in words["negation"] and "would" in words["modal"]


# --- clauses --------------------------------------------------------------------------------------


def test_a_reported_clause_is_a_clause_of_its_own(parser: Parser) -> None:
    p = parse(parser, "France said that Russia attacked Georgia.")
    france, said, russia, georgia = at(p, "France"), at(p, "said"), at(p, "Russia"), at(p, "Georgia")
    assert p.clause_of(france) == (0, said + 1)  # "France said"
    assert p.clause_of(georgia) == (at(p, "that"), georgia + 1)  # "that Russia attacked Georgia"
    assert p.same_clause(russia, georgia)
    assert not p.same_clause(france, georgia)
    assert p.clause_head(georgia) == at(p, "attacked")


def test_coordinated_clauses_are_separate(parser: Parser) -> None:
    p = parse(parser, "Russia attacked Ukraine, and China condemned the attack.")
    assert not p.same_clause(at(p, "Ukraine"), at(p, "China"))
    start, end = p.clause_of(at(p, "Ukraine"))
    assert (start, end) == (0, at(p, "Ukraine") + 1)
    assert p.clause_of(at(p, "China"))[1] == at(p, "attack") + 1


def test_an_adverbial_clause_ends_before_the_main_clause(parser: Parser) -> None:
    p = parse(parser, "Before the talks began, Iran released two prisoners.")
    assert p.clause_head(at(p, "talks")) == at(p, "began")
    assert p.clause_of(at(p, "talks")) == (0, at(p, "began") + 1)  # "Before the talks began"
    assert p.clause_of(at(p, "prisoners")) == (at(p, "Iran"), at(p, "prisoners") + 1)
    assert p.subject(at(p, "released")) == at(p, "Iran")


# --- the packaged model ---------------------------------------------------------------------------


def test_the_model_is_package_data() -> None:
    path = default_model_path()
    assert path.is_relative_to(Path(bilateral.__file__).parent)
    meta = resources.files("bilateral.data") / "parser" / "meta.json"
    assert meta.is_file()
    assert "CC BY-SA 4.0" in meta.read_text(encoding="utf-8")
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size <= 25 * 1024 * 1024


def test_a_missing_model_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no-model"
    with pytest.raises(ParserModelMissing, match="no-model"):
        Parser(missing).parse(["Russia", "attacked", "."])


# Run in a fresh interpreter: any attempt to open a network connection fails loudly, and a proxy
# points at a closed local port, so a model that needed a download could not load.
_OFFLINE_LOAD = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
import bilateral
from bilateral.coding.syntax import Parser, default_model_path
p = Parser().parse(["Russia", "attacked", "Ukraine", "."])
print(bilateral.__file__)
print(default_model_path())
print(p.dep[1], p.subject(1))
"""


def _offline_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", NO_PROXY="")
    env.update(extra)
    return env


def test_the_model_loads_from_the_built_package_with_no_network(tmp_path: Path) -> None:
    """Build the package from a copy of the project (setuptools' build_py: the step that gathers the
    files a wheel holds, package data included) and load the parser from the result only."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(REPO / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "build_py", "--build-lib", str(site)],
        cwd=project, env=_offline_env(), capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_OFFLINE_LOAD)],
        cwd=tmp_path, env=_offline_env(PYTHONPATH=str(site)), capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stderr
    package_file, model_path, roles = run.stdout.splitlines()
    assert Path(package_file).is_relative_to(site)
    assert Path(model_path).is_relative_to(site / "bilateral" / "data" / "parser")
    assert roles == "root 0"


# --- the tree helpers on gold annotations (written by hand, UD guidelines) -----------------------


def gold(rows: str) -> Parse:
    """A parse from CoNLL-U-like rows: word, UPOS, lemma, head (1-based, 0 = root), relation."""
    cols = [line.split() for line in textwrap.dedent(rows).strip().splitlines()]
    return Parse(
        words=tuple(c[0] for c in cols),
        upos=tuple(c[1] for c in cols),
        lemma=tuple(c[2] for c in cols),
        head=tuple(int(c[3]) - 1 for c in cols),
        dep=tuple(c[4] for c in cols),
    )


# "Egypt, Jordan and Qatar , which Israel had accused , denied the report ."
ACCUSED = gold("""
    Egypt   PROPN Egypt   9  nsubj
    ,       PUNCT ,       3  punct
    Jordan  PROPN Jordan  1  conj
    and     CCONJ and     5  cc
    Qatar   PROPN Qatar   1  conj
    ,       PUNCT ,       8  punct
    which   PRON  which   8  obj
    accused VERB  accuse  1  acl:relcl
    denied  VERB  deny    0  root
    the     DET   the     11 det
    report  NOUN  report  9  obj
    .       PUNCT .       9  punct
""")


def test_conjuncts_of_a_three_way_coordination() -> None:
    assert ACCUSED.conjuncts(0) == (2, 4)
    assert ACCUSED.conjuncts(4) == (0, 2)
    assert ACCUSED.first_conjunct(4) == 0
    assert ACCUSED.conjuncts(8) == ()


def test_a_relative_pronoun_object_is_the_noun_modified() -> None:
    assert ACCUSED.objects(7) == (0,)  # "which" stands for "Egypt, Jordan and Qatar"
    assert ACCUSED.subject(8) == 0


def test_a_clause_in_the_middle_lies_inside_the_span_but_not_the_clause() -> None:
    assert ACCUSED.clause_head(6) == 7
    assert ACCUSED.clause_of(6) == (6, 8)  # "which accused": the commas are left out
    assert ACCUSED.clause_of(10) == (0, 11)  # the main clause spans the relative clause ...
    assert not ACCUSED.same_clause(10, 6)  # ... which is not part of it
    assert ACCUSED.same_clause(0, 10)


def test_paths_go_up_to_the_common_governor_and_down() -> None:
    assert ACCUSED.path(6, 10) == "obj↑ acl:relcl↑ nsubj↑ obj↓"
    assert ACCUSED.path(10, 4) == "obj↑ nsubj↓ conj↓"
    assert ACCUSED.path(4, 4) == ""


def test_a_split_sentence_has_no_path_between_its_parts() -> None:
    two_roots = gold("""
        Talks   NOUN  talk    0  root
        ended   VERB  end     0  root
    """)
    assert two_roots.path(0, 1) is None
    assert two_roots.governor(1) is None


def test_denied_governs_its_complement() -> None:
    denied = gold("""
        Russia  PROPN Russia  2  nsubj
        denied  VERB  deny    0  root
        sending VERB  send    2  xcomp
        troops  NOUN  troop   3  obj
    """)
    assert denied.negated(2)
    assert denied.controller(2) == 1
    assert denied.subject(2) == 0
    assert not denied.negated(1)


def test_object_control_gives_the_object_as_subject() -> None:
    urged = gold("""
        Washington PROPN Washington 2 nsubj
        urged      VERB  urge       0 root
        Japan      PROPN Japan      2 obj
        to         PART  to         5 mark
        cut        VERB  cut        2 xcomp
        tariffs    NOUN  tariff     5 obj
    """)
    assert urged.subject(4) == 2  # the one urged is the one asked to act
    assert urged.subject(1) == 0
