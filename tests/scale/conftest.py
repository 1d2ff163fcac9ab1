"""Inputs for the scale tests: a JSONL corpus built from the bundled sample and, when present, Reuters."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

REUTERS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus" / "reuters21578" / (
    "reuters21578.jsonl")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

_OWN = [
    "China pledged economic aid to Kenya.",
    "India and Japan held talks in Tokyo.",
    "France did not receive the loan it asked for.",
    "The United States praised Pakistan for its cooperation, but Pakistan has not received the promised "
    "trade concessions.",
    "Japan cut tariffs on Indian goods. India welcomed the decision and said it would invest in Japan.",
    "Germany may sign a defense agreement with Poland next year.",
    "Russia accused Ukraine of violating the ceasefire. Ukraine denied the claim.",
]


def _sample_sentences() -> list[str]:
    text = (resources.files("bilateral") / "data" / "samples" / "pakistan_us_sample.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n") if p.strip()]


def _reuters(n: int) -> list[dict[str, object]]:
    if not REUTERS.exists():
        return []
    out: list[dict[str, object]] = []
    with REUTERS.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("text_type") != "NORM" or not (obj.get("text") or "").strip():
                continue
            day, mon, year = str(obj.get("date", "")).split()[0].split("-")
            date = f"{year}-{_MONTHS.index(mon.upper()) + 1:02d}-{int(day):02d}"
            out.append({"id": obj["id"], "text": obj["text"], "date": date})
            if len(out) >= n:
                break
    return out


def build_corpus(path: Path, n: int) -> Path:
    """Write ``n`` documents as JSONL: Reuters documents when available, else our own sentences.

    Every fifth document comes from our own sentences (some without a date, some without an id),
    and the file has a blank line and a broken line in it, as real dumps do.
    """
    pieces = _sample_sentences() + _OWN
    pairs = [(a, b) for a in range(len(pieces)) for b in range(len(pieces)) if a != b]
    reuters = _reuters(n)
    lines: list[str] = []
    for i in range(n):
        if i % 5 and reuters:
            doc = reuters.pop(0)
        else:
            a, b = pairs[(7 * i) % len(pairs)]
            text = f"{pieces[a]} {pieces[b]}"
            doc = {"id": f"own-{i}", "text": text, "date": ["2024-03-01", "2024-03-02", None][i % 3]}
            if i % 7 == 3:
                del doc["id"]
        lines.append(json.dumps(doc, ensure_ascii=False))
        if i == 2:
            lines.append("")
        if i == 4:
            lines.append('{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 documents (plus a blank and a broken line)."""
    return build_corpus(tmp_path_factory.mktemp("corpus") / "small.jsonl", 40)


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``bilateral ARGS...`` in a real process of this interpreter; return the finished process."""

    def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bilateral.cli", *args], capture_output=True, text=True, timeout=timeout,
            check=False,
        )

    return run
