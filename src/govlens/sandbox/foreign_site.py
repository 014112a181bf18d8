"""Synthetic foreign-language editions of government websites (外文版, series 7), with their Chinese sites.

A platform of kind ``foreign_site`` names the Chinese site from which its editions are found, as an
evaluator's registry would. :func:`build_foreign_site` draws everything from
``random.Random(f"{seed}:{id}:foreign")``. The Chinese site is small (header, navigation, a dated news
list, footer) and always fresh; it offers its editions in one of the ways real sites do:

- ``text``: a link labelled ``English`` / ``English Version`` / ``EN`` / ``英文版`` in the top bar;
- ``switcher``: a ``<select>`` language switcher whose options carry the editions' URLs;
- ``hreflang``: only ``<link rel="alternate" hreflang="en" href=…>`` in the head;
- ``path``: no link at all; the edition answers at ``/english/`` (an evaluator tries the usual paths).

The English edition lives on ``english.<domain>`` or under ``/english/`` or ``/en/`` of the same host.
A quarter of the sites offer a second edition (French, Russian, Japanese, Korean, Spanish or German:
a homepage only). The English edition has a homepage with a dated news list, section pages (News,
Government, Investment, Services, Travel, Contact), and articles; its service entries (visa,
investment, work permits …) and interaction features (e-mail, telephone, feedback form, FAQ) vary.

Defects (``govlens.contract.defects``):

- ``no_foreign_edition``: the Chinese site offers no edition (no link, nothing at the usual paths),
  or links to one that answers 404;
- ``stale_foreign_edition``: the edition's newest item is 120–500 days older than the Chinese site's
  newest (healthy editions: at most 25 days);
- ``untranslated_text`` (URL-level): Chinese left on an edition page — item titles on the homepage or
  the news list, a paragraph of an article;
- ``wrong_language_page`` (URL-level): an edition page (the Government section or one of the two newest
  news articles) that is entirely in Chinese.

Page-level defects sit on the pages an evaluator reaches from the edition's homepage: the homepage,
its section pages and the two newest items of its lists. Overseas-influence signals (visits from
abroad, inbound links from foreign domains, foreign media mentions) are written by
:meth:`govlens.sandbox.web.SandboxWeb.write_overseas_signals` in the importer's format.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field
from html import escape

from govlens.contract import defects as D
from govlens.registry.model import Platform

RATE_NO_EDITION = 0.12
RATE_STALE = 0.16
RATE_UNTRANSLATED = 0.22          # editions with 1–3 pages carrying Chinese
RATE_WRONG_LANGUAGE = 0.15        # editions with 1–2 pages in Chinese
RATE_SECOND_EDITION = 0.25
STALE_GAP = (120, 500)            # days between the Chinese site's newest item and a stale edition's
FRESH_GAP = (0, 25)

DISCOVERY = ("text", "text", "switcher", "hreflang", "path")
EN_LABELS = ("English", "ENGLISH", "English Version", "EN", "英文版")
DATE_STYLES = ("iso", "us", "uk")
SECTIONS = (("news", "News"), ("government", "Government"), ("investment", "Investment"),
            ("services", "Services"), ("travel", "Travel"), ("contact", "Contact Us"))
SERVICES = ("Visa and Residence Permits", "Work Permits for Foreigners", "Investment Guide",
            "Business Registration", "Study in {place}", "Medical Services", "Tourist Information",
            "Consular Services", "Housing and Living")
SECOND = {
    "fr": ("Français", "Bienvenue sur le portail officiel de {place}. Le gouvernement publie ici les informations "
                      "sur l'investissement, le tourisme et la vie quotidienne pour les visiteurs étrangers. "
                      "Les entreprises étrangères trouveront les procédures et les contacts utiles."),
    "ru": ("Русский", "Добро пожаловать на официальный портал {place}. Здесь правительство публикует новости, "
                     "информацию об инвестициях, туризме и повседневной жизни для иностранных гостей и "
                     "предпринимателей."),
    "ja": ("日本語", "{place}政府公式ポータルサイトへようこそ。ここでは投資、観光、生活に関する情報を"
                    "外国の皆様に向けて提供しています。お問い合わせはこちらからどうぞ。"),
    "ko": ("한국어", "{place} 정부 공식 포털에 오신 것을 환영합니다. 외국인을 위한 투자, 관광, 생활 정보를 "
                    "제공하고 있습니다. 문의 사항은 연락처 페이지를 이용해 주십시오."),
    "es": ("Español", "Bienvenidos al portal oficial de {place}. El gobierno publica aquí noticias e información "
                     "sobre inversión, turismo y vida diaria para los visitantes extranjeros y las empresas."),
    "de": ("Deutsch", "Willkommen auf dem offiziellen Portal von {place}. Die Regierung veröffentlicht hier "
                     "Nachrichten und Informationen über Investitionen, Tourismus und das tägliche Leben für "
                     "ausländische Besucher und Unternehmen."),
}
_EN_TOPICS = ("foreign trade", "tourism", "environmental protection", "urban construction", "public health",
              "education", "technology innovation", "the private economy", "transport", "agriculture",
              "cultural exchange", "the investment climate", "poverty alleviation", "water conservancy")
_EN_TITLES = ("{place} holds conference on {topic}", "{place} promotes {topic} with new measures",
              "Delegation visits {place} to discuss {topic}", "{place} releases annual report on {topic}",
              "Officials inspect progress of {topic} in {place}", "{place} signs agreements on {topic}",
              "International forum on {topic} opens in {place}", "{place} improves services for {topic}")
_EN_SENTENCES = (
    "The government of {place} announced a series of measures to support {topic} this week.",
    "Officials said the measures would create a better environment for enterprises and residents.",
    "According to the local statistics bureau, the sector grew steadily in the first three quarters.",
    "Foreign companies are welcome to take part in the projects, a spokesperson said at the press conference.",
    "The city will continue to open up and strengthen cooperation with partners at home and abroad.",
    "More than two hundred representatives from government agencies and companies attended the meeting.",
    "Residents can find more information and contact details on the official website.",
    "The programme is expected to be completed by the end of next year.",
)
_CN_TITLES = ("{place}召开重点工作推进会", "{place}出台支持外贸发展若干措施", "{place}举办国际经贸洽谈会",
              "{place}发布年度政府工作报告解读", "{place}部署冬季安全生产工作")
_CN_PARAGRAPHS = (
    "近日，{place}召开专题会议，研究部署下一阶段重点工作。会议强调，要坚持稳中求进工作总基调，"
    "扎实做好各项工作，确保完成全年目标任务。",
    "会议要求，各部门要进一步提高思想认识，加强协调配合，切实把各项措施落到实处，推动经济社会持续健康发展。",
    "据介绍，今年以来全市对外开放水平不断提升，外贸进出口总额保持平稳增长，营商环境持续优化。",
)


@dataclass(frozen=True, slots=True)
class Item:
    title: str
    date: dt.date
    path: str
    chinese: str = ""          # "" | "title" | "paragraph" | "page" (how much of it is left in Chinese)


@dataclass(eq=False)
class ForeignSite:
    """One Chinese site and its editions (see the module docstring)."""

    platform: Platform
    host: str
    scheme: str
    place: str
    en_place: str
    cn_items: list[Item]
    discovery: str                        # text | switcher | hreflang | path
    label: str                            # the English link's text
    location: str                         # subdomain | /english/ | /en/
    edition: bool                         # an English edition is served
    dead_link: bool                       # the Chinese site links to an edition that answers 404
    date_style: str
    items: list[Item] = field(default_factory=list)        # news, newest first
    policies: list[Item] = field(default_factory=list)     # government section list
    services: tuple[str, ...] = ()
    contact: tuple[str, ...] = ()         # email | phone | form | faq
    second: str | None = None             # language code of a second edition
    untranslated: tuple[str, ...] = ()    # page keys with Chinese left: home | news | <article path>
    wrong: tuple[str, ...] = ()           # page keys entirely in Chinese: government | <article path>
    kinds: frozenset[str] = frozenset()   # site-level defect kinds

    # ------------------------------------------------------------------ addresses
    @property
    def base(self) -> str:
        return f"{self.scheme}://{self.host}"

    @property
    def edition_host(self) -> str:
        if self.location == "subdomain":
            bare = self.host[4:] if self.host.startswith("www.") else self.host
            return f"english.{bare}"
        return self.host

    @property
    def edition_prefix(self) -> str:
        return "" if self.location == "subdomain" else self.location.rstrip("/")

    @property
    def edition_url(self) -> str:
        return f"{self.scheme}://{self.edition_host}{self.edition_prefix}/"

    def second_url(self) -> str:
        return f"{self.base}/{self.second}/"

    def hosts(self) -> list[str]:
        return [self.host] + ([self.edition_host] if self.edition_host != self.host else [])

    def page_url(self, key: str) -> str:
        """The URL of an edition page key (home, a section, an article path)."""
        if key == "home":
            return self.edition_url
        if key.startswith("/"):
            return f"{self.scheme}://{self.edition_host}{key}"
        return f"{self.scheme}://{self.edition_host}{self.edition_prefix}/{key}/index.html"

    def defects(self) -> list[dict[str, str]]:
        url = self.platform.url.strip()
        out = [{"kind": k, "url": url} for k in sorted(self.kinds)]
        out += [{"kind": D.UNTRANSLATED_TEXT, "url": self.page_url(k)} for k in self.untranslated]
        out += [{"kind": D.WRONG_LANGUAGE_PAGE, "url": self.page_url(k)} for k in self.wrong]
        return out

    # ------------------------------------------------------------------ serving
    def respond(self, host: str, path: str) -> tuple[int, str | None, str]:
        """(status, location, html) for a request to one of this site's hosts."""
        if path == "/" or path == "/index.html":
            if host == self.host:
                return 200, None, self.chinese_home()
        if self.edition and host == self.edition_host and path.startswith(self.edition_prefix + "/"):
            rest = path[len(self.edition_prefix):]
            if rest in ("/", "/index.html"):
                return 200, None, self.en_home()
            for key, title in SECTIONS:
                if rest == f"/{key}/index.html":
                    return 200, None, self.en_section(key, title)
            for it in self.items + self.policies:
                if it.path == path:
                    return 200, None, self.en_article(it)
        if self.second and host == self.host and path in (f"/{self.second}/", f"/{self.second}/index.html"):
            return 200, None, self.second_home()
        if host == self.host and path.startswith("/xw/"):
            for it in self.cn_items:
                if it.path == path:
                    return 200, None, _page("zh-CN", it.title, f"<h1>{escape(it.title)}</h1><p>{it.date}</p>")
        return 404, None, _page("en" if host != self.host else "zh-CN", "404", "<h1>404 Not Found</h1>")

    # ------------------------------------------------------------------ Chinese site
    def chinese_home(self) -> str:
        head, top = "", ""
        target = self.edition_url if self.edition or self.dead_link else ""
        if target and self.discovery == "hreflang":
            head = f'<link rel="alternate" hreflang="en" href="{target}">\n'
        if target and self.discovery == "text":
            top = f'<a class="lang" href="{target}">{escape(self.label)}</a>'
        if target and self.discovery == "switcher":
            opts = f'<option value="{target}">English</option>'
            if self.second:
                opts += f'<option value="{self.second_url()}">{escape(SECOND[self.second][0])}</option>'
            top = f'<select class="lang" onchange="location.href=this.value"><option value="">语言选择</option>{opts}</select>'
        elif self.second:
            top += f' <a href="{self.second_url()}">{escape(SECOND[self.second][0])}</a>'
        lis = "".join(f'<li><a href="{it.path}">{escape(it.title)}</a><span>{it.date.isoformat()}</span></li>\n'
                      for it in self.cn_items)
        body = (f'<div class="top">{top}</div>\n<div class="header"><h1>{escape(self.platform.name)}</h1></div>\n'
                '<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a> '
                '<a href="/hdjl/">互动交流</a></div>\n'
                f'<div class="news"><h2>要闻动态</h2><ul>\n{lis}</ul></div>\n'
                f'<div class="footer">主办：{escape(self.platform.name)}</div>\n')
        return _page("zh-CN", self.platform.name, body, head=head)

    def second_home(self) -> str:
        assert self.second is not None
        label, text = SECOND[self.second]
        return _page(self.second, f"{self.en_place} — {label}",
                     f'<h1>{escape(self.en_place)}</h1><p>{escape(text.format(place=self.en_place))}</p>'
                     f'<p><a href="{self.base}/">中文</a> | <a href="{self.edition_url}">English</a></p>')

    # ------------------------------------------------------------------ English edition
    def fmt(self, d: dt.date) -> str:
        if self.date_style == "us":
            return f"{d:%b} {d.day}, {d.year}"
        if self.date_style == "uk":
            return f"{d.day} {d:%B} {d.year}"
        return d.isoformat()

    def _chrome(self, title: str, main: str, key: str) -> str:
        prefix = self.edition_prefix
        nav = "".join(f'<li><a href="{prefix}/{k}/index.html">{t}</a></li>' for k, t in SECTIONS)
        langs = f'<a href="{self.base}/">中文</a>'
        if self.second:
            langs += f' | <a href="{self.second_url()}">{escape(SECOND[self.second][0])}</a>'
        body = (f'<div class="top">{langs}</div>\n<div class="header"><h1>{escape(self.en_place)}</h1></div>\n'
                f'<div class="nav"><ul><li><a href="{prefix}/">Home</a></li>{nav}</ul></div>\n'
                f'<div class="main">\n{main}</div>\n'
                f'<div class="footer">Copyright &copy; {self.en_place}. All rights reserved.</div>\n')
        lang = "zh-CN" if key in self.wrong else "en"
        return _page(lang, title, body)

    def _title(self, it: Item) -> str:
        return it.title

    def _list(self, items: list[Item]) -> str:
        return "".join(f'<li><a href="{it.path}">{escape(self._title(it))}</a> <span class="date">{self.fmt(it.date)}'
                       "</span></li>\n" for it in items)

    def en_home(self) -> str:
        items = self.items[:8]
        if "home" in self.untranslated:
            items = [_chinese_title(it, self.place, j) if j in (1, 4) else it for j, it in enumerate(items)]
        main = (f'<div class="welcome"><p>Welcome to the official English website of {escape(self.en_place)}. '
                "Here you will find news, policies and services for foreign visitors, investors and residents.</p>"
                "</div>\n"
                f'<div class="news"><h2>News</h2><a class="more" href="{self.edition_prefix}/news/index.html">More</a>'
                f"<ul>\n{self._list(items)}</ul></div>\n")
        if self.services:
            entries = "".join(f'<li><a href="{self.edition_prefix}/services/index.html#s{i}">{escape(s)}</a></li>'
                              for i, s in enumerate(self.services))
            main += f'<div class="services"><h2>Services</h2><ul>{entries}</ul></div>\n'
        return self._chrome(f"{self.en_place} — Official Website", main, "home")

    def en_section(self, key: str, title: str) -> str:
        if key in self.wrong:      # the whole section left in Chinese
            paras = "".join(f"<p>{escape(p.format(place=self.place))}</p>" for p in _CN_PARAGRAPHS)
            return self._chrome(f"{self.place}政府信息", f"<h1>政府信息</h1>{paras}", key)
        if key == "news":
            items = self.items
            if "news" in self.untranslated:
                items = [_chinese_title(it, self.place, j) if j == 2 else it for j, it in enumerate(items)]
            main = f"<h1>News</h1><ul class=\"list\">\n{self._list(items)}</ul>\n"
        elif key == "government":
            main = (f"<h1>Government</h1><p>Policies, plans and announcements of {escape(self.en_place)}.</p>"
                    f'<ul class="list">\n{self._list(self.policies)}</ul>\n')
        elif key == "services":
            entries = "".join(f'<li id="s{i}">{escape(s)}: procedures, materials and contacts.</li>'
                              for i, s in enumerate(self.services))
            main = (f"<h1>Services</h1><ul>{entries}</ul>" if entries else
                    "<h1>Services</h1><p>This page is being updated.</p>")
        elif key == "contact":
            parts = []
            if "email" in self.contact:
                parts.append(f'<p>E-mail: <a href="mailto:english@{self.edition_host}">english@{self.edition_host}</a></p>')
            if "phone" in self.contact:
                parts.append("<p>Tel: +86-10-8000-1234</p>")
            if "form" in self.contact:
                parts.append('<form action="/feedback" method="post"><p>Your name <input name="name"></p>'
                             '<p>Message <textarea name="message"></textarea></p><button type="submit">Submit'
                             "</button></form>")
            if "faq" in self.contact:
                parts.append("<h2>Frequently Asked Questions</h2><p>Q: How do I apply for a work permit? "
                             "A: Please see the Services page.</p>")
            main = "<h1>Contact Us</h1>" + ("".join(parts) or "<p>Contact information is being updated.</p>")
        else:
            text = (f"{escape(self.en_place)} welcomes investors and visitors from all over the world."
                    if key == "investment" else
                    f"{escape(self.en_place)} has a long history, beautiful scenery and rich cultural heritage.")
            main = f"<h1>{title}</h1><p>{text}</p>"
        return self._chrome(f"{title} — {self.en_place}", main, key)

    def en_article(self, it: Item) -> str:
        rng = random.Random(f"{self.platform.id}:{it.path}")
        if it.path in self.wrong:
            title = _CN_TITLES[len(it.path) % len(_CN_TITLES)].format(place=self.place)
            paras = "".join(f"<p>{escape(p.format(place=self.place))}</p>" for p in _CN_PARAGRAPHS)
            return self._chrome(title, f"<h1>{escape(title)}</h1><p>{it.date.isoformat()}</p>{paras}", it.path)
        sentences = [s.format(place=self.en_place, topic=rng.choice(_EN_TOPICS)) for s in rng.sample(_EN_SENTENCES, 5)]
        paras = [" ".join(sentences[:3]), " ".join(sentences[3:])]
        if it.path in self.untranslated:
            paras.insert(1, _CN_PARAGRAPHS[len(it.path) % len(_CN_PARAGRAPHS)].format(place=self.place))
        body = "".join(f"<p>{escape(p)}</p>" for p in paras)
        return self._chrome(it.title, f"<h1>{escape(it.title)}</h1><p class=\"date\">{self.fmt(it.date)}</p>{body}",
                            it.path)


def _chinese_title(it: Item, place: str, j: int) -> Item:
    return Item(_CN_TITLES[j % len(_CN_TITLES)].format(place=place), it.date, it.path, "title")


def _page(lang: str, title: str, body: str, *, head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n")


def en_place_of(platform: Platform) -> str:
    """An English name for the edition: the host's label, capitalised (sandbox names are made up)."""
    label = platform.host.removeprefix("www.").split(".")[0].split("-")[0]
    return label.capitalize() + " Government"


def build_foreign_site(platform: Platform, seed: int, as_of: dt.date) -> ForeignSite:
    """Draw one Chinese site and its editions from the site's own stream."""
    rng = random.Random(f"{seed}:{platform.id}:foreign")
    place = platform.name
    for suffix in ("人民政府", "政府网站", "门户网站"):
        place = place.removesuffix(suffix)
    en_place = en_place_of(platform)
    r = [rng.random() for _ in range(6)]
    no_edition = r[0] < RATE_NO_EDITION
    dead_link = no_edition and r[1] < 0.4
    discovery = rng.choice(DISCOVERY)
    location = "/english/" if discovery == "path" else rng.choice(("subdomain", "/english/", "/en/"))
    cn_newest = as_of - dt.timedelta(days=rng.randint(0, 3))
    cn_items: list[Item] = []
    day = cn_newest
    for j in range(8):
        cn_items.append(Item(rng.choice(_CN_TITLES).format(place=place), day, f"/xw/{day:%Y%m%d}_{j}.html"))
        day -= dt.timedelta(days=rng.randint(0, 4))
    kinds: set[str] = set()
    site = ForeignSite(platform=platform, host=platform.host, scheme=platform.url.split("://", 1)[0].lower(),
                       place=place, en_place=en_place, cn_items=cn_items, discovery=discovery,
                       label=rng.choice(EN_LABELS), location=location, edition=not no_edition,
                       dead_link=dead_link, date_style=rng.choice(DATE_STYLES))
    if r[5] < RATE_SECOND_EDITION:
        site.second = rng.choice(sorted(SECOND))
    if no_edition:
        kinds.add(D.NO_FOREIGN_EDITION)
        site.second = None                # no edition in any language
        if not dead_link and discovery == "path":
            site.discovery = "text"       # nothing to find: no link, no path
        site.kinds = frozenset(kinds)
        return site
    stale = r[2] < RATE_STALE
    gap = rng.randint(*(STALE_GAP if stale else FRESH_GAP))
    if stale:
        kinds.add(D.STALE_FOREIGN_EDITION)
    prefix = site.edition_prefix
    day = cn_newest - dt.timedelta(days=gap)
    for j in range(rng.randint(10, 16)):
        title = rng.choice(_EN_TITLES).format(place=en_place, topic=rng.choice(_EN_TOPICS))
        site.items.append(Item(title, day, f"{prefix}/news/{day:%Y%m%d}_{rng.randint(100, 999)}{j}.html"))
        day -= dt.timedelta(days=rng.randint(1, 6) if not stale else rng.randint(5, 30))
    day = cn_newest - dt.timedelta(days=gap + rng.randint(3, 30))
    for j in range(rng.randint(4, 8)):
        title = f"Notice on {rng.choice(_EN_TOPICS)} ({day.year}, No. {rng.randint(1, 60)})"
        site.policies.append(Item(title, day, f"{prefix}/government/{day:%Y%m%d}_{rng.randint(100, 999)}{j}.html"))
        day -= dt.timedelta(days=rng.randint(10, 60))
    n_services = rng.randint(0, len(SERVICES))
    site.services = tuple(s.format(place=en_place) for s in rng.sample(SERVICES, n_services))
    site.contact = tuple(c for c in ("email", "phone", "form", "faq") if rng.random() < 0.6)
    newest = [it.path for it in site.items[:2]]
    untranslated: list[str] = []
    wrong: list[str] = []
    if r[3] < RATE_WRONG_LANGUAGE:
        pool = ["government"] + newest
        wrong = rng.sample(pool, rng.randint(1, 2))
    if r[4] < RATE_UNTRANSLATED:
        pool = [k for k in ["home", "news"] + newest if k not in wrong]
        untranslated = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    site.untranslated, site.wrong = tuple(untranslated), tuple(wrong)
    site.kinds = frozenset(kinds)
    return site


_LEVEL_MU = {"central": 9.5, "provincial": 8.8, "sub_provincial": 8.2, "prefecture": 7.4, "county": 6.6}


def overseas_row(site: ForeignSite, seed: int) -> dict[str, object]:
    """Overseas-influence signals of one site: heavy-tailed, higher for higher levels and sound editions."""
    rng = random.Random(f"{seed}:{site.platform.id}:overseas")
    quality = 0.2 if not site.edition else max(0.3, 1.0 - 0.35 * len(site.kinds) - 0.1 * len(site.untranslated + site.wrong))
    mu = _LEVEL_MU.get(site.platform.level, 7.0)
    common = rng.gauss(0.0, 0.7) + 1.2 * math.log(quality)
    tail = rng.paretovariate(2.5)
    return {"platform_id": site.platform.id,
            "overseas_visits": int(math.exp(mu + common + rng.gauss(0, 0.4)) * tail),
            "overseas_inlinks": int(math.exp(mu - 3.5 + 0.9 * common + rng.gauss(0, 0.5)) * tail),
            "foreign_media_mentions": int(math.exp(mu - 6.0 + common + rng.gauss(0, 0.6)) * tail)}


def generate_foreign_sites(n: int, seed: int, *, start: int = 1) -> list[Platform]:
    """``n`` made-up foreign_site platforms (ids ``fl-00001`` …) of real provinces, cities and counties."""
    from govlens.registry.model import region_of
    from govlens.sandbox.names import city_full, provinces

    rng = random.Random(f"{seed}:foreign_sites")
    pool: list[tuple[str, str, str, str, str]] = []       # (province, name, level, group, host label)
    for prov in provinces():
        pool.append((prov.name, f"{prov.full}人民政府", "provincial", "foreign_provincial", prov.pinyin))
        for city in prov.cities:
            level, group = (("sub_provincial", "foreign_sub_provincial_capital") if city.sub_provincial or city.capital
                            else ("prefecture", "foreign_prefecture"))
            pool.append((prov.name, f"{city_full(city)}人民政府", level, group, city.pinyin))
            pool += [(prov.name, f"{c.name}人民政府", "county", "foreign_county", c.pinyin) for c in city.counties]
        pool += [(prov.name, f"{prov.full}{d.name}人民政府", "county", "foreign_county", d.pinyin)
                 for d in prov.districts]
    picked = rng.sample(pool, min(n, len(pool)))
    out = []
    for i, (province, name, level, group, label) in enumerate(picked, start):
        out.append(Platform(id=f"fl-{i:05d}", name=name, kind="foreign_site", org_type="government", level=level,
                            province=province, region=region_of(province, level),
                            url=f"{rng.choice(('http', 'https'))}://www.{label}-gov{i}.cn/", group=group))
    return out
