"""The page reader on saved pages of real government websites (the real-web corpus).

The pages are third-party public pages kept outside the project, in ``<repo>/../shared/realweb``
(or the folder named by ``GOVLENS_REALWEB``); a clone without them skips this test. Every page
goes through :func:`govlens.pipeline.page_check.check_page` in-process with the role, base URL and check
date of ``sources.csv``, and is compared with the hand-made ``labels.csv`` by the corpus's own
scorer (its ``govlens_values`` and ``same``, imported from the folder, not copied), so this
test and ``score.py`` can never disagree about a field. Every labelled field must be right on
at least 95 % of the pages.

One honest exception: a ``site_name`` label that occurs nowhere in the page (not in its markup, its
text or its attributes, e.g. a name shown only inside a logo image) cannot be read from the page by
any reader; such a label is listed as "not on the page" and left out of that field's count.
"""
from __future__ import annotations

import csv
import importlib.util
import os
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from govlens.pipeline.page_check import check_page
from govlens.probes.extract.charset import decode_html

THRESHOLD = 0.95
FIELDS = ["site_name", "newest_date", "dated_items", "has_search_form", "icp", "police_record", "site_code",
          "sponsor", "has_disclosure_link", "has_accessibility_entry"]


def corpus_dir() -> Path:
    env = os.environ.get("GOVLENS_REALWEB")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "realweb"


def _scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("realweb_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tally() -> dict[str, Any]:
    folder = corpus_dir()
    if not (folder / "labels.csv").is_file() or not (folder / "score.py").is_file():
        pytest.skip(f"real-web corpus not found at {folder} (set GOVLENS_REALWEB to its folder to run this test)")
    score = _scorer(folder)
    with open(folder / "sources.csv", encoding="utf-8") as f:
        sources = {r["file"]: r for r in csv.DictReader(f)}
    with open(folder / "labels.csv", encoding="utf-8") as f:
        labels = list(csv.DictReader(f))
    right = {k: 0 for k in FIELDS}
    counted = {k: 0 for k in FIELDS}
    misses: dict[str, list[str]] = {k: [] for k in FIELDS}
    absent: list[str] = []
    for row in labels:
        src = sources[row["file"]]
        source = "".join(decode_html((folder / "pages" / row["file"]).read_bytes(), "")[0].split())
        report = check_page(str(folder / "pages" / row["file"]), base_url=src.get("served_url") or None,
                            role=src["role"], check_date=date.fromisoformat(src.get("check_date") or "2026-12-01"))
        got = score.govlens_values(report, src["role"])
        for k in FIELDS:
            truth = row[k] if (row[k] or k != "sponsor") else "(none shown)"
            if k == "site_name" and "".join(truth.split()) not in source:
                absent.append(f"{row['file']}: site_name {truth!r} is not on the page (read {got[k]!r})")
                continue
            counted[k] += 1
            if score.same(k, truth, got[k]):
                right[k] += 1
            else:
                misses[k].append(f"{row['file']}: label {truth!r}, read {got[k]!r}")
    lines = [f"{'field':24} {'correct':>7} / {'pages':<5} accuracy"]
    lines += [f"{k:24} {right[k]:>7} / {counted[k]:<5} {right[k] / max(counted[k], 1):.2f}" for k in FIELDS]
    lines += [f"left out: {a}" for a in absent]
    table = "\n".join(lines)
    print("\nreal-web corpus, per field:\n" + table)
    return {"counted": counted, "right": right, "misses": misses, "table": table}


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy(tally: dict[str, Any], field: str) -> None:
    n, right = tally["counted"][field], tally["right"][field]
    assert n >= 15, f"{field}: only {n} labelled pages counted"
    assert right / n >= THRESHOLD, (f"{field}: {right}/{n} right\n" + "\n".join(tally["misses"][field][:20])
                                    + "\n\n" + tally["table"])
