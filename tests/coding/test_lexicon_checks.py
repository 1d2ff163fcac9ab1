"""The lexicon is checked against the codebook and the channel list when it loads."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from bilateral.coding import Coder
from bilateral.coding.lexicon import Lexicon, LexiconError
from bilateral.coding.ontology import Codebook


def lexicon_copy(tmp_path: Path) -> Path:
    root = tmp_path / "lexicon"
    shutil.copytree(Path(str(resources.files("bilateral.data.lexicon"))), root)
    return root


def append(path: Path, line: str) -> int:
    """Append a line; return its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_the_packaged_lexicon_loads_from_a_folder(tmp_path: Path) -> None:
    lex = Lexicon.load(lexicon_copy(tmp_path))
    assert lex.verb_form("hacked") is not None
    assert lex.code_channels["17"] == "security"


def test_unknown_code_names_file_line_and_code(tmp_path: Path) -> None:
    root = lexicon_copy(tmp_path)
    line = append(root / "verb_patterns.tsv", "hack\t\tmainframe\t176")
    with pytest.raises(LexiconError, match=rf"verb_patterns.tsv, line {line}: unknown CAMEO code '176'"):
        Lexicon.load(root)


def test_unknown_channel_is_refused(tmp_path: Path) -> None:
    root = lexicon_copy(tmp_path)
    line = append(root / "deeds.tsv", "space cooperation\t061\tspace")
    with pytest.raises(LexiconError, match=rf"deeds.tsv, line {line}: unknown channel 'space'"):
        Lexicon.load(root)


def test_unknown_code_in_the_cues(tmp_path: Path) -> None:
    root = lexicon_copy(tmp_path)
    cues = root / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8").replace('riot_code: "145"', 'riot_code: "1459"'), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.yaml, line \d+ \(riot_code\): unknown CAMEO code '1459'"):
        Lexicon.load(root)


def test_every_packaged_code_is_in_the_codebook() -> None:
    lex = Lexicon.load()
    codebook = Codebook.load()
    codes = {p.code for plist in lex.patterns.values() for p in plist}
    codes |= {d.code for dl in lex.deeds.values() for d in dl}
    assert codes and all(c in codebook for c in codes)


def test_hacking_a_government_website_is_coded() -> None:
    events = Coder().code_sentence("Russia hacked a Ukrainian government website.", date="2025-06-01")
    assert [(e.source, e.target, e.cameo, e.status) for e in events] == [("RUS", "UKR", "171", "realized")]
