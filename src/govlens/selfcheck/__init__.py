"""The webmaster's self-check (`govlens check URL`), the seed's 网站e伴: one site, no campaign file.

    target   the URL checked and its homepage fetched once, through the scan's public-address guard
    single   the framework as it can score one site alone (absolute thresholds, no rank)
    run      the campaign's stages on a one-platform registry, and the standalone scorecard
    summary  the payload (``--json``) and the terminal summary with how to fix every problem
"""
from __future__ import annotations
