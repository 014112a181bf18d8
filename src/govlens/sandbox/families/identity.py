"""The site identity a footer shows (网站标识码, ICP, 公安备案, 主办, 承办, 党政机关 badge, contact), and its defects.

Every government site must show these in its footer (2017 guidelines; national inspection). The
sandbox draws them per site on the family stream and injects, at modest rates, the compliance
kinds of :data:`govlens.contract.defects.COMPLIANCE_KINDS`: a part left out of the footer, or a footer
code that disagrees with the ``SiteIDCode`` meta. Each family writes the same facts in its own
words and markup (:func:`footer`); the facts, not the words, are the truth.

Traps that are *not* defects, because real footers have them: 承办 without 主办 is still a
missing sponsor (版权所有 alone is not a sponsor), a site code shown only in the meta is a
missing site code, an empty ``SiteIDCode`` meta on a homepage is not a mismatch.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from govlens.contract import defects as D

if TYPE_CHECKING:
    from govlens.sandbox.site import Site

RATE_MISSING_SITE_CODE = 0.07
RATE_SITE_CODE_MISMATCH = 0.06
RATE_MISSING_ICP = 0.06
RATE_MISSING_POLICE_RECORD = 0.08
RATE_MISSING_SPONSOR = 0.07
RATE_MISSING_CONAC_BADGE = 0.08
RATE_GUIDELINE_META = 0.14          # sites with 1–2 column or article pages missing guideline metas
CONAC_HOST = "bszs.conac.cn"        # the 党政机关网站 badge links to its registration page there
POLICE_HOST = "www.beian.gov.cn"
ICP_HOST = "beian.miit.gov.cn"
REGISTRY_HOSTS = (CONAC_HOST, POLICE_HOST, ICP_HOST)
_ORGANISERS = ("政务信息中心", "大数据中心", "信息中心", "电子政务办公室", "网络信息中心")


@dataclass(frozen=True)
class Identity:
    """One site's footer facts and which of them are missing or wrong."""

    sponsor: str
    organiser: str
    police: str                      # 京公网安备 11010202000001号
    police_code: str
    meta_code: str                   # the SiteIDCode meta's content ("" = an empty meta)
    badge_id: str
    phone: str
    address: str
    email: str
    flags: frozenset[str]            # site-level compliance kinds
    meta_missing: tuple[tuple[int, bool, tuple[int, ...]], ...] = ()   # (column index, its article?, metas left out)

    def shows(self, kind: str) -> bool:
        """Whether the footer shows the part whose absence is ``kind``."""
        return kind not in self.flags


def draw_identity(rng: random.Random, *, name: str, place: str, host: str, abbr: str, site_code: str,
                  n_columns: int, empty_meta: bool, down: bool) -> Identity:
    """Draw one site's identity; every draw happens whatever the outcome, so rates never shift the stream."""
    r = [rng.random() for _ in range(7)]
    organiser = place + rng.choice(_ORGANISERS)
    police_code = f"{rng.randint(11, 65):02d}{rng.randint(10**11, 10**12 - 1)}"
    badge_id = "".join(rng.choice("0123456789ABCDEF") for _ in range(32))
    phone = f"0{rng.randint(10, 999)}-{rng.randint(6 * 10**6, 9 * 10**6)}"
    n_meta = rng.randint(1, 2)
    picks = [(rng.randrange(n_columns), rng.random() < 0.5) for _ in range(n_meta)]
    dropped = [tuple(sorted(rng.sample(range(11), rng.randint(1, 3)))) for _ in range(n_meta)]
    flags: set[str] = set()
    meta_code = site_code
    if not down:
        if r[0] < RATE_MISSING_SITE_CODE:
            flags.add(D.MISSING_SITE_CODE)
        elif r[1] < RATE_SITE_CODE_MISMATCH / (1 - RATE_MISSING_SITE_CODE):
            flags.add(D.SITE_CODE_MISMATCH)
            meta_code = site_code[:-4] + f"{(int(site_code[-4:]) + 1 + rng.randrange(998)) % 10000:04d}"
        for x, rate, kind in ((r[2], RATE_MISSING_ICP, D.MISSING_ICP),
                              (r[3], RATE_MISSING_POLICE_RECORD, D.MISSING_POLICE_RECORD),
                              (r[4], RATE_MISSING_SPONSOR, D.MISSING_SPONSOR),
                              (r[5], RATE_MISSING_CONAC_BADGE, D.MISSING_CONAC_BADGE)):
            if x < rate:
                flags.add(kind)
    if empty_meta and D.SITE_CODE_MISMATCH not in flags:
        meta_code = ""
    missing: dict[tuple[int, bool], tuple[int, ...]] = {}
    if not down and r[6] < RATE_GUIDELINE_META:
        for pick, drop in zip(picks, dropped):
            missing.setdefault(pick, drop)
    return Identity(
        sponsor=name, organiser=organiser, police=f"{abbr}公网安备 {police_code}号", police_code=police_code,
        meta_code=meta_code, badge_id=badge_id, phone=phone, address=f"{place}人民路{rng.randint(1, 300)}号",
        email=f"webmaster@{host}", flags=frozenset(flags),
        meta_missing=tuple((i, art, drop) for (i, art), drop in sorted(missing.items())))


def compliance_truth(site: Site, home: str) -> set[tuple[str, str]]:
    """The compliance defects of a site that answers: (kind, URL) pairs for its ground truth."""
    ident = site.identity
    if ident is None:
        return set()
    found = {(kind, home) for kind in ident.flags}
    if ident.flags & {D.MISSING_SPONSOR, D.MISSING_ICP, D.MISSING_SITE_CODE}:
        found.add((D.MISSING_PORTAL_PARTS, home))      # a standard footer part a visitor does not see
    for i, article, _ in ident.meta_missing:
        col = site.columns[i]
        if not article:
            found.add((D.MISSING_GUIDELINE_META, f"{site.base}{col.path}"))
        elif site.items(col):
            found.add((D.MISSING_GUIDELINE_META, f"{site.base}{site.items(col)[0].path}"))
    return found


# --- the pieces, each family's own wording
def badge(ident: Identity) -> str:
    if not ident.shows(D.MISSING_CONAC_BADGE):
        return ""
    return (f'<a href="http://{CONAC_HOST}/sitename?method=show&amp;id={ident.badge_id}" target="_blank">'
            '<img src="/images/red.png" alt="党政机关网站标识" width="55" height="68"></a>')


def police(ident: Identity) -> str:
    if not ident.shows(D.MISSING_POLICE_RECORD):
        return ""
    return (f'<a href="http://{POLICE_HOST}/portal/registerSystemInfo?recordcode={ident.police_code}" '
            f'target="_blank"><img src="/images/gongan.png" alt="公安备案">{ident.police}</a>')


def icp(site_icp: str, ident: Identity, *, label: str = "", link: bool = True) -> str:
    if not ident.shows(D.MISSING_ICP):
        return ""
    text = f'<a href="https://{ICP_HOST}/" target="_blank">{site_icp}</a>' if link else site_icp
    return f"{label}{text}"


def site_code(code: str, ident: Identity, label: str) -> str:
    return f"{label}{code}" if ident.shows(D.MISSING_SITE_CODE) else ""


def sponsor(ident: Identity, label: str, organiser_label: str, sep: str = "　") -> str:
    org = f"{organiser_label}{escape(ident.organiser)}"
    if not ident.shows(D.MISSING_SPONSOR):
        return f"版权所有：{escape(ident.sponsor)}{sep}{org}"
    return f"{label}{escape(ident.sponsor)}{sep}{org}"


def join(*parts: str, sep: str = "　") -> str:
    return sep.join(p for p in parts if p)
