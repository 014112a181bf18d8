"""The expert review: assignment, the exported workbooks, the sandbox experts filling them, the import.

A small campaign store (the shipped registry's 30 featured columns and 120 generated websites with
materials, scored) is reviewed by the sandbox's twelve experts; the import must read every score
back, find the two outlier experts the sandbox planted, report agreement, and turn the scores into
``expert_review`` observations. Every way a sheet can be wrong gives an error naming the file, the
sheet, the row and the column, and keeps the rest.
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govlens.errors import ConfigError, InputError
from govlens.frameworks import load_framework
from govlens.indicators.run import run_indicators
from govlens.probes.importers import materials
from govlens.registry import Platform, load_registry
from govlens.review import assign, export_review, import_review, load_experts
from govlens.review.experts import Expert
from govlens.sandbox.review import EXPERTS, ReviewSandbox, fill_sheets
from govlens.store import CampaignStore

AS_OF = dt.date(2013, 12, 15)
PROVINCES = ["浙江", "四川", "河南", "辽宁", "广东", "陕西"]


def platforms() -> list[Platform]:
    from govlens.registry.shipped import shipped_registry
    from govlens.registry.model import region_of
    cols = [p for p in load_registry(shipped_registry()).platforms if p.kind == "column"]
    webs = [Platform(f"w{i:03d}", f"测试网站{i}", "website", "government", "county", PROVINCES[i % 6],
                     region_of(PROVINCES[i % 6], "county"), f"http://w{i}.gov.cn/", "county") for i in range(120)]
    return cols + webs


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    plats = platforms()
    sandbox = ReviewSandbox(plats, 2013, AS_OF)
    store = CampaignStore(tmp / "c.duckdb")
    store.write_platforms(plats)
    # every website has materials here (the sandbox gives a third of them), so all are candidates
    rows = sandbox.material_rows() + [{"platform_id": p.id, "type": "self_nomination", "category": "design",
                                       "title": f"{p.name}自荐", "submitted_by": p.name, "submitted_on": "2013-10-01",
                                       "summary": ""} for p in plats if p.kind == "website"]
    path = tmp / "materials.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows({k: r[k] for k in rows[0]} for r in rows)
    report = materials.import_file(store, path, plats, check_date=AS_OF)
    assert report.rows > 120
    frameworks = [load_framework("column-2013"), load_framework("innovation-2013")]
    store.insert("results", [{"platform_id": p.id, "framework": fw.id, "index": 50.0 + i % 40, "vetoed": False,
                              "vetoes": [], "rank": 1, "group_size": 1, "coverage": 1.0}
                             for fw in frameworks for i, p in enumerate(plats) if p.kind in fw.platform_kinds])
    experts_csv = sandbox.write_reviewers(tmp / "reviewers.csv")
    experts, errors = load_experts(experts_csv)
    assert not errors and len(experts) == 12
    summary = export_review(store, frameworks, experts, tmp / "sheets")
    filled = tmp / "filled"
    shutil.copytree(tmp / "sheets", filled)
    fill_sheets(sandbox, filled)
    return store, frameworks, sandbox, summary, tmp, plats, experts


def test_export_is_balanced_and_respects_regions(campaign):
    store, frameworks, _, summary, tmp, plats, experts = campaign
    loads = sorted(summary.load.values())
    assert loads[-1] - loads[0] <= 3, summary.load
    given = store.rows("review_assignments")
    per = Counter((r["framework"], r["platform_id"]) for r in given)
    assert set(per.values()) == {3} and len(per) == 150
    region = {e.id: e.region for e in experts}
    by_id = {p.id: p for p in plats}
    assert all(region[r["expert_id"]] != by_id[r["platform_id"]].region for r in given)
    book = load_workbook(summary.files[0])
    ws = book[book.sheetnames[0]]
    assert ws["A1"].value == "专家编号" and ws["B1"].value == summary.files[0].stem
    header = [c.value for c in ws[2]]
    assert header[:6] == ["平台编号", "平台名称", "类型", "组别", "地区", "测量得分"]
    assert any("[leading] 0–10" in str(h) or "[management] 0–10" in str(h) for h in header)
    assert "说明" in book.sheetnames and ws.data_validations.dataValidation


def test_import_finds_the_outlier_experts_and_blends(campaign):
    store, frameworks, sandbox, _, tmp, plats, _ = campaign
    result = import_review(store, sorted((tmp / "filled").glob("*.xlsx")), frameworks)
    assert not result.errors and result.scores == 30 * 3 * 3 + 120 * 3 * 4
    flagged = sorted(set().union(*result.outliers.values()))
    truth = sandbox.truth()["outliers"]
    print(store.frame('SELECT expert_id, ratings, correlation, "offset", offset_z, distance_z, outlier '
                      'FROM review_expert_stats'))
    print(f"\noutlier experts flagged {flagged}, planted {truth}; agreement {result.agreement}")
    assert flagged == truth
    icc = result.agreement["column-2013"]
    assert icc["ICC1 (kept):overall"] > icc["ICC1 (all):overall"] > 0
    run_indicators(store, plats, indicator_ids=["expert-review", "expert-design"], check_date=AS_OF, settings={})
    v = {(r["platform_id"], r["indicator_id"]): r for r in store.rows("indicator_values")}
    col = v[("col-spc-shixin", "expert-review")]
    assert col["status"] == "ok" and 0 <= col["value"] <= 100
    # the blend leaves the outliers out: the value is the kept experts' mean, near the latent quality
    q = sum(sandbox.quality("col-spc-shixin", i) for i in ("leading", "exemplary", "guiding")) / 3 * 100
    assert abs(col["value"] - q) < 12
    assert v[("w001", "expert-design")]["status"] == "ok"
    assert v[("col-spc-shixin", "expert-design")]["status"] == "missing"


def _broken(tmp: Path, name: str, edit) -> Path:
    src = sorted((tmp / "filled").glob("*.xlsx"))[0]
    dst = tmp / f"bad-{name}" / src.name
    dst.parent.mkdir(exist_ok=True)
    book = load_workbook(src)
    edit(book[book.sheetnames[0]])
    book.save(dst)
    return dst


@pytest.mark.parametrize("name, edit, message, where", [
    ("range", lambda ws: ws.cell(row=3, column=10, value=12), "超出 0–10 的范围", "第3行，J列"),
    ("missing", lambda ws: setattr(ws.cell(row=4, column=11), "value", None), "缺少评分", "第4行，K列"),
    ("text", lambda ws: ws.cell(row=3, column=10, value="很好"), "不是有效的数字", "第3行，J列"),
    ("platform", lambda ws: ws.cell(row=3, column=1, value="gov-portal"), "未分配给专家", "第3行，A列"),
    ("duplicate", lambda ws: ws.cell(row=4, column=1, value=ws.cell(row=3, column=1).value), "出现两次",
     "第4行，A列"),
    ("expert", lambda ws: ws.cell(row=1, column=2, value="e99"), "未知的专家", "第1行，B列"),
    ("header", lambda ws: ws.cell(row=2, column=10, value="领先性"), "表头缺少评审项", "第2行"),
    ("sheet", lambda ws: ws.cell(row=1, column=1, value="hello"), "不是专家评分表", "第1行，A列"),
])
def test_bad_sheets_name_file_sheet_row_and_column(campaign, name, edit, message, where):
    store, frameworks, _, _, tmp, _, _ = campaign
    path = _broken(tmp, name, edit)
    before = store.count("review_scores")
    result = import_review(store, [path], frameworks)
    assert result.errors, name
    text = str(result.errors[0])
    assert message in text and where in text and path.name in text and "工作表“" in text, text
    if name in ("range", "missing", "text", "platform", "duplicate"):
        # only the bad row is left out: the expert's other rows are kept
        assert result.scores > 0
    assert store.count("review_scores") >= before - 3 * 3 * 60


def test_unreadable_workbook_and_experts_list(tmp_path, campaign):
    store, frameworks, *_ = campaign
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="x.xlsx.*不是可读的 XLSX 工作簿"):
        import_review(store, [bad], frameworks)
    lst = tmp_path / "experts.csv"
    lst.write_text("expert_id,name,region,province\ne1,甲,east,浙江\ne1,乙,,\ne3,,west,\ne4,丁,,火星\n"
                   "e5,戊,moon,\n../../evil,己,east,\n=cmd,庚,east,\n", encoding="utf-8")
    experts, errors = load_experts(lst)
    assert [e.id for e in experts] == ["e1"]
    # an id names the expert's workbook: a path or a formula is a bad row (issue 3's output safety)
    assert [(e.line, e.field) for e in errors] == [(3, "expert_id"), (4, "name"), (5, "province"), (6, "region"),
                                                   (7, "expert_id"), (8, "expert_id")]
    with pytest.raises(InputError, match="表头缺少"):
        (tmp_path / "h.csv").write_text("id,name\n", encoding="utf-8")
        load_experts(tmp_path / "h.csv")


def test_assignment_refuses_when_too_few_experts_are_eligible():
    p = Platform("p", "浙江某网", "website", "government", "county", "浙江", "east", "http://p.gov.cn/", "county")
    experts = [Expert("a", "甲", "east", "浙江"), Expert("b", "乙", "west", "四川"), Expert("c", "丙", "east", "上海")]
    with pytest.raises(ConfigError, match="只有 1 位可选专家，需要 2 位"):
        assign([p], experts, 2, "region")
    assert sorted(assign([p], experts, 2, "province")["p"]) == ["b", "c"]
    assert len(EXPERTS) == 12


def test_cli_export_and_import(campaign, tmp_path):
    """`govlens review export` and `import` through the command line, with a campaign file."""
    import subprocess
    import sys

    store, _, sandbox, _, tmp, _, _ = campaign
    store.con.execute("CHECKPOINT")
    shutil.copy(tmp / "c.duckdb", tmp_path / "campaign.duckdb")
    shutil.copy(tmp / "reviewers.csv", tmp_path / "reviewers.csv")
    (tmp_path / "registry.csv").write_text("id,name,kind,org_type,level,province,region,url,group\n", encoding="utf-8")
    (tmp_path / "campaign.toml").write_text(
        '[campaign]\nname = "t"\ncheck_date = "2013-12-15"\nregistry = "registry.csv"\nout = "."\n'
        'frameworks = ["column-2013", "innovation-2013"]\nreviewers = "reviewers.csv"\nreview_dir = "sheets"\n',
        encoding="utf-8")

    def govlens(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "govlens", *args], capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)
    out = govlens("review", "export", "campaign.toml")
    assert out.returncode == 0, out.stderr
    books = sorted((tmp_path / "sheets").glob("*.xlsx"))
    assert len(books) == 12
    fill_sheets(sandbox, tmp_path / "sheets")
    book = load_workbook(books[0])
    book[book.sheetnames[0]].cell(row=3, column=10, value=99)
    book.save(books[0])
    out = govlens("review", "import", "campaign.toml", "--no-score")
    assert out.returncode == 2, out.stderr            # a bad cell: reported, the rest imported
    assert f"{books[0].name}" in out.stderr and "第3行，J列" in out.stderr and "超出 0–10 的范围" in out.stderr
    assert "导入专家评审表" in out.stderr               # the stage, in the command line's language


def test_exported_cells_are_never_formulas_or_unsafe_links(tmp_path):
    """A platform's name, URL and materials are anyone's text: in an expert's workbook a formula start
    gets a leading apostrophe, bidi controls are dropped and only http(s) URLs become hyperlinks."""
    plats = [p for p in platforms() if p.kind == "column"][:6]
    hostile = Platform("col-evil", '=HYPERLINK("http://evil.example/","点此")', "column", "department", "central",
                       "", "national", "javascript:alert(1)", "featured_column")
    spoofed = Platform("col-bidi", "＋1+cmd|' /C calc'!A0\u202egpj.exe", "column", "department", "central",
                       "", "national", "file:///etc/passwd", "featured_column")
    plats += [hostile, spoofed]
    store = CampaignStore(tmp_path / "c.duckdb")
    store.write_platforms(plats)
    fw = load_framework("column-2013")
    store.insert("results", [{"platform_id": p.id, "framework": fw.id, "index": 60.0, "vetoed": False, "vetoes": [],
                              "rank": 1, "group_size": 1, "coverage": 1.0} for p in plats])
    sandbox = ReviewSandbox(plats, 2013, AS_OF)
    experts, errors = load_experts(sandbox.write_reviewers(tmp_path / "reviewers.csv"))
    assert not errors
    summary = export_review(store, [fw], experts, tmp_path / "sheets")
    seen = 0
    for path in summary.files:
        ws = load_workbook(path)[fw.id]
        for row in ws.iter_rows(min_row=3):
            pid, name, url_cell = row[0].value, row[1].value, row[6]
            if pid == "col-evil":
                assert name == "'" + hostile.name and url_cell.value == "javascript:alert(1)"
                assert url_cell.hyperlink is None
                seen += 1
            elif pid == "col-bidi":
                assert name.startswith("'＋1+cmd") and "\u202e" not in name and url_cell.hyperlink is None
                seen += 1
            elif pid:
                assert url_cell.hyperlink is not None and url_cell.hyperlink.target.startswith("http")
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.lstrip().startswith(("=", "+", "@"))), \
                    (path.name, cell.coordinate, cell.value)
    assert seen == 2 * fw.review.experts_per_platform
