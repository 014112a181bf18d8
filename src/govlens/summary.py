"""What a command did, said as sentences and tables: never a Python dict, ``None`` or ``nan``.

:func:`stage_line` is the one line printed as each stage ends ("✓ 扫描（68 秒）：平台 220，页面 5,120 …");
:func:`print_summary` is the table at the end of ``run`` and ``demo``: platforms by kind (scanned,
homepage failed, findings), the time and result of each stage, and the outputs written. In a
terminal it is a rich ``Table``; in a pipe or log, aligned plain text (columns padded by display
width, so Chinese text lines up).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from govlens import messages
from govlens.progress import duration


def value_text(value: Any, locale: str | None = None) -> str:
    """One fact's value as a person reads it."""
    t = messages.t
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("format.none", locale=locale)
    if isinstance(value, bool):
        return t("facts.yes" if value else "facts.no", locale=locale)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, dict):
        return messages.join([f"{label(k, locale)} {value_text(v, locale)}" for k, v in value.items()], locale) \
            or t("format.none", locale=locale)
    if isinstance(value, (list, tuple, set)):
        return messages.join([value_text(v, locale) for v in value], locale) or t("format.none", locale=locale)
    return str(value)


def label(key: str, locale: str | None = None) -> str:
    """The word for a fact (``pages`` → 页面); a framework id or a file name stays as written."""
    return messages.t(f"facts.{key}", locale=locale) if messages.has(f"facts.{key}", locale) else str(key)


def stage_name(stage: str, locale: str | None = None) -> str:
    """``scan`` → 扫描; ``previous:scan`` → 上一年度 扫描."""
    prefix, _, name = stage.rpartition(":")
    word = messages.t(f"stages.{name}", locale=locale) if messages.has(f"stages.{name}", locale) else name
    if prefix:
        word = f"{stage_name(prefix, locale)} {word}"
    return word


def _facts(rep: Any, locale: str | None) -> str:
    items = [(k, v) for k, v in rep.facts.items() if not (isinstance(v, (str, Path)) and str(v).startswith("/"))]
    sep = "，" if (locale or messages.current()) == "zh-CN" else ", "
    return sep.join(f"{label(k, locale)} {value_text(v, locale)}" for k, v in items)


def stage_line(rep: Any, locale: str | None = None) -> str:
    """One line for a finished stage, in the process's language."""
    facts = _facts(rep, locale)
    zh = (locale or messages.current()) == "zh-CN"
    took = duration(rep.seconds, locale) if rep.seconds >= 1 else \
        messages.t("format.seconds", locale=locale, value=f"{rep.seconds:.1f}")
    head = f"{stage_name(rep.stage, locale)}（{took}）" if zh else f"{stage_name(rep.stage, locale)} ({took})"
    return f"{head}{'：' if zh else ': '}{facts}" if facts else head


# ------------------------------------------------------------------ the final summary
def kind_rows(reports: Sequence[Any], locale: str | None = None) -> list[list[str]]:
    """Platforms by kind: how many, scanned, homepage failed, findings (from the stages' ``kinds``)."""
    counts: dict[str, dict[str, int]] = {}
    for rep in reports:
        if ":" in rep.stage or not getattr(rep, "kinds", None):
            continue                         # the previous year's stages are not this campaign's
        for kind, values in rep.kinds.items():
            mine = counts.setdefault(kind, {})
            if rep.stage == "scan":
                mine.update({k: v for k, v in values.items() if k != "platforms"})
                mine.setdefault("platforms", values.get("platforms", 0))
            else:
                mine.update(values)
    rows = []
    total = {"platforms": 0, "scanned": 0, "failed": 0, "findings": 0}
    seen = {k: False for k in total}
    for kind, values in counts.items():
        row = [messages.word("kinds", kind, locale)]
        for key in total:
            if key in values:
                total[key] += values[key]
                seen[key] = True
                row.append(f"{values[key]:,}")
            else:
                row.append(messages.t("format.none", locale=locale))
        rows.append(row)
    if len(rows) > 1:
        rows.append([messages.t("summary.total", locale=locale)] +
                    [f"{total[k]:,}" if seen[k] else messages.t("format.none", locale=locale) for k in total])
    return rows


def stage_rows(reports: Sequence[Any], locale: str | None = None) -> list[list[str]]:
    return [[stage_name(r.stage, locale), duration(r.seconds, locale) if r.seconds >= 1 else
             messages.t("format.seconds", locale=locale, value=f"{r.seconds:.1f}"), _facts(r, locale)]
            for r in reports]


def output_rows(outputs: Iterable[tuple[str, Path]], locale: str | None = None) -> list[list[str]]:
    """(file name, path) pairs that exist, labelled (``notice.html`` → 评估结果通报)."""
    rows = []
    for name, path in outputs:
        if not Path(path).exists():
            continue
        rows.append([messages.word("outputs", name, locale), str(path)])
    return rows


def report_outputs(reports: Sequence[Any]) -> list[tuple[str, Path]]:
    """The files the report stage wrote (its facts are file name → path)."""
    out: list[tuple[str, Path]] = []
    for rep in reports:
        if rep.stage == "report":
            out += [(name, Path(path)) for name, path in rep.facts.items()]
    return out


def tables(reports: Sequence[Any], outputs: Iterable[tuple[str, Path]] | None = None,
           locale: str | None = None) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of each table of the summary, empty ones left out."""
    t = messages.t
    found = [
        (t("summary.kinds", locale=locale),
         [t(f"summary.{k}", locale=locale) for k in ("kind", "platforms", "scanned", "failed", "findings")],
         kind_rows(reports, locale)),
        (t("summary.stages", locale=locale),
         [t(f"summary.{k}", locale=locale) for k in ("stage", "seconds", "result")], stage_rows(reports, locale)),
        (t("summary.outputs", locale=locale), [t("summary.output", locale=locale), t("summary.path", locale=locale)],
         output_rows(outputs if outputs is not None else report_outputs(reports), locale)),
    ]
    return [(title, header, rows) for title, header, rows in found if rows]


def plain_table(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell by display width (a CJK character takes two)."""
    widths = [max(cell_len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c) + " " * (w - cell_len(str(c))) for c, w in zip(cells, widths)).rstrip()

    rule = ["-" * (w if i < len(widths) - 1 else min(w, 40)) for i, w in enumerate(widths)]   # the last may be long
    return "\n".join([line(header), line(rule), *(line(r) for r in rows)])


def print_summary(console: Any, reports: Sequence[Any], outputs: Iterable[tuple[str, Path]] | None = None,
                  locale: str | None = None) -> None:
    """The summary's tables on ``console``: rich tables in a terminal, plain aligned text otherwise."""
    found = tables(reports, outputs, locale)
    if console.is_terminal:
        from rich.table import Table
        for title, header, rows in found:
            table = Table(title=title, title_justify="left")
            for i, name in enumerate(header):
                table.add_column(name, justify="right" if 0 < i and len(header) == 5 else "left",
                                 overflow="fold")
            for row in rows:
                table.add_row(*row)
            console.print(table)
        return
    for title, header, rows in found:
        console.print(f"\n{title}\n{plain_table(header, rows)}", markup=False, highlight=False, soft_wrap=True)
