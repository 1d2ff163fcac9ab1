"""Build the actor dictionary files in ``src/bilateral/data/actors/``.

Run from the repository root (needs ``pycountry`` at build time only; the package reads the
generated TSV files and never imports pycountry)::

    python tools/build_actor_data.py [--shared ../shared/data/ontology]

Inputs
------
* ``pycountry`` (LGPL; data from Debian iso-codes): ISO 3166-1 codes and English names.
* ``tools/build_actor_tables.py``: aliases, demonyms, capitals/metonyms, IGOs, extra sector words and
  dated office-holders written by this project.
* Phoenix dictionaries (MIT, Open Event Data Alliance / Computational Event Data System project)
  from ``petrarch2/data/dictionaries/``: ``Phoenix.Countries.actors.txt`` (country synonyms and
  places, named institutions, date-bounded persons), ``Phoenix.agents.txt`` (sector nouns) and
  ``Phoenix.MilNonState.actors.txt`` (armed non-state groups).

Outputs (UTF-8, tab-separated, header row, lists inside a cell separated by ``;``)
-------------------------------------------------------------------------------------
* ``countries.tsv``: code, name, status, aliases, adjectives, metonyms, places.
  ``status`` is ``un_member``, ``un_observer``, ``partially_recognized``, ``territory`` or
  ``historical``; a metonym may
  carry a sector as ``Pentagon=MIL``.
* ``igos.tsv``: code, phoenix_code, name, aliases.
* ``ngos.tsv``: code (always ``NGO``), name, aliases.
* ``sectors.tsv``: phrase, sector, agent_code, source.
* ``officeholders.tsv``: name, aliases, country, sector, role, start, end.
* ``institutions.tsv``: name, aliases, country, sector, agent_code (Phoenix named bodies).
* ``persons_phoenix.tsv``: name, aliases, country, sector, agent_code, start, end.
* ``nonstate.tsv``: name, aliases, code, sector, phoenix_code (armed non-state groups).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_actor_tables as T  # noqa: E402

OUT = ROOT / "src" / "bilateral" / "data" / "actors"
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "ontology"
PHOENIX_DIR = Path("openeventdata_petrarch2/petrarch2/data/dictionaries")

ROLES = {
    "hos": "head_of_state", "hog": "head_of_government", "leader": "leader",
    "fm": "foreign_minister", "fin": "finance_minister", "def": "defense_minister",
    "trade": "trade_minister", "army": "army_chief", "cb": "central_bank_governor",
    "igo": "head_of_igo", "vp": "deputy_leader", "cp": "crown_prince",
    "intel": "intelligence_chief", "nsa": "national_security_adviser", "agri": "agriculture_minister",
    "energy": "energy_minister",
}
# Phoenix/CAMEO country codes that are not ISO alpha-3, mapped to the code used here.
PHOENIX_COUNTRY_MAP = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR"}
MINIST = ["minister", "ministers", "ministry", "ministries"]
PERSON = ["man", "men", "woman", "women", "person"]
SAFE_PHRASE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,'’&()+-]*$")


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def split_list(s: str) -> list[str]:
    return [x.strip() for x in s.split(";") if x.strip()]


def uniq(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = {x.lower() for x in exclude}
    out = []
    for x in items:
        k = x.lower()
        if x and k not in seen:
            seen.add(k)
            out.append(x)
    return out


def with_folds(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        out.append(n)
        f = ascii_fold(n)
        if f != n:
            out.append(f)
    return out


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            for cell in r:
                if "\t" in cell or "\n" in cell:
                    raise ValueError(f"bad cell {cell!r}")
            w.writerow(r)
    print(f"wrote {len(rows):6d} rows to {path.relative_to(ROOT)}")


# ---------------------------------------------------------------- Phoenix parsing
def phoenix_phrase(raw: str) -> str | None:
    """``KARACHI_`` -> ``Karachi``; ``US_`` -> ``US`` (short all-caps kept as an acronym)."""
    s = raw.strip().rstrip("_").replace("_", " ")
    s = " ".join(s.split())
    if not s or not s.isascii() or not SAFE_PHRASE.match(s) or "," in s:
        return None
    if " " not in s and s.isalpha() and len(s) <= 3:
        return s.upper()
    return s.title().replace("'S ", "'s ").replace("’S ", "’s ")


def phoenix_date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 30 else "19") + s
    if len(s) != 8 or not s.isdigit():
        raise ValueError(s)
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


CODE_RE = re.compile(r"^\[([A-Z]{3,})\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*\]$")


def parse_phoenix_blocks(path: Path) -> list[tuple[list[str], list[str]]]:
    blocks: list[tuple[list[str], list[str]]] = []
    cur: tuple[list[str], list[str]] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        s = line.split("#")[0].rstrip()
        if not s.strip():
            continue
        if line[0] in " \t" and s.strip().startswith("["):
            if cur is not None:
                cur[1].append(s.strip())
            continue
        if s.startswith("+"):
            if cur is not None:
                cur[0].append(s[1:].strip())
            continue
        m = re.match(r"^(\S.*?)\s*(\[[^\]]*\])?\s*$", s)
        if not m:
            continue
        cur = ([m.group(1).strip()], [m.group(2)] if m.group(2) else [])
        blocks.append(cur)
    return blocks


def agent_codes(path: Path) -> set[str]:
    codes: set[str] = set()
    for m in re.finditer(r"\[~([A-Z]+)", path.read_text(encoding="utf-8", errors="replace")):
        c = m.group(1)
        codes.update(c[i : i + 3] for i in range(0, len(c) - len(c) % 3, 3))
    return codes | {"ELI", "GOV", "MIL", "IGO", "NGO", "MNC", "OCC", "AUT", "IMG", "SEP", "INS"}


# ---------------------------------------------------------------- builders
def build_countries(shared: Path) -> tuple[list[list[str]], dict[str, str]]:
    import pycountry  # build-time only

    table: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for line in T.COUNTRIES.strip().splitlines():
        code, al_cell, ad_cell, me_cell = (x.strip() for x in line.split("|"))
        table[code] = (split_list(al_cell), split_list(ad_cell), split_list(me_cell))

    names: dict[str, str] = {}
    iso_aliases: dict[str, list[str]] = {}
    for c in pycountry.countries:
        code = c.alpha_3
        forms = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
        forms = [f for f in forms if f and "," not in f]
        names[code] = T.NAME_OVERRIDES.get(code) or getattr(c, "common_name", None) or c.name
        iso_aliases[code] = forms
    for code, name in T.EXTRA_STATES.items():
        names[code] = name
        iso_aliases.setdefault(code, [name])
    missing = [c for c in list(T.UN_MEMBERS) + T.UN_OBSERVERS if c not in names]
    if missing:
        raise SystemExit(f"UN members missing from pycountry: {missing}")
    if len(T.UN_MEMBERS) != 193 or len(set(T.UN_MEMBERS)) != 193:
        raise SystemExit(f"UN member list has {len(set(T.UN_MEMBERS))} codes, expected 193")

    # curated phrases (any country): Phoenix places may not reuse them
    curated: dict[str, str] = {}
    for code in names:
        al, ad, me = table.get(code, ([], [], []))
        for form in with_folds([names[code], *iso_aliases[code], *al, *ad, *(m.split("=")[0] for m in me)]):
            curated.setdefault(form.lower(), code)

    for line in T.IGOS.strip().splitlines():
        for form in split_list(line.split("|")[2]):
            curated.setdefault(form.lower(), "IGO")

    # Phoenix country blocks: header "NAME_ [CCC]" and its "+" synonyms
    places: dict[str, list[str]] = {}
    used_places: set[str] = set()
    for block_names, codes in parse_phoenix_blocks(shared / PHOENIX_DIR / "Phoenix.Countries.actors.txt"):
        if len(codes) != 1 or not re.fullmatch(r"\[[A-Z]{3}\]", codes[0]):
            continue
        code = PHOENIX_COUNTRY_MAP.get(codes[0][1:4], codes[0][1:4])
        if code not in names:
            continue
        for raw in block_names:
            p = phoenix_phrase(raw)
            if p is None:
                continue
            k = p.lower()
            if k in T.PLACE_STOPWORDS or k in used_places:
                continue
            if k in curated or k.removeprefix("the ") in curated:
                continue  # already an alias/demonym/metonym (of this or another country)
            used_places.add(k)
            places.setdefault(code, []).append(p)

    rows = []
    for code in sorted(names):
        al, ad, me = table.get(code, ([], [], []))
        if code in T.UN_MEMBERS:
            status = "un_member"
        elif code in T.UN_OBSERVERS:
            status = "un_observer"
        elif code in T.PARTIALLY_RECOGNIZED:
            status = "partially_recognized"
        elif code in T.EXTRA_STATES:
            status = "historical"
        else:
            status = "territory"
        name = names[code]
        aliases = uniq(with_folds([*iso_aliases[code], *al]), exclude=[name])
        adjectives = uniq(with_folds(ad))
        metonyms = uniq(with_folds(me))
        rows.append([code, name, status, ";".join(aliases), ";".join(adjectives), ";".join(metonyms),
                     ";".join(places.get(code, []))])
    return rows, names


def build_igos() -> list[list[str]]:
    merged: dict[str, tuple[str, list[str]]] = {}
    for line in T.IGOS.strip().splitlines():
        code, full, names = (p.strip() for p in line.split("|"))
        if code in merged:
            merged[code][1].extend(split_list(names))
        else:
            merged[code] = (full, split_list(names))
    rows = []
    for code, (full, nm) in merged.items():
        nm = uniq(with_folds(nm))
        rows.append([code, full, nm[0], ";".join(nm[1:])])
    return rows


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def build_sectors(shared: Path) -> list[list[str]]:
    path = shared / PHOENIX_DIR / "Phoenix.agents.txt"
    entries: dict[str, tuple[str, str, str]] = {}  # phrase -> (sector, full code, source)

    def add(phrase: str, full: str, source: str, override: bool = False) -> None:
        phrase = " ".join(phrase.lower().split())
        if not phrase or not SAFE_PHRASE.match(phrase):
            return
        if phrase in entries and not override:
            return
        entries[phrase] = (full[:3], full, source)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.split("#")[0].strip()
        if not s or (s.startswith("!") and "=" in s):
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)[\]}]\s*$", s)
        if not m:
            continue
        raw, plurals, full = m.group(1).strip(), m.group(2), m.group(3)
        if not raw.isascii() or len(full) % 3:
            continue
        forms: list[str] = []
        if raw.startswith("!MINIST!"):
            rest = raw[len("!MINIST!"):].strip().replace("_", " ").strip()
            forms = [f"{w} {rest}".strip() for w in MINIST]
        elif "!PERSON!" in raw:
            stem = raw.replace("!PERSON!", "").replace("_", " ").strip()
            sep = "" if raw.split("!PERSON!")[0][-1:] not in (" ", "_") else " "
            forms = [f"{stem}{sep}{w}" for w in PERSON]
        else:
            base = raw.replace("_", " ").strip()
            forms = [base]
            if plurals is None:
                words = base.split()
                if words and words[-1].isalpha():
                    forms.append(" ".join([*words[:-1], plural(words[-1])]))
            else:
                forms += [p.replace("_", " ").strip() for p in plurals.strip("{}").split(",") if p.strip()]
        for f in forms:
            add(f, full, "phoenix")
    for line in T.SECTOR_EXTRA.strip().splitlines():
        phrase, code = (p.strip() for p in line.split("|"))
        add(phrase, code, "bilateral", override=True)
    return [[p, sec, full, src] for p, (sec, full, src) in sorted(entries.items())]


def build_ngos() -> list[list[str]]:
    rows = []
    for line in T.NGOS.strip().splitlines():
        name, aliases = (x.strip() for x in line.split("|"))
        rows.append(["NGO", name, ";".join(uniq(with_folds(split_list(aliases)), exclude=[name]))])
    return rows


def build_officeholders() -> list[list[str]]:
    rows = []
    for line in T.OFFICEHOLDERS.strip().splitlines():
        name, aliases, country, sector, role, start, end = (p.strip() for p in line.split("|"))
        al = uniq(with_folds(split_list(aliases)), exclude=[name])
        if ascii_fold(name) != name:
            al = uniq([ascii_fold(name), *al], exclude=[name])
        for d in (start, end):
            if d and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                raise SystemExit(f"bad date {d!r} in {line!r}")
        if end and start and end < start:
            raise SystemExit(f"end before start in {line!r}")
        rows.append([name, ";".join(al), country, sector, ROLES[role], start, end])
    return rows


def phoenix_sector(suffix: str, agents: set[str], person: bool) -> str | None:
    parts = [suffix[i : i + 3] for i in range(0, len(suffix) - len(suffix) % 3, 3)]
    if not parts or any(p not in agents for p in parts):
        return None
    if person:
        return parts[0]
    if parts[0] == "GOV" and len(parts) > 1 and parts[-1] in {"LEG", "JUD", "MIL", "SPY", "COP"}:
        return parts[-1]
    return parts[0]


def build_phoenix_people_and_bodies(
    shared: Path, names: dict[str, str], taken: set[str]
) -> tuple[list[list[str]], list[list[str]]]:
    agents = agent_codes(shared / PHOENIX_DIR / "Phoenix.agents.txt")
    institutions: list[list[str]] = []
    persons: list[list[str]] = []
    for block_names, codes in parse_phoenix_blocks(shared / PHOENIX_DIR / "Phoenix.Countries.actors.txt"):
        if not codes:
            continue
        phrases = uniq(p for p in (phoenix_phrase(n) for n in block_names) if p)
        phrases = [p for p in phrases if not (" " not in p and p.isupper() and len(p) <= 2)]
        one_word = [p for p in phrases if " " not in p]
        bad = {p for p in one_word if p.lower() in T.PERSON_STOPWORDS or (len(p) < 5 and not p.isupper())}
        if not phrases:
            continue
        parsed = []
        for c in codes:
            m = CODE_RE.match(c.replace("\t", " "))
            if not m:
                continue
            full = m.group(1)
            cc = PHOENIX_COUNTRY_MAP.get(full[:3], full[:3])
            if cc not in names:
                continue
            start = end = ""
            try:
                if m.group(2) == ">":
                    start = phoenix_date(m.group(3))
                elif m.group(2) == "<":
                    end = phoenix_date(m.group(3))
                elif m.group(4):
                    start, end = phoenix_date(m.group(4)), phoenix_date(m.group(5))
            except ValueError:
                continue
            parsed.append((cc, full, full[3:], start, end))
        if not parsed:
            continue
        dated = any(s or e for _, _, _, s, e in parsed)
        is_person = dated or all(p[2] == "ELI" for p in parsed)
        if not is_person:
            if len(parsed) != 1 or not parsed[0][2]:
                continue
            cc, full, suffix, _, _ = parsed[0]
            sector = phoenix_sector(suffix, agents, person=False)
            if sector is None:
                continue
            phrases = [p for p in phrases if p.lower() not in taken and p.lower().removeprefix("the ") not in taken]
            if phrases:
                institutions.append([phrases[0], ";".join(phrases[1:]), cc, sector, full])
            continue
        names_ok = [p for p in phrases if p not in bad]
        if not names_ok:
            continue
        for cc, full, suffix, start, end in parsed:
            if not suffix:
                continue  # a dated country-level code (state succession), not a person
            sector = phoenix_sector(suffix, agents, person=True)
            if sector is None:
                continue
            persons.append([names_ok[0], ";".join(names_ok[1:]), cc, sector or "", full, start, end])
    return institutions, persons


def build_nonstate(shared: Path, names: dict[str, str], taken: set[str]) -> list[list[str]]:
    """Non-state armed groups from ``Phoenix.MilNonState.actors.txt``.

    A group based in one country keeps that country's code with its agent as sector
    (Taliban -> AFG/REB); transnational or regional groups get CAMEO's ``IMG``.
    """
    agents = agent_codes(shared / PHOENIX_DIR / "Phoenix.agents.txt")
    rows: list[list[str]] = []
    seen: set[str] = set(taken)
    for line in T.NONSTATE_EXTRA.strip().splitlines():
        name, aliases, code_, sector_ = (x.strip() for x in line.split("|"))
        al = split_list(aliases)
        seen.update(x.lower() for x in [name, *al])
        rows.append([name, ";".join(al), code_, sector_, ""])
    for block_names, codes in parse_phoenix_blocks(shared / PHOENIX_DIR / "Phoenix.MilNonState.actors.txt"):
        parsed = [CODE_RE.match(c.replace("\t", " ")) for c in codes]
        full_codes = [m.group(1) for m in parsed if m]
        if not full_codes:
            continue
        full = full_codes[0]
        cc = PHOENIX_COUNTRY_MAP.get(full[:3], full[:3])
        rest = full[3:]
        code = cc if cc in names else "IMG"
        parts = [rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
        sector = next((p for p in parts if p in agents and p not in {"MUS", "CHR", "JEW", "HIN", "BUD"}), "REB")
        phrases = []
        for raw in block_names:
            raw = re.sub(r"\([^)]*\)", "", raw)
            p = phoenix_phrase(raw)
            if p is None:
                continue
            k = p.lower()
            if k in T.NONSTATE_STOPWORDS or k in seen or len(k) < 4 or not re.search(r"[a-z]{2}", k):
                continue
            seen.add(k)
            phrases.append(p)
        if phrases:
            rows.append([phrases[0], ";".join(phrases[1:]), code, sector, full])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args()
    shared: Path = args.shared
    OUT.mkdir(parents=True, exist_ok=True)

    countries, names = build_countries(shared)
    write_tsv(OUT / "countries.tsv",
              ["code", "name", "status", "aliases", "adjectives", "metonyms", "places"], countries)
    igos = build_igos()
    write_tsv(OUT / "igos.tsv", ["code", "phoenix_code", "name", "aliases"], igos)
    write_tsv(OUT / "ngos.tsv", ["code", "name", "aliases"], build_ngos())
    write_tsv(OUT / "sectors.tsv", ["phrase", "sector", "agent_code", "source"], build_sectors(shared))
    write_tsv(OUT / "officeholders.tsv",
              ["name", "aliases", "country", "sector", "role", "start", "end"], build_officeholders())

    taken: set[str] = set()
    for r in countries:
        taken.update(x.lower() for x in [r[1], *split_list(r[3]), *split_list(r[4])])
        taken.update(x.split("=")[0].lower() for x in split_list(r[5]))
    for r in igos:
        taken.update(x.lower() for x in [r[2], *split_list(r[3])])
    institutions, persons = build_phoenix_people_and_bodies(shared, names, taken)
    write_tsv(OUT / "institutions.tsv", ["name", "aliases", "country", "sector", "agent_code"], institutions)
    write_tsv(OUT / "nonstate.tsv", ["name", "aliases", "code", "sector", "phoenix_code"],
              build_nonstate(shared, names, taken))
    write_tsv(OUT / "persons_phoenix.tsv",
              ["name", "aliases", "country", "sector", "agent_code", "start", "end"], persons)


if __name__ == "__main__":
    main()
