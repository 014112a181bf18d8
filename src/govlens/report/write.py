"""``write_reports``: every report of a campaign, rendered from the store alone."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govlens.atomic import atomic_write_text
from govlens.awards.config import AwardsConfig
from govlens.frameworks.model import Framework
from govlens.notice_text import NoticeText
from govlens.report.dashboard import Collector, build_model, write_dashboard
from govlens.report.data import CampaignData, iter_batches, load_campaign
from govlens.report.findings_summary import summarise
from govlens.report.group_stats import award_standings
from govlens.report.inspection import write_inspection
from govlens.report.locale import Locale
from govlens.report.notice import build_notice, fmt_date, render_notice_html, render_notice_md
from govlens.report.opendata import write_open_data
from govlens.report.safety import file_names
from govlens.report.scorecards import ScorecardWriter
from govlens.report.tables import FindingsCsv, columns, result_rows, write_results_csv, write_results_xlsx
from govlens.store.campaign_store import CampaignStore

#: Platforms whose detail rows (values with evidence, scores, findings) are read and written at once: a
#: batch's rows are held as Python objects (about 0.1 MB a platform, measured at 1,000 sites), so a larger
#: batch only costs memory; the scorecards, findings.csv and the dashboard are the same for any size.
BATCH_SIZE = 500


def _dimension_titles(framework: Framework, awards: AwardsConfig, locale: str) -> dict[str, dict[str, str]]:
    """framework id → dimension id → title, for the report's framework and every framework an award uses."""
    out = {framework.id: {d.id: d.title(locale) for d in framework.dimensions}}
    for fid in {a.framework for a in awards.awards()} - {framework.id}:
        try:
            from govlens.frameworks.load import load_framework
            fw = load_framework(fid)
            out[fid] = {d.id: d.title(locale) for d in fw.dimensions}
        except Exception:  # noqa: BLE001 - unknown framework: reasons fall back to dimension ids
            out[fid] = {}
    return out


def write_reports(store: CampaignStore, out_dir: Path, *, framework: Framework, awards: AwardsConfig,
                  locale: str = "zh-CN", more_frameworks: Sequence[Framework] = (),
                  notice: NoticeText | None = None) -> dict[str, Path]:
    """Write the notice (HTML, Markdown, Word, PDF), results (CSV, XLSX), findings.csv, the scorecards and open data.

    Returns the written paths by name: ``notice.html``, ``notice.md``, ``notice.docx``, ``notice.pdf``,
    ``results.csv``, ``results.xlsx`` (a sheet per framework), ``findings.csv``, ``scorecards`` (the directory),
    ``scorecards/index.html``, ``dashboard/index.html`` and the open data (``data/<table>.parquet``,
    ``data/<table>.csv``, ``data/datapackage.json``).
    With ``more_frameworks`` (a campaign scoring several platform kinds), each platform's scorecard
    uses the framework that scores its kind, and each further framework gets ``results-<id>.csv``.
    ``notice`` is the campaign's ``[notice]`` table (title, issuer, date, paragraphs); without it the
    notice's text is generated from the campaign's name, check date and counts.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    L = Locale(locale)
    data = load_campaign(store, framework.id)
    files = file_names(data.platforms)
    written: dict[str, Path] = {}
    extra = [(fw, load_campaign(store, fw.id)) for fw in more_frameworks if fw.id != framework.id]
    own = _claimed(data, framework, [fw for fw, _ in extra])

    # per-platform detail, in batches: scorecards and findings.csv
    check_date = fmt_date(data.check_date(), L)
    cards = ScorecardWriter(out_dir / "scorecards", data, framework, awards, L, files, check_date=check_date)
    extra_cards = [ScorecardWriter(out_dir / "scorecards", d, fw, awards, L, files, check_date=check_date)
                   for fw, d in extra]
    findings_csv = FindingsCsv(out_dir / "findings.csv", L.name)
    collector = Collector(L.name)                  # the dashboard's per-platform findings
    try:
        for batch in iter_batches(store, list(data.platforms), [framework.id, *(fw.id for fw, _ in extra)],
                                  BATCH_SIZE):
            cards.write_batch(batch, skip=own)
            for i, writer in enumerate(extra_cards):
                writer.write_batch(batch, only={pid for pid in batch.ids if own.get(pid) == i})
            findings_csv.write(batch.findings_rows)
            collector.add(batch)
    except BaseException:
        findings_csv.abort()                      # the previous findings.csv stays as it was
        raise
    written["findings.csv"] = findings_csv.close()
    cards.write_css()
    written["scorecards"] = cards.dir
    results = dict(data.results)
    for pid, i in own.items():
        results[pid] = extra[i][1].results.get(pid, {})
    written["scorecards/index.html"] = cards.write_index(results)

    # the notice
    summary = summarise(data, framework, L.name)
    model = build_notice(data, summary, framework, awards, L, files, _dimension_titles(framework, awards, L.name),
                         notice=notice, standings=award_standings(store, awards, data.awards))
    from govlens.report.charts import notice_charts
    from govlens.report.documents import figures, write_notice_documents
    from govlens.report.pdf import PdfWorker

    charts = notice_charts(data, summary, L)
    html_path, md_path = out_dir / "notice.html", out_dir / "notice.md"
    atomic_write_text(html_path, render_notice_html(model, figures=figures(charts, L)))
    atomic_write_text(md_path, render_notice_md(model))
    written["notice.html"], written["notice.md"] = html_path, md_path
    pdfs = PdfWorker()          # notice.pdf renders in a worker process while the tables and inspection are written
    written.update(write_notice_documents(out_dir, model, data, awards, charts, L, pdfs))  # notice.docx, notice.pdf

    written.update(_write_tables(out_dir, data, framework, extra, own, L))

    # open data: data/*.parquet, data/*.csv and data/datapackage.json
    written.update(write_open_data(store, out_dir, frameworks=[framework, *(fw for fw, _ in extra)], locale=locale))

    # the dashboard: rankings per award group, platform pages, the province map, findings
    thumbs = {pid: t for w in (cards, *extra_cards) for pid, t in w.written_thumbs.items()}
    written["dashboard/index.html"] = _write_dashboard(store, out_dir, data, [framework, *(fw for fw, _ in extra)],
                                                       awards, L, files, collector, thumbs, own)

    # the national check, when the campaign ran one (`govlens inspect`)
    written.update(write_inspection(store, out_dir, locale))
    pdfs.wait()
    return written


def _claimed(data: CampaignData, framework: Framework, extra: Sequence[Framework]) -> dict[str, int]:
    """Platform id → index of the further framework whose scorecard it gets: a framework limited to some
    groups (文明网) claims their scorecards; one that only shares the main framework's kinds (innovation-2013
    on websites) leaves them with the main one."""
    own: dict[str, int] = {}
    for i, fw in enumerate(extra):
        for pid, p in data.platforms.items():
            kind, group = p.get("kind"), p.get("group")
            if (fw.covers(kind, group) and (fw.platform_groups or not framework.covers(kind, group))
                    and pid not in own):
                own[pid] = i
    return own


def _write_tables(out_dir: Path, data: CampaignData, framework: Framework,
                  extra: Sequence[tuple[Framework, CampaignData]], own: dict[str, int], L: Locale) -> dict[str, Path]:
    """results.csv / .xlsx for the first framework's platforms, results-<id>.csv for each other one."""
    written: dict[str, Path] = {}
    rows = [r for r in result_rows(data, framework, L) if r["id"] not in own]
    cols = columns(framework)
    written["results.csv"] = write_results_csv(out_dir / "results.csv", rows, cols)
    sheets = [(framework, rows, cols)]
    for i, (fw, d) in enumerate(extra):
        shared = set(fw.platform_kinds) & set(framework.platform_kinds)     # e.g. innovation-2013 on websites
        mine = [r for r in result_rows(d, fw, L) if own.get(r["id"]) == i
                or (r["id"] in data.platforms and _kind(data, r["id"]) in shared
                    and fw.covers(_kind(data, r["id"]), data.platforms[r["id"]].get("group")))]
        name = f"results-{fw.id}.csv"
        written[name] = write_results_csv(out_dir / name, mine, columns(fw))
        sheets.append((fw, mine, columns(fw)))
    written["results.xlsx"] = write_results_xlsx(out_dir / "results.xlsx", sheets, L)
    return written


def _write_dashboard(store: CampaignStore, out_dir: Path, data: CampaignData, frameworks: list[Framework],
                     awards: AwardsConfig, L: Locale, files: dict[str, str], collector: Collector,
                     thumbs: dict[str, dict[str, str]], own: dict[str, int]) -> Path:
    """The dashboard: rankings per award group, platform pages, the province map, findings."""
    name = str(data.campaign.get("name") or awards.title)
    dash = build_model(store, data, frameworks, awards, L, files, collector, thumbs,
                       L.t("dashboard.title", name=name), hidden={(frameworks[0].id, pid) for pid in own})
    return write_dashboard(out_dir / "dashboard", dash, L)


def _kind(data: CampaignData, pid: str) -> str | None:
    return (data.platforms.get(pid) or {}).get("kind")
