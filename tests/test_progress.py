"""Progress and the summary: periodic lines in a pipe, bars that never restart in a terminal, tables not dicts.

The pipe case runs a real `govlens scan` (a subprocess with stdout and stderr piped) against the
sandbox web served on loopback; the terminal case drives the runner's per-kind progress through a
rich console forced to be a terminal and reads back every frame it drew.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console

from govlens import messages
from govlens.pipeline.scan_stages import kind_progress
from govlens.pipeline.stage import StageReport
from govlens.progress import Reporter, active

SEED = 2013
AS_OF = date(2013, 12, 15)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_pipe_gets_a_line_every_n_platforms_or_period_and_a_final_line() -> None:
    clock, out = Clock(), io.StringIO()
    with Reporter("zh-CN", terminal=False, every=10, period=5.0, stream=out, clock=clock) as reporter:
        task = reporter.task("scan", "website", 40)
        for i in range(40):
            clock.now += 0.25                    # 4 platforms a second: a line every 10, never 5 s apart
            task.advance()
        task.finish()
    lines = out.getvalue().splitlines()
    progress = [x for x in lines if x.startswith("[进度]")]
    assert [re.search(r"(\d+)/40", x).group(1) for x in progress] == ["10", "20", "30"], lines
    assert all("4.0 个/秒" in x and "预计剩余" in x for x in progress), progress
    assert "预计剩余 8 秒" in progress[0] and "预计剩余 5 秒" in progress[1]     # 30, then 20 left at 4 a second
    assert lines[-1].startswith("[完成] 扫描 网站：40/40") and "用时 10 秒" in lines[-1], lines

    clock, out = Clock(), io.StringIO()        # slow: the period comes first
    with Reporter("en", terminal=False, every=1000, period=5.0, stream=out, clock=clock) as reporter:
        task = reporter.task("scan", "website", 10)
        for i in range(10):
            clock.now += 2.0
            task.advance()
    progress = [x for x in out.getvalue().splitlines() if x.startswith("[progress]")]
    assert [re.search(r"(\d+)/10", x).group(1) for x in progress] == ["3", "6", "9"], progress
    assert all("0.5/s" in x and "ETA" in x for x in progress), progress


def test_a_stalled_stage_still_gets_its_periodic_line() -> None:
    """Nothing finishes for a while (one slow site): the timer thread says where the stage stands."""
    import time
    out = io.StringIO()
    with Reporter("zh-CN", terminal=False, every=1000, period=0.2, stream=out) as reporter:
        task = reporter.task("scan", "website", 5)
        task.advance()
        time.sleep(1.0)
    lines = [x for x in out.getvalue().splitlines() if x.startswith("[进度]")]
    assert len(lines) >= 2 and all("1/5" in x for x in lines), out.getvalue()


def test_a_pass_stopped_early_ends_at_its_count_and_stops_its_lines() -> None:
    """The browser pass without a browser: its bars end where they were, and the timer says no more."""
    import time
    out = io.StringIO()
    with Reporter("zh-CN", terminal=False, every=1000, period=0.1, stream=out) as reporter:
        stage = reporter.stage("browse")
        task = stage.task("website", 10)
        stage.task("mobile_portal", 2)
        task.advance(3)
        stage.finish(complete=False)
        text = out.getvalue()
        time.sleep(0.5)
    assert text.strip().splitlines()[-1].startswith("[完成] 渲染：3/12"), text
    assert out.getvalue() == text                       # nothing after the final line


def _frames(text: str) -> list[str]:
    """Every line rich drew (its live display redraws with cursor moves; split on them)."""
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "\n", text)
    return [x for x in plain.replace("\r", "\n").split("\n") if x.strip()]


def test_a_terminal_bar_never_restarts_under_one_label() -> None:
    """Scan, browser pass and a second scan in one process: each label's count only grows."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=140, color_system=None)
    platforms = [SimpleNamespace(id=f"w{i}", kind="website") for i in range(30)] + \
        [SimpleNamespace(id=f"m{i}", kind="mobile_portal") for i in range(6)]
    with Reporter("zh-CN", console=console) as reporter:
        assert reporter.terminal and active() is reporter
        counts, on_site, _ = kind_progress("scan", platforms)
        for p in platforms:
            on_site(p, "completed" if p.id != "w3" else "dns_error")
            reporter._rich.refresh()
        _, on_browse, _ = kind_progress("browse", platforms[:8])
        for p in platforms[:8]:
            on_browse(p, "completed")
            reporter._rich.refresh()
        _, again, _ = kind_progress("scan", platforms[:4])          # the same stage again: a label of its own
        for p in platforms[:4]:
            again(p, "completed")
            reporter._rich.refresh()
    assert counts["website"] == {"platforms": 30, "scanned": 30, "failed": 1}
    labels = {"扫描 网站": 30, "扫描 移动门户": 6, "渲染 网站": 8, "扫描 网站 (2)": 4}
    seen: dict[str, list[int]] = {label: [] for label in labels}
    for frame in _frames(buffer.getvalue()):
        for label in sorted(labels, key=len, reverse=True):
            m = re.match(rf"\s*{re.escape(label)}\s.*?(\d+)/(\d+)", frame)
            if m:
                assert int(m.group(2)) == labels[label], frame
                seen[label].append(int(m.group(1)))
                break
    for label, values in seen.items():
        assert values, (label, buffer.getvalue()[-2000:])
        assert values == sorted(values), (label, values)       # never back to 0 under the same label
        assert values[-1] == labels[label], (label, values)
    assert "个/秒" in buffer.getvalue()


def test_the_summary_is_tables_without_reprs() -> None:
    from govlens.summary import print_summary, stage_line
    reports = [
        StageReport("register", 0.1, {"platforms": 3}, kinds={"website": {"platforms": 2}, "weibo": {"platforms": 1}}),
        StageReport("scan", 65.0, {"sites": 3, "pages": 120, "pages_per_second": 1.8, "source": None,
                                   "agreement": {"website-2013": 0.93}, "resumed": False},
                    kinds={"website": {"platforms": 2, "scanned": 2, "failed": 1},
                           "weibo": {"platforms": 1, "scanned": 1}}),
        StageReport("score", 3.0, {"framework": "website-2013", "scored": 2}, kinds={"website": {"findings": 7}}),
        StageReport("report", 2.0, {"notice.html": "/tmp/x/notice.html"}),
    ]
    for terminal in (True, False):
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=terminal, width=160, color_system=None)
        print_summary(console, reports, [("notice.html", Path(__file__)), ("gone.csv", Path("/nonexistent"))])
        text = buffer.getvalue()
        assert "{" not in text and "None" not in text and "False" not in text, text
        assert "政务微博" in text and "问题数" in text and "1 分 05 秒" in text and "评估结果通报" in text, text
        assert "gone.csv" not in text
        row = next(x for x in text.splitlines() if x.strip(" │|").startswith("网站"))
        assert re.findall(r"\d+|—", row) == ["2", "2", "1", "7"], row
    line = stage_line(reports[1])
    assert line.startswith("扫描（1 分 05 秒）：") and "页面 120" in line and "来源 —" in line and "续接 否" in line
    assert "{" not in line and "None" not in line


@pytest.fixture(scope="module")
def sandbox_scan(tmp_path_factory: pytest.TempPathFactory):
    """A registry of sandbox websites, the sandbox web serving them, and a campaign file over it."""
    from govlens.pipeline.campaign import write_campaign
    from govlens.registry import load_registry
    from govlens.registry.shipped import shipped_registry
    from govlens.registry.write import write_registry_csv
    from govlens.sandbox.platforms import generate_platforms
    from govlens.sandbox.process import sandbox_process

    root = tmp_path_factory.mktemp("progress")
    webs = [p for p in load_registry(shipped_registry()).platforms if p.kind == "website"]
    platforms = generate_platforms(webs, 24, SEED)[:24]
    write_registry_csv(platforms, root / "registry.csv")
    with sandbox_process(root / "registry.csv", sites=len(platforms), seed=SEED, as_of=AS_OF,
                         state_dir=root / "sandbox"):
        write_campaign(root / "campaign.toml", {
            "name": "进度测试", "check_date": AS_OF.isoformat(), "registry": "registry.csv", "out": "out",
            "sandbox": "sandbox/sandbox.json"},
            {"CONCURRENCY_SITES": 2, "CRAWL_MAX_PAGES": 6, "AVAILABILITY_VISITS": 1, "BROWSER_ENABLED": False,
             "LINKS_MAX_PER_SITE": 20})
        yield root, len(platforms)


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_a_piped_scan_prints_counts_rate_and_eta(sandbox_scan, locale: str) -> None:
    root, n = sandbox_scan
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.run([sys.executable, "-m", "govlens", "scan", str(root / "campaign.toml"), "--locale", locale,
                           "--set", "PROGRESS_EVERY=4", "--set", "PROGRESS_PERIOD=0.5"],
                          capture_output=True, text=True, timeout=600, env=env, stdin=subprocess.DEVNULL, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    err = proc.stderr
    if locale == "zh-CN":
        lines = [x for x in err.splitlines() if x.startswith("[进度] 扫描 网站：")]
        pattern = rf"(\d+)/{n}（[\d.]+%），([\d.]+) 个/秒，预计剩余 (\d+ 秒|\d+ 分 \d+ 秒|未知)"
        final = f"[完成] 扫描 网站：{n}/{n}，用时"
        header = "平台类型"
    else:
        lines = [x for x in err.splitlines() if x.startswith("[progress] scan websites:")]
        pattern = rf"(\d+)/{n} \([\d.]+%\), ([\d.]+)/s, ETA (\d+ s|\d+ min \d+ s|unknown)"
        final = f"[done] scan websites: {n}/{n} in"
        header = "Kind"
    assert len(lines) >= 3, err[-3000:]
    done = [int(re.search(pattern, x).group(1)) for x in lines]
    assert done == sorted(done) and done[-1] < n + 1, lines
    assert any(float(re.search(pattern, x).group(2)) > 0 for x in lines), lines
    assert final in err, err[-3000:]
    assert header in err and "{" not in err and "None" not in err, err[-3000:]
    if locale == "zh-CN":
        assert "网站" in err and "页面" in err
    messages.set_locale("zh-CN")
