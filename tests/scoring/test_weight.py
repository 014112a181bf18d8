"""Weighting methods against published (Saaty's AHP examples) and hand-computed values."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from govlens.errors import FrameworkError
from govlens.scoring.methods import ParamError
from govlens.scoring.weight import Context, ahp_weights, w_ahp, w_budget, w_critic, w_entropy, w_pca

from .conftest import framework, framework_file, run_of

# Saaty (1980), "The Analytic Hierarchy Process", relative wealth of nations: US, USSR, China, France, UK,
# Japan, W. Germany. Published eigenvector .427 .230 .021 .052 .052 .123 .094, λmax 7.61, CR 0.08.
WEALTH = [[1, 4, 9, 6, 6, 5, 5], [1 / 4, 1, 7, 5, 5, 3, 4], [1 / 9, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 7, 1 / 5],
          [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3], [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
          [1 / 5, 1 / 3, 7, 3, 3, 1, 2], [1 / 5, 1 / 4, 5, 3, 3, 1 / 2, 1]]
# The AHP "choosing a leader" example (Wikipedia, after Saaty): experience, education, charisma, age.
# Published priorities .547 .127 .270 .056, CR 0.044. Judgements written as fractions, as in YAML.
LEADER = [[1, 4, 3, 7], ["1/4", 1, "1/3", 3], ["1/3", 3, 1, 5], ["1/7", "1/3", "1/5", 1]]


def ctx(k: int, expert=None) -> Context:
    return Context(tuple(f"c{i}" for i in range(k)), np.ones(k) if expert is None else np.asarray(expert, float),
                   None, "n")


def test_ahp_reproduces_saatys_wealth_of_nations() -> None:
    w, lam, ci, cr = ahp_weights(np.array(WEALTH))
    assert w == pytest.approx([.427, .230, .021, .052, .052, .123, .094], abs=1e-3)
    assert lam == pytest.approx(7.61, abs=0.01) and cr == pytest.approx(0.08, abs=0.005)


def test_ahp_reproduces_the_leader_example_from_fractions() -> None:
    w, details = w_ahp(np.zeros((1, 4)), ctx(4), matrix=LEADER)
    assert w == pytest.approx([.547, .127, .270, .056], abs=2e-3)
    assert details["cr"] == pytest.approx(0.044, abs=1e-3)


def test_ahp_consistent_matrix_is_singular_and_exact() -> None:
    # a perfectly consistent matrix has rank 1 (eigenvalues 3, 0, 0): weights 4:2:1, CR 0
    w, details = w_ahp(np.zeros((1, 3)), ctx(3), matrix=[[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]])
    assert w == pytest.approx([4 / 7, 2 / 7, 1 / 7]) and details["cr"] == pytest.approx(0, abs=1e-9)


def test_ahp_order_maps_rows_to_children() -> None:
    w, _ = w_ahp(np.zeros((1, 2)), ctx(2), matrix=[[1, 3], ["1/3", 1]], order=["c1", "c0"])
    assert w == pytest.approx([0.25, 0.75])


def test_ahp_refuses_inconsistent_and_malformed_matrices() -> None:
    with pytest.raises(ParamError, match=r"两两比较判断不一致：一致性比率 CR = \d\.\d+ > 0\.1"):
        w_ahp(np.zeros((1, 3)), ctx(3), matrix=[[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]])
    with pytest.raises(ParamError, match="判断矩阵不互为倒数") as info:
        w_ahp(np.zeros((1, 2)), ctx(2), matrix=[[1, 3], [3, 1]])
    assert info.value.field == "matrix[1][0]"
    with pytest.raises(ParamError, match="应为 2×2 矩阵"):
        w_ahp(np.zeros((1, 2)), ctx(2), matrix=[[1, 3, 1], [1, 1, 1]])
    with pytest.raises(ParamError, match="对角线上的值须为 1"):
        w_ahp(np.zeros((1, 2)), ctx(2), matrix=[[2, 3], ["1/3", 1]])


def test_ahp_refusal_names_file_line_and_key(tmp_path: Path) -> None:
    text = """id: t
dimensions:
  - id: d
    weighting:
      method: ahp
      matrix:
        - [1, 9, 1/9]
        - [1/9, 1, 9]
        - [9, 1/9, 1]
    indicators:
      - {id: a, normalise: {method: minmax}}
      - {id: b, normalise: {method: minmax}}
      - {id: c, normalise: {method: minmax}}
"""
    fw = framework_file(tmp_path, text)
    with pytest.raises(FrameworkError) as info:
        run_of(fw, {"a": [1, 2, 3], "b": [3, 2, 1], "c": [1, 3, 2]})
    err = info.value
    assert err.field == "dimensions[0].weighting.matrix" and err.line == 6 and str(tmp_path / "fw.yaml") in str(err)
    assert "一致性比率" in str(err) and "“d” 的权重" in str(err)


def test_entropy_weights_by_hand() -> None:
    # constant → e = 1 (weight 0); one unit holds everything → e = 0; half and half → e = ln 2 / ln 4 = 0.5
    x = np.array([[1, 1, 1], [1, 0, 1], [1, 0, 0], [1, 0, 0]], dtype=float)
    w, details = w_entropy(x, ctx(3))
    assert w == pytest.approx([0, 2 / 3, 1 / 3]) and details["entropy"] == pytest.approx([1, 0, 0.5])
    with pytest.raises(ParamError, match="熵权法需要非负得分"):
        w_entropy(np.array([[-1.0], [1.0]]), ctx(1))


def test_critic_weights_by_hand() -> None:
    # c0 and c1 identical (r = 1), c2 uncorrelated with both: C = σ·(0 + 1), σ·(0 + 1), σ·(1 + 1)
    x = np.array([[0, 0, 0], [0, 0, 1], [1, 1, 0], [1, 1, 1]], dtype=float)
    w, _ = w_critic(x, ctx(3))
    assert w == pytest.approx([0.25, 0.25, 0.5])


def test_pca_weights_on_a_singular_correlation_matrix() -> None:
    # c1 = 2·c0 (perfectly correlated), c2 uncorrelated: eigenvalues 2, 1, 0; PC1 = (1, 1, 0)/√2
    x = np.array([[1, 2, 1], [2, 4, -1], [3, 6, -1], [4, 8, 1]], dtype=float)
    w, details = w_pca(x, ctx(3))
    assert w == pytest.approx([0.5, 0.5, 0], abs=1e-12)
    assert details["eigenvalues"] == pytest.approx([2, 1, 0], abs=1e-12) and details["explained"] == pytest.approx(2 / 3)
    w, _ = w_pca(np.column_stack([x[:, :2], np.full(4, 7.0)]), ctx(3))       # a constant child gets 0
    assert w == pytest.approx([0.5, 0.5, 0])


def test_budget_allocation_mean_geometric_and_disagreement(tmp_path: Path) -> None:
    experts = {"甲": {"c0": 60, "c1": 40}, "乙": {"c0": 40, "c1": 60}, "丙": {"c0": 50, "c1": 50}}
    w, details = w_budget(np.zeros((1, 2)), ctx(2), experts=experts)
    assert w == pytest.approx([0.5, 0.5]) and details["sd"] == pytest.approx([0.1, 0.1])
    w, _ = w_budget(np.zeros((1, 2)), ctx(2), experts={"a": {"c0": 90, "c1": 10}, "b": {"c0": 10, "c1": 90},
                                                     "c": {"c0": 50, "c1": 50}}, combine="geometric")
    assert w == pytest.approx([0.5, 0.5])
    _, details = w_budget(np.zeros((1, 2)), ctx(2), experts={"a": {"c0": 90, "c1": 10}, "b": {"c0": 10, "c1": 90}})
    assert details["disagreement"] == ["c0", "c1"]
    with pytest.raises(ParamError, match="专家 “a” 分配了 90 分，而不是预算的 100 分") as info:
        w_budget(np.zeros((1, 2)), ctx(2), experts={"a": {"c0": 50, "c1": 40}})
    assert info.value.field == "experts.a"
    sheet = tmp_path / "sheets.csv"
    sheet.write_text("expert,node,child,points\na,n,c0,70\na,n,c1,30\nb,n,c0,50\nb,n,c1,50\nb,other,x,100\n",
                     encoding="utf-8")
    c = Context(("c0", "c1"), np.ones(2), tmp_path, "n")
    w, _ = w_budget(np.zeros((1, 2)), c, sheets="sheets.csv")
    assert w == pytest.approx([0.6, 0.4])


def test_weighting_in_a_framework_changes_the_index() -> None:
    base = {"id": "t", "dimensions": [{"id": "d", "indicators": [
        {"id": "a", "weight": 3, "normalise": {"method": "minmax"}},
        {"id": "b", "weight": 1, "normalise": {"method": "minmax"}}]}]}
    values = {"a": [0, 10, 5], "b": [10, 0, 5]}
    expert = run_of(framework(base), values)
    assert expert.results["index"].tolist() == pytest.approx([25, 75, 50])
    equal = run_of(framework({**base, "weighting": "equal"}), values)
    assert equal.results["index"].tolist() == pytest.approx([50, 50, 50])
    table = expert.analysis["weights"].set_index("child")
    assert table.loc["a", "weight"] == 0.75 and table.loc["a", "expert_weight"] == 3
    logged = {s.verb: s.params for s in equal.log}["aggregate"]
    assert logged["d"]["weighting"] == {"method": "equal"} and logged["d"]["weights"] == {"a": 0.5, "b": 0.5}


def test_an_unreadable_sheet_is_said_in_words_not_the_system_text(tmp_path: Path) -> None:
    (tmp_path / "sheets.csv").mkdir()                                 # a folder where the CSV should be
    c = Context(("c0", "c1"), np.ones(2), tmp_path, "n")
    with pytest.raises(ParamError) as info:
        w_budget(np.zeros((1, 2)), c, sheets="sheets.csv")
    assert "这是一个目录，不是文件" in str(info.value) and "Errno" not in str(info.value)
    with pytest.raises(ParamError, match="文件不存在"):
        w_budget(np.zeros((1, 2)), c, sheets="nowhere.csv")
