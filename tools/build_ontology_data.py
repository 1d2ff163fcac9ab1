"""Build ``src/bilateral/data/ontology/cameo.csv`` from the shared ontology sources.

Sources (see ``src/bilateral/data/SOURCES.md``):

* ``andybega_icews/data-raw/cameo-codes.csv`` (MIT, (c) 2022 Andreas Beger; content from the
  CAMEO manual / ICEWS event-type table): codes, short names and Goldstein weights.  Only the
  code, the short name and the weight are taken; descriptions, usage notes and examples are not.
* ``openeventdata_PLOVER/CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0, P. Schrodt / openeventdata):
  the CAMEO -> PLOVER event, mode and context.  A code missing from the table inherits the
  mapping of its nearest listed parent (``0231`` -> ``023`` -> ``02``).  Roots 01 and 02 are
  "dropped" in PLOVER and get no PLOVER type.

Usage::

    python tools/build_ontology_data.py [--shared ../shared/data/ontology]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bilateral" / "data" / "ontology" / "cameo.csv"
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "ontology"
FIELDS = ["code", "name", "goldstein", "root", "quad_class", "plover", "plover_mode", "plover_context"]


def quad_class(root: str) -> int:
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    raise ValueError(f"bad CAMEO root {root!r}")


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """code -> (event, mode, context); the first line for a code wins."""
    out: dict[str, tuple[str, str, str]] = {}
    line_re = re.compile(r"^(\d{2,4}):\s*([^#]*)")
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = line_re.match(raw.strip())
        if not m:
            continue
        code = m.group(1)
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        event = parts[0].upper()
        mode = parts[1]
        context = ";".join(c.strip() for c in parts[2].split(";") if c.strip())
        if code not in out and event:
            out[code] = (event, mode, context)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args()
    shared: Path = args.shared
    plover = read_plover(shared / "openeventdata_PLOVER" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with (shared / "andybega_icews" / "data-raw" / "cameo-codes.csv").open(
        encoding="utf-8", errors="replace", newline=""
    ) as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"].strip()
            root = rec["root_code"].strip()
            assert code[:2] == root, (code, root)
            name = " ".join(rec["name"].split())
            gold = float(rec["goldstein"])
            mapped: tuple[str, str, str] = ("", "", "")
            if root not in ("01", "02"):  # PLOVER drops statements and appeals
                for k in range(len(code), 1, -1):
                    if code[:k] in plover:
                        mapped = plover[code[:k]]
                        break
            rows.append(
                {
                    "code": code,
                    "name": name,
                    "goldstein": f"{gold:g}",
                    "root": root,
                    "quad_class": quad_class(root),
                    "plover": mapped[0],
                    "plover_mode": mapped[1],
                    "plover_context": mapped[2],
                }
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
