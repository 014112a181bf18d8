"""One-page and one-site tools: page (what the probe reads from a page), check (a webmaster's self-check), serve."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.cli.common import console, settings_overrides, warn


def cmd_page(args: argparse.Namespace) -> int:
    import json

    from govlens.pipeline.page_check import check_page
    from govlens.settings import Settings

    settings = Settings()
    settings.update(settings_overrides(args.set), "cmdline", source="--set")
    check = date.fromisoformat(args.check_date) if args.check_date else None
    report = check_page(args.target, base_url=args.base_url, role=args.role, check_date=check, settings=settings,
                        sandbox=args.sandbox, warc_url=args.url, locale=args.locale)
    problems = (report.get("fetch") or {}).get("warc_problems") or []
    if problems:
        from govlens.pipeline.scan_stages import warc_message
        from govlens.report.locale import load_locale
        L = load_locale(args.locale)
        for p in problems:
            warn(warc_message(L, p["key"], p))
    print(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from govlens.report.serve import is_loopback, serve

    if not is_loopback(args.host):
        warn(messages.t("serve.public", host=args.host))
    serve(Path(args.dir), args.host, args.port,
          announce=lambda url: (print(url, flush=True), console.print(messages.t("serve.stop_hint"), highlight=False)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """`govlens check URL`: the webmaster's self-check (govlens.selfcheck)."""
    from govlens.selfcheck.cli import check_command
    return check_command(args, console)


def cmd_stages(args: argparse.Namespace) -> int:
    """`govlens stages`: the pipeline's stages as declared (govlens.pipeline.stages), one row each."""
    from rich.markup import escape

    from govlens.pipeline.stages import markdown_table, table_rows

    if args.markdown:
        print(markdown_table(), end="")
        return 0
    header, *rows = table_rows()
    sep = "：" if messages.current() == "zh-CN" else ": "
    for row in rows:                  # a block per stage: the cells are too long for columns on a terminal
        console.print(f"[bold]{escape(row[0])}[/bold]", highlight=False)
        for label, cell in zip(header[1:], row[1:]):
            console.print(f"  {escape(label)}{sep}{escape(cell)}", highlight=False, soft_wrap=True)
    return 0


def add_parsers(sub: Any) -> None:
    """page, check, serve and stages."""
    pg = sub.add_parser("page", help="print, as JSON, everything the probe extracts from one page, and its findings")
    pg.add_argument("target", help="a file (HTML as saved, or a .warc / .warc.gz with --url) or an http(s) URL")
    pg.add_argument("--url", help="with a WARC file: the URL of the record to read")
    pg.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of error messages")
    pg.add_argument("--base-url", help="the URL the file was saved from (resolves its links)")
    pg.add_argument("--role", choices=["home", "column", "article"], default="home",
                    help="read it as a homepage, a column list or an article (default: home)")
    pg.add_argument("--check-date", help="the date the page is judged as of (default: today)")
    pg.add_argument("--sandbox", help="sandbox.json: fetch sandbox hosts (sandbox mode)")
    pg.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
    pg.set_defaults(func=cmd_page)

    ck = sub.add_parser("check", help="self-check of one website: scores, every problem and how to fix it")
    from govlens.selfcheck.cli import add_arguments
    add_arguments(ck)
    ck.set_defaults(func=cmd_check)

    sv = sub.add_parser("serve", help="serve a campaign's reports (the dashboard) on loopback; prints the URL")
    sv.add_argument("dir", help="the campaign's output folder (or any folder)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any free port)")
    sv.set_defaults(func=cmd_serve)

    st = sub.add_parser("stages", help="print the pipeline's stages: what each reads and writes, and when it runs")
    st.add_argument("--markdown", action="store_true", help="as a Markdown table (docs/pipeline.md)")
    st.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of messages")
    st.set_defaults(func=cmd_stages)
