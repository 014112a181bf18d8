"""Run the sandbox web in its own process, as a real web would be: the scanner then has a
core to itself instead of sharing one interpreter lock with the server (on 2 cores this
roughly halves the time of a scan of the sandbox).
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.errors import GovlensError

START_TIMEOUT = 180.0


@contextmanager
def sandbox_process(registry: Path, *, sites: int, seed: int, as_of: date, state_dir: Path,
                    host: str = "127.0.0.1", hostile: bool = False,
                    previous_year: bool = False) -> Iterator[dict[str, Any]]:
    """Start `govlens sandbox serve` for ``registry`` and yield its state (ports, CA, hosts).

    ``hostile`` serves the hostile web too (its registry and truth are written into ``state_dir``).
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    state_file = state_dir / "sandbox.json"
    state_file.unlink(missing_ok=True)
    log = open(state_dir / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "govlens", "sandbox", "serve", "--registry", str(registry), "--sites", str(sites),
         "--seed", str(seed), "--as-of", as_of.isoformat(), "--host", host, "--http-port", "0",
         "--https-port", "0", "--state-dir", str(state_dir), *(["--hostile"] if hostile else [])]
        + (["--previous-year"] if previous_year else []),
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        yield _wait_for_state(proc, state_file, state_dir / "server.log")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_for_state(proc: subprocess.Popen, state_file: Path, log_file: Path) -> dict[str, Any]:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log_file.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise GovlensError(messages.t("sandbox_errors.exited", code=proc.returncode, tail=tail))
        if state_file.is_file():
            try:
                return json.loads(state_file.read_text(encoding="utf-8"))
            except ValueError:
                pass            # still being written
        time.sleep(0.1)
    raise GovlensError(messages.t("sandbox_errors.not_started", seconds=f"{START_TIMEOUT:.0f}", log=log_file))
