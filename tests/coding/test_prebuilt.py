"""Built language data kept between processes: read back when the key matches, rebuilt otherwise."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from bilateral.coding import prebuilt
from bilateral.coding.lexicon import Lexicon


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BILATERAL_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_built_object_is_kept_and_read_back(cache: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, list[int]]:
        builds.append(1)
        return {"words": [1, 2, 3]}

    key = prebuilt.digest([b"table", b"code"])
    assert prebuilt.load_or_build("thing", key, build) == {"words": [1, 2, 3]}
    assert prebuilt.load_or_build("thing", key, build) == {"words": [1, 2, 3]}
    assert len(builds) == 1
    assert len(list(cache.glob("thing-*.pickle"))) == 1


def test_another_key_builds_anew(cache: Path) -> None:
    assert prebuilt.load_or_build("thing", prebuilt.digest([b"v1"]), lambda: 1) == 1
    assert prebuilt.load_or_build("thing", prebuilt.digest([b"v2"]), lambda: 2) == 2


def test_the_key_depends_on_every_part_and_its_boundaries() -> None:
    assert prebuilt.digest([b"ab", b"c"]) != prebuilt.digest([b"a", b"bc"])
    assert prebuilt.digest([b"a"]) != prebuilt.digest([b"a", b""])


def test_a_damaged_file_is_rebuilt_and_replaced(cache: Path) -> None:
    key = prebuilt.digest([b"x"])
    prebuilt.load_or_build("thing", key, lambda: "good")
    (path,) = cache.glob("thing-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert prebuilt.load_or_build("thing", key, lambda: "rebuilt") == "rebuilt"
    assert pickle.loads(path.read_bytes()) == "rebuilt"


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_CACHE_DIR", "off")
    assert prebuilt.cache_dir() is None
    builds: list[int] = []
    for _ in range(2):
        prebuilt.load_or_build("thing", "k" * 64, lambda: builds.append(1))
    assert len(builds) == 2


def test_an_unwritable_folder_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BILATERAL_CACHE_DIR", str(blocker / "cache"))
    assert prebuilt.load_or_build("thing", "k" * 64, lambda: 7) == 7


def test_the_kept_lexicon_codes_as_the_built_one(tmp_path: Path) -> None:
    """Two fresh processes over an empty cache folder: the first builds and keeps, the second reads;
    both code the same sentences to the same events."""
    script = (
        "import json, sys\n"
        "from bilateral.coding import Coder\n"
        "from bilateral.model import Document\n"
        "texts = ['Japan agreed to lift tariffs on US beef.', 'Russia hacked a Ukrainian government website.',"
        " 'Spain handed over four fighter jets to Morocco on Monday.']\n"
        "c = Coder()\n"
        "out = [[(e.source, e.target, e.cameo, e.status, e.channel) for e in"
        " c.code_document(Document(id='d', text=t))[1]] for t in texts]\n"
        "print(json.dumps(out))\n"
    )
    env = {"BILATERAL_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1]
    assert "ESP" in runs[0]
    assert list(tmp_path.glob("lexicon-*.pickle"))


def test_a_lexicon_survives_pickling() -> None:
    lexicon = Lexicon.load()
    copy = pickle.loads(pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy.lemmas == lexicon.lemmas
    assert copy.lemma("handed") == lexicon.lemma("handed")
