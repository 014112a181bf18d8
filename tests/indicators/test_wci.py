"""WCI worked examples, computed by hand from the published formulas (not from the module)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from govlens.indicators.newmedia.wci import wci_v2, wci_v14


def test_wci_v2_small_numbers_by_hand() -> None:
    # an account with 4 articles: reads 100, 50, 30, 20 and likes 5, 3, 1, 1
    R, n, Rmax, Z, Zmax = 200, 4, 100, 10, 5
    reads = 0.40 * math.log(201) + 0.45 * math.log(200 / 4 + 1) + 0.15 * math.log(101)
    likes = 0.40 * math.log(11) + 0.45 * math.log(10 / 4 + 1) + 0.15 * math.log(6)
    expected = 10 * (0.8 * reads + 0.2 * likes) ** 2
    # reads = 0.4·5.3033 + 0.45·3.9318 + 0.15·4.6151 = 4.5829; likes = 0.4·2.3979 + 0.45·1.2528 + 0.15·1.7918 = 1.7917
    assert reads == pytest.approx(4.5829, abs=1e-4) and likes == pytest.approx(1.7917, abs=1e-4)
    assert expected == pytest.approx(10 * (0.8 * 4.5829 + 0.2 * 1.7917) ** 2, abs=0.05)
    assert float(wci_v2(R, n, Rmax, Z, Zmax)) == pytest.approx(expected, rel=1e-12)


def test_wci_v2_published_example() -> None:
    # the example published with WCI 2.0: R=10000, R/n=100, Rmax=300, Z=4000, Z/n=40, Zmax=60 → 411.49
    assert float(wci_v2(10000, 100, 300, 4000, 60)) == pytest.approx(411.4875, abs=1e-3)


def test_wci_v2_no_article_counts_averages_as_zero_and_is_vectorised() -> None:
    got = wci_v2(np.array([0, 50.0]), np.array([0, 0.0]), np.array([0, 0.0]), np.array([0, 2.0]), np.array([0, 0.0]))
    assert got[0] == 0.0
    assert got[1] == pytest.approx(10 * (0.8 * 0.40 * math.log(51) + 0.2 * 0.40 * math.log(3)) ** 2)


def test_wci_v14_by_hand() -> None:
    d, n = 7, 2
    R, Z, L, RE = 700, 14, 21, 7
    Rt, Zt, Lt, REt = 490, 7, 14, 7
    Rmax, Zmax, Lmax, REmax = 490, 7, 14, 7

    def x(r, z, l, re):
        return 0.70 * math.log(r + 1) + 0.09 * math.log(10 * z + 1) + 0.06 * math.log(10 * l + 1) + \
            0.15 * math.log(10 * re + 1)
    inner = 0.6 * x(R / d, Z / d, L / d, RE / d) + 0.2 * x(R / n, Z / n, L / n, RE / n) + \
        0.1 * x(Rt / d, Zt / d, Lt / d, REt / d) + 0.1 * x(Rmax, Zmax, Lmax, REmax)
    expected = inner ** 2 * 1.2 * 10
    assert float(wci_v14(d, n, R, Z, L, RE, Rt, Zt, Lt, REt, Rmax, Zmax, Lmax, REmax)) == pytest.approx(expected)
    assert 100 < expected < 1000
