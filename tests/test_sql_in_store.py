"""SQL is written in one place: the store (``govlens.store``). A stage asks the store by name
(:meth:`CampaignStore.select`, :mod:`govlens.store.queries`, :mod:`govlens.store.newmedia`) and never holds
a statement, so a change of schema is a change of one package.

The test reads every module's AST: a string (or f-string) that is a SQL statement, or a call of
``.execute(…)`` / ``.sql(…)``, outside ``store/`` is a failure naming the file and line. ``PENDING`` counts
the sites of the modules whose statements are still to move: a module may not hold more than its count, and
one in the list that holds no SQL any more fails too, so the list cannot go stale.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "govlens"
STATEMENT = re.compile(r"^\s*(SELECT\b.*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|DELETE\s+FROM\b|CREATE\s+(TABLE|VIEW|"
                       r"INDEX)\b|DROP\s+\w+|UPDATE\s+\w+\s+SET\b|WITH\s+\w+\s+AS\s*\(|COPY\s+|DESCRIBE\s+)",
                       re.S)
PENDING: dict[str, int] = {}   # module → SQL sites still to move into store/ (may only shrink; none left)


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " x " for v in node.values)
    return None


def sql_sites(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = set()
    for node in ast.walk(tree):
        text = _text(node)
        if text is not None and STATEMENT.match(text) and not isinstance(getattr(node, "parent", None), ast.Expr):
            lines.add(node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("execute", "sql"):
            lines.add(node.lineno)
    docstrings = {n.body[0].value.lineno for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return sorted(lines - docstrings)


def _modules() -> dict[str, list[int]]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("store/"):
            continue
        sites = sql_sites(path)
        if sites:
            out[rel] = sites
    return out


def test_no_stage_writes_sql() -> None:
    found = _modules()
    outside = {m: lines for m, lines in found.items() if len(lines) > PENDING.get(m, 0)}
    assert not outside, "SQL outside store/: " + "; ".join(f"{m}:{','.join(map(str, ls))}" for m, ls in outside.items())


def test_the_pending_list_is_not_stale() -> None:
    found = _modules()
    moved = sorted(set(PENDING) - set(found))
    assert not moved, f"these modules hold no SQL any more; take them off PENDING: {moved}"


def test_the_detector_sees_a_statement_and_an_execute(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text('"""SELECT x FROM docs is prose."""\nq = f"SELECT a FROM {t} WHERE b = ?"\n'
                      'def f(con):\n    return con.execute(q)\n', encoding="utf-8")
    assert sql_sites(sample) == [2, 4]
