"""Property tests: whatever bytes a file holds, readers never crash the batch."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.ingest import ReadIssue, read_path
from bilateral.model import Document

_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


_counter = itertools.count()


def _write(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"input{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


@_settings
@given(st.binary(max_size=400))
def test_text_reader_any_bytes(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, ".txt", data)
    items = list(read_path(path))
    assert len(items) == 1
    (item,) = items
    if isinstance(item, ReadIssue):
        assert item.origin == str(path) and item.reason
        assert "\n" not in str(item)
    else:
        assert item.text.strip() and item.id.startswith("txt-")


@_settings
@given(st.text(min_size=1, max_size=300))
def test_text_reader_id_ignores_path(tmp_path: Path, text: str) -> None:
    a = _write(tmp_path, ".txt", text.encode("utf-8"))
    b = _write(tmp_path, ".txt", text.encode("utf-8"))
    ia, ib = list(read_path(a)), list(read_path(b))
    if isinstance(ia[0], Document):
        assert isinstance(ib[0], Document) and ia[0].id == ib[0].id


_line = st.one_of(
    st.binary(max_size=80).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.builds(
        lambda i, t: json.dumps({"id": i, "text": t}).encode("utf-8"),
        st.one_of(st.none(), st.text(max_size=10), st.integers()),
        st.one_of(st.text(max_size=40), st.integers(), st.none()),
    ),
)


@_settings
@given(st.lists(_line, max_size=12))
def test_jsonl_reader_any_lines(tmp_path: Path, lines: list[bytes]) -> None:
    path = _write(tmp_path, ".jsonl", b"\n".join(lines) + b"\n")
    items = list(read_path(path))
    expected = []
    for n, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            expected.append(n)
            continue
        if text.strip():
            expected.append(n)
    # every non-blank line gives exactly one document or one issue, in order
    assert len(items) == len(expected)
    for item in items:
        if isinstance(item, ReadIssue):
            path_part, line_no = item.origin.rsplit(":", 1)
            assert path_part == str(path) and line_no.isdigit()
            assert "\n" not in item.reason
        else:
            assert isinstance(item, Document) and item.text.strip() and item.id
