"""Open data: the campaign's tables as Parquet and CSV in ``data/``, described by ``data/datapackage.json``.

The tables and fields are declared in ``opendata.yaml`` (titles and descriptions in zh-CN and en); the
rows come from the store's queries (:mod:`govlens.store.opendata`) as Arrow record batches, so a
national campaign's millions of findings stream through in bounded memory. pyarrow writes the files,
not DuckDB's ``COPY``: one pass over each query gives both files, the Parquet carries the schema's types
(with pandas metadata, so pandas and Frictionless read missing integers as missing, not NaN), and the CSV
gets what ``COPY`` cannot give it:

- **UTF-8 with a byte-order mark**: Excel on a Chinese Windows opens a CSV without one as GBK and shows
  mojibake; with it, Excel, pandas, R and DuckDB all read UTF-8 (the package declares ``utf-8-sig``);
- missing values as empty cells (never ``None`` or ``nan``), booleans as ``true``/``false``, times as
  ISO 8601;
- text cells neutralised as in every CSV of the project (:mod:`govlens.cells`): a leading ``=``, ``+``,
  ``-``, ``@`` … gets an apostrophe and bidirectional controls are dropped. The Parquet files keep the
  exact text: they are the reference, the CSV is the spreadsheet copy.

Everything is written into a staging folder first and renamed into ``data/`` at the end, so a failure
leaves the previous open data whole.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import yaml

from govlens.atomic import atomic_write_text
from govlens.cells import BIDI_CONTROLS, FORMULA_START
from govlens.frameworks.model import Framework
from govlens.report.locale import Locale
from govlens.store.campaign_store import CampaignStore
from govlens.store.opendata import has_inspection, open_table
from govlens.text import OPEN, render

DIR = "data"
PACKAGE = "datapackage.json"
CSV_ENCODING = "utf-8-sig"
INSPECTION_TABLES = ("inspection", "inspection_problems")
ARROW = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(), "boolean": pa.bool_(),
         "datetime": pa.timestamp("s")}
PANDAS = {"string": "object", "number": "float64", "integer": "Int64", "boolean": "boolean",
          "datetime": "datetime64[s]"}
_BIDI_RE = "[" + BIDI_CONTROLS + "]"
_FORMULA_RE = "^ *[" + re.escape("".join(FORMULA_START)) + "]"


def spec() -> dict[str, Any]:
    """The declared tables (``opendata.yaml``)."""
    return _doc()["tables"]


@lru_cache(maxsize=1)
def _doc() -> dict[str, Any]:
    text = resources.files("govlens.report").joinpath("opendata.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def arrow_schema(table: str) -> pa.Schema:
    """The table's Arrow schema, with pandas metadata for nullable integers and booleans."""
    import pandas as pd

    fields = spec()[table]["fields"]
    empty = pd.DataFrame({f["name"]: pd.Series([], dtype=PANDAS[f["type"]]) for f in fields})
    meta = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema([pa.field(f["name"], ARROW[f["type"]]) for f in fields], metadata=meta)


def _titles(L: Locale, frameworks: Sequence[Framework]) -> dict[tuple[str, str], str]:
    """(domain, code) → title for the store's lookup joins: defect kinds, indicators, units, nodes."""
    from govlens.contract.defects import ALL_KINDS
    from govlens.indicators.catalogue import all_modules

    out: dict[tuple[str, str], str] = {("defect", k): L.defect(k) for k in ALL_KINDS}
    for module in all_modules():
        out[("indicator", module.ID)] = L.indicator_title(module.ID)
        out[("unit", module.ID)] = module.UNIT
    index_title = str(L.t("columns.index"))
    for fw in frameworks:
        out[(f"node:{fw.id}", "index")] = index_title
        out.update({(f"node:{fw.id}", d.id): d.title(L.name) for d in fw.dimensions})
    return out


def _csv_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch as the CSV shows it: text neutralised, times in ISO 8601."""
    cols = []
    for col, field in zip(batch.columns, batch.schema):
        if pa.types.is_string(field.type):
            col = pc.replace_substring_regex(col, _BIDI_RE, "")
            col = pc.if_else(pc.match_substring_regex(col, _FORMULA_RE), pc.binary_join_element_wise("'", col, ""),
                             col)
        elif pa.types.is_timestamp(field.type):
            col = pc.strftime(col, "%Y-%m-%dT%H:%M:%S")
        cols.append(col)
    return pa.RecordBatch.from_arrays(cols, names=batch.schema.names)


def _prepare(batch: pa.RecordBatch, schema: pa.Schema, locale: str) -> pa.RecordBatch:
    """The batch in the declared types, times truncated to the second (a finding's time, not a clock's),
    and the texts the store keeps as message ids (:mod:`govlens.text`) written out in ``locale``."""
    cols = []
    for col, f in zip(batch.columns, schema):
        col = pc.cast(col, f.type, safe=not pa.types.is_timestamp(f.type))
        if pa.types.is_string(f.type) and pc.any(pc.match_substring(col, OPEN)).as_py():
            col = pa.array([render(v, locale) if v is not None and OPEN in v else v for v in col.to_pylist()],
                           pa.string())
        cols.append(col)
    return pa.RecordBatch.from_arrays(cols, schema=schema)


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string() if pa.types.is_timestamp(f.type) else f.type) for f in schema])


def write_table(store: CampaignStore, table: str, folder: Path, titles: Mapping[tuple[str, str], str],
                batch_rows: int = 100_000, locale: str = "zh-CN") -> int:
    """Write ``folder/<table>.parquet`` and ``.csv``; returns the number of rows."""
    schema = arrow_schema(table)
    rows = 0
    with open_table(store, table, titles, batch_rows) as reader:
        if reader.schema.names != schema.names:
            raise AssertionError(f"open-data table {table}: the query gives {reader.schema.names}, "
                                 f"opendata.yaml declares {schema.names}")
        # both through Python file objects: a full disk is an OSError with its errno, whoever writes
        with open(folder / f"{table}.parquet", "wb") as pf, \
                pq.ParquetWriter(pf, schema, compression="zstd") as pw, open(folder / f"{table}.csv", "wb") as fh:
            fh.write("\ufeff".encode())
            cw = pacsv.CSVWriter(fh, _csv_schema(schema), write_options=pacsv.WriteOptions(quoting_style="needed"))
            try:
                for batch in reader:
                    batch = _prepare(batch, schema, locale)
                    pw.write_batch(batch)
                    cw.write_batch(_csv_batch(batch))
                    rows += batch.num_rows
            finally:
                cw.close()
    return rows


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _texts(entry: Mapping[str, Any], loc: str) -> dict[str, Any]:
    """title/description in the report's language, the other languages under ``translations``."""
    out: dict[str, Any] = {}
    other: dict[str, dict[str, str]] = {}
    for key in ("title", "description"):
        texts = entry.get(key) or {}
        if not texts:
            continue
        main = loc if loc in texts else next(iter(texts))
        out[key] = texts[main]
        for lang, text in texts.items():
            if lang != main:
                other.setdefault(lang, {})[key] = text
    if other:
        out["translations"] = other
    return out


def _schema_json(table: str, loc: str, suffix: str) -> dict[str, Any]:
    t = spec()[table]
    fields = []
    for f in t["fields"]:
        field = {"name": f["name"], "type": f["type"], **_texts(f, loc)}
        if f["type"] == "boolean":
            field.update(trueValues=["true"], falseValues=["false"])
        if f["type"] == "datetime":
            field["format"] = "%Y-%m-%dT%H:%M:%S"
        if f.get("unit"):
            field["unit"] = f["unit"]
        if f["name"] in (t.get("primaryKey") or []):
            field["constraints"] = {"required": True}
        fields.append(field)
    out: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if t.get("primaryKey"):
        out["primaryKey"] = list(t["primaryKey"])
    if t.get("foreignKeys"):
        out["foreignKeys"] = [{"fields": [c], "reference": {"resource": f"platforms{suffix}", "fields": ["id"]}}
                              for c in t["foreignKeys"]]
    return out


def _package(tables: Mapping[str, int], folder: Path, campaign: Mapping[str, Any], loc: str) -> dict[str, Any]:
    resources_: list[dict[str, Any]] = []
    for fmt, suffix in (("csv", ""), ("parquet", "-parquet")):
        for table, rows in tables.items():
            path = folder / f"{table}.{fmt}"
            res: dict[str, Any] = {"name": f"{table}{suffix}", "path": path.name,
                                   "profile": "tabular-data-resource", "format": fmt, **_texts(spec()[table], loc)}
            if fmt == "csv":
                res.update(mediatype="text/csv", encoding=CSV_ENCODING,
                           dialect={"header": True, "delimiter": ",", "doubleQuote": True})
            else:
                res["mediatype"] = "application/vnd.apache.parquet"
            if fmt == "csv":          # Frictionless checks them on text files only
                res.update(bytes=path.stat().st_size, hash=f"sha256:{_sha256(path)}")
            res.update(rows=rows, schema=_schema_json(table, loc, suffix))
            resources_.append(res)
    year = campaign.get("year")
    name = f"govlens-campaign-{year}" if isinstance(year, int) else "govlens-campaign"
    return {"profile": "tabular-data-package", "name": name, "title": str(campaign.get("name") or name),
            "created": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            **{k: v for k, v in _texts(_doc()["package"], loc).items() if k != "title"},
            "keywords": ["政务网站", "绩效评估", "open data"],
            "sources": [{"title": "govlens"}],
            "resources": resources_}


def write_open_data(store: CampaignStore, out_dir: Path, *, frameworks: Iterable[Framework],
                    locale: str = "zh-CN", batch_rows: int = 100_000) -> dict[str, Path]:
    """Write ``data/`` (every table as Parquet and CSV, and ``datapackage.json``); returns name → path.

    The inspection tables are written when the campaign ran the national check; otherwise earlier
    inspection files are removed, so the folder holds what the package describes.
    """
    L = Locale(locale)
    target = Path(out_dir) / DIR
    target.mkdir(parents=True, exist_ok=True)
    staging = target / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    titles = _titles(L, list(frameworks))
    names = [t for t in spec() if t not in INSPECTION_TABLES or has_inspection(store)]
    try:
        counts = {t: write_table(store, t, staging, titles, batch_rows, L.name) for t in names}
        package = _package(counts, staging, store.get_meta("campaign", {}) or {}, L.name)
        atomic_write_text(staging / PACKAGE, json.dumps(package, ensure_ascii=False, indent=1) + "\n")
        written: dict[str, Path] = {}
        for t in names:
            for fmt in ("parquet", "csv"):
                os.replace(staging / f"{t}.{fmt}", target / f"{t}.{fmt}")
                written[f"{DIR}/{t}.{fmt}"] = target / f"{t}.{fmt}"
        for t in set(INSPECTION_TABLES) - set(names):
            for fmt in ("parquet", "csv"):
                (target / f"{t}.{fmt}").unlink(missing_ok=True)
        os.replace(staging / PACKAGE, target / PACKAGE)
        written[f"{DIR}/{PACKAGE}"] = target / PACKAGE
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
