"""The engine's input: a units × indicators table, from a CSV/XLSX file or from the campaign store.

The engine never reads the store itself: :mod:`govlens.scoring.pipeline` builds an
:class:`IndexInput` from it, and ``govlens index`` builds one from any table with
:func:`read_table`, so published indices and data from elsewhere go through the same code.

Every bad cell of a table file is reported with the file, its line and the column; a column
the framework needs but the table lacks names the framework key that asks for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from govlens.errors import ImportRowError, InputError
from govlens.frameworks.model import Framework
from govlens.messages import join, t, word
from govlens.scoring.methods import not_number, shown

MISSING_TOKENS = ("", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "-", "..", "—")
CATEGORICAL = ("categorical",)


@dataclass
class IndexInput:
    """Units (rows, by id) × columns (indicators, denominators, rule indicators)."""

    values: pd.DataFrame                       # index: unit id (str); numeric columns float64, categorical object
    groups: pd.Series                          # group of each unit; one group "" when the table has none
    names: pd.Series | None = None
    tiebreak: pd.Series | None = None          # on equal index, fewer is better (e.g. findings); then id
    statuses: pd.DataFrame | None = None       # per-indicator status (store: ok / missing / not_applicable)
    extra: pd.DataFrame | None = None          # other columns kept for group imputation (region, level …)
    source: str = "<table>"
    lines: pd.Series | None = None             # the file line of each unit, for messages
    problems: list[str] = field(default_factory=list)

    @property
    def ids(self) -> pd.Index:
        return self.values.index

    def column(self, name: str) -> pd.Series:
        if name in self.values.columns:
            return self.values[name]
        if self.extra is not None and name in self.extra.columns:
            return self.extra[name]
        if name == "group":
            return self.groups
        raise KeyError(name)

    def where(self, unit: str) -> str:
        """``file:line`` of a unit, for messages."""
        if self.lines is not None and unit in self.lines.index:
            return f"{self.source}:{int(self.lines[unit])}"
        return f"{self.source} unit '{unit}'"


def required_columns(framework: Framework) -> dict[str, str]:
    """column → the framework key path that needs it."""
    need: dict[str, str] = {}
    for ref in framework.leaves():
        need.setdefault(ref.id, f"{ref.path}.id")
        if ref.denominator:
            need.setdefault(ref.denominator, f"{ref.path}.denominate.by")
    for kind, rules in (("vetoes", framework.vetoes), ("deductions", framework.deductions),
                        ("bonuses", framework.bonuses)):
        for i, rule in enumerate(rules):
            need.setdefault(rule.indicator, f"{kind}[{i}].indicator")
    return need


def categorical_columns(framework: Framework) -> set[str]:
    return {ref.id for ref in framework.leaves() if ref.normalisation.method in CATEGORICAL}


def read_table(path: str | Path, framework: Framework, *, id_col: str | None = None, group_col: str | None = None,
               name_col: str | None = None) -> IndexInput:
    """Read a CSV (UTF-8 or GB18030, as Excel saves it) or XLSX indicator table for ``framework``.

    The id column is ``id_col``, else the framework's ``table.id``, else ``id``, else the first
    column; ``group_col`` (or ``table.group``) ranks units within groups.
    """
    path = Path(path)
    source = str(path)
    frame = _read(path)
    if frame.empty and not len(frame.columns):
        raise InputError(t("scoring.table_empty"), file=source)
    frame.columns = [str(c).strip() for c in frame.columns]
    dup = frame.columns[frame.columns.duplicated()].tolist()
    if dup:
        raise InputError(t("scoring.duplicate_header", name=shown(dup[0])), file=source, line=1, field=dup[0])
    id_col = id_col or framework.table.get("id") or ("id" if "id" in frame.columns else frame.columns[0])
    group_col = group_col or framework.table.get("group")
    name_col = name_col or framework.table.get("name") or ("name" if "name" in frame.columns else None)
    for role, col in (("id", id_col), ("group", group_col), ("name", name_col)):
        if col and col not in frame.columns:
            listed = join(list(frame.columns[:12])) + (" …" if len(frame.columns) > 12 else "")
            raise InputError(t("scoring.no_role_column", role=word("scoring.roles", role), name=shown(col),
                               columns=listed), file=source, line=1, field=col)
    for col, key in required_columns(framework).items():
        if col not in frame.columns:
            where = f"{framework.source}:{framework.line_of(key)}" if framework.line_of(key) else framework.source
            raise InputError(t("scoring.framework_column_at", name=shown(col), key=key, where=where),
                             file=source, line=1, field=col)
    if frame.empty:
        raise InputError(t("scoring.no_rows"), file=source, line=2)
    lines = pd.Series(np.arange(len(frame)) + 2, index=frame.index)   # header is line 1

    index = _unit_ids(frame[id_col], lines, source, id_col)

    categorical = categorical_columns(framework)
    columns = list(required_columns(framework))
    values: dict[str, pd.Series] = {}
    block = None if categorical & set(columns) else np.empty((len(frame), len(columns)), order="F")  # no 2nd copy
    bad_cells: list[tuple[int, int, str, str]] = []          # (line, column position, column, text)
    total_bad = 0
    for pos_col, col in enumerate(columns):
        raw = frame[col]
        if col in categorical:
            text = raw.astype("string").str.strip()
            values[col] = pd.Series(np.where(text.isin(MISSING_TOKENS) | text.isna(), None, text.astype(object)),
                                    index=index, dtype=object)
            continue
        numeric, bad = _numeric(raw)
        total_bad += int(bad.sum())
        for pos in np.flatnonzero(bad)[:20]:
            bad_cells.append((int(lines.iloc[pos]), pos_col, col, str(raw.iloc[pos])[:40]))
        if block is not None:
            block[:, pos_col] = numeric
        else:
            values[col] = pd.Series(numeric, index=index)
    if bad_cells:
        bad_cells.sort()
        line, _, col, text = bad_cells[0]
        more = total_bad - 1
        others = t("format.list_sep").join(t("scoring.bad_cell_at", line=ln, column=c)
                                           for ln, _, c, _ in bad_cells[1:6]) + (" …" if more > 5 else "")
        raise ImportRowError(not_number(text) + (t("scoring.more_bad_cells", more=more, others=others) if more else ""),
                             file=source, line=line, field=col)
    groups = (frame[group_col].astype("string").fillna("").str.strip() if group_col
              else pd.Series([""] * len(frame), dtype="string"))
    groups = pd.Series(groups.to_numpy(dtype=object), index=index, name="group")
    names = pd.Series(frame[name_col].astype("string").fillna("").to_numpy(dtype=object), index=index) \
        if name_col else None
    used = {id_col, group_col, name_col, *columns}
    extra = frame[[c for c in frame.columns if c not in used]].copy()
    extra.index = index
    table = pd.DataFrame(values, index=index) if block is None else \
        pd.DataFrame(block, index=index, columns=columns, copy=False)
    return IndexInput(values=table, groups=groups, names=names, extra=extra,
                      source=source, lines=pd.Series(lines.to_numpy(), index=index))


def _unit_ids(column: pd.Series, lines: pd.Series, source: str, id_col: str) -> pd.Index:
    """The unit ids, stripped; an empty or a repeated id is refused at its line."""
    ids = column.astype("string").str.strip()
    bad_id = ids.isna() | (ids == "")
    if bad_id.any():
        line = int(lines[bad_id].iloc[0])
        raise ImportRowError(t("scoring.empty_id", count=int(bad_id.sum())), file=source, line=line, field=id_col)
    dups = ids[ids.duplicated(keep="first")]
    if len(dups):
        first = dups.index[0]
        earlier = int(lines[ids[ids == dups.iloc[0]].index[0]])
        raise ImportRowError(t("scoring.duplicate_id", name=shown(dups.iloc[0]), line=earlier), file=source,
                             line=int(lines[first]), field=id_col)
    return pd.Index(ids.tolist(), name="id", dtype=object)


def _read(path: Path) -> pd.DataFrame:
    source = str(path)
    if not path.is_file():
        raise InputError(t("scoring.file_not_found"), file=source)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            return pd.read_excel(path, dtype=str, keep_default_na=False)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds; translated here
            raise InputError(t("scoring.workbook_unreadable"), file=source) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(path, encoding=encoding, keep_default_na=False, na_values=list(MISSING_TOKENS),
                               skipinitialspace=True, low_memory=False)
        except UnicodeDecodeError:
            continue
        except pd.errors.ParserError as exc:
            m = re.search(r"\bline (\d+)", str(exc))
            if m:
                raise InputError(t("scoring.csv_invalid_line", line=m.group(1)), file=source,
                                 line=int(m.group(1))) from None
            raise InputError(t("scoring.csv_invalid"), file=source) from None
        except pd.errors.EmptyDataError:
            raise InputError(t("scoring.table_empty"), file=source) from None
    raise InputError(t("scoring.undecodable"), file=source)


def _numeric(raw: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(float64 values with NaN for missing, mask of cells that are present but not numbers)."""
    if pd.api.types.is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(raw.dtype):
        values = raw.to_numpy(dtype=float, na_value=np.nan)
        bad = np.isinf(values)
        return np.where(bad, np.nan, values), bad
    text = raw.astype("string").str.strip().str.replace(",", "", regex=False)
    missing = text.isna() | text.isin(MISSING_TOKENS)
    percent = text.str.endswith("%", na=False)
    number = pd.to_numeric(text.where(~percent, text.str.rstrip("%")), errors="coerce")
    values = number.to_numpy(dtype=float, na_value=np.nan)
    values = np.where(percent.to_numpy(dtype=bool), values / 100.0, values)
    bad = (~missing.to_numpy(dtype=bool)) & (np.isnan(values) | np.isinf(values))
    values[bad | np.isinf(values)] = np.nan
    return values, bad


def from_frame(values: pd.DataFrame, *, groups: pd.Series | None = None, names: pd.Series | None = None,
               tiebreak: pd.Series | None = None, source: str = "<table>") -> IndexInput:
    """An :class:`IndexInput` from an in-memory frame indexed by unit id (tests, benchmarks, adapters)."""
    index = pd.Index([str(i) for i in values.index], name="id", dtype=object)
    vals = values.copy()
    vals.index = index
    g = pd.Series([""] * len(index), index=index, dtype=object) if groups is None else \
        pd.Series(np.asarray(groups, dtype=object), index=index)
    return IndexInput(values=vals, groups=g, names=None if names is None else pd.Series(np.asarray(names), index=index),
                      tiebreak=None if tiebreak is None else pd.Series(np.asarray(tiebreak, dtype=float), index=index),
                      source=source)
