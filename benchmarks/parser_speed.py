#!/usr/bin/env python3
"""The parser's own speed: the floor under a coder that reads a dependency parse.

    .venv/bin/python benchmarks/parser_speed.py               # or: make bench-parser
    .venv/bin/python benchmarks/parser_speed.py --docs 500 --no-write

On the NORM documents of Reuters-21578 (``../shared/data/corpus/reuters21578/reuters21578.jsonl``,
the first ``--docs`` of them), split into sentences by ``split_sentences`` and into words by the
coder's tokenizer (``token_texts``), it parses

* every sentence, and
* only the sentences that name an actor in the coder's actor dictionary (a country, organisation,
  person or group; a bare sector word such as "officials" does not count): the sentences a coder
  that parses only its candidates would parse at most,

with the packaged model (``bilateral.coding.syntax.Parser.parse_many``, spaCy ``nlp.pipe``), one
process, one thread. It reports sentences/s and tokens/s by wall and CPU time, the model's load time
and the process's peak resident memory. Results replace the ``## Parser speed`` section of
``BENCHMARKS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPUS, REPO, commit, machine, norm_documents, replace_sections

from bilateral.coding.actors import ActorDictionary
from bilateral.coding.sentences import split_sentences
from bilateral.coding.syntax import Parser
from bilateral.coding.tokens import token_texts

WARM_SENTENCES = 200


def corpus_sentences(corpus: Path, docs: int | None) -> list[list[str]]:
    """The coder's words of every sentence of the first ``docs`` NORM documents."""
    out: list[list[str]] = []
    for d in islice(norm_documents(corpus), docs):
        text = d["text"]
        for s, e in split_sentences(text):
            words = token_texts(text[s:e])
            if words:
                out.append(words)
    return out


def names_actor(words: list[str], actors: ActorDictionary) -> bool:
    """Whether the sentence names an actor that is not a bare sector word."""
    return any(entry.kind != "sector" for _, entry in actors.spans(words).values())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def timed_parse(parser: Parser, sentences: list[list[str]], batch: int) -> dict[str, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    parses = parser.parse_many(sentences, batch_size=batch)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    tokens = sum(len(p) for p in parses)
    return {
        "sentences": len(sentences),
        "tokens": tokens,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "sentences_per_s": round(len(sentences) / wall, 1),
        "tokens_per_s": round(tokens / wall, 1),
        "sentences_per_cpu_s": round(len(sentences) / cpu, 1),
        "tokens_per_cpu_s": round(tokens / cpu, 1),
    }


def section(res: dict[str, Any], command: str) -> str:
    runs = res["runs"]
    rows = "\n".join(
        f"| {label} | {r['sentences']:,} | {r['tokens']:,} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | "
        f"{r['sentences_per_s']:,.0f} | {r['tokens_per_s']:,.0f} | {r['sentences_per_cpu_s']:,.0f} |"
        for label, r in runs.items()
    )
    every, candidates = runs["every sentence"], runs["sentences naming an actor"]
    share = candidates["sentences"] / every["sentences"]
    return f"""## Parser speed

Measured {res['stamp']} on {res['machine']} by `{command}` (`benchmarks/parser_speed.py`, commit
{res['commit']}), on the first {res['docs']:,} NORM documents of Reuters-21578, split by `split_sentences`
into sentences and by the coder's tokenizer (`token_texts`) into words. The packaged parser
(`bilateral.coding.syntax.Parser.parse_many`: spaCy `nlp.pipe`, batch {res['batch']}, tok2vec,
morphologizer, lemmatizer and parser) runs in one process on one thread, after {WARM_SENTENCES} warm-up
sentences.

| sentences parsed | sentences | tokens | seconds (wall) | seconds (CPU) | sentences/s | tokens/s | \
sentences per CPU-second |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{rows}

{share:.0%} of the sentences name an actor (a country, organisation, person or group of the coder's
actor dictionary; a bare sector word does not count). A coder that parses only those pays the parser
for them alone: counted over all the corpus's sentences, parsing then runs at
{every['sentences'] / (candidates['cpu_s'] or 1):,.0f} sentences per CPU-second
({every['sentences'] / (candidates['wall_s'] or 1):,.0f}/s by wall time), against
{every['sentences_per_cpu_s']:,.0f} ({every['sentences_per_s']:,.0f}/s) when every sentence is parsed.
Sentences with an actor are longer than the average, so tokens/s is the steadier rate.

Loading the model takes {res['load_s']:.2f} s. Peak resident memory of the process (corpus, actor
dictionary and model included): {res['peak_rss_mb']:.0f} MB; after loading the model, before parsing:
{res['rss_after_load_mb']:.0f} MB. Load average (1 min) at start / end: {res['load_avg'][0]:.2f} /
{res['load_avg'][1]:.2f} (the machine is shared; CPU seconds are the steadier figure).
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=1500, help="NORM documents to read (default 1,500)")
    ap.add_argument("--batch", type=int, default=64, help="nlp.pipe batch size")
    ap.add_argument("--no-write", action="store_true", help="print the results only")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one thread; numpy is first imported when the model loads

    load_start = os.getloadavg()[0]
    sentences = corpus_sentences(args.corpus, args.docs)
    actors = ActorDictionary.load()
    candidates = [words for words in sentences if names_actor(words, actors)]

    parser = Parser()
    t0 = time.perf_counter()
    _ = parser.nlp
    load_s = time.perf_counter() - t0
    rss_after_load = peak_rss_mb()
    parser.parse_many(sentences[:WARM_SENTENCES], batch_size=args.batch)

    runs = {
        "every sentence": timed_parse(parser, sentences, args.batch),
        "sentences naming an actor": timed_parse(parser, candidates, args.batch),
    }
    res = {
        "stamp": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "commit": commit(),
        "docs": args.docs,
        "batch": args.batch,
        "load_s": round(load_s, 2),
        "rss_after_load_mb": round(rss_after_load, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "load_avg": [load_start, os.getloadavg()[0]],
        "runs": runs,
    }
    print(json.dumps(res, indent=2))
    if not args.no_write:
        command = "make bench-parser" if args.docs == 1500 and args.batch == 64 else (
            f".venv/bin/python benchmarks/parser_speed.py --docs {args.docs} --batch {args.batch}"
        )
        replace_sections(REPO / "BENCHMARKS.md", {"## Parser speed": section(res, command)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
