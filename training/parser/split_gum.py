"""Split the GUM treebank file into training documents and held-out news documents.

The held-out set is every fourth GUM *news* document in sorted order of document id,
starting with the first (6 of the 24 news documents). The choice depends only on the ids,
so `make parser` reproduces it; the chosen ids are printed and listed in EVALUATION.md.

Usage: python training/parser/split_gum.py GUM.conllu TRAIN_OUT.conllu HELDOUT_OUT.conllu
"""

from __future__ import annotations

import sys
from pathlib import Path

NEWDOC = "# newdoc id = "


def read_documents(path: Path) -> list[tuple[str, str]]:
    """Return (document id, CoNLL-U text) for each `# newdoc` block, in file order."""
    documents: list[tuple[str, list[str]]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(NEWDOC):
                documents.append((line[len(NEWDOC) :].strip(), []))
            if not documents:
                raise ValueError(f"{path}: text before the first '{NEWDOC.strip()}' line")
            documents[-1][1].append(line)
    return [(doc_id, "".join(body)) for doc_id, body in documents]


def held_out_news(doc_ids: list[str]) -> list[str]:
    """Every fourth news document id in sorted order, starting with the first."""
    news = sorted(doc_id for doc_id in doc_ids if doc_id.startswith("GUM_news_"))
    return news[::4]


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    source, train_out, heldout_out = (Path(arg) for arg in argv[1:])
    documents = read_documents(source)
    held = set(held_out_news([doc_id for doc_id, _ in documents]))
    with train_out.open("w", encoding="utf-8") as train, heldout_out.open("w", encoding="utf-8") as heldout:
        for doc_id, text in documents:
            out = heldout if doc_id in held else train
            out.write(text if text.endswith("\n\n") else text.rstrip("\n") + "\n\n")
    print(f"held out {len(held)} GUM news documents: {', '.join(sorted(held))}")
    print(f"training on {len(documents) - len(held)} GUM documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
