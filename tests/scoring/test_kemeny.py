"""Condorcet–Kemeny ranking: a published example, the exact search against every permutation, the
heuristic against the exact search, and the outranking matrix `govlens index` writes."""
from __future__ import annotations

import csv
import itertools
from pathlib import Path

import numpy as np
import pytest
import yaml

from govlens.cli import main
from govlens.scoring.aggregate import kemeny, outranking_matrix
from govlens.scoring.kemeny import exact, heuristic, score

from .conftest import simple

CITIES = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]
# The Kemeny–Young example of the Tennessee capital (Wikipedia, "Kemeny–Young method"): the shares of
# voters and their preference orders; each voter block is a child with its share as weight and the city's
# place (4 = first choice) as the score.
BLOCKS = [(42, ["Memphis", "Nashville", "Chattanooga", "Knoxville"]),
          (26, ["Nashville", "Chattanooga", "Knoxville", "Memphis"]),
          (15, ["Chattanooga", "Knoxville", "Nashville", "Memphis"]),
          (17, ["Knoxville", "Chattanooga", "Nashville", "Memphis"])]


def tennessee() -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[4 - order.index(c) for _, order in BLOCKS] for c in CITIES], dtype=float)
    return x, np.array([w for w, _ in BLOCKS], dtype=float)


def test_the_published_tennessee_example() -> None:
    x, w = tennessee()
    e = outranking_matrix(x, w)
    assert e[1, 0] == pytest.approx(0.58) and e[2, 3] == pytest.approx(0.83)      # Nashville over Memphis …
    order = exact(e)
    assert [CITIES[i] for i in order] == ["Nashville", "Chattanooga", "Knoxville", "Memphis"]
    assert score(e, order) * 100 == pytest.approx(393)                             # the published score
    places, _ = kemeny(x, w)
    assert places.tolist() == pytest.approx([0, 100, 200 / 3, 100 / 3])


def test_a_unit_better_on_every_child_is_first() -> None:
    x = np.array([[1.0, 2, 3], [5, 6, 7], [3, 1, 9], [0, 0, 0]])
    order = exact(outranking_matrix(x, np.ones(3)))
    assert order[0] == 1 and order[-1] == 3


def _random_matrix(n: int, rng: np.random.Generator) -> np.ndarray:
    x = rng.integers(0, 4, (n, 5)).astype(float)                       # many ties between units
    return outranking_matrix(x, rng.uniform(0.2, 1.0, 5))


@pytest.mark.parametrize("n", [2, 3, 5, 7])
def test_the_exact_search_equals_every_permutation(n: int) -> None:
    rng = np.random.default_rng(n)
    for _ in range(10):
        e = _random_matrix(n, rng)
        best = max(score(e, np.array(p)) for p in itertools.permutations(range(n)))
        assert score(e, exact(e)) == pytest.approx(best)


def test_the_heuristic_equals_the_exact_result_on_random_small_cases() -> None:
    rng = np.random.default_rng(13)
    for case in range(60):
        n = int(rng.integers(4, 11))
        e = _random_matrix(n, rng)
        assert score(e, heuristic(e)) == pytest.approx(score(e, exact(e))), case


def test_kemeny_in_a_framework_and_the_outranking_csv(tmp_path: Path) -> None:
    x, w = tennessee()
    doc = simple({f"v{i}": {"normalise": {"method": "none"}} for i in range(4)}, aggregation="kemeny",
                 weights=None)
    doc["dimensions"][0]["indicators"] = [{"id": f"v{i}", "weight": float(w[i]), "normalise": {"method": "none"}}
                                          for i in range(4)]
    doc["index"] = {"aggregation": "weighted_arithmetic"}
    table = tmp_path / "t.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "v0", "v1", "v2", "v3"])
        for city, row in zip(CITIES, x):
            out.writerow([city, *row.tolist()])
    fw = tmp_path / "fw.yaml"
    fw.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert main(["index", str(table), "--framework", str(fw), "--out", str(tmp_path / "out"), "--no-uncertainty"]) == 0
    rows = {r["id"]: r for r in csv.DictReader((tmp_path / "out" / "results.csv").open(encoding="utf-8"))}
    assert [c for c in sorted(rows, key=lambda c: int(rows[c]["rank"]))] == \
        ["Nashville", "Chattanooga", "Knoxville", "Memphis"]
    matrix = list(csv.reader((tmp_path / "out" / "outranking_d.csv").open(encoding="utf-8")))
    assert matrix[0] == ["id", *CITIES]
    nashville = next(r for r in matrix if r[0] == "Nashville")
    assert float(nashville[1]) == pytest.approx(0.58) and float(nashville[2]) == 0.5


def test_too_many_units_is_a_clear_error() -> None:
    from govlens.scoring.methods import ParamError

    with pytest.raises(ParamError, match="max_units"):
        kemeny(np.zeros((5, 2)), np.ones(2), max_units=4)


def test_beyond_the_exact_limit_the_heuristic_still_finds_the_optimum_here() -> None:
    from govlens.scoring.kemeny import EXACT_MAX, kemeny_order

    rng = np.random.default_rng(21)
    for n in (EXACT_MAX + 1, EXACT_MAX + 2):
        e = _random_matrix(n, rng)
        order, was_exact = kemeny_order(e)
        assert not was_exact and sorted(order.tolist()) == list(range(n))
        assert score(e, order) == pytest.approx(score(e, exact(e)))
