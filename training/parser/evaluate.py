"""Score a parser model on CoNLL-U treebanks, reading them as the coder does: gold words in, parse out.

Each sentence's words (syntactic words: multiword-token ranges and empty nodes skipped) go through
`bilateral.coding.syntax.Parser.parse_many`, so tokenisation is not scored. Scores count every word,
punctuation included:
  UPOS   universal part of speech
  UAS    head
  LAS    head and relation, subtype included ("nsubj:pass" is not "nsubj")
  LAS-U  head and universal relation (subtypes dropped, as the CoNLL 2018 shared task scores LAS)
  Lemma  lemma, exact

Usage: python training/parser/evaluate.py MODEL_DIR NAME=FILE.conllu [NAME=FILE.conllu ...]
Prints a Markdown table.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from bilateral.coding.syntax import Parser


@dataclass(frozen=True)
class GoldWord:
    form: str
    lemma: str
    upos: str
    head: int  # -1 for the root
    dep: str


def read_conllu(path: Path) -> list[list[GoldWord]]:
    sentences: list[list[GoldWord]] = []
    words: list[GoldWord] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(words)
                words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append(GoldWord(cols[1], cols[2], cols[3], int(cols[6]) - 1, cols[7]))
    if words:
        sentences.append(words)
    return sentences


def score(parser: Parser, sentences: list[list[GoldWord]]) -> dict[str, float]:
    parses = parser.parse_many([[w.form for w in s] for s in sentences])
    total = upos = uas = las = las_u = lemma = 0
    for gold, parse in zip(sentences, parses, strict=True):
        for i, w in enumerate(gold):
            total += 1
            upos += parse.upos[i] == w.upos
            lemma += parse.lemma[i] == w.lemma
            if parse.head[i] == w.head:
                uas += 1
                las += parse.dep[i] == w.dep
                las_u += parse.dep[i].split(":")[0] == w.dep.split(":")[0]
    return {
        "sentences": len(sentences),
        "words": total,
        "UPOS": upos / total,
        "UAS": uas / total,
        "LAS": las / total,
        "LAS-U": las_u / total,
        "Lemma": lemma / total,
    }


def main(argv: list[str]) -> int:
    if len(argv) < 3 or not all("=" in a for a in argv[2:]):
        print(__doc__, file=sys.stderr)
        return 2
    parser = Parser(Path(argv[1]))
    print("| treebank | sentences | words | UPOS | UAS | LAS | LAS-U | Lemma |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for arg in argv[2:]:
        name, file = arg.split("=", 1)
        s = score(parser, read_conllu(Path(file)))
        print(
            f"| {name} | {s['sentences']:,} | {s['words']:,} | {s['UPOS']:.3f} | {s['UAS']:.3f} | "
            f"{s['LAS']:.3f} | {s['LAS-U']:.3f} | {s['Lemma']:.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
