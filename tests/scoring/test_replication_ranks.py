"""The Monte Carlo's ranks spilled to disk by unit chunk: the published intervals, the rank shifts and the
Sobol indices must be the very values the in-memory rank matrix gives."""
from __future__ import annotations

import numpy as np
import pytest

from govlens.scoring import replication_ranks
from govlens.scoring.replication_ranks import ReplicationRanks, rank_statistics

from .conftest import framework, run_of, simple


def test_a_spilled_matrix_reads_back_what_was_written_in_any_row_order() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.integers(1, 900, (37, 101)).astype(np.uint16)
    ranks = ReplicationRanks(37, 101, np.uint16, memory_bytes=0)
    ranks.width = 10                                        # eleven chunks, the last one short
    assert ranks.spilled
    rows = rng.permutation(37)
    for i in range(0, 37, 5):
        ranks.write(rows[i:i + 5], matrix[rows[i:i + 5]])
    back = np.concatenate([ranks.columns(s, e) for s, e in ranks.chunks()], axis=1)
    ranks.close()
    assert np.array_equal(back, matrix)


def test_chunked_statistics_equal_numpy_on_the_whole_matrix() -> None:
    rng = np.random.default_rng(4)
    matrix = rng.integers(1, 50, (200, 64)).astype(np.uint16)
    nominal = rng.integers(1, 50, 64).astype(float)
    scored = rng.random(64) < 0.9
    ranks = ReplicationRanks(200, 64, np.uint16, memory_bytes=0)
    ranks.width = 7
    ranks.write(np.arange(200), matrix)
    shift, (med, low, high) = rank_statistics(ranks, nominal, scored, (0.5, 0.05, 0.95))
    ranks.close()
    assert np.array_equal(med, np.quantile(matrix, 0.5, axis=0))
    assert np.array_equal(low, np.quantile(matrix, 0.05, axis=0))
    assert np.array_equal(high, np.quantile(matrix, 0.95, axis=0))
    assert np.array_equal(shift, np.abs(matrix[:, scored] - nominal[scored]).mean(axis=1))


def test_the_engine_publishes_the_same_intervals_shifts_and_sobol_indices_when_spilled(monkeypatch) -> None:
    rng = np.random.default_rng(5)
    values = {k: rng.uniform(0, 100, 90).round(1).tolist() for k in "abcd"}
    doc = simple({k: {"normalise": {"method": "minmax"}} for k in "abcd"}, {"x": ["a", "b"], "y": ["c", "d"]},
                 uncertainty={"replications": 300, "weights": {"noise": 0.4}, "aggregation": ["weighted_geometric"]})
    groups = ["g1", "g2", "g3"] * 30
    kept = run_of(framework(doc), values, groups=groups)
    monkeypatch.setattr(replication_ranks, "MEMORY_BYTES", 0)
    monkeypatch.setattr(replication_ranks, "CHUNK_BYTES", 300 * 2 * 16)     # 16 units a chunk
    spilled = run_of(framework(doc), values, groups=groups)
    cols = ["rank", "rank_median", "rank_low", "rank_high"]
    assert kept.results[cols].equals(spilled.results[cols])
    assert (kept.results["rank_high"] > kept.results["rank_low"]).any()          # the ranks did move
    for name in ("rank_shift", "sensitivity"):
        assert kept.analysis[name].equals(spilled.analysis[name]), name


@pytest.mark.parametrize("limit, spilled", [(None, False), (0, True)])
def test_a_small_matrix_stays_in_memory(limit, spilled) -> None:
    ranks = ReplicationRanks(10, 10, np.uint16, memory_bytes=limit)
    assert ranks.spilled is spilled
    ranks.close()
