"""The sandbox web's ground truth and data files: truth.json, signals, overseas signals, the importers' CSVs.

A mixin of :class:`govlens.sandbox.web.SandboxWeb`; everything here is written from the spec alone,
in the formats the campaign's importers read, so the demo and the tests compare findings with it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
from pathlib import Path

from govlens.atomic import atomic_write_text
from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox.cn_domain import CnDomainSite
from govlens.sandbox.columns import FeaturedColumn
from govlens.sandbox.foreign_site import ForeignSite, overseas_row
from govlens.sandbox.hotline import COLUMNS as HOTLINE_COLUMNS
from govlens.sandbox.hotline import hotline_calls
from govlens.sandbox.mailbox import Mailbox
from govlens.sandbox.mobile_portal import MobileSite
from govlens.sandbox.newmedia import NewMedia
from govlens.sandbox.review import ReviewSandbox
from govlens.sandbox.site import Site

_LEVEL_MU = {"central": 11.0, "provincial": 10.3, "sub_provincial": 9.6, "prefecture": 8.9, "county": 7.8,
             "township": 6.8}


class WebFiles:
    """Truth and data-file writers of the sandbox web, over the attributes :class:`SandboxWeb` declares."""

    seed: int
    as_of: dt.date
    platforms: list[Platform]
    sites: list[Site]
    mobile_portals: dict[str, MobileSite]
    newmedia: NewMedia | None
    foreign_sites: dict[str, ForeignSite]
    cn_domains: dict[str, CnDomainSite]
    columns: dict[str, list[FeaturedColumn]]
    mailboxes: dict[str, Mailbox]
    review: ReviewSandbox | None

    def truth(self) -> dict:
        sites = [{"platform_id": s.platform.id, "host": s.host, "family": s.family, "defects": s.defects()}
                 for s in self.sites]
        sites += [{"platform_id": m.platform.id, "host": m.host, "defects": m.defects()} for m in self.mobile_portals.values()]
        seen_foreign = {id(f): f for f in self.foreign_sites.values()}
        sites += [{"platform_id": f.platform.id, "host": f.host, "defects": f.defects()} for f in seen_foreign.values()]
        sites += [{"platform_id": c.platform.id, "host": c.idn, "defects": c.defects()} for c in self.cn_domains.values()]
        if self.newmedia is not None:
            sites += self.newmedia.truth()
        sites += [{"platform_id": c.platform.id, "host": c.host, "defects": c.defects()}
                  for cols in self.columns.values() for c in cols]
        sites += [{"platform_id": m.platform.id, "host": m.host, "defects": m.defects()} for m in self.mailboxes.values()]
        sites += [{"platform_id": pid, "host": "", "defects": [{"kind": k, "url": url} for k in kinds]}
                  for pid, url, kinds in self._hotline_truth()]
        doc = {"seed": self.seed, "as_of": self.as_of.isoformat(), "sites": sites}
        if self.review is not None:
            doc["review"] = self.review.truth()
        return doc

    def hotline_rows(self) -> list[dict]:
        return [row for p in self.platforms if p.kind == "hotline"
                for row in hotline_calls(p, self.seed, self.as_of)[0]]

    def _hotline_truth(self) -> list[tuple[str, str, list[str]]]:
        return [(p.id, p.url.strip(), hotline_calls(p, self.seed, self.as_of)[1])
                for p in self.platforms if p.kind == "hotline"]

    def app_store_rows(self) -> list[dict]:
        return [row for m in self.mobile_portals.values() for row in m.apps]

    def write_newmedia(self, out: str | Path) -> dict[str, Path]:
        """Every non-web data file (new-media accounts, app stores), in the importers' formats: key → path."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = self.newmedia.write_files(out) if self.newmedia is not None else {}
        path = out / "app_store.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["platform_id", "store", "app_name", "rating", "ratings", "downloads",
                                               "last_update", "version"], lineterminator="\n")
            w.writeheader()
            w.writerows(self.app_store_rows())
        paths["app_store"] = path
        if any(p.kind == "hotline" for p in self.platforms):
            path = out / "hotline_calls.csv"
            with open(path, "w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=HOTLINE_COLUMNS, lineterminator="\n")
                w.writeheader()
                w.writerows(self.hotline_rows())
            paths["hotline_calls"] = path
        if self.review is not None:
            paths["materials"] = self.review.write_materials(out / "materials.csv")
            paths["reviewers"] = self.review.write_reviewers(out / "reviewers.csv")
        return paths

    def write_truth(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(self.truth(), ensure_ascii=False, indent=1) + "\n")
        return path

    def signals_rows(self) -> list[dict[str, object]]:
        """External signals per platform: heavy-tailed, higher for higher levels and healthier sites."""
        by_id = {s.platform.id: s for s in self.sites}
        rows = []
        for p in self.platforms:
            rng = random.Random(f"{self.seed}:{p.id}:signals")
            site = by_id.get(p.id)
            quality = 1.0
            if site is not None:
                kinds = {d["kind"] for d in site.defects()}
                quality = 0.15 if D.SITE_DOWN in kinds else max(0.25, 1.0 - 0.09 * len(kinds))
            mu = _LEVEL_MU.get(p.level, 7.5)
            common = rng.gauss(0.0, 0.8) + 1.2 * math.log(quality)
            tail = rng.paretovariate(2.5)       # a few sites are far better known than the rest
            indexed = math.exp(mu + common + rng.gauss(0.0, 0.4)) * tail
            inbound = math.exp(mu - 2.8 + 0.9 * common + rng.gauss(0.0, 0.5)) * tail
            media = math.exp(mu - 6.0 + 1.1 * common + rng.gauss(0.0, 0.6)) * tail
            rows.append({"platform_id": p.id, "indexed_pages": int(indexed), "inbound_links": int(inbound),
                         "media_mentions": int(media)})
        return rows

    def overseas_rows(self) -> list[dict[str, object]]:
        """Overseas-influence signals of every foreign_site platform (series 7), in registry order."""
        by_id = {f.platform.id: f for f in self.foreign_sites.values()}
        return [overseas_row(by_id[p.id], self.seed) for p in self.platforms if p.id in by_id]

    def write_overseas_signals(self, path: str | Path) -> Path:
        """The overseas-signals CSV (``platform_id,overseas_visits,overseas_inlinks,foreign_media_mentions``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["platform_id", "overseas_visits", "overseas_inlinks",
                                            "foreign_media_mentions"], lineterminator="\n")
        w.writeheader()
        w.writerows(self.overseas_rows())
        path.write_text(buf.getvalue(), encoding="utf-8")
        return path

    def write_signals(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["platform_id", "indexed_pages", "inbound_links", "media_mentions"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(self.signals_rows())
        atomic_write_text(path, buf.getvalue())
        return path
