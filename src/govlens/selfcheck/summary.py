"""The self-check's answer: one plain payload (the ``--json`` file) and its rendering in the terminal.

Everything shown is built once, as data, by :func:`payload`; the terminal rendering and the JSON
file read the same payload, so they cannot disagree. Scanned text (titles, URLs, snippets) is
printed through :func:`rich.markup.escape` — a page cannot style or forge the terminal's lines —
and every number that is not a number (NaN, missing) is ``null`` in the JSON, never ``NaN``. Details of
findings are rendered in the output's locale by :func:`govlens.text.render` (what the reports use).
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from govlens.contract.defects import ALL_KINDS
from govlens.report.locale import Locale
from govlens.report.values import fmt_score, fmt_value, is_number
from govlens.selfcheck.run import CheckRun
from govlens.text import render

_OPS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "==": "=", "!=": "≠"}


def _num(value: Any) -> float | None:
    if not is_number(value):
        return None
    f = float(value)
    return None if math.isnan(f) or math.isinf(f) else round(f, 4)


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def fix_advice(kind: str, L: Locale) -> str:
    """How to fix a defect of ``kind``, in ``L``'s language (a general sentence for a kind without advice)."""
    return L.t(f"fix.{kind}") if L.has(f"fix.{kind}") else L.t("check.fix_missing")


def payload(run: CheckRun, L: Locale) -> dict[str, Any]:
    """Scores, findings with their fix, the national verdict: plain JSON-able values."""
    loc = L.name
    fw = run.framework
    dims = [{"id": d.id, "title": d.title(loc), "weight": _num(d.weight), "score": _num(run.dimensions.get(d.id))}
            for d in fw.dimensions]
    rank = {k: i for i, k in enumerate(ALL_KINDS)}
    findings = sorted(run.findings, key=lambda f: (rank.get(f.get("kind"), 99), _text(f.get("url"))))
    problems = [{"kind": _text(f.get("kind")), "title": L.defect(_text(f.get("kind"))), "url": _text(f.get("url")),
                 "detail": render(_text(f.get("detail")), loc), "evidence_url": _text(f.get("evidence_url")),
                 "snippet": _text(f.get("snippet")), "indicator": _text(f.get("indicator_id")),
                 "fix": fix_advice(_text(f.get("kind")), L)} for f in findings]
    veto_title = {v.id: v.title(loc) for v in fw.vetoes}
    vetoes = [{"id": _text(v.get("id")), "title": veto_title.get(_text(v.get("id"))) or _text(v.get("title")),
               "indicator": _text(v.get("indicator")), "value": _num(v.get("value"))}
              for v in run.result.get("vetoes") or [] if isinstance(v, dict)]
    scored = {r.id for r in fw.leaves()}
    not_measured = sorted(i for i in scored if (run.values.get(i) or {}).get("status") != "ok")
    out: dict[str, Any] = {
        "url": run.url, "name": run.name, "check_date": run.check_date.isoformat(),
        "framework": {"id": fw.id, "title": fw.title(loc)}, "rendered_in_browser": run.rendered,
        "index": _num(run.result.get("index")), "ranked": False, "note": L.t("check.single_note"),
        "dimensions": dims, "vetoes": vetoes, "findings": problems,
        "left_out": [{"indicator": iid, "title": L.indicator_title(iid), "reason": why} for iid, why in run.left_out],
        "not_measured": [{"indicator": iid, "title": L.indicator_title(iid),
                          "status": _text((run.values.get(iid) or {}).get("status")) or "missing"}
                         for iid in not_measured],
        "scorecard": str(run.scorecard) if run.scorecard else None, "national_check": None,
    }
    if run.scheme is not None and run.inspection is not None:
        out["national_check"] = _national(run, L)
    return out


def _national(run: CheckRun, L: Locale) -> dict[str, Any]:
    loc, scheme, row = L.name, run.scheme, run.inspection or {}
    rule = {v.id: v for v in scheme.vetoes}
    items = []
    for p in row.get("problems") or []:
        iid = _text(p.get("indicator"))
        v = rule.get(_text(p.get("id"))) if p.get("type") == "veto" else None
        items.append({"type": _text(p.get("type")), "id": _text(p.get("id")), "title": _text(p.get("title")),
                      "indicator": iid, "value": _num(p.get("raw")), "shown": fmt_value(iid, p.get("raw"), L),
                      "points": _num(p.get("points")), "detail": render(_text(p.get("detail")), loc),
                      "evidence_url": _text(p.get("evidence_url")),
                      "rule": f"{L.indicator_title(iid)} {_OPS.get(v.op, v.op)} {fmt_value(iid, v.value, L) or v.value}"
                      if v else ""})
    unchecked_vetoes = [v.title(loc) for v in scheme.vetoes
                        if (run.values.get(v.indicator) or {}).get("status") != "ok"]
    return {"scheme": scheme.id, "title": scheme.title(loc), "qualified": bool(row.get("qualified")),
            "vetoed": bool(row.get("vetoed")), "score": _num(row.get("score")), "pass_mark": _num(scheme.pass_mark),
            "full_marks": _num(row.get("full_marks")), "deducted": _num(row.get("deducted")),
            "bonus": _num(row.get("bonus")), "problems": items, "unchecked_vetoes": unchecked_vetoes,
            "unchecked": [_text(u.get("title")) for u in row.get("unchecked") or []],
            "report": str(run.inspection_report) if run.inspection_report else None}


def write_json(data: dict[str, Any], path: Path) -> Path:
    """The payload as UTF-8 JSON (``allow_nan=False``: a NaN that slipped through is a bug, not a value)."""
    from govlens.atomic import atomic_write_text
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n")
    return path


def print_summary(data: dict[str, Any], L: Locale, console: Console) -> None:
    """The terminal summary: scores per dimension, every problem with where, what and how to fix it."""
    t = L.t
    e = escape
    console.print(f"[bold]{e(t('check.heading', name=data['name']))}[/bold]", soft_wrap=True)
    console.print(e(t("check.facts", url=data["url"], date=data["check_date"], framework=data["framework"]["title"])),
                  soft_wrap=True, highlight=False)
    console.print(e(t("check.browser_yes") if data["rendered_in_browser"] else t("check.browser_no")), highlight=False,
                  soft_wrap=True)
    console.print()
    index = data["index"]
    console.print(f"[bold]{e(t('check.index', index=fmt_score(index)) if index is not None else t('check.index_none'))}"
                  f"[/bold]", highlight=False)
    console.print(f"[dim]{e(data['note'])}[/dim]", soft_wrap=True, highlight=False)
    table = Table(title=t("check.dimensions"), box=box.SIMPLE if console.is_terminal else box.ASCII,
                  title_justify="left", show_edge=False)
    table.add_column(t("check.dimension"))
    table.add_column(t("check.weight"), justify="right")
    table.add_column(t("check.score"), justify="right")
    for d in data["dimensions"]:
        w = d["weight"]
        table.add_row(e(d["title"]), "" if w is None else f"{w:g}", fmt_score(d["score"]) or "—")
    console.print(table)
    if data["vetoes"]:
        console.print(f"[red bold]{e(t('check.vetoes'))}[/red bold]")
        for v in data["vetoes"]:
            console.print(f"  [red]✗[/red] {e(v['title'])}", highlight=False)
    _problems(data["findings"], L, console)
    if data["left_out"]:
        console.print(f"[bold]{e(t('check.left_out'))}[/bold]")
        for x in data["left_out"]:
            key = "check.left_out_campaign" if x["reason"] == "campaign" else "check.left_out_relative"
            console.print(f"  · {e(t(key, title=x['title']))}", highlight=False, soft_wrap=True)
    if data["not_measured"]:
        items = L.get("format.list_sep", "、")
        names = (items if isinstance(items, str) else "、").join(x["title"] for x in data["not_measured"])
        console.print(f"[dim]{e(t('check.not_measured', n=len(data['not_measured']), items=names))}[/dim]",
                      soft_wrap=True, highlight=False)
    if data["national_check"]:
        _national_summary(data["national_check"], L, console)
    console.print()
    if data["scorecard"]:
        console.print(e(t("check.scorecard", path=data["scorecard"])), soft_wrap=True, highlight=False)
    if data["national_check"] and data["national_check"]["report"]:
        console.print(e(t("check.inspection_report", path=data["national_check"]["report"])), soft_wrap=True,
                      highlight=False)


def _problems(findings: list[dict[str, Any]], L: Locale, console: Console) -> None:
    t, e = L.t, escape
    c = e(t("check.label_sep"))
    console.print()
    console.print(f"[bold]{e(t('check.problems', n=len(findings)))}[/bold]")
    if not findings:
        console.print(f"  [green]✓[/green] {e(t('check.no_problems'))}")
        return
    for n, f in enumerate(findings, 1):
        console.print(f"[yellow]{n:>3}.[/yellow] [bold]{e(f['title'])}[/bold] [dim]({e(f['kind'])})[/dim]",
                      highlight=False, soft_wrap=True)
        console.print(f"     {e(t('check.where'))}{c}{e(f['url'])}", highlight=False, soft_wrap=True)
        if f["detail"]:
            console.print(f"     {e(t('check.seen'))}{c}{e(f['detail'])}", highlight=False, soft_wrap=True)
        if f["evidence_url"] and f["evidence_url"] != f["url"]:
            console.print(f"     {e(t('check.evidence'))}{c}{e(f['evidence_url'])}", highlight=False, soft_wrap=True)
        console.print(f"     [green]{e(t('check.fix_label'))}[/green]{c}{e(f['fix'])}", highlight=False, soft_wrap=True)


def _national_summary(nc: dict[str, Any], L: Locale, console: Console) -> None:
    t, e = L.t, escape
    c = e(t("check.label_sep"))
    console.print()
    console.print(f"[bold]{e(t('check.national', scheme=nc['title']))}[/bold]")
    verdict = t("check.qualified") if nc["qualified"] else t("check.unqualified")
    colour = "green" if nc["qualified"] else "red"
    line = t("check.verdict", verdict=verdict, score=fmt_score(nc["score"]), pass_mark=fmt_score(nc["pass_mark"], 0),
             full=fmt_score(nc["full_marks"], 0), deducted=fmt_score(nc["deducted"]), bonus=fmt_score(nc["bonus"]))
    console.print(f"[{colour} bold]{e(line)}[/{colour} bold]", highlight=False, soft_wrap=True)
    vetoes = [p for p in nc["problems"] if p["type"] == "veto"]
    if not vetoes:
        console.print(f"  {e(t('check.no_veto'))}", highlight=False)
    for p in nc["problems"]:
        if p["type"] == "veto":
            text = t("check.veto_item", title=p["title"], value=p["shown"] or "—", rule=p["rule"])
        elif p["type"] == "deduction":
            text = t("check.deduction_item", title=p["title"], points=f"{p['points']:g}", value=p["shown"] or "—")
        else:
            text = t("check.bonus_item", title=p["title"], points=f"{p['points']:g}")
        console.print(f"  · {e(text)}", highlight=False, soft_wrap=True)
        if p["detail"]:
            console.print(f"    {e(t('check.seen'))}{c}{e(p['detail'])}", highlight=False, soft_wrap=True)
    if not nc["qualified"]:
        why = t("check.why_unqualified_veto") if nc["vetoed"] else \
            t("check.why_unqualified_score", pass_mark=fmt_score(nc["pass_mark"], 0))
        console.print(f"  [red]{e(why)}[/red]", highlight=False, soft_wrap=True)
    sep = L.get("format.list_sep", "、")
    sep = sep if isinstance(sep, str) else "、"
    if nc["unchecked_vetoes"]:
        console.print(f"  [dim]{e(t('check.unchecked_vetoes', items=sep.join(nc['unchecked_vetoes'])))}[/dim]",
                      highlight=False, soft_wrap=True)
    if nc["unchecked"]:
        console.print(f"  [dim]{e(t('check.unchecked', items=sep.join(nc['unchecked'])))}[/dim]",
                      highlight=False, soft_wrap=True)
