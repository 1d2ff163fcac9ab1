"""GDELT's coding against ours, article by article, for one pair of countries.

An article is **coded by both** when a GDELT event of the dyad cites it (``SOURCEURL``) and the
article itself is stored and coded by us (found by its URL among the stored documents' origins
or URLs). Within each such article, GDELT's events of the dyad and ours (either direction, read
through ``effective_events``, so corrections count) are paired one to one, greedily, best pair
first: the same CAMEO root code counts 4, the same direction 2, the same QuadClass 1; ties go to the
lower GLOBALEVENTID and then the earlier sentence. What is left over on either side is an event
**only one side found**. GDELT's events carry no sentence, so pairing by what the two codings say
is the only link there is; a pair is the closest reading of the same article, not a proof that both
mean the same sentence.

For each pair: do the QuadClasses agree, does the direction, and is GDELT's event a **deed**
(QuadClass 2 or 4, material) that our coder marks ``intended``, ``hypothetical`` or ``negated``?
GDELT rows are found by the identity sentence the importer stores
(``GLOBALEVENTID <id> SOURCEURL <url>``), so GDELT events imported by ``bilateral ingest`` count too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from bilateral.analysis.measures import events_view, norm_code

#: Our statuses that mean "not done": a GDELT deed we code with one of them is a disagreement on deeds.
NOT_DONE = ("intended", "hypothetical", "negated")
MATERIAL = (2, 4)


@dataclass(frozen=True, slots=True)
class Side:
    """One event of one side: GDELT's (``gdelt_id`` set, no sentence) or ours."""

    key: str  # event key in the store
    doc_id: str  # the GDELT row's document, or the article
    source: str
    target: str
    cameo: str
    quad_class: int
    status: str
    date: str | None
    gdelt_id: str | None = None
    doc_sentence: int | None = None
    sentence: str | None = None
    span: tuple[int, int] | None = None

    @property
    def direction(self) -> tuple[str, str]:
        """``(source, target)``."""
        return (self.source, self.target)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"key": self.key, "doc_id": self.doc_id, "source": self.source, "target": self.target,
                               "cameo": self.cameo, "quad_class": self.quad_class, "status": self.status,
                               "date": self.date}
        if self.gdelt_id is not None:
            out["gdelt_id"] = self.gdelt_id
        else:
            out.update(doc_sentence=self.doc_sentence, sentence=self.sentence,
                       span=list(self.span) if self.span else None)
        return out


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One line of the side-by-side table: a pair, or an event only one side found."""

    url: str
    doc_id: str
    title: str | None
    gdelt: Side | None
    ours: Side | None

    @property
    def kind(self) -> str:
        """``pair``, ``only GDELT`` or ``only ours``."""
        return "pair" if self.gdelt and self.ours else ("only GDELT" if self.gdelt else "only ours")

    @property
    def quad_agrees(self) -> bool | None:
        """Whether the QuadClasses agree (``None`` unless a pair)."""
        return self.gdelt.quad_class == self.ours.quad_class if self.gdelt and self.ours else None

    @property
    def direction_agrees(self) -> bool | None:
        """Whether source and target agree (``None`` unless a pair)."""
        return self.gdelt.direction == self.ours.direction if self.gdelt and self.ours else None

    @property
    def deed_not_done(self) -> str | None:
        """Our status when GDELT counts a deed (QuadClass 2 or 4) that we code as not done, else ``None``."""
        if self.gdelt and self.ours and self.gdelt.quad_class in MATERIAL and self.ours.status in NOT_DONE:
            return self.ours.status
        return None

    @property
    def verdict(self) -> str:
        """A short reading of the row."""
        if self.kind != "pair":
            return self.kind
        if self.deed_not_done:
            return f"GDELT deed, ours {self.deed_not_done}"
        differs = [w for w, ok in (("QuadClass", self.quad_agrees), ("direction", self.direction_agrees)) if not ok]
        return "agree" if not differs else " and ".join(differs) + " differ" + ("s" if len(differs) == 1 else "")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"url": self.url, "doc_id": self.doc_id, "title": self.title, "kind": self.kind,
                "verdict": self.verdict, "quad_agrees": self.quad_agrees, "direction_agrees": self.direction_agrees,
                "gdelt": self.gdelt.to_dict() if self.gdelt else None,
                "ours": self.ours.to_dict() if self.ours else None}


@dataclass(slots=True)
class GdeltComparison:
    """The comparison for one dyad: tallies and every row."""

    a: str
    b: str
    since: str | None = None
    until: str | None = None
    articles_cited: int = 0  # distinct articles GDELT's events of the dyad cite
    articles_both: int = 0  # of those, stored and coded by us
    gdelt_events: int = 0  # GDELT events in the articles coded by both
    our_events: int = 0
    rows: list[CompareRow] = field(default_factory=list)

    @property
    def pairs(self) -> list[CompareRow]:
        """The rows that pair a GDELT event with one of ours."""
        return [r for r in self.rows if r.kind == "pair"]

    def tallies(self) -> dict[str, Any]:
        """Agreement counts and rates, deeds we code as not done, one-sided events, the QuadClass table."""
        pairs = self.pairs
        deeds = Counter(r.deed_not_done for r in pairs if r.deed_not_done)
        matrix = Counter((r.gdelt.quad_class, r.ours.quad_class) for r in pairs if r.gdelt and r.ours)

        def rate(n: int) -> float | None:
            return round(n / len(pairs), 4) if pairs else None

        quad = sum(1 for r in pairs if r.quad_agrees)
        direction = sum(1 for r in pairs if r.direction_agrees)
        return {
            "articles_cited": self.articles_cited, "articles_both": self.articles_both,
            "gdelt_events": self.gdelt_events, "our_events": self.our_events, "pairs": len(pairs),
            "quad_agree": quad, "quad_agree_rate": rate(quad),
            "direction_agree": direction, "direction_agree_rate": rate(direction),
            "gdelt_deeds": sum(1 for r in pairs if r.gdelt and r.gdelt.quad_class in MATERIAL),
            "gdelt_deeds_not_done": {s: deeds.get(s, 0) for s in NOT_DONE},
            "only_gdelt": sum(1 for r in self.rows if r.kind == "only GDELT"),
            "only_ours": sum(1 for r in self.rows if r.kind == "only ours"),
            "quad_matrix": [[matrix.get((g, o), 0) for o in (1, 2, 3, 4)] for g in (1, 2, 3, 4)],
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``bilateral compare --format json``)."""
        return {"a": self.a, "b": self.b, "since": self.since, "until": self.until, **self.tallies(),
                "rows": [r.to_dict() for r in self.rows]}


def _score(g: Side, o: Side) -> int:
    return 4 * (g.cameo[:2] == o.cameo[:2]) + 2 * (g.direction == o.direction) + (g.quad_class == o.quad_class)


def pair_events(gdelt: list[Side], ours: list[Side]) -> list[tuple[Side | None, Side | None]]:
    """Pair one article's events one to one, best score first (see the module), then the leftovers."""
    candidates = sorted(
        ((-_score(g, o), i, j) for i, g in enumerate(gdelt) for j, o in enumerate(ours)),
    )
    used_g: set[int] = set()
    used_o: set[int] = set()
    pairs: list[tuple[Side | None, Side | None]] = []
    for _s, i, j in candidates:
        if i in used_g or j in used_o:
            continue
        used_g.add(i)
        used_o.add(j)
        pairs.append((gdelt[i], ours[j]))
    pairs.sort(key=lambda p: (gdelt.index(p[0]) if p[0] else 0))
    pairs += [(g, None) for i, g in enumerate(gdelt) if i not in used_g]
    pairs += [(None, o) for j, o in enumerate(ours) if j not in used_o]
    return pairs


_GDELT_SQL = """
SELECT event_key, id, source, target, cameo, quad_class, status, date,
       regexp_extract(sentence, '^GLOBALEVENTID (\\S+) SOURCEURL (\\S+)$', 1) AS gdelt_id,
       regexp_extract(sentence, '^GLOBALEVENTID (\\S+) SOURCEURL (\\S+)$', 2) AS url
FROM {view}
WHERE id LIKE 'gdelt-%' AND ((source = ? AND target = ?) OR (source = ? AND target = ?)) {dates}
"""


def gdelt_compare(con: Any, a: str, b: str, *, since: str | None = None, until: str | None = None,
                  ) -> GdeltComparison:
    """Compare GDELT's events between ``a`` and ``b`` with ours in the articles coded by both."""
    a, b = norm_code(a), norm_code(b)
    view = events_view(con)
    dates, params = "", [a, b, b, a]
    if since:
        dates += " AND date >= ?"
        params.append(since)
    if until:
        dates += " AND date <= ?"
        params.append(until)
    result = GdeltComparison(a, b, since, until)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _bl_gdelt AS {_GDELT_SQL.format(view=view, dates=dates)}", params)
    try:
        result.articles_cited = int(con.execute(
            "SELECT count(DISTINCT url) FROM _bl_gdelt WHERE url <> '' AND url <> '-'").fetchall()[0][0])
        articles = con.execute(
            "WITH found AS (SELECT o.origin AS url, o.doc_id FROM document_origins o "
            "               WHERE o.origin IN (SELECT url FROM _bl_gdelt) "
            "               UNION SELECT d.url, d.id FROM documents d WHERE d.url IN (SELECT url FROM _bl_gdelt)) "
            "SELECT f.url, min(f.doc_id) AS doc_id, any_value(d.title) FROM found f "
            "JOIN documents d ON d.id = f.doc_id WHERE f.doc_id NOT LIKE 'gdelt-%' GROUP BY f.url ORDER BY f.url"
        ).fetchall()
        gdelt_rows = con.execute(
            "SELECT event_key, id, source, target, cameo, quad_class, status, date, gdelt_id, url FROM _bl_gdelt "
            "ORDER BY url, TRY_CAST(gdelt_id AS BIGINT), gdelt_id, event_key").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS _bl_gdelt")
    by_url: defaultdict[str, list[Side]] = defaultdict(list)
    for key, doc, src, tgt, cameo, quad, status, day, gid, url in gdelt_rows:
        by_url[url].append(Side(key, doc, src, tgt, cameo, int(quad), status, day, gdelt_id=gid))
    doc_ids = sorted({str(d) for _u, d, _t in articles})
    ours_by_doc: defaultdict[str, list[Side]] = defaultdict(list)
    if doc_ids:
        marks = ", ".join("?" for _ in doc_ids)
        for key, doc, idx, src, tgt, cameo, quad, status, day, sent, s0, s1 in con.execute(
            f"SELECT event_key, id, doc_sentence, source, target, cameo, quad_class, status, date, sentence, "
            f"span_start, span_end FROM {view} WHERE id IN ({marks}) "
            f"AND ((source = ? AND target = ?) OR (source = ? AND target = ?)) "
            f"ORDER BY id, doc_sentence, span_start, event_key", [*doc_ids, a, b, b, a],
        ).fetchall():
            ours_by_doc[doc].append(Side(key, doc, src, tgt, cameo, int(quad), status, day, doc_sentence=int(idx),
                                         sentence=sent, span=(int(s0), int(s1))))
    for url, doc_id, title in articles:
        gdelt, ours = by_url[url], ours_by_doc[doc_id]
        result.articles_both += 1
        result.gdelt_events += len(gdelt)
        result.our_events += len(ours)
        for g, o in pair_events(gdelt, ours):
            result.rows.append(CompareRow(url, doc_id, title, g, o))
    return result
