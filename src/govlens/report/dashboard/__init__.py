"""The static dashboard (``<out>/dashboard/``): rankings, platform pages, a province tile map, findings.

It works opened from disk (``file://``) and through ``govlens serve``: the data is a script,
``data.js``, assigning one JSON object (a browser's ``fetch`` of a ``file://`` URL is refused),
and the page is vanilla JavaScript of our own (``app.js``) with a local stylesheet — no library,
font or request outside the folder. The JavaScript builds every element with ``textContent``;
scanned names and URLs never pass through an HTML parser.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from govlens.atomic import atomic_write_text
from govlens.report.dashboard.model import Collector, build_model
from govlens.report.locale import Locale

__all__ = ["Collector", "build_model", "write_dashboard"]

ASSETS = ("app.js", "dashboard.css")


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("govlens.report.dashboard", "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.ChainableUndefined)


def data_script(model: dict[str, Any]) -> str:
    """``window.GOVLENS = {...};`` — JSON with ``<``, ``>``, ``&`` and the JS line separators escaped,
    so no text in it can close a script element or end a string."""
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return "window.GOVLENS = " + text + ";\n"


def write_dashboard(out_dir: Path, model: dict[str, Any], L: Locale) -> Path:
    """Write ``index.html``, ``data.js``, ``app.js`` and ``dashboard.css`` into ``out_dir``; the index's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    assets = resources.files("govlens.report.dashboard").joinpath("assets")
    for name in ASSETS:
        atomic_write_text(out_dir / name, assets.joinpath(name).read_text(encoding="utf-8"))
    atomic_write_text(out_dir / "data.js", data_script(model))
    labels = dict(model["labels"])
    html = _env().get_template("index.html.j2").render(
        lang=model["lang"], title=model["title"], L=_Labels(labels), notice_label=L.t("labels.notice"),
        scorecards_label=L.t("labels.scorecards"), generated_by=L.t("labels.generated_by"),
        noscript=labels.get("noscript", ""))
    index = out_dir / "index.html"
    atomic_write_text(index, html)
    return index


class _Labels(dict):
    """Template access ``L.key``."""

    def __getattr__(self, key: str) -> str:
        return str(self.get(key, key))
