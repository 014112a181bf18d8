"""What the ``site_identity`` block costs: page extraction with it against the same extraction without it.

    python benchmarks/site_identity.py [--corpus DIR] [--rounds 5]

The corpus is a folder of saved pages (``*.html``; default: the shared real-web folder when it
exists, else synthetic pages with a long article and a footer). Both timings come from the same
run, interleaved round by round (the best round of each is kept): the baseline replaces the identity step with a no-op, so the
ratio is the share the block adds to what the scanner does on every page anyway.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from govlens.probes.extract import html as html_extract
from govlens.probes.extract.charset import decode_html

DEFAULT_CORPUS = Path("/work/shared/realweb/pages")
FOOT = ("<div class=footer>主办单位：示例市人民政府办公室 网站标识码：3300000001 浙ICP备00000001号-1 "
        "浙公网安备 33000002000001号 <a href='https://bszs.conac.cn/sitename?id=1'><img src='/red.png'></a></div>")


def pages(corpus: Path | None) -> list[str]:
    if corpus is not None and corpus.is_dir():
        return [decode_html(p.read_bytes(), "")[0] for p in sorted(corpus.glob("*.html"))]
    body = "".join(f"<p>第{i}段正文，市政府召开常务会议研究部署工作。</p>" for i in range(400))
    lists = "".join(f"<li><a href='/art/{i}.html'>通知{i}</a><span>2013-12-{i % 28 + 1:02d}</span></li>"
                    for i in range(200))
    return [f"<html><head><title>标题{i}_示例市人民政府门户网站</title></head><body><ul>{lists}</ul>{body}{FOOT}"
            "</body></html>" for i in range(20)]


def run(docs: list[str]) -> float:
    start = time.perf_counter()
    for role in ("home", "article"):
        for html in docs:
            html_extract.extract_page(html, "https://www.example.gov.cn/", platform_host="www.example.gov.cn",
                                      role=role)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    docs = pages(args.corpus)
    real = html_extract.site_identity
    run(docs)                                           # warm-up
    with_block = without = float("inf")
    for _ in range(args.rounds):                        # best of the rounds: the machine is shared
        with_block = min(with_block, run(docs))
        html_extract.site_identity = lambda *a, **k: None  # the baseline: no identity step
        try:
            without = min(without, run(docs))
        finally:
            html_extract.site_identity = real
    n = len(docs) * 2
    print(f"pages: {len(docs)} × 2 roles, best of {args.rounds} interleaved rounds")
    print(f"extraction with site_identity    {with_block / n * 1000:8.2f} ms/page")
    print(f"extraction without (baseline)    {without / n * 1000:8.2f} ms/page")
    print(f"ratio with / without             {with_block / without:8.3f}")


if __name__ == "__main__":
    main()
