"""Property tests: the whole ingest path and ``Coder.code_sentence`` never raise, whatever comes in.

(The per-reader byte fuzzing lives in ``tests/ingest/test_readers_fuzz.py``; here the readers are
driven through the ingest job into a real store, and the coder through sentences made of actor
names, trigger verbs, punctuation, control and bidirectional characters.)
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.coding import Coder
from bilateral.coding.ontology import Codebook
from bilateral.ingest import ingest_paths
from bilateral.model import CHANNELS, STATUSES
from bilateral.store import Store

_counter = itertools.count()
_SUFFIXES = (".txt", ".jsonl", ".csv", ".tsv", ".html", ".rss", ".xml", ".atom", ".ndjson")

_WORDS = st.sampled_from([
    "Pakistan", "the United States", "India", "China", "Japan", "Russia", "the UN", "IMF", "NATO", "he", "she",
    "it", "they", "praised", "condemned", "signed", "agreed", "to", "sell", "wheat", "will", "not", "did",
    "may", "promised", "attacked", "accused", "of", "by", "a", "deal", "aid", "loan", "with", "on", "Monday",
    "said", "that", "and", "but", ",", ".", ";", "\"", "'", "(", ")", "-", "\u200b", "\u202e", "\u2067",
    "\u0625\u0633\u0631\u0627\u0626\u064a\u0644", "\ufeff", "\n", "\t", "\x00", "U.S.", "Gen.", "99999",
])
_SENTENCES = st.one_of(
    st.lists(_WORDS, max_size=40).map(" ".join),
    st.text(max_size=300),
    st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=30).map(" ".join),
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    """One coder for every example (loading the lexicons takes a while)."""
    return Coder()


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    """The CAMEO codebook, to check codes against."""
    return Codebook.load()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_SENTENCES, date=st.one_of(st.none(), st.sampled_from(["2024-02-29", "1987-03-01", "99999-01-01",
                                                                     "not a date", ""])))
def test_code_sentence_never_raises_and_events_are_valid(
    coder: Coder, codebook: Codebook, text: str, date: str | None,
) -> None:
    events = coder.code_sentence(text, doc_id="fuzz", index=0, date=date)
    for ev in events:
        start, end = ev.span
        assert 0 <= start <= end <= len(text), (ev.span, len(text))
        assert ev.status in STATUSES
        assert ev.channel in CHANNELS
        assert ev.cameo in codebook, ev.cameo
        assert ev.quad_class in (1, 2, 3, 4)
        assert -10.0 <= ev.goldstein <= 10.0
        assert ev.source is None or (isinstance(ev.source, str) and ev.source)
        assert ev.target is None or (isinstance(ev.target, str) and ev.target)
        assert ev.sentence == text or ev.sentence in text
        ev.to_record()  # the fixed record can always be built


def _hostile(data: st.DataObject) -> bytes:
    kind = data.draw(st.sampled_from(["bytes", "json", "text", "markup"]))
    if kind == "bytes":
        return data.draw(st.binary(max_size=600))
    if kind == "json":
        obj = data.draw(st.recursive(
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=40)),
            lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
                ["id", "text", "date", "url", "title", "x"]), inner, max_size=5)),
            max_leaves=20,
        ))
        line = json.dumps(obj)
        return (line + "\n" + line[: data.draw(st.integers(0, len(line)))]).encode()
    if kind == "markup":
        tags = data.draw(st.lists(st.sampled_from([
            "<rss>", "<channel>", "<item>", "<description>", "</item>", "<![CDATA[", "]]>", "<script>", "&amp;",
            "&lol;", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "<html>", "<p>", "Pakistan praised India.", "<", ">",
        ]), max_size=30))
        return "".join(tags).encode()
    return data.draw(st.text(max_size=400)).encode(data.draw(st.sampled_from(["utf-8", "utf-16", "utf-32"])))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_ingest_never_raises_and_reports_one_line_per_problem(coder: Coder, tmp_path: Path,
                                                               data: st.DataObject) -> None:
    folder = tmp_path / f"batch{next(_counter)}"
    folder.mkdir()
    files = data.draw(st.lists(st.sampled_from(_SUFFIXES), min_size=1, max_size=5))
    for i, suffix in enumerate(files):
        (folder / f"f{i}{suffix}").write_bytes(_hostile(data))
    (folder / "zz-good.jsonl").write_text(json.dumps({"id": "good", "text": "Japan praised China on Monday."}) + "\n")
    with Store(":memory:") as store:
        result = ingest_paths([folder], store, coder)
        ids = {r[0] for r in store.connection.execute("SELECT id FROM documents").fetchall()}
    assert "good" in ids or result.documents_skipped  # the good file is never lost
    for err in result.errors:
        line = str(err)
        assert "\n" not in line and "\r" not in line and len(line) < 400 + len(str(folder))
        assert err.origin.startswith(str(folder))
