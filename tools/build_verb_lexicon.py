"""Convert the PETRARCH-2 CAMEO verb dictionary into bilateral's lexicon files.

Source: openeventdata/petrarch2 ``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance).
Only verbs, their inflected forms, pattern words and CAMEO codes are kept; comments are dropped.

usage: python tools/build_verb_lexicon.py ../shared/data/ontology/openeventdata_petrarch2/.../CAMEO.2.0.txt

Writes, under ``src/bilateral/data/lexicon/``:
  synsets.tsv        name <TAB> phrase            (one row per member; phrase words space-separated)
  verbs.tsv          block <TAB> verb <TAB> forms (;) <TAB> code   (code '' when the block has none)
  verb_patterns.tsv  block <TAB> before <TAB> after <TAB> code     (pattern elements space-separated;
                     '&NAME' a synonym set, '_' joins a multi-word element, '(...)' marks a prepositional phrase)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "bilateral" / "data" / "lexicon"
CODE = re.compile(r"\[([0-9A-Za-z:\-]*)\]")


# codes of the PETRARCH-2 dictionary that the CAMEO codebook (data/ontology/cameo.csv) lacks, and the
# codebook's code that stands for them: PETRARCH's 176 ("hack into a computer or network") is the
# seizing or damaging of another's property, CAMEO 171 (PLOVER COERCE, mode "seize")
RECODE = {"176": "171"}


def clean_code(raw: str) -> str:
    code = raw.split(":")[0].strip()
    code = RECODE.get(code, code)
    return code if code and code[0].isdigit() else ""


def inflect(verb: str) -> list[str]:
    """Regular English inflections; irregular ones come from the dictionary's braces."""
    v = verb.lower()
    forms = {v}
    if v.endswith("e"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", v):
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif re.search(r"(s|sh|ch|x|z)$", v):
        forms |= {v + "es", v + "ed", v + "ing"}
    else:
        forms |= {v + "s", v + "ed", v + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", v) and len(v) <= 5:
            forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return sorted(forms)


def pattern_elements(text: str) -> str:
    text = text.replace("{", " { ").replace("}", " } ").replace("(", " ( ").replace(")", " ) ")
    out: list[str] = []
    group: list[str] | None = None
    for tok in text.split():
        if tok == "{":
            group = []
        elif tok == "}":
            if group:
                out.append("_".join(group))
            group = None
        elif group is not None:
            group.append(tok.lower())
        elif tok in "()":
            out.append(tok)
        elif tok in {"$", "+", "%", "^"}:
            continue
        else:
            out.append(tok.lower() if not tok.startswith("&") else tok.upper())
    return " ".join(out)


def main(src: str) -> None:
    lines = Path(src).read_text(encoding="latin-1").splitlines()
    synsets: list[tuple[str, str]] = []
    verbs: list[tuple[str, str, str, str]] = []
    patterns: list[tuple[str, str, str, str]] = []
    block = ""
    block_code = ""
    current_set = ""
    in_verbs = False
    for raw in lines:
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().rstrip("_").upper()
            elif line.startswith("+") and current_set:
                synsets.append((current_set, line[1:].strip().rstrip("_").replace("_", " ").lower()))
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                block = m.group(1).lower()
                block_code = clean_code(m.group(2))
            continue
        if line.startswith("-"):
            body = line[1:]
            cm = CODE.search(body)
            if not cm:
                continue
            code = clean_code(cm.group(1))
            body = body[: cm.start()]
            if "*" not in body:
                continue
            before, after = body.split("*", 1)
            patterns.append((block, pattern_elements(before), pattern_elements(after), code))
            continue
        # a verb line: VERB [code] {IRREGULAR FORMS}
        text = line.strip()
        if text.startswith("+"):
            continue  # multi-word verb entries: handled through patterns
        own = CODE.search(text)
        code = clean_code(own.group(1)) if own else block_code
        irregular = re.search(r"\{([^}]*)\}", text)
        word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text).strip().split()
        if not word:
            continue
        verb = word[0].lower()
        forms = set(inflect(verb))
        if irregular:
            forms |= {w.lower() for w in irregular.group(1).split()}
        verbs.append((block, verb, ";".join(sorted(forms)), code))
    OUT.mkdir(parents=True, exist_ok=True)
    header = "# generated by tools/build_verb_lexicon.py from petrarch2 CAMEO.2.0.txt (MIT, Open Event Data Alliance)\n"
    (OUT / "synsets.tsv").write_text(header + "".join(f"{a}\t{b}\n" for a, b in synsets), encoding="utf-8")
    (OUT / "verbs.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in verbs), encoding="utf-8")
    (OUT / "verb_patterns.tsv").write_text(
        header + "".join("\t".join(r) + "\n" for r in patterns), encoding="utf-8"
    )
    print(f"{len(synsets)} synset members, {len(verbs)} verbs, {len(patterns)} patterns -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
