"""The `govlens check` subcommand: its arguments and exit codes (the work is in :mod:`govlens.selfcheck.run`).

Exit codes: 0 the check completed (and, with a national scheme, the site qualifies); 1 the national
check finds the site not qualified; 2 bad input (a URL that is not a site's, a non-public address
outside sandbox mode, an unreachable host, an unreadable sandbox state): one sentence, no traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("url", help="the website's homepage, e.g. https://www.example.gov.cn/")
    p.add_argument("--framework", default="website-2013",
                   help="website-2013 (default), national-check-2019 (would it pass the national inspection?), "
                        "another shipped framework or a framework YAML file")
    p.add_argument("--sandbox", metavar="STATE", help="sandbox.json of `govlens sandbox serve`: check a sandbox site")
    p.add_argument("--out", default="check-out", help="folder for the store and scorecard.html (default: check-out)")
    p.add_argument("--html", metavar="FILE", help="write the scorecard here (default: OUT/scorecard.html)")
    p.add_argument("--json", metavar="FILE", help="also write scores, findings and fix advice as JSON")
    p.add_argument("--no-browser", action="store_true", help="HTTP scan only (no rendering in Chromium)")
    p.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of the output")
    p.add_argument("--name", help="the site's name (default: from its homepage title)")
    p.add_argument("--as-of", help="the date the site is judged as of (default: today; a sandbox's own date)")


def check_command(args: argparse.Namespace, console: Any) -> int:
    from rich.console import Console
    from rich.markup import escape

    from govlens.report.locale import Locale
    from govlens.selfcheck.run import CheckOptions, run_check
    from govlens.selfcheck.summary import payload, print_summary, write_json
    from govlens.selfcheck.target import CheckInputError

    L = Locale(args.locale)
    opts = CheckOptions(url=args.url, framework=args.framework, sandbox=args.sandbox, out=Path(args.out),
                        json_path=Path(args.json) if args.json else None,
                        html_path=Path(args.html) if args.html else None, browser=not args.no_browser,
                        locale=args.locale, name=args.name, as_of=args.as_of)
    try:
        run = run_check(opts, say=lambda line: console.print(f"[dim]{escape(line)}[/dim]", highlight=False,
                                                              soft_wrap=True))
    except CheckInputError as exc:
        console.print(f"[red]{escape(L.t('check.error'))}[/red]{escape(str(exc))}", highlight=False, soft_wrap=True)
        return 2
    data = payload(run, L)
    out = Console(file=sys.stdout, highlight=False)
    for problem in run.problems:
        console.print(f"[yellow]![/yellow] {escape(problem)}", highlight=False, soft_wrap=True)
    print_summary(data, L, out)
    if opts.json_path is not None:
        path = write_json(data, opts.json_path)
        out.print(escape(L.t("check.json", path=str(path))), soft_wrap=True)
    national = data["national_check"]
    return 1 if national is not None and not national["qualified"] else 0
