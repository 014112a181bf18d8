"""govlens sandbox …: serve the synthetic web, write its truth, and measure findings against it."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.cli.common import console, sandbox_args, warn
from govlens.pipeline.demo import DEMO_CHECK_DATE, sandbox_platforms


def cmd_sandbox(args: argparse.Namespace) -> int:
    from govlens.sandbox.web import build_sandbox

    if args.sandbox_command == "check":
        return _check(args)
    if args.sandbox_command == "check-hostile":
        return _check_hostile(args)
    if args.sandbox_command == "hostile":
        from govlens.sandbox import hostile
        out = Path(args.out)
        print(hostile.write_registry(out / "hostile-registry.csv"))
        print(hostile.write_truth(out / "hostile-truth.json"))
        return 0
    as_of = date.fromisoformat(args.as_of) if args.as_of else DEMO_CHECK_DATE
    web = build_sandbox(sandbox_platforms(args.registry, args.sites, args.seed, warn=warn), args.seed, as_of)
    if getattr(args, "previous_year", False):
        from govlens.sandbox.previous import previous_year
        web = previous_year(web)
    if args.sandbox_command == "truth":
        web.write_truth(Path(args.out))
        if args.signals:
            web.write_signals(Path(args.signals))
        if args.overseas:
            web.write_overseas_signals(Path(args.overseas))
        if args.data:
            for key, path in web.write_newmedia(Path(args.data)).items():
                print(f"{key:<24} {path}")
        print(args.out)
        return 0
    from govlens.sandbox.server import serve_forever
    console.print(messages.t("sandbox_cli.serving_hostile" if args.hostile else "sandbox_cli.serving",
                             hosts=len(web.hosts()), host=args.host, state=args.state_dir), highlight=False)
    serve_forever(web, args.host, args.http_port, args.https_port, Path(args.state_dir), hostile=args.hostile)
    return 0


def _check_hostile(args: argparse.Namespace) -> int:
    from govlens.sandbox.hostile import check_store, format_results

    results = check_store(Path(args.truth), Path(args.store))
    print(format_results(results))
    bad = [r for r in results if not r.ok]
    print(messages.t("sandbox_cli.hostile_done", ok=len(results) - len(bad), total=len(results)))
    return 0 if not bad else 1


def _check(args: argparse.Namespace) -> int:
    from govlens.sandbox.check import compare, format_scores, load_finding_keys, load_truth_keys

    truth, found = load_truth_keys(Path(args.truth)), load_finding_keys(Path(args.findings))
    if args.store:
        from govlens.sandbox.check import only_rendered, rendered_platforms
        rendered = rendered_platforms(Path(args.store))
        truth, found = only_rendered(truth, rendered), only_rendered(found, rendered)
    scores = compare(truth, found)
    print(format_scores(scores))
    from govlens.sandbox.check import compare_by_family, format_family_scores, load_truth_families
    print("\n" + format_family_scores(compare_by_family(truth, found, load_truth_families(Path(args.truth)))))
    worst = min(min(s.precision, s.recall) for s in scores)
    return 0 if worst >= args.min else 1


def add_parsers(sub: Any) -> None:
    """sandbox serve | truth | check | hostile | check-hostile."""
    s = sub.add_parser("sandbox", help="the synthetic government web")
    ssub = s.add_subparsers(dest="sandbox_command", required=True)
    serve = ssub.add_parser("serve", help="serve the sandbox web on loopback")
    sandbox_args(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--http-port", type=int, default=8080)
    serve.add_argument("--https-port", type=int, default=8443)
    serve.add_argument("--state-dir", default="sandbox-state")
    serve.add_argument("--hostile", action="store_true",
                       help="also serve the hostile web (misbehaving sites; writes hostile-registry.csv and "
                            "hostile-truth.json into the state dir)")
    truth = ssub.add_parser("truth", help="write the ground truth of the injected defects")
    sandbox_args(truth)
    truth.add_argument("--out", required=True)
    truth.add_argument("--signals", help="also write the external-signals CSV here")
    truth.add_argument("--overseas", help="also write the overseas-signals CSV of foreign-language editions here")
    truth.add_argument("--data", help="also write the new-media and app-store data files into this folder")
    check = ssub.add_parser("check", help="precision and recall of findings.csv against truth.json")
    check.add_argument("--truth", required=True)
    check.add_argument("--findings", required=True)
    check.add_argument("--min", type=float, default=0.0, help="exit 1 when any precision or recall is below")
    hostile = ssub.add_parser("hostile", help="write the hostile web's registry and ground truth")
    hostile.add_argument("--out", required=True, help="folder for hostile-registry.csv and hostile-truth.json")
    check_hostile = ssub.add_parser("check-hostile",
                                    help="compare a campaign store's observations with the hostile truth")
    check_hostile.add_argument("--truth", required=True)
    check_hostile.add_argument("--store", required=True, help="the campaign's campaign.duckdb")
    check.add_argument("--store", help="campaign.duckdb: judge the browser kinds on the rendered platforms only")
    for sp in (serve, truth, check, hostile, check_hostile):
        sp.set_defaults(func=cmd_sandbox)
