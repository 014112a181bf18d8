"""A sandbox web on loopback and real headless Chromium for the browser-probe tests.

The browser is Debian's ``chromium`` (``.ci/run`` and ``make`` install it). Without it these
tests fail, unless ``GOVLENS_ALLOW_NO_BROWSER=1`` says the machine has none on purpose.
"""
from __future__ import annotations

import datetime as dt
import os

import pytest

from govlens.probes.gatherers.browser.pool import find_browser
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings

SEED = 2013
AS_OF = dt.date(2013, 12, 10)
N_SITES = 400


def require_browser() -> None:
    if find_browser(Settings()) is None:
        if os.environ.get("GOVLENS_ALLOW_NO_BROWSER") == "1":
            pytest.skip("no chromium on this machine (GOVLENS_ALLOW_NO_BROWSER=1)")
        pytest.fail("no browser at /usr/bin/chromium: `apt-get install chromium fonts-noto-cjk` (see .ci/run)")


@pytest.fixture(scope="session")
def bweb():
    return build_sandbox(generate_platforms([], N_SITES, SEED), SEED, AS_OF, slow_delay=0.4)


@pytest.fixture(scope="session")
def bsandbox(bweb, tmp_path_factory):
    with run_in_thread(bweb, tmp_path_factory.mktemp("bsandbox")) as running:
        state = running.state()
        state["ca_file"] = str(running.ca_file)
        yield running, state
