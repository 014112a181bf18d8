"""What the homepage indicators of the site folder share: the homepage read, or missing without it."""
from __future__ import annotations

from govlens.indicators._given import given
from govlens.indicators.base import PlatformObservations, R

#: ``@on_homepage``: ``judge(home, obs, ctx)`` on the homepage read, missing (``home_not_loaded``) when none was:
#: mobile-viewport, site-search, page-metadata, portal-structure, seo-structure.
on_homepage = given(PlatformObservations.homepage, R("home_not_loaded"))
