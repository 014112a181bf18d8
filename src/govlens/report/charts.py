"""The findings charts of the notice and the inspection report: inline SVG for HTML, PNG for Word and PDF.

matplotlib draws them (Agg, no display) with a CJK font from Debian's fonts-noto-cjk, found through
fontconfig or its usual file path; without one the labels would be empty boxes, so a clear
:class:`ChartFontMissing` names the package instead. Output is deterministic (fixed ``svg.hashsalt``,
no dates or software names in the metadata) so two runs on one store write the same bytes. SVG text is
text (``svg.fonttype = none``, escaped by matplotlib's XML writer): a few kilobytes a chart instead of
glyph outlines, selectable, read by screen readers; its font stack names the CJK fonts a reader has.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from govlens.errors import GovlensError
from govlens.report.data import CampaignData
from govlens.report.findings_summary import Summary
from govlens.report.locale import Locale
from govlens.report.values import fmt_score, is_number

CHART_REGIONS = ("east", "central", "west", "northeast")
TOP_DEFECTS = 10
PNG_DPI = 200
RED, GREY = "#b5121b", "#8a8f96"
SVG_FONTS = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK JP', "
             "'DejaVu Sans', sans-serif")
FONT_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK", "Source Han Sans SC")
FONT_PATHS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.otf",
              "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc")


class ChartFontMissing(GovlensError):
    """No CJK font for the charts' labels."""


@dataclass(frozen=True)
class Chart:
    id: str
    title: str         # the caption (图1　…): the drawing itself has no title, as figures in official documents
    alt: str           # the chart's numbers as one sentence (screen readers, DOCX alt text)
    svg: str           # an <svg> element, ready to inline (ids prefixed with the chart id)
    png: bytes


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The path of a CJK sans font: fontconfig's choice, else the Debian file path."""
    if shutil.which("fc-match"):
        for family in FONT_FAMILIES:
            try:
                out = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=False,
                                     timeout=10).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                break
            if out and "cjk" in out.lower() and Path(out).is_file():
                return out
    for path in FONT_PATHS:
        if Path(path).is_file():
            return path
    from govlens import messages
    raise ChartFontMissing(messages.t("report_needs.cjk_font"))


@lru_cache(maxsize=1)
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    path = cjk_font()
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    matplotlib.rcParams.update({
        "font.family": "sans-serif", "font.sans-serif": [name, "DejaVu Sans"], "axes.unicode_minus": False,
        "svg.fonttype": "none", "svg.hashsalt": "govlens", "text.parse_math": False, "font.size": 10,
        "axes.spines.top": False, "axes.spines.right": False,
    })
    return plt


def _finish(fig: Any, cid: str, title: str, alt: str) -> Chart:
    """Both encodings of one figure; the figure is closed."""
    plt = _pyplot()
    try:
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        svg = _inline_svg(buf.getvalue().decode("utf-8"), cid, alt)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=PNG_DPI, metadata={"Software": None})
    finally:
        plt.close(fig)
    return Chart(id=cid, title=title, alt=alt, svg=svg, png=buf.getvalue())


_ID = re.compile(r'\bid="([^"]+)"')


def _inline_svg(text: str, cid: str, alt: str) -> str:
    """The <svg> element alone, its ids unique to the chart (several charts share one HTML page),
    sized by its viewBox, labelled for screen readers."""
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    for old in sorted(set(_ID.findall(text)), key=len, reverse=True):
        new = f"{cid}-{old}"
        text = (text.replace(f'id="{old}"', f'id="{new}"').replace(f'href="#{old}"', f'href="#{new}"')
                .replace(f"url(#{old})", f"url(#{new})"))
    text = re.sub(r"font-family: [^;\"]*", "font-family: " + SVG_FONTS, text)
    text = re.sub(r'<svg([^>]*?)\swidth="[^"]*"\sheight="[^"]*"', r"<svg\1", text, count=1)
    label = escape(alt, quote=True)
    return text.replace("<svg", f'<svg role="img" aria-label="{label}" class="chart-svg"', 1).strip()


def _bars(cid: str, title: str, labels: Sequence[str], values: Sequence[float], *, xlabel: str,
          fmt: Any = lambda v: f"{v:g}", horizontal: bool = True, ref: tuple[float, str] | None = None) -> Chart:
    plt = _pyplot()
    n = len(labels)
    if horizontal:
        fig, ax = plt.subplots(figsize=(7.0, max(2.2, 0.9 + 0.38 * n)))
        pos = list(range(n))[::-1]                      # the first item on top
        ax.barh(pos, values, color=RED, height=0.6)
        ax.set_yticks(pos, labels=list(labels))
        ax.set_xlabel(xlabel)
        top = max(values) if values else 1
        ax.set_xlim(0, top * 1.18 or 1)
        for p, v in zip(pos, values):
            ax.text(v + top * 0.01, p, fmt(v), va="center", fontsize=9)
    else:
        fig, ax = plt.subplots(figsize=(7.0, 3.4))
        pos = list(range(n))
        ax.bar(pos, values, color=RED, width=0.55)
        ax.set_xticks(pos, labels=list(labels))
        ax.set_ylabel(xlabel)
        ax.set_ylim(0, max([*values, ref[0] if ref else 0, 1]) * 1.15)
        for p, v in zip(pos, values):
            ax.text(p, v, fmt(v), ha="center", va="bottom", fontsize=9)
        if ref:
            ax.axhline(ref[0], color=GREY, linestyle="--", linewidth=1)
            ax.text(n - 0.5, ref[0], ref[1], ha="right", va="bottom", fontsize=9, color=GREY)
    alt = f"{title}：" + "；".join(f"{lab} {fmt(v)}" for lab, v in zip(labels, values))
    return _finish(fig, cid, title, alt)


def region_chart(summary: Summary, L: Locale) -> Chart | None:
    means = [m for k in CHART_REGIONS for m in summary.regions if m.key == k and is_number(m.mean)]
    if not means:
        return None
    overall = summary.overall.mean
    ref = (float(overall), L.t("charts.overall", mean=fmt_score(overall))) if is_number(overall) else None
    return _bars("chart-regions", L.t("charts.regions"), [L.region(m.key) for m in means],
                 [float(m.mean) for m in means], xlabel=L.t("labels.mean_index"), fmt=fmt_score, horizontal=False,
                 ref=ref)


def level_chart(data: CampaignData, summary: Summary, L: Locale) -> Chart | None:
    """A box per level: the spread of the index, not only its mean."""
    values: dict[str, list[float]] = {}
    for pid, r in data.results.items():
        if is_number(r.get("index")):
            values.setdefault((data.platforms.get(pid) or {}).get("level") or "", []).append(float(r["index"]))
    levels = [m.key for m in summary.levels if values.get(m.key)]
    if not levels:
        return None
    plt = _pyplot()
    title = L.t("charts.levels")
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    ax.boxplot([values[k] for k in levels], widths=0.5, patch_artist=True,
               boxprops={"facecolor": "#f3d6d8", "edgecolor": RED}, medianprops={"color": RED, "linewidth": 2},
               whiskerprops={"color": GREY}, capprops={"color": GREY},
               flierprops={"marker": "o", "markersize": 3, "markerfacecolor": GREY, "markeredgecolor": GREY})
    ax.set_xticks(range(1, len(levels) + 1),
                  labels=[L.t("charts.level_tick", level=L.level(k), n=len(values[k])) for k in levels])
    ax.set_ylabel(L.t("labels.index"))
    alt = f"{title}：" + "；".join(L.t("charts.level_alt", level=L.level(k), n=len(values[k]),
                                       low=fmt_score(min(values[k])), median=fmt_score(_median(values[k])),
                                       high=fmt_score(max(values[k]))) for k in levels)
    return _finish(fig, "chart-levels", title, alt)


def _median(xs: list[float]) -> float:
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def defect_chart(summary: Summary, L: Locale) -> Chart | None:
    top = [d for d in summary.defects if d.platforms > 0][:TOP_DEFECTS]
    if not top:
        return None
    return _bars("chart-defects", L.t("charts.defects"), [L.defect(d.kind) for d in top],
                 [d.platforms for d in top], xlabel=L.t("labels.platforms"), fmt=lambda v: f"{int(v)}")


def veto_chart(summary: Summary, L: Locale) -> Chart | None:
    rules = sorted((v for v in summary.vetoes if v.n > 0), key=lambda v: -v.n)
    if not rules:
        return None
    return _bars("chart-vetoes", L.t("charts.vetoes"), [v.title for v in rules], [v.n for v in rules],
                 xlabel=L.t("labels.platforms"), fmt=lambda v: f"{int(v)}")


def notice_charts(data: CampaignData, summary: Summary, L: Locale) -> list[Chart]:
    """The four findings charts, those the campaign has data for."""
    charts = (region_chart(summary, L), level_chart(data, summary, L), defect_chart(summary, L),
              veto_chart(summary, L))
    return [c for c in charts if c is not None]


def inspection_charts(rows: Sequence[dict[str, Any]], L: Locale) -> list[Chart]:
    """Single vetoes by rule and the most common deductions, counted in sites."""
    out = []
    for kind, cid in (("veto", "chart-inspection-vetoes"), ("deduction", "chart-inspection-deductions")):
        counts: dict[str, int] = {}
        for r in rows:
            for title in {str(p.get("title") or "") for p in r.get("problems") or [] if p.get("type") == kind}:
                counts[title] = counts.get(title, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_DEFECTS]
        if top:
            out.append(_bars(cid, L.t(f"charts.inspection_{kind}"), [k for k, _ in top], [v for _, v in top],
                             xlabel=L.t("charts.sites"), fmt=lambda v: f"{int(v)}"))
    return out
