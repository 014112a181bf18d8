"""Sandbox: a deterministic synthetic government web on loopback, with the ground truth of its defects."""
