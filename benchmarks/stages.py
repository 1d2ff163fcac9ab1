#!/usr/bin/env python3
"""Where the coder's time goes, stage by stage, beside the tokenizer floor.

    .venv/bin/python benchmarks/stages.py            # all NORM documents of Reuters-21578
    .venv/bin/python benchmarks/stages.py --docs 2000 --no-write

Each stage runs the coder's own steps up to and including that stage, over the same documents
(already parsed: JSON is left out), one core, CPU time, best of ``--repeats`` rounds in which all
stages run one after the other. A stage's cost is the difference from the stage before it, so the
table says which part of ``Coder.code_document`` would have to shrink, and by how much, for the
coder to come within a given multiple of the floor. The first stages repeat what
``code_document`` does before its rules (``Coder.sentences``, ``token_texts``, ``WordForms.flags``,
``dictionary_matches``, ``find_mentions``): keep them in step with it.

Results replace the ``## Where the coder's time goes`` section of ``BENCHMARKS.md``.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPUS, REPO, commit, machine, norm_documents, replace_sections

from bilateral.coding import Coder
from bilateral.coding.mentions import Discourse, dictionary_matches, find_mentions
from bilateral.coding.sentences import split_sentences
from bilateral.coding.tokens import token_texts, tokenize, tokens_from_texts
from bilateral.model import Document

WARM_DOCS = 300  # coded once first, so the per-word-form caches are as a long-running coder has them


def load(corpus: Path, limit: int | None) -> list[Document]:
    """The NORM documents with text, as ``benchmarks/run.py`` selects them."""
    return [Document(id=str(d["id"]), text=d["text"], date=d["date"]) for d in islice(norm_documents(corpus), limit)]


def stages(coder: Coder, docs: list[Document]) -> list[tuple[str, Callable[[], None]]]:
    """(label, run over all documents): the floor, then the coder's stages, each doing everything
    the stage before it does."""
    forms, actors, lexicon = coder._forms, coder.actors, coder.lexicon

    def floor() -> None:
        for d in docs:
            text = d.text
            for s, e in split_sentences(text):
                tokenize(text[s:e])

    def words() -> None:
        for d in docs:
            for s in coder.sentences(d):
                token_texts(s.text)

    def flags() -> None:
        for d in docs:
            for s in coder.sentences(d):
                forms.flags(token_texts(s.text))

    def actor_matches() -> None:
        for d in docs:
            for s in coder.sentences(d):
                w = token_texts(s.text)
                dictionary_matches(w, actors, d.date, forms.flags(w))

    def mentions() -> None:
        for d in docs:
            discourse = Discourse()
            for s in coder.sentences(d):
                w = token_texts(s.text)
                f = forms.flags(w)
                m = dictionary_matches(w, actors, d.date, f)
                if not w:
                    continue  # code_document hands an empty sentence to code_sentence, which returns at once
                if coder._may_mention(m, w, discourse):
                    toks = tokens_from_texts(s.text, w)
                    found = find_mentions(toks, s.text, actors, lexicon, d.date, discourse, m, f)
                    coder._update_discourse(discourse, found, [])
                else:
                    coder._update_discourse(discourse, [], [])

    def full() -> None:
        for d in docs:
            coder.code_document(d)

    def records() -> None:
        sink = io.StringIO()
        for d in docs:
            for ev in coder.code_document(d)[1]:
                sink.write(json.dumps(ev.to_record(), ensure_ascii=False) + "\n")

    return [
        ("floor: `split_sentences` + `tokenize` (every token a `Token`)", floor),
        ("sentences and their words (`Coder.sentences`, `token_texts`)", words),
        ("+ word-form flags (`WordForms.flags`)", flags),
        ("+ actor dictionary matches (`dictionary_matches`)", actor_matches),
        ("+ mentions (`Token`s for sentences that may name an actor, `find_mentions`, discourse)", mentions),
        ("+ rules: triggers, roles, status, channel, events (`code_document`)", full),
        ("+ event records serialised as `code-text` writes them", records),
    ]


def measure(coder: Coder, docs: list[Document], repeats: int) -> list[tuple[str, float]]:
    """Best CPU seconds of each stage over ``repeats`` rounds."""
    for d in docs[:WARM_DOCS]:
        coder.code_document(d)
    plan = stages(coder, docs)
    best = [float("inf")] * len(plan)
    for _ in range(repeats):
        for k, (_label, run) in enumerate(plan):
            c0 = time.process_time()
            run()
            best[k] = min(best[k], time.process_time() - c0)
    return [(label, t) for (label, _run), t in zip(plan, best, strict=True)]


def section(rows: list[tuple[str, float]], n_docs: int, stamp: str, mach: str, rev: str, repeats: int) -> str:
    floor = rows[0][1]
    out = [
        "## Where the coder's time goes",
        "",
        f"Measured {stamp} on {mach} by `benchmarks/stages.py` (commit {rev}), {n_docs:,} NORM documents "
        f"of Reuters-21578 already parsed (no JSON), one core, CPU seconds, best of {repeats} "
        f"round{'s' if repeats != 1 else ''}. "
        "Each stage runs the coder's steps up to and including it; its cost is the difference from the "
        "stage above.",
        "",
        "| stage | CPU s, cumulative | stage's own CPU s | own ÷ floor |",
        "| --- | ---: | ---: | ---: |",
        f"| {rows[0][0]} | {floor:.2f} | {floor:.2f} | 1.00 |",
    ]
    prev = None
    for label, t in rows[1:]:
        own = t if prev is None else t - prev
        out.append(f"| {label} | {t:.2f} | {own:.2f} | {own / floor:.2f} |")
        prev = t
    total = rows[-1][1]
    added = total - rows[1][1]
    out += [
        "",
        f"All stages together: {total / floor:.2f}× the floor. The stages below the second row (what the "
        f"coder does besides splitting and reading words) take {added:.2f} s, {added / floor:.2f}× the floor. "
        f"At most 3× needs the whole at {3 * floor:.2f} s: {total - 3 * floor:.2f} s less, "
        f"{(total - 3 * floor) / added:.0%} of those stages.",
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=None, help="the first N documents only")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    ap.add_argument("--no-write", action="store_true", help="print the section; leave BENCHMARKS.md as it is")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"benchmarks/stages.py: {args.corpus}: corpus not found", file=sys.stderr)
        return 2
    docs = load(args.corpus, args.docs)
    coder = Coder()
    rows = measure(coder, docs, args.repeats)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = section(rows, len(docs), stamp, machine(), commit(), args.repeats)
    print(text)
    if not args.no_write:
        replace_sections(args.out, {"## Where the coder's time goes": text})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
