"""The printable documents: notice.docx / notice.pdf and inspection.docx / inspection.pdf, and the charts
the HTML pages inline.

The PDFs are the HTML reports rendered by WeasyPrint in print mode (the same templates with
``_print.css.j2``, the charts as PNG, a table per award group, no links to the local scorecards), so
the printed notice says exactly what notice.html says. WeasyPrint fetches nothing: its URL fetcher
allows ``data:`` URLs only (the charts), so a scanned string can never make it read a file or the network.
"""
from __future__ import annotations

import base64
import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from govlens.report.charts import Chart
from govlens.report.locale import Locale
from govlens.report.pdf import PdfWorker, write_pdf


def figures(charts: Sequence[Chart], L: Locale) -> list[dict[str, Any]]:
    """What the templates show of each chart: inline SVG, the PNG as a data URL, the numbered caption."""
    return [{"id": c.id, "svg": Markup(c.svg), "alt": c.alt, "caption": L.t("charts.figure", n=i, title=c.title),
             "png_uri": "data:image/png;base64," + base64.b64encode(c.png).decode("ascii")}
            for i, c in enumerate(charts, 1)]


def unlinked(value: Any) -> Any:
    """A copy of a model with every ``href`` emptied: the PDF must not point at files on this machine."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: ("" if f.name == "href" else unlinked(getattr(value, f.name)))
                   for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [unlinked(v) for v in value]
    if isinstance(value, dict):
        return {k: unlinked(v) for k, v in value.items()}
    return value


def write_notice_documents(out_dir: Path, model: Any, data: Any, awards: Any, charts: Sequence[Chart],
                           L: Locale, worker: PdfWorker | None = None) -> dict[str, Path]:
    """notice.docx now; notice.pdf now, or by ``worker`` (then complete after ``worker.wait()``)."""
    from govlens.report.award_tables import group_tables
    from govlens.report.docx_notice import write_notice_docx
    from govlens.report.notice import render_notice_html

    tables = group_tables(model, data, awards, L)
    docx = write_notice_docx(Path(out_dir) / "notice.docx", model, tables, charts, L)
    html = render_notice_html(unlinked(model), figures=figures(charts, L), tables=tables, print=True)
    pdf = Path(out_dir) / "notice.pdf"
    if worker is not None:
        worker.submit(html, pdf)
    else:
        write_pdf(html, pdf)
    return {"notice.docx": docx, "notice.pdf": pdf}


def write_inspection_documents(out_dir: Path, model: dict[str, Any], charts: Sequence[Chart],
                               L: Locale) -> dict[str, Path]:
    from govlens.report.docx_inspection import problem_header, problems_by_site, write_inspection_docx
    from govlens.report.render import html_env

    docx = write_inspection_docx(Path(out_dir) / "inspection.docx", model, charts, L)
    html = html_env().get_template("inspection_print.html.j2").render(
        **model, figures=figures(charts, L), problem_header=problem_header(model["L"]),
        problem_sites=problems_by_site(model["problems"], model.get("types") or {}))
    pdf = write_pdf(html, Path(out_dir) / "inspection.pdf")
    return {"inspection.docx": docx, "inspection.pdf": pdf}
