"""Bad input through the real ``bilateral ingest``: one line per problem, nothing else lost, no traceback.

One folder holds every kind of hostile file next to good articles; the CLI runs once over it as a
subprocess. Each bad file must either be handled (stored sensibly) or give a one-line
``path[:line]: reason`` on stderr; every good article must be stored with its events; memory stays
bounded. The 200 MB single-line case has its own test (streamed, under 60 s).
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pytest

if TYPE_CHECKING:
    from tests.reliability.conftest import CliRun

GOOD = [
    "ISLAMABAD, March 3 (Reuters) - The United States agreed to sell wheat to Pakistan on Tuesday.",
    "NEW DELHI, May 4 (Reuters) - India signed a trade agreement with Japan on Monday.",
    "BEIJING, June 5 (Reuters) - China accused Japan of violating its airspace.",
    "MOSCOW, July 6 (Reuters) - Russia praised Turkey for its help after the earthquake.",
    "PARIS, Aug 7 (Reuters) - France promised to send aid to Lebanon.",
    "CAIRO, Sept 8 (Reuters) - Egypt condemned Israel over the strike.",
]
MB = 1024 * 1024
#: Peak resident memory allowed for the ingest process (interpreter, DuckDB, lexicons and the inputs).
RSS_LIMIT_MB = 400  # a one-document ingest peaks near 250 MB; a 200 MB line read whole would pass 450

# file name -> a part of its expected error line (None: handled, no error line expected)
EXPECTED: dict[str, str | None] = {
    "empty.txt": "empty file",
    "empty.jsonl": None,
    "empty.csv": "empty file",
    "empty.html": "empty file",
    "empty.rss": "not an RSS/Atom feed",
    "binary.txt": "not UTF-8 text",
    "binary.jsonl": "",  # some lines: not UTF-8 / broken JSON
    "binary.csv": "",
    "binary.html": "",
    "binary.rss": "not an RSS/Atom feed",
    "utf16.txt": "UTF-16 text, not UTF-8",
    "latin1.txt": "not UTF-8 text (byte 0xe8",
    "cp1252.txt": "not UTF-8 text (byte 0x93",
    "utf16.jsonl": "not UTF-8 text",
    "mixed.jsonl": "not UTF-8 text",
    "nested.jsonl": "JSON nested too deeply",
    "nested_ok.jsonl": None,
    "truncated.jsonl": "broken JSON",
    "broken_quote.csv": None,  # csv reads the open quote to the end: one odd row, stored
    "nul.csv": None,  # a NUL byte in a field is kept as text
    "scripts.html": "no article text found",
    "invalid.rss": "",
    "garbage.xml.rss": "not an RSS/Atom feed",
    "bomb.rss": None,  # parsed without expanding the entities
    "xxe.rss": None,  # the external entity is not fetched
    "date99999.jsonl": None,
    "zerowidth_rtl.txt": None,
    "long_sentence.txt": None,
    "huge_document.txt": "document too long to code",
    "bad\nname.txt": "empty file",
    "evil\u202etxt.exe.txt": "empty file",
}


def _noise(seed: int, n: int = 6000) -> bytes:
    return random.Random(seed).randbytes(n)


def _good_line(i: int, text: str, **extra: Any) -> str:
    return json.dumps({"id": f"good-{i}", "text": text, **extra}) + "\n"


def build_corpus(folder: Path) -> None:
    """Write every hostile file, and the good articles between them, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    w = folder.joinpath
    w("good.jsonl").write_text("".join(_good_line(i, t) for i, t in enumerate(GOOD[:3])))
    w("good.txt").write_text(GOOD[3] + "\n")
    for name in ("empty.txt", "empty.jsonl", "empty.csv", "empty.html", "empty.rss", "bad\nname.txt",
                 "evil\u202etxt.exe.txt"):
        w(name).write_bytes(b"")
    for i, ext in enumerate(("txt", "jsonl", "csv", "html", "rss")):
        w(f"binary.{ext}").write_bytes(b"\x89PNG\r\n\x1a\n" + _noise(i))
    w("utf16.txt").write_bytes((GOOD[4] + " M\u00fcller said.\n").encode("utf-16"))
    w("latin1.txt").write_bytes("Pakistan thanked the cr\u00e8me of Paris.\n".encode("latin-1"))
    w("cp1252.txt").write_bytes("Pakistan \u201cthanked\u201d France \u20ac.\n".encode("cp1252"))
    w("utf16.jsonl").write_bytes(_good_line(90, "India thanked Nepal.").encode("utf-16"))
    w("mixed.jsonl").write_bytes(
        _good_line(10, "Brazil signed a deal with Argentina on Monday.").encode()
        + b'{"id": "bad-latin1", "text": "caf\xe9 cr\xe8me"}\n'
        + _good_line(11, "Kenya condemned Somalia over the attack.").encode()
    )
    deep = "[" * 100_000 + "]" * 100_000
    w("nested.jsonl").write_text(
        '{"id": "deep", "text": "x", "deep": ' + deep + "}\n" + _good_line(12, "Chile praised Peru for the accord.")
    )
    ok_deep = "[" * 200 + "]" * 200
    w("nested_ok.jsonl").write_text(json.dumps({"id": "good-13", "text": "Ghana thanked Togo."})[:-1]
                                    + ', "deep": ' + ok_deep + "}\n")
    w("truncated.jsonl").write_text(_good_line(14, "Norway sent aid to Sudan.") + '{"id": "cut", "text": "The Uni')
    w("broken_quote.csv").write_text('id,text\ncsv-1,"Peru thanked Chile, and then\ncsv-2,Mali praised Niger\n')
    w("nul.csv").write_bytes(b"id,text\nn1,Iran thanked\x00 Iraq\n")
    w("scripts.html").write_text(
        "<html><head><script>var x = 1;</script></head><body>"
        + "<script>document.write('Pakistan praised the United States for its help');</script>" * 50
        + "<noscript></noscript></body></html>"
    )
    w("invalid.rss").write_text("<rss><channel><item><title>broken</title><description>oops</item></channel>")
    w("garbage.xml.rss").write_text("<<<>>> this is not < xml & at all")
    bomb = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '<!ENTITY lol0 "lol">']
    bomb += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    bomb += ["]>", '<rss version="2.0"><channel><title>bomb</title><item><title>&lol9;</title>',
             "<description>&lol9; Japan praised China.</description></item></channel></rss>"]
    w("bomb.rss").write_text("\n".join(bomb))
    w("xxe.rss").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>x</title><item><title>t</title>'
        "<description>Spain thanked Italy. &xxe;</description></item></channel></rss>"
    )
    w("date99999.jsonl").write_text(
        _good_line(15, GOOD[5], date="99999-01-01") + _good_line(16, "Cuba thanked Mexico.", date="01/02/99999")
    )
    w("zerowidth_rtl.txt").write_text(
        "Pak\u200bistan\u200d praised the \u202eUnited States\u202c for its \u200fhelp\u200e. "
        "\u2067\u0625\u0633\u0631\u0627\u0626\u064a\u0644\u2069 \ufeffagreed to sell wheat to Pakistan.\n"
    )
    w("long_sentence.txt").write_text(
        "Pakistan praised the United States " + "and the very long clause of the United States " * 2200 + ".\n"
    )
    w("huge_document.txt").write_text("Oman thanked Qatar and " * 100_000 + ".\n")


def _origin_file(line: str, folder: Path) -> str:
    """The file name an error line names (``corpus/name[:N|#entry N]: reason``)."""
    prefix = f"{folder.name}/"
    assert line.startswith(prefix), line
    rest = line[len(prefix):]
    for name in sorted(EXPECTED, key=len, reverse=True):
        shown = re.sub(r"[\x00-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+", " ", name)
        if rest.startswith(shown):
            after = rest[len(shown):]
            assert re.match(r"^(:\d+|#entry \d+)?: \S", after), line
            return name
    raise AssertionError(f"error line names no known file: {line!r}")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory, cli: Callable[..., CliRun]) -> tuple[Path, CliRun, float]:
    """The CLI run over the hostile folder: (working directory, the run, seconds)."""
    root = tmp_path_factory.mktemp("bad")
    build_corpus(root / "corpus")
    t0 = time.perf_counter()
    run = cli("ingest", "corpus", "--db", "bad.duckdb", "--workers", "1", "--no-progress", cwd=root, timeout=170)
    return root, run, time.perf_counter() - t0


def test_no_traceback_and_exit_zero(bad_run: tuple[Path, CliRun, float]) -> None:
    _, run, _ = bad_run
    run.assert_no_traceback()
    assert run.returncode == 0, run.stderr
    assert "errors →" in run.stdout


def test_every_problem_is_one_line_naming_its_file(bad_run: tuple[Path, CliRun, float]) -> None:
    root, run, _ = bad_run
    named: dict[str, list[str]] = {}
    for line in run.error_lines:
        named.setdefault(_origin_file(line, root / "corpus"), []).append(line)
    for name, reason in EXPECTED.items():
        if reason is None:
            assert name not in named, f"{name} should be handled: {named.get(name)}"
        else:
            assert name in named, f"{name}: no error line in\n{run.stderr}"
            assert any(reason in ln for ln in named[name]), named[name]


def test_nothing_good_is_lost(bad_run: tuple[Path, CliRun, float]) -> None:
    root, _, _ = bad_run
    con = duckdb.connect(str(root / "bad.duckdb"), read_only=True)
    try:
        ids = {r[0] for r in con.execute("SELECT id FROM documents").fetchall()}
        for wanted in ("good-0", "good-1", "good-2", "good-10", "good-11", "good-12", "good-13", "good-14",
                       "good-15", "good-16", "csv-1"):
            assert wanted in ids, wanted
        texts = [r[0] for r in con.execute("SELECT text FROM documents").fetchall()]
        assert any("Russia praised Turkey" in t for t in texts)  # good.txt
        assert any("Pak\u200bistan" in t for t in texts)  # zero-width kept as given
        events = con.execute("SELECT id, source, target FROM events").fetchall()
        assert {e[0] for e in events} >= {"good-0", "good-1", "good-2"}
        # dates beyond 9999 are dropped, never stored as nonsense
        dates = [r[0] for r in con.execute("SELECT date FROM documents WHERE date IS NOT NULL").fetchall()]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates), dates
        # the entity bomb did not expand and the external entity was not read
        assert max(len(t) for t in texts) < 200_000
        assert not any("lollollol" in t or "root:" in t for t in texts)
        # the 100,000-character sentence was cut into pieces of at most 2,000 characters
        assert con.execute("SELECT max(length(text)) FROM sentences").fetchall()[0][0] <= 2000
        assert con.execute("SELECT count(*) FROM ingest_errors").fetchall()[0][0] >= len(
            [r for r in EXPECTED.values() if r is not None])
    finally:
        con.close()


def test_memory_and_time_bounded(bad_run: tuple[Path, CliRun, float]) -> None:
    _, run, seconds = bad_run
    assert 0 < run.peak_rss_mb < RSS_LIMIT_MB, run.peak_rss_mb
    assert seconds < 150
    print(f"\nbad-input folder: {len(EXPECTED)} hostile files, {seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")


def _write_single_line(path: Path, size: int) -> None:
    chunk = b"Pakistan praised the United States " * (MB // 35)
    with path.open("wb") as fh:
        fh.write(b'{"id": "huge", "text": "')
        written = 0
        while written < size:
            fh.write(chunk)
            written += len(chunk)


#: The single-line file: 200 MB (set BILATERAL_BIG_MB to change it).
BIG_MB = int(os.environ.get("BILATERAL_BIG_MB", "200"))


def test_200mb_single_line_streamed(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    """A 200 MB file without a line break, as JSONL, text, CSV, HTML and feed: rejected in bounded memory."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    big = corpus / "big.jsonl"
    _write_single_line(big, BIG_MB * MB)
    for ext in ("txt", "csv", "html", "rss"):
        os.link(big, corpus / f"big.{ext}")  # the same 200 MB, no extra disk
    (corpus / "good.jsonl").write_text(_good_line(0, GOOD[0]) + _good_line(1, GOOD[1]))
    t0 = time.perf_counter()
    run = cli("ingest", "corpus", "--db", "big.duckdb", "--workers", "1", "--no-progress", cwd=tmp_path, timeout=120)
    seconds = time.perf_counter() - t0
    run.assert_no_traceback()
    assert run.returncode == 0, run.stderr
    lines = run.error_lines
    assert len(lines) == 5, lines
    assert any(ln.startswith("corpus/big.jsonl:1: line longer than") for ln in lines), lines
    for ext in ("txt", "html", "rss"):
        assert any(ln.startswith(f"corpus/big.{ext}: file too large") for ln in lines), lines
    assert any(ln.startswith("corpus/big.csv: ") for ln in lines), lines
    con = duckdb.connect(str(tmp_path / "big.duckdb"), read_only=True)
    try:
        assert {r[0] for r in con.execute("SELECT id FROM documents").fetchall()} == {"good-0", "good-1"}
    finally:
        con.close()
    assert run.peak_rss_mb < RSS_LIMIT_MB, run.peak_rss_mb
    assert seconds < 60, seconds
    print(f"\n{BIG_MB} MB single line ×5 formats: {seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")
