"""Copy a trained spaCy pipeline into the package (src/bilateral/data/parser/) with its attribution.

The model directory is copied whole (config, meta, vocabulary, component weights); meta.json gets
the model's name, version, licence and sources. Refuses a model over 25 MB.

Usage: python training/parser/package.py TRAINED_MODEL_DIR PACKAGE_DATA_DIR
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

LIMIT_BYTES = 25 * 1024 * 1024

META = {
    "name": "bilateral_parser",
    "version": "1.0.0",
    "description": (
        "Part-of-speech tagger (UPOS + features), lemmatizer and dependency parser for the bilateral coder, "
        "trained by `make parser` on UD English EWT (train) and GUM (news, interview, biography and speech "
        "documents, 6 news documents held out)."
    ),
    "license": "CC BY-SA 4.0",
    "author": "the bilateral authors",
    "sources": [
        {
            "name": "UD English EWT",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0",
            "author": "Silveira et al. 2014; Universal Dependencies contributors",
        },
        {
            "name": "UD English GUM (news, interview, bio, speech genres)",
            "url": "https://github.com/UniversalDependencies/UD_English-GUM",
            "license": "texts CC BY (Wikinews, Wikipedia) or public domain (speeches); annotations: see LICENSE-GUM",
            "author": "Zeldes 2017; the GUM annotators",
        },
    ],
}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(argv[1]), Path(argv[2])
    size = sum(f.stat().st_size for f in source.rglob("*") if f.is_file())
    if size > LIMIT_BYTES:
        print(f"{source}: {size / 1e6:.1f} MB, over the 25 MB the package allows", file=sys.stderr)
        return 1
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"packaged {source} -> {target} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
