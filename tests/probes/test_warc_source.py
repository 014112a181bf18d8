"""The WARC response source against archives written by warcio's own WARCWriter (not by govlens), and
its bad input: truncated and corrupt archives, records without a target URI, non-HTML records, missing
files — each a clear error naming the file and the record offset, the other records still read."""
from __future__ import annotations

import asyncio
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from govlens.probes.warc.capture import WarcRecorder
from govlens.probes.warc.replay import WarcFetcher
from govlens.probes.warc.source import WarcIndex, WarcRecordError, normalise_uri

PAGE = "<!DOCTYPE html><html><head><title>测试县人民政府</title></head><body><h1>首页</h1></body></html>"


def _response(writer: WARCWriter, uri: str, status: str, headers: list[tuple[str, str]], body: bytes,
              *, target: bool = True) -> tuple[int, object]:
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http)
    if not target:
        record.rec_headers.remove_header("WARC-Target-URI")
    offset = writer.out.tell()
    writer.write_record(record)
    return offset, record


def third_party(path: Path) -> dict[str, int]:
    """An archive as a crawler writes it: gzip-encoded payload kept raw, a redirect, a PDF, a revisit."""
    offsets = {}
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        offsets["home"], home = _response(w, "<http://WWW.Test.gov.cn:80/>", "200 OK",
                                          [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                                          gzip.compress(PAGE.encode("utf-8")))
        offsets["old"], _ = _response(w, "http://www.test.gov.cn/old.html", "301 Moved Permanently",
                                      [("Location", "/")], b"")
        offsets["pdf"], _ = _response(w, "http://www.test.gov.cn/a.pdf", "200 OK",
                                      [("Content-Type", "application/pdf")], b"%PDF-1.4 not a page")
        revisit = w.create_revisit_record("http://www.test.gov.cn/index.html",
                                          home.rec_headers.get_header("WARC-Payload-Digest"),
                                          "http://WWW.Test.gov.cn:80/", home.rec_headers.get_header("WARC-Date"),
                                          http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                        protocol="HTTP/1.1"))
        offsets["revisit"] = fh.tell()
        w.write_record(revisit)
        offsets["end"] = fh.tell()
    return offsets


def fetch_all(index: WarcIndex, *requests: tuple[str, str]) -> list:
    fetcher = WarcFetcher(index)

    async def go():
        return [await fetcher.fetch(url, method=method) for method, url in requests]
    return asyncio.run(go())


def test_an_archive_written_by_warcio_answers_like_the_site(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    third_party(path)
    index = WarcIndex.build([path])
    assert not index.problems
    home, moved, head, pdf, revisit, missing, post = fetch_all(
        index, ("GET", "http://www.test.gov.cn/"), ("GET", "http://www.test.gov.cn/old.html"),
        ("HEAD", "http://www.test.gov.cn/"), ("GET", "http://www.test.gov.cn/a.pdf"),
        ("GET", "http://www.test.gov.cn/index.html"), ("GET", "http://www.test.gov.cn/nope.html"),
        ("POST", "http://www.test.gov.cn/"))
    assert home.status == "completed" and home.http_status == 200 and home.text()[0] == PAGE   # gzip decoded
    assert home.elapsed_ms is None and home.ttfb_ms is None                         # an archive has no timings
    assert moved.redirects == ["http://www.test.gov.cn/old.html"] and moved.final_url == "http://www.test.gov.cn/"
    assert moved.body == home.body
    assert head.status == "completed" and head.body == b"" and head.headers["content-type"].startswith("text/html")
    assert pdf.status == "completed" and not pdf.is_html
    assert revisit.status == "completed" and revisit.text()[0] == PAGE              # payload of the record it revisits
    assert missing.status == "not_in_archive" and missing.http_status is None
    assert post.status == "not_in_archive"                                          # a GET never answers a POST


def test_uri_normalisation():
    assert normalise_uri("<HTTP://WWW.Test.gov.cn:80>") == "http://www.test.gov.cn/"
    assert normalise_uri("https://a.gov.cn:443/x?q=1#frag") == "https://a.gov.cn/x?q=1"
    assert normalise_uri("http://a.gov.cn:8080/") == "http://a.gov.cn:8080/"
    # an IDN host as punycode (Python's own IDNA codec agrees for these characters)
    assert normalise_uri("http://浙江省人民政府.政务/") == "http://" + "浙江省人民政府.政务".encode("idna").decode() + "/"


def test_redirect_loops_and_caps_as_live(tmp_path):
    path = tmp_path / "loop.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        _response(w, "http://a.gov.cn/1", "302 Found", [("Location", "/2")], b"")
        _response(w, "http://a.gov.cn/2", "302 Found", [("Location", "/1")], b"")
        _response(w, "http://a.gov.cn/big", "200 OK", [("Content-Type", "text/html")], b"<html>" + b"x" * 5000)
    fetcher = WarcFetcher(WarcIndex.build([path]), {"HTTP_MAX_REDIRECTS": 3})
    loop = asyncio.run(fetcher.fetch("http://a.gov.cn/1"))
    big = asyncio.run(fetcher.fetch("http://a.gov.cn/big", max_bytes=1000))
    assert loop.status == "too_many_redirects" and len(loop.redirects) == 4
    assert big.status == "too_large" and len(big.body) == 1000


def test_capture_round_trip_keeps_what_the_fetcher_saw(tmp_path):
    path = tmp_path / "capture.warc.gz"
    rec = WarcRecorder(path, page_bytes=100)
    rec("GET", "http://a.gov.cn/", 200, {"content-type": "text/html", "content-encoding": "gzip",
                                         "content-length": "40"}, PAGE.encode())
    rec("HEAD", "http://a.gov.cn/f.pdf", 200, {"content-type": "application/pdf", "content-length": "123456"}, b"")
    rec.close()
    home, head = fetch_all(WarcIndex.build([path]), ("GET", "http://a.gov.cn/"), ("HEAD", "http://a.gov.cn/f.pdf"))
    # the headers come back as the fetcher kept them (the encoding and wire length included)
    assert home.headers == {"content-type": "text/html", "content-encoding": "gzip", "content-length": "40"}
    assert home.status == "too_large" and len(home.body) == 100      # cut at page_bytes, marked WARC-Truncated
    assert head.headers["content-length"] == "123456"


def test_a_truncated_archive_names_the_file_and_offset_and_keeps_the_rest(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    offsets = third_party(path)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: offsets["revisit"] + 40])           # the file ends inside the revisit
    index = WarcIndex.build([cut])
    (problem,) = index.problems
    assert problem.key == "corrupt" and problem.file == str(cut) and problem.offset == offsets["revisit"]
    assert str(problem) == f"{cut}：偏移 {offsets['revisit']} 处的记录已截断或损坏（无法解析），已跳过，" \
        "其余记录照常读取"
    home, pdf = fetch_all(index, ("GET", "http://www.test.gov.cn/"), ("GET", "http://www.test.gov.cn/a.pdf"))
    assert home.status == pdf.status == "completed"


def test_a_corrupt_record_in_the_middle_is_skipped(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    offsets = third_party(path)
    data = bytearray(path.read_bytes())
    data[offsets["old"] + 12: offsets["old"] + 40] = b"\x00" * 28          # inside the redirect's gzip member
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    index = WarcIndex.build([bad])
    assert [(p.key, p.offset) for p in index.problems] == [("corrupt", offsets["old"])]
    home, moved, pdf = fetch_all(index, ("GET", "http://www.test.gov.cn/"), ("GET", "http://www.test.gov.cn/old.html"),
                                 ("GET", "http://www.test.gov.cn/a.pdf"))
    assert home.status == "completed" and moved.status == "not_in_archive" and pdf.status == "completed"


def test_a_record_without_target_uri(tmp_path):
    path = tmp_path / "anon.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        _response(w, "http://a.gov.cn/", "200 OK", [("Content-Type", "text/html")], PAGE.encode())
        anon, _ = _response(w, "http://a.gov.cn/x", "200 OK", [("Content-Type", "text/html")], b"<html>x</html>",
                            target=False)
        _response(w, "http://a.gov.cn/after", "200 OK", [("Content-Type", "text/html")], PAGE.encode())
    index = WarcIndex.build([path])
    assert [(p.key, p.offset) for p in index.problems] == [("no_target_uri", anon)]
    assert str(index.problems[0]) == f"{path}：偏移 {anon} 处的记录缺少 WARC-Target-URI，已跳过，其余记录照常读取"
    assert index.urls() == ["http://a.gov.cn/", "http://a.gov.cn/after"]


def test_a_missing_file_is_named_with_its_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WarcRecordError) as err:
        WarcIndex.build(["nowhere/crawl.warc.gz"])
    assert err.value.file == str(tmp_path / "nowhere" / "crawl.warc.gz")
    assert str(err.value) == f"{tmp_path / 'nowhere' / 'crawl.warc.gz'}：找不到 WARC 文件"


def test_a_record_that_is_no_response_is_worded(tmp_path):
    from govlens import messages
    from govlens.probes.warc.source import read_response

    path = tmp_path / "info.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record("info.warc.gz", {"software": "govlens test"}))
    with pytest.raises(WarcRecordError) as err:
        read_response(path, 0, 1000)            # the only record is a warcinfo
    assert err.value.key == "not_a_response"
    assert str(err.value) == f"{path}：偏移 0 处的记录不是 HTTP 响应（warcinfo）"
    with messages.using("en"):
        with pytest.raises(WarcRecordError) as err:
            read_response(path, 0, 1000)
    assert str(err.value) == f"{path}: the record at offset 0 is not an HTTP response (warcinfo)"


def test_every_warc_problem_has_words_in_both_languages():
    from govlens import messages
    from govlens.probes.warc.source import KEYS
    for lang in messages.LOCALES:
        assert all(messages.has(f"warc_record.{k}", lang) for k in KEYS)
        assert all(messages.has(f"warc_record.detail.{c}", lang)
                   for c in ("truncated", "bad_gzip", "unparsable", "not_warc", "bad_status"))


def _page(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlens", "page", *args], capture_output=True, text=True,
                          env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "COLUMNS": "300",
                               "PATH": "/usr/bin:/bin"}, timeout=120)


def test_page_reads_a_warc_record(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    offsets = third_party(path)
    done = _page(str(path), "--url", "http://www.test.gov.cn/old.html", "--check-date", "2013-12-15")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["title"] == "测试县人民政府"
    fetch = report["fetch"]
    assert fetch["source"] == "warc" and fetch["record_offset"] == offsets["home"]
    assert fetch["redirects"] == ["http://www.test.gov.cn/old.html"] and fetch["record_id"].startswith("<urn:uuid:")


def test_page_errors_name_the_file_and_offset_in_chinese_and_english(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    offsets = third_party(path)
    zh = _page(str(path), "--url", "http://www.test.gov.cn/a.pdf")
    en = _page(str(path), "--url", "http://www.test.gov.cn/a.pdf", "--locale", "en")
    assert zh.returncode == en.returncode == 2
    assert f"{path}：偏移 {offsets['pdf']} 处的记录不是 HTML 网页" in zh.stderr and "Traceback" not in zh.stderr
    assert f"{path}: the record at offset {offsets['pdf']} is not an HTML page" in en.stderr
    missing = _page(str(tmp_path / "no.warc.gz"), "--url", "http://www.test.gov.cn/")
    assert missing.returncode == 2 and f"找不到 WARC 文件：{tmp_path / 'no.warc.gz'}" in missing.stderr
    absent = _page(str(path), "--url", "http://www.test.gov.cn/none", "--locale", "en")
    assert absent.returncode == 2 and "the archive has no record of this URL: http://www.test.gov.cn/none" in absent.stderr


def test_page_reads_its_record_from_a_damaged_archive_and_warns(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    offsets = third_party(path)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: offsets["revisit"] + 40])
    done = _page(str(cut), "--url", "http://www.test.gov.cn/")
    assert done.returncode == 0 and json.loads(done.stdout)["title"] == "测试县人民政府"
    assert f"{cut}：偏移 {offsets['revisit']} 处的记录已截断或损坏" in done.stderr


def _scan_campaign(tmp_path: Path, warc: list[str]) -> Path:
    from govlens.pipeline.campaign import write_campaign
    from govlens.registry.model import Platform
    from govlens.registry.write import write_registry_csv
    write_registry_csv([Platform(id="t1", name="测试县人民政府", kind="website", org_type="government", level="county",
                                 province="浙江", region="east", url="http://www.test.gov.cn/", group="county")],
                       tmp_path / "registry.csv")
    write_campaign(tmp_path / "c.toml", {"name": "t", "check_date": "2013-12-15", "registry": "registry.csv",
                                         "out": "out", "warc": warc}, {"BROWSER_ENABLED": False,
                                                                       "AVAILABILITY_VISITS": 1})
    return tmp_path / "c.toml"


def _govlens(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govlens", *args], capture_output=True, text=True,
                          env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "COLUMNS": "400",
                               "PATH": "/usr/bin:/bin"}, timeout=300)


def test_a_scan_from_a_damaged_archive_reports_it_and_scans_the_rest(tmp_path):
    import duckdb
    offsets = third_party(tmp_path / "crawl.warc.gz")
    (tmp_path / "cut.warc.gz").write_bytes((tmp_path / "crawl.warc.gz").read_bytes()[: offsets["revisit"] + 40])
    (tmp_path / "crawl.warc.gz").unlink()
    done = _govlens("scan", str(_scan_campaign(tmp_path, ["cut.warc.gz"])))
    assert done.returncode == 0, done.stderr
    assert f"{tmp_path / 'cut.warc.gz'}：偏移 {offsets['revisit']} 处的记录已截断或损坏" in done.stderr
    con = duckdb.connect(str(tmp_path / "out" / "campaign.duckdb"), read_only=True)
    (status, title), = con.execute("SELECT status, json_extract_string(data, '$.title') FROM observations "
                                   "WHERE kind = 'page' AND json_extract_string(data, '$.role') = 'home'").fetchall()
    statuses = {s for (s,) in con.execute("SELECT DISTINCT status FROM observations").fetchall()}
    con.close()
    assert status == "completed" and title == "测试县人民政府"
    assert "not_in_archive" in statuses           # robots.txt, the made-up 404 path …: not in this crawl


def test_a_scan_of_a_missing_archive_names_its_full_path(tmp_path):
    campaign = _scan_campaign(tmp_path, ["crawls/none.warc.gz"])
    zh = _govlens("scan", str(campaign))
    en = _govlens("scan", str(campaign), "--locale", "en")
    assert zh.returncode == en.returncode == 2
    full = tmp_path / "crawls" / "none.warc.gz"          # named with the campaign key that names it
    assert f'warc = "crawls/none.warc.gz"：找不到文件 {full}' in zh.stderr, zh.stderr
    assert f'warc = "crawls/none.warc.gz": no such file {full}' in en.stderr, en.stderr
    assert "Traceback" not in zh.stderr + en.stderr


def test_the_monitor_refuses_a_campaign_that_reads_archives(tmp_path):
    third_party(tmp_path / "crawl.warc.gz")
    done = _govlens("monitor", str(_scan_campaign(tmp_path, ["crawl.warc.gz"])))
    assert done.returncode == 2 and "campaign.warc" in done.stderr and "Traceback" not in done.stderr
