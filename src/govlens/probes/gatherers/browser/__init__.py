"""The browser probe: homepages rendered in headless Chromium (Playwright, Debian's ``chromium``).

Modules, one job each: :mod:`.pool` (the bounded, recycled browser), :mod:`.renders` (one
render on one device), :mod:`.axe` (accessibility), :mod:`.colour` (palette, contrast, fonts),
:mod:`.layout` (boxes, phone fit, tap targets, portal parts), :mod:`.performance`
(Lighthouse's metrics), :mod:`.probe` (the probe contract).
"""
from govlens.probes.gatherers.browser.probe import NAME, BrowserProbe, browser_sample

__all__ = ["NAME", "BrowserProbe", "browser_sample"]
