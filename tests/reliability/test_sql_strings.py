"""No SQL is built from values: every piece spliced into an SQL string is a whitelisted identifier or fragment.

The test reads every module of ``src/bilateral`` with :mod:`ast` and looks at the SQL argument of each
``.execute()``, ``.executemany()``, ``.sql()``, ``.query()`` call and of the SQL helpers (``_rows``,
``_scalar``). String literals and UPPER_CASE module constants are fine; names assigned in the same
function are followed to their values; anything else spliced in (an f-string field, a ``+``
operand, a ``.join``) must be listed in :data:`ALLOWED` with the reason it cannot carry a user value.
Values always travel as ``?`` parameters. A new splice fails the test until it is reviewed here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bilateral

SRC = Path(bilateral.__file__).parent
METHODS = frozenset({"execute", "executemany", "sql", "query"})
HELPERS = frozenset({"_rows", "_scalar"})  # (con, sql, params) helpers: their SQL argument is checked here

#: (module, spliced expression) -> why it cannot carry a value from a user or a document.
ALLOWED: dict[tuple[str, str], str] = {
    ("analysis/tallies.py", "_period_sql(_check_period(by))"): "date_trunc of a period name checked against PERIODS",
    ("analysis/tallies.py", "scoped_events(con, background)"): "a fixed relation over one of two fixed view names",
    ("analysis/tallies.py", "scoped"): "scoped_pairs: fixed relation, one 'source = ? AND target = ?' scan per pair",
    ("analysis/measures.py", "scoped"): "scoped_pairs: fixed relation, one 'source = ? AND target = ?' scan per pair",
    ("analysis/tallies.py", "where"): "_date_filter: fixed conditions with ? placeholders",
    ("store/versions.py", "', '.join(('(?, ?, ?, ?, ?, ?)' for _ in rows_out))"): "placeholders only",
    ("store/versions.py", "', '.join(('?' for _ in names))"): "placeholders only",
    ("analysis/compare.py", "', '.join(('?' for _ in excl))"): "placeholders only",
    ("analysis/compare.py", "events_view(con)"): "returns one of two fixed view names",
    ("analysis/compare.py", "where"): "_date_filter: fixed conditions with ? placeholders",
    ("analysis/evidence.py", "_select(con, by, background)"):
        "fixed column list and relation; by is checked by _check_period, background picks a fixed condition",
    ("analysis/evidence.py", "_select(con, by, background, scoped)"):
        "as _select(con, by, background); scoped: scoped_pairs' fixed relation of '?' placeholders",
    ("analysis/gap.py", "scoped_events(con, background)"): "a fixed relation over one of two fixed view names",
    ("analysis/evidence.py", "where.replace('date', 'e.date')"): "_date_filter: fixed conditions with ?",
    ("analysis/gdelt_compare.py", "_GDELT_SQL.format(view=view, dates=dates)"):
        "a constant query; view: one of two fixed view names; dates: fixed conditions with ? placeholders",
    ("analysis/gdelt_compare.py", "events_view(con)"): "returns one of two fixed view names",
    ("analysis/gdelt_compare.py", "', '.join(('?' for _ in doc_ids))"): "placeholders only",
    ("analysis/measures.py", "scoped_events(con, background)"): "a fixed relation over one of two fixed view names",
    ("analysis/measures.py", "where"): "_date_filter: fixed conditions with ? placeholders",
    ("analysis/periods.py", "scoped"): "scoped_pairs: fixed relation, one 'source = ? AND target = ?' scan per pair",
    ("analysis/periods.py", "MEASURES['delivery']"): "a constant SQL expression",
    ("analysis/periods.py", "_period_sql(by)"): "by is checked against week/month/quarter/year",
    ("analysis/periods.py", "scoped_events(con, background)"): "a fixed relation over one of two fixed view names",
    ("analysis/periods.py", "where"): "_date_filter: fixed conditions with ? placeholders",
    ("analysis/promises.py", "scoped_events(con)"): "a fixed relation over one of two fixed view names",
    ("store/export.py", "', '.join((f'e.{c}' for c in EVENT_ROW_FIELDS))"): "fixed column names",
    ("store/export.py", "_sql_path(path)"): "the local output path given on the command line, quotes doubled",
    ("store/export.py", "sql"): "_rows(store, sql): callers pass constant SELECTs",
    ("store/export.py", "table"): "_count(store, table): the fixed table names events/documents",
    ("store/keys.py", "','.join('?' * len(chunk))"): "placeholders only",
    ("store/keys.py", "stmt"): "the index's schema, constants in keys.py",
    ("store/keys.py", "table"): "clear(): the index's fixed table names",
    ("store/key_scans.py", "sql"): "rebuild_key_index: constant SELECTs of the mirrored tables",
    ("store/rows.py", "' AND '.join(where)"): "select_events: fixed 'column = ?' conditions",
    ("store/store.py", "', '.join((f'b.\"{c}\"' for c in table.column_names))"): "columns of our own Arrow schemas",
    ("store/rows.py", "', '.join((c if c in present else f'NULL AS {c}' for c in EVENT_COLUMNS))"):
        "select_events: fixed column names, each or NULL",
    ("store/store.py", "match"): "_insert_new: fixed join conditions from add_sentences/add_events",
    ("store/store.py", "name"): "_insert_new: the fixed table names document_origins/sentences/events",
    ("store/store.py", "stmt"): "migration statements, constants in migrations.py",
    ("store/rows.py", "table"): "count_rows: the store's fixed table names",
    ("web/queries.py", "sql"): "_rows/_scalar's own parameter: every call site is checked here",
    ("web/queries.py", "where"): "EventFilter.where / documents_page: fixed conditions with ? placeholders",
}


def _constant_name(name: str) -> bool:
    return name.lstrip("_").isupper()


def _assignments(func: ast.AST | None) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    if func is None:
        return out
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            out.setdefault(node.target.id, []).append(node.value)
    return out


def _splices(node: ast.expr, assigns: dict[str, list[ast.expr]], seen: frozenset[str], out: list[str]) -> None:
    """Append the source of every non-constant piece of the SQL expression ``node`` to ``out``."""
    if isinstance(node, ast.Constant):
        return
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                _splices(part.value, assigns, seen, out)
        return
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        _splices(node.left, assigns, seen, out)
        _splices(node.right, assigns, seen, out)
        return
    if isinstance(node, ast.IfExp):
        _splices(node.body, assigns, seen, out)
        _splices(node.orelse, assigns, seen, out)
        return
    if isinstance(node, ast.Name):
        if _constant_name(node.id):
            return
        if node.id in assigns and node.id not in seen:
            for value in assigns[node.id]:
                _splices(value, assigns, seen | {node.id}, out)
            return
    out.append(ast.unparse(node))


def sql_splices(root: Path = SRC) -> list[tuple[str, int, str]]:
    """Every ``(module, line, expression)`` spliced into an SQL string under ``root``."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        module = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        funcs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            if isinstance(call.func, ast.Attribute) and call.func.attr in METHODS and call.args:
                arg = call.args[0]
            elif isinstance(call.func, ast.Name) and call.func.id in HELPERS and len(call.args) > 1:
                arg = call.args[1]
            else:
                continue
            inside = [f for f in funcs if f.lineno <= call.lineno <= (f.end_lineno or 0)]
            func = max(inside, key=lambda f: f.lineno) if inside else None
            pieces: list[str] = []
            _splices(arg, _assignments(func), frozenset(), pieces)
            found.extend((module, call.lineno, p) for p in pieces)
    return found


def test_no_value_is_spliced_into_sql() -> None:
    unreviewed = [f"src/bilateral/{m}:{line}: {expr}" for m, line, expr in sql_splices() if (m, expr) not in ALLOWED]
    assert not unreviewed, "SQL built from strings (use ? parameters, or review and list in ALLOWED):\n" + "\n".join(
        unreviewed)


def test_the_check_catches_a_spliced_value(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(
        "def find(con, name):\n"
        "    con.execute(f\"SELECT * FROM documents WHERE title = '{name}'\")\n"
        "    sql = 'SELECT * FROM events WHERE id = ' + name\n"
        "    con.execute(sql)\n"
        "    con.execute('SELECT * FROM events WHERE id = %s' % name)\n"
        "    con.execute('SELECT ?', [name])\n"
    )
    assert [(line, expr) for _, line, expr in sql_splices(tmp_path)] == [
        (2, "name"), (4, "name"), (5, "'SELECT * FROM events WHERE id = %s' % name")]
