"""The notice's own text: title, opening paragraphs, issuer, date, contact and signature lines.

They come from the campaign's ``[notice]`` table (``govlens.notice_text``), with its placeholders
({websites}, {provinces} …) filled from the registry as stored; what the table leaves out comes from
the awards file when that file gives it (older awards files carry a title), else is generated: a
neutral title from the campaign's name, the check date, an opening paragraph with the measured
counts. Nothing of another campaign's notice is ever printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govlens.awards.config import AwardsConfig
from govlens.notice_text import NoticeText, fill, paragraphs
from govlens.report.data import CampaignData
from govlens.report.locale import Locale
from govlens.report.numerals import chinese_number

KIND_COUNTS = {"websites": ("website",), "accounts": ("weibo", "wechat"), "weibo": ("weibo",),
               "wechat": ("wechat",), "mobile_portals": ("mobile_portal",), "columns": ("column",),
               "mailboxes": ("mailbox",), "hotlines": ("hotline",), "foreign_sites": ("foreign_site",),
               "cn_domains": ("cn_domain",)}


@dataclass
class Front:
    title: str
    intro: list[str]
    issuer: str
    date: date | None
    contact: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def counts(data: CampaignData, awards: AwardsConfig) -> dict[str, int]:
    """The numbers a notice text may name, counted from the registry and the awards as stored."""
    kinds: dict[str, int] = {}
    for p in data.platforms.values():
        kinds[str(p.get("kind") or "")] = kinds.get(str(p.get("kind") or ""), 0) + 1
    out = {key: sum(kinds.get(k, 0) for k in ks) for key, ks in KIND_COUNTS.items()}
    out["platforms"] = len(data.platforms)
    out["provinces"] = len({str(p.get("province")).strip() for p in data.platforms.values()
                            if p.get("province") and str(p.get("province")).strip()})
    out["central"] = sum(1 for p in data.platforms.values() if p.get("level") == "central")
    out["series"] = len(awards.series)
    out["awards"] = len(awards.awards())
    out["winners"] = len({r.get("platform_id") for r in data.awards if r.get("status") == "winner"})
    return out


def fmt_date(d: date | None, L: Locale) -> str:
    """A date in the locale's words (its month names where it has them); "" for none."""
    if d is None:
        return ""
    months = L.get("format.months", None)
    month_name = months[d.month - 1] if isinstance(months, list) and len(months) == 12 else str(d.month)
    return L.t("format.date", year=d.year, month=d.month, day=d.day, month_name=month_name)


def front_matter(data: CampaignData, awards: AwardsConfig, notice: NoticeText | None, L: Locale) -> Front:
    n = counts(data, awards)
    name = str(data.campaign.get("name") or "").strip()
    check = data.check_date()
    year = data.campaign.get("year") or (check.year if check else "")
    chinese = L.get("format.numerals", "") == "chinese"
    values: dict[str, Any] = {**n, "name": name, "year": year, "check_date": fmt_date(check, L),
                              "series": chinese_number(n["series"]) if chinese else n["series"]}
    notice = notice or NoticeText()

    def filled(texts: Any) -> list[str]:
        return [fill(t, values) for t in texts]

    if notice.title:
        title = fill(notice.title, values)
    elif awards.title:
        title = awards.title
    elif name:
        strip = L.get("notice.closing_strip_suffix", "")
        title = name if isinstance(strip, str) and strip and name.endswith(strip) else L.t("notice.default_title",
                                                                                            name=name)
    else:
        title = L.t("notice.default_title_year", year=year)
    if notice.intro is not None:
        intro = filled(notice.intro)
    elif awards.intro:
        intro = filled(paragraphs(awards.intro))
    else:
        intro = [default_intro(name, n, L)]
    issuer = fill(notice.issuer, values) if notice.issuer is not None else awards.issuer
    when = notice.date or awards.date or check
    signature = filled(notice.signature) if notice.signature is not None else ([issuer] if issuer else [])
    return Front(title=title, intro=intro, issuer=issuer, date=when, contact=filled(notice.contact),
                 signature=signature, findings=filled(notice.findings), counts=n)


def default_intro(name: str, n: dict[str, int], L: Locale) -> str:
    """'本次评估（…）采用 govlens 开源评估系统，对中央和12个省级行政区的20个政务平台进行了测量，…'"""
    if n["central"] and n["provinces"]:
        scope = L.t("notice.scope_central_provinces", provinces=n["provinces"])
    elif n["provinces"]:
        scope = L.t("notice.scope_provinces", provinces=n["provinces"])
    elif n["central"]:
        scope = L.t("notice.scope_central")
    else:
        scope = ""
    key = "notice.default_intro" if name else "notice.default_intro_unnamed"
    return L.t(key, name=name, scope=scope, platforms=n["platforms"])
