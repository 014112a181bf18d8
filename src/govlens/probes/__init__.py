"""Probes stage: gatherers that visit platforms and write observations; they never score."""
