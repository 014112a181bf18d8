"""The Monte Carlo's ranks (replications × units), in memory when small, else spilled to disk by unit chunk.

At 300,000 units × 1,000 replications the rank matrix is 600 MB even as uint16, while what is published
from it — each unit's median rank and interval, each replication's mean rank shift — needs only one
slice of units at a time. So a large matrix is written, batch by batch as the replications finish, to an
unlinked temporary file (``TMPDIR``) laid out chunk-major (every replication of units [a, b) together),
and read back one chunk at a time: the statistics are the same values as from the whole matrix (exact,
not a streaming estimate), and the process holds one batch and one chunk instead of every replication.

Written here because numpy's ``memmap`` would count the file's pages it touches in the process's
resident memory; ``os.pwrite`` / ``readinto`` keep them in the page cache only.
"""
from __future__ import annotations

import os
import tempfile
from typing import Iterator

import numpy as np

MEMORY_BYTES = 32 * 2 ** 20     # a rank matrix up to this size stays in memory
CHUNK_BYTES = 32 * 2 ** 20      # one chunk (every replication of a slice of units) read back at a time


class ReplicationRanks:
    """``runs × n`` ranks that batches of replications (rows, any order, from several threads) fill."""

    def __init__(self, runs: int, n: int, dtype: np.dtype | type, memory_bytes: int | None = None) -> None:
        self.runs, self.n, self.dtype = runs, n, np.dtype(dtype)
        limit = MEMORY_BYTES if memory_bytes is None else memory_bytes
        self.width = max(1, CHUNK_BYTES // max(1, runs * self.dtype.itemsize))     # units per chunk
        self.matrix: np.ndarray | None = None
        self.file = None
        if runs * n * self.dtype.itemsize <= limit:
            self.matrix = np.zeros((runs, n), dtype=self.dtype)
        else:
            self.file = tempfile.TemporaryFile(prefix="govlens-ranks-")
            self.file.truncate(runs * n * self.dtype.itemsize)

    @property
    def spilled(self) -> bool:
        return self.file is not None

    def chunks(self) -> Iterator[tuple[int, int]]:
        """The unit slices [start, end) the matrix is read back in."""
        for start in range(0, self.n, self.width):
            yield start, min(self.n, start + self.width)

    def _offset(self, start: int, end: int, row: int) -> int:
        return (start * self.runs + row * (end - start)) * self.dtype.itemsize

    def write(self, rows: np.ndarray, block: np.ndarray) -> None:
        """Replications ``rows`` (their ranks: len(rows) × n); concurrent calls write disjoint rows."""
        if self.matrix is not None:
            self.matrix[rows] = block
            return
        assert self.file is not None
        fd = self.file.fileno()
        for start, end in self.chunks():
            part = np.ascontiguousarray(block[:, start:end], dtype=self.dtype)
            for i, row in enumerate(rows):
                data = memoryview(part[i]).cast("B")
                offset, done = self._offset(start, end, int(row)), 0
                while done < len(data):
                    done += os.pwrite(fd, data[done:], offset + done)

    def columns(self, start: int, end: int) -> np.ndarray:
        """Every replication's ranks of units [start, end) (a chunk from :meth:`chunks`), runs × (end − start)."""
        if self.matrix is not None:
            return self.matrix[:, start:end]
        assert self.file is not None
        out = np.empty((self.runs, end - start), dtype=self.dtype)
        view, done = memoryview(out).cast("B"), 0
        offset = self._offset(start, end, 0)
        while done < len(view):
            got = os.preadv(self.file.fileno(), [view[done:]], offset + done)
            if got <= 0:
                raise OSError("short read of the spilled ranks")
            done += got
        return out

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def rank_statistics(ranks: ReplicationRanks, nominal: np.ndarray, scored: np.ndarray, qs: tuple[float, ...]
                    ) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """(per replication the mean |rank − nominal rank| over the scored units, per unit the ``qs`` quantiles of
    its ranks with numpy's default linear interpolation), one unit chunk at a time. Whole ranks are summed
    as integers (exact whatever the chunking) and sorted by numpy's radix sort (``stable`` on 16-bit
    integers: six times a partition's speed); half ranks (``ties: average``) in float64 and partitioned."""
    total = np.zeros(ranks.runs)
    out = [np.empty(ranks.n) for _ in qs]
    positions = [(ranks.runs - 1) * q for q in qs]
    kth = sorted({int(np.floor(h)) for h in positions} | {int(np.ceil(h)) for h in positions})
    whole = ranks.dtype.kind in "ui" and bool(np.array_equal(nominal, np.round(nominal)))
    for start, end in ranks.chunks():
        block = ranks.columns(start, end)
        cols = np.flatnonzero(scored[start:end])
        if whole:
            total += np.abs(block[:, cols].astype(np.int32) - nominal[start:end][cols].astype(np.int32)[None, :]
                            ).sum(axis=1, dtype=np.int64)
        else:
            total += np.abs(block[:, cols].astype(np.float64) - nominal[start:end][cols][None, :]).sum(axis=1)
        by_unit = np.ascontiguousarray(block.T)
        part = np.sort(by_unit, axis=1, kind="stable") if ranks.dtype.itemsize <= 2 and ranks.dtype.kind in "ui" \
            else np.partition(by_unit, kth, axis=1)
        for i, h in enumerate(positions):
            lo, hi = int(np.floor(h)), int(np.ceil(h))
            a, b = part[:, lo].astype(float), part[:, hi].astype(float)
            out[i][start:end] = a + (b - a) * (h - lo)
    count = int(scored.sum())
    return (total / count if count else total), tuple(out)
