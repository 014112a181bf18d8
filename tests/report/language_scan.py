"""The language scan of tests/report/test_language.py: Latin-script words and Python reprs in report outputs.

Every text a report writes for people is zh-CN (or en with ``--locale en``). The scan reads each output the
way a reader does (an HTML page's visible text, a CSV's or a workbook's cells below the header row, a
Word document's paragraphs) and reports, per file, the lines with

- a Latin-script word that is not in :data:`ALLOWED` (after URLs, host and file names, e-mail addresses,
  colours, quoted page text and code cells are taken out: those are data, not our words);
- a repr or a raw error: ``None``, ``nan``, ``{'…``, ``[]``, ``Traceback``, ``SomethingError``.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# word (case-insensitive) → why a zh-CN report may show it
ALLOWED: dict[str, str] = {
    # product, standard and format names: written in Latin script in Chinese official texts too
    "https": "protocol name (HTTPS跳转, HTTPS证书)", "http": "protocol name (HTTP 404)",
    "ipv6": "protocol name (IPv6支持)", "ipv4": "protocol name", "icp": "ICP备案 (the filing's own name)",
    "hsts": "HTTP Strict Transport Security, named so in the national rules",
    "warc": "the evidence archive's format (evidence.warc.gz)", "html": "format name", "css": "format name",
    "javascript": "language name", "govlens": "the program's name (由 govlens 生成)", "chromium": "browser name",
    "excel": "program name", "pdf": "format name", "word": "program name", "wci": "微信传播指数（WCI）, the index's name",
    "robots": "robots协议 / robots.txt, the file's name", "seo": "搜索引擎优化 (SEO), a term of the rules",
    "dns": "protocol name", "tls": "protocol name", "ssl": "protocol name", "url": "a term of the rules",
    "app": "移动客户端 (App), the term of the mobile rules", "wcag": "the contrast standard's name",
    "axe": "axe-core, the accessibility checker's name", "core": "axe-core", "aaaa": "IPv6 address record",
    "lcp": "web vitals metric name", "fcp": "web vitals metric name", "cls": "web vitals metric name",
    "tbt": "web vitals metric name", "ttfb": "web vitals metric name", "json": "format name", "csv": "format name",
    "xlsx": "format name", "gzip": "format name", "sitemap": "sitemap.xml, the file's name", "xml": "format name",
    "meta": "the HTML element's name (meta标签)", "viewport": "the meta element's name", "alt": "the attribute's name",
    "title": "the HTML element's name", "h1": "the HTML element's name",
    "hreflang": "the HTML attribute's name (the foreign-edition rules name it)",
    "sitename": "guideline meta name (SiteName)", "sitedomain": "guideline meta name (SiteDomain)",
    "siteidcode": "guideline meta name (SiteIDCode)", "columnname": "guideline meta name (ColumnName)",
    "columntype": "guideline meta name (ColumnType)", "articletitle": "guideline meta name (ArticleTitle)",
    "pubdate": "guideline meta name (PubDate)", "contentsource": "guideline meta name (ContentSource)",
    "columndescription": "guideline meta name", "columnkeywords": "guideline meta name",
    "keywords": "meta name", "description": "meta name", "monte": "蒙特卡洛 is Monte Carlo",
    "rgb": "a colour's notation", "vs": "versus in a comparison",
    "strict-transport-security": "the HSTS response header's name, as the national rules name it",
    "max-age": "the HSTS header's directive", "lastmod": "the sitemap element's name",
    "canonical": "the link element's rel value (规范网址（canonical）)", "lang": "the html attribute's name",
    "get": "HTTP method name", "post": "HTTP method name", "snownlp": "the sentiment library's name",
    "aa": "WCAG conformance level", "aaa": "WCAG conformance level", "axe-core": "the accessibility checker's name",
    "zh-cn": "language tag", "cdn": "term of the rules", "api": "term",
    "width": "the HTML attribute's name (width属性)", "height": "the HTML attribute's name",
    "rmax": "a symbol of the published WCI formula (R, Rmax, Z, Zmax)", "zmax": "a symbol of the WCI formula",
    # units
    "ms": "unit: milliseconds", "kb": "unit", "kib": "unit", "mb": "unit", "mib": "unit", "gb": "unit",
    "px": "unit: CSS pixels", "pt": "unit: points", "em": "unit", "dpi": "unit", "fps": "unit",
}

#: code columns of machine-readable tables (CSV / XLSX): a cell may hold a code there
CODE_COLUMNS = frozenset({"id", "platform_id", "kind", "group", "region", "level", "org_type", "indicator_id",
                          "status", "framework", "series_id", "award_id", "group_id", "scheme", "variant",
                          "编号",
                          # open data's code columns (data/datapackage.json documents each vocabulary)
                          "unit", "dimension_id", "node", "type", "problem_id", "veto_ids", "warc_record_id",
                          "observed_at"})

#: columns that quote a scanned page as found (evidence), like <pre class="snippet"> in the HTML reports
QUOTED_COLUMNS = frozenset({"snippet"})

#: whole cells of a machine-readable table that are values, not words (CSV booleans, as open data writes them)
MACHINE_VALUES = frozenset({"true", "false"})

_URL = re.compile(r"(?:https?|ftp|file|data|mailto|javascript|urn):[^\s<>\"'，。；、）)】]*", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HOST_OR_FILE = re.compile(r"(?<![\w/])(?:[\w-]+\.)+[A-Za-z][\w-]*(?::\d+)?(?:/[^\s，。；、）)]*)?")
_PATH = re.compile(r"(?<![\w])\.{0,2}/[A-Za-z0-9_.\-/%]+|[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/[A-Za-z0-9_-]+\.[A-Za-z0-9]+")
_MD_LINK = re.compile(r"\]\([^)\s]*\)")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_COMMAND = re.compile(r"\bgovlens [a-z-]+(?: [a-z-]+)?")          # a command to run: its words are names
_SETTING = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])")   # a setting (BROWSER_AXE)
_IDENT = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,4}\d{4,}(?![A-Za-z0-9])")   # an identifier: 网站标识码 bm09448776
_DN = re.compile(r"(?<![A-Za-z])(?:CN|OU|O|C|L|ST)=[^,，;；]*")                  # a certificate's names (issuer)
_FIELD = re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+ = ")       # an input file's column = value
_TAG = re.compile(r"</?[a-z][a-z0-9]*>")                                        # an element's name as markup: <table>
_PRODUCT = re.compile(r"App Store|Google Play|Windows Phone|Internet Explorer")  # products' names in two words
_QUOTED = re.compile(r"“[^”]{0,200}”|「[^」]{0,200}」|《[^》]{0,200}》|‘[^’]{0,200}’")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]|[A-Za-z]")
_A, _Z = r"(?<![A-Za-z0-9_])", r"(?![A-Za-z0-9_])"          # ASCII word edges: 指数nan is a repr too
_REPR = re.compile(rf"{_A}(?:None|nan|NaN|Traceback|True|False|[A-Z]\w*(?:Error|Exception)){_Z}|\{{'|\[\]")


@dataclass
class Hit:
    file: str
    line: str
    words: list[str]
    reprs: list[str]

    def __str__(self) -> str:
        what = [f"words {', '.join(self.words)}"] * bool(self.words) + [f"reprs {', '.join(self.reprs)}"] * bool(self.reprs)
        return f"{self.file}: [{'; '.join(what)}] {self.line[:200]}"


def strip_data(text: str) -> str:
    """``text`` without what is data rather than words: URLs, e-mail, host and file names, paths, colours,
    text quoted from a page (“…”, 「…」, 《…》), commands (``govlens review``), settings' names, identifiers
    (bm09448776), a certificate's names (OU=…), an input file's ``column = value``, two-word product names,
    an element's name in angle brackets (<table>)."""
    for pattern in (_MD_LINK, _URL, _EMAIL, _QUOTED, _COMMAND, _SETTING, _DN, _FIELD, _PRODUCT, _TAG, _HOST_OR_FILE,
                    _PATH, _COLOUR, _IDENT):
        text = pattern.sub(" ", text)
    return text


def offending(text: str, allowed: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(Latin words not allowed, reprs) of one line of text."""
    reprs = _REPR.findall(strip_data(_URL.sub(" ", text)))
    extra = {w.lower() for w in allowed}
    words = []
    for w in _WORD.findall(strip_data(text)):
        low = w.lower().strip("'’-")
        if len(low) < 2 or low in ALLOWED or low in extra:      # single letters: A级, x倍, 第N
            continue
        if len(low) >= 8 and any(c.isdigit() for c in low):     # a code, not a word: 回执编号XX20131215…
            continue
        words.append(w)
    return words, reprs


# ------------------------------------------------------------------ readers: (line) of reader-visible text
class _Visible(HTMLParser):
    """Visible text of a page, one line per block, and the alt / title / aria-label attributes; skips
    <script>, <style>, and scanned page text shown as evidence (<pre class="snippet">, <code>)."""

    SKIP = {"script", "style", "code", "svg"}
    BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "dt", "dd", "pre", "figcaption", "caption", "br",
             "summary", "td", "th", "title", "option", "label", "button", "section", "nav", "header", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buf: list[str] = []
        self._skip: list[str] = []

    def _flush(self) -> None:
        line = " ".join("".join(self._buf).split())
        if line:
            self.lines.append(line)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in self.SKIP or (tag == "pre" and "snippet" in (a.get("class") or "")) or self._skip:
            if tag not in ("br", "img", "meta", "link", "input"):
                self._skip.append(tag)
            return
        if tag in self.BLOCK:
            self._flush()
        for key in ("alt", "title", "aria-label", "placeholder"):
            if a.get(key):
                self.lines.append(str(a[key]))

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag in self.BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(path: Path) -> list[str]:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.lines


def table_lines(header: list[str], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    """Cells of a table below its header; code columns (ids, vocabulary codes) are machine data."""
    codes = {i for i, h in enumerate(header) if str(h).strip() in CODE_COLUMNS | QUOTED_COLUMNS}
    for row in rows:
        for i, cell in enumerate(row):
            if i in codes or cell is None:
                continue
            if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                if cell != cell:                                   # a float NaN in a cell
                    yield "nan"
                continue
            text = str(cell)
            if text.strip() and text not in MACHINE_VALUES:
                yield text


def csv_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows, [])
        yield from table_lines(header, rows)


def xlsx_lines(path: Path) -> Iterator[str]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            rows = ws.iter_rows(values_only=True)
            header = [str(h) if h is not None else "" for h in next(rows, ())]
            yield ws.title
            yield from (h for h in header if h)                   # a workbook's header is localised text
            yield from table_lines(header, rows)
    finally:
        wb.close()


def docx_lines(path: Path) -> Iterator[str]:
    import docx                                                    # python-docx, when the Word helper ships it

    doc = docx.Document(str(path))
    yield from (p.text for p in doc.paragraphs if p.text.strip())
    for table in doc.tables:
        for row in table.rows:
            yield from (c.text for c in row.cells if c.text.strip())


def outputs(out: Path) -> list[Path]:
    """Every text output of a report directory that exists (absent ones are skipped)."""
    found = [out / n for n in ("notice.html", "notice.md", "inspection.html", "findings.csv", "results.csv",
                               "results.xlsx", "inspection.xlsx", "notice.docx", "inspection.docx")]
    found += sorted(out.glob("results-*.csv"))
    found += sorted((out / "scorecards").glob("*.html"))
    found += sorted((out / "dashboard").glob("**/*.html"))
    package = out / "data" / "datapackage.json"                   # data/ also holds a demo's input files
    if package.is_file():
        doc = json.loads(package.read_text(encoding="utf-8"))
        for res in doc.get("resources", []):
            p = res.get("path")
            if isinstance(p, str) and p.endswith(".csv"):
                found.append(out / "data" / p)
    return [p for p in found if p.is_file()]


def lines_of(path: Path) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix == ".html":
        yield from html_lines(path)
    elif suffix == ".csv":
        yield from csv_lines(path)
    elif suffix == ".xlsx":
        yield from xlsx_lines(path)
    elif suffix == ".docx":
        yield from docx_lines(path)
    else:
        yield from path.read_text(encoding="utf-8", errors="replace").splitlines()


def scan(out: Path, allowed: Iterable[str] = (), skip: Iterable[str] = ()) -> list[Hit]:
    """Every offending line of every output under ``out``. ``skip``: regular expressions of lines not
    to judge (a caller's known, separately tracked exceptions)."""
    allowed = list(allowed)
    skips = [re.compile(s) for s in skip]
    hits = []
    for path in outputs(out):
        for line in lines_of(path):
            if any(s.search(line) for s in skips):
                continue
            words, reprs = offending(line, allowed)
            if words or reprs:
                hits.append(Hit(str(path.relative_to(out)), line, words, reprs))
    return hits


def axe_rule_ids() -> set[str]:
    """The rule ids of the axe-core the browser probe runs (规则link-in-text-block): the checker's own names."""
    import axe_playwright_python

    js = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    return set(re.findall(r'id:"([a-z0-9-]+)",(?:selector|impact|excludeHidden|matches|tags|enabled|metadata)', js))


def registry_words(out: Path) -> set[str]:
    """Latin words in the registry's platform names (a platform may be called so), the campaign's own expert
    ids (reviewers.csv: the campaign names its experts so), and axe-core's rule ids."""
    words: set[str] = set(axe_rule_ids())
    for reviewers in (out / "inputs" / "reviewers.csv", out / "reviewers.csv"):
        if reviewers.is_file():
            with reviewers.open(encoding="utf-8-sig", newline="") as fh:
                words.update(str(row.get("expert_id") or "").lower() for row in csv.DictReader(fh))
    for reg in (out / "registry.csv",):
        if reg.is_file():
            with reg.open(encoding="utf-8-sig", newline="") as fh:
                for row in csv.DictReader(fh):
                    words.update(w.lower() for w in _WORD.findall(row.get("name") or ""))
    return words


def report(hits: list[Hit], limit: int = 40) -> str:
    by_file: dict[str, int] = {}
    for h in hits:
        by_file[h.file] = by_file.get(h.file, 0) + 1
    files = ", ".join(f"{f} ({n})" for f, n in sorted(by_file.items(), key=lambda kv: -kv[1])[:15])
    return (f"{len(hits)} offending lines in {len(by_file)} files: {files}\n"
            + "\n".join(str(h) for h in hits[:limit]))
