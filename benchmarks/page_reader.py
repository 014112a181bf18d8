"""What the real-web reading steps cost: page extraction with them against the same extraction without them.

    python benchmarks/page_reader.py [--corpus DIR] [--rounds 5]

The steps measured are the ones that can be switched off one by one: link-row list containers
(``extract_rows.row_containers``: ``<marquee>``, ``div``/``p`` rows), search boxes without a form,
``onclick`` accessibility entries, the years of year-less dates (``year_evidence``) and an
article's side lists. The corpus is a folder of saved pages (``*.html``; default: the shared
real-web folder when it exists, else synthetic pages). Both timings come from the same run,
interleaved round by round, CPU time of this process (the machine is shared), best round kept;
the ratio is the share these steps add to what the scanner does on every page anyway.
"""
from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from govlens.probes.extract import entries as extract_entries, html as html_extract
from govlens.probes.extract.charset import decode_html

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "realweb" / "pages"
REF = date(2018, 6, 1)


def pages(corpus: Path | None) -> list[str]:
    if corpus is not None and corpus.is_dir():
        return [decode_html(p.read_bytes(), "")[0] for p in sorted(corpus.glob("*.html"))]
    tab = "".join(f"<div class=content><ul>" + "".join(
        f"<li><a href='/c{k}/2013{k % 12 + 1:02d}/t2013{k % 12 + 1:02d}0{i}_1.html'>通知{i}</a><span>[{k % 12 + 1:02d}-0{i}]</span></li>"
        for i in range(1, 8)) + "</ul></div>" for k in range(8))
    rows = "".join(f"<a href='/m/{i}.html'>公告{i}<span>2013年12月0{i % 9 + 1}日</span></a>" for i in range(30))
    return [f"<html><head><title>示例市人民政府门户网站</title></head><body><h3>{''.join(f'<a href=/c{k}/>栏目{k}</a>' for k in range(8))}"
            f"</h3>{tab}<marquee>{rows}</marquee><input id=kw><a onclick='search()'>搜索</a></body></html>"
            for _ in range(20)]


def run(docs: list[str]) -> float:
    start = time.process_time()
    for role in ("home", "article"):
        for html in docs:
            html_extract.extract_page(html, "https://www.example.gov.cn/", platform_host="www.example.gov.cn",
                                      role=role, reference=REF)
    return time.process_time() - start


class _Off:
    """Switch the measured steps off (and back on)."""

    def __enter__(self) -> None:
        self.saved = (html_extract.row_containers, html_extract.formless_search, html_extract._settle_years,
                      extract_entries.Entries.scan_clickables, html_extract.column_blocks)
        blocks = self.saved[4]
        html_extract.row_containers = lambda *a, **k: []
        html_extract.formless_search = lambda *a, **k: []
        html_extract._settle_years = lambda *a, **k: None
        extract_entries.Entries.scan_clickables = lambda *a, **k: None
        html_extract.column_blocks = lambda *a, strict=False, **k: [] if strict else blocks(*a, **k)

    def __exit__(self, *exc: object) -> None:
        (html_extract.row_containers, html_extract.formless_search, html_extract._settle_years,
         extract_entries.Entries.scan_clickables, html_extract.column_blocks) = self.saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    docs = pages(args.corpus)
    run(docs)                                           # warm-up
    on = off = float("inf")
    for _ in range(args.rounds):
        on = min(on, run(docs))
        with _Off():
            off = min(off, run(docs))
    n = len(docs) * 2
    print(f"pages: {len(docs)} × 2 roles (home, article), best of {args.rounds} interleaved rounds, CPU time")
    print(f"extraction with the real-web steps   {on / n * 1000:8.2f} ms/page")
    print(f"extraction without them (baseline)   {off / n * 1000:8.2f} ms/page")
    print(f"ratio with / without                 {on / off:8.3f}")


if __name__ == "__main__":
    main()
