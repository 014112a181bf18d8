"""What a sandbox site offers the national inspection rules: letters, service guides, TLS, DNS, wording.

The 2013 notice's eight aspects are served by :mod:`govlens.sandbox.site`; this module adds
what the 2015 census and the 2019 inspection indicators check on top of them, with the
defects they look for:

- **interaction** (互动交流): a public letters list (信件公开) with question and reply dates, and
  a letter form. ``unanswered_letter``: a letter asked more than 90 days before ``as_of`` and
  never answered (URL-level, at the letter's page). ``no_interaction_channel``: no letters, no
  form, no mailbox link (only on sites whose columns hold no mailbox column either).
- **services** (办事服务): 办事指南 pages with the eight key elements (依据, 条件, 材料, 流程, 时限,
  收费, 地点, 电话) and a downloadable form. ``incomplete_service_guide``: a guide missing 1–3
  elements; ``broken_attachment``: a guide's form download answers 404 (both URL-level).
- **security**: ``expired_certificate`` (https answers with an expired certificate; only on
  sites served over http without a redirect, so the site itself stays readable);
  ``no_hsts`` (https without Strict-Transport-Security, on sites that use https: an https
  registry URL or a redirect from http);
  ``no_ipv6`` (the sandbox DNS server has no AAAA record for the host).
- **content**: ``wrong_wording`` (a serious wording error in the newest article of a column)
  and ``harmful_content`` (hidden spam text of a defaced page on the homepage), both URL-level.
- **robustness**: ``soft_404`` (unknown paths answer 200 with a "not found" page; only on sites
  without broken internal links or attachments, which a soft 404 would hide) and ``search_no_results`` (the
  site search finds nothing, whatever is asked).
- **availability over the monitor window**: ``site_unreachable`` — the homepage fails at least
  5 % of the monitor's visits (the census veto). Sites that are down or have intermittent
  outages fail all or half of their visits; *flaky* sites answer their first
  :data:`FLAKY_WARMUP` homepage requests and then fail a share :attr:`InspectionSpec.flaky_rate`
  of them (20–45 %), so a short scan sees a healthy site and only the monitor finds it out.

Every decision is drawn from its own stream ``f"{seed}:{platform.id}:inspection"``, so adding
these features changed nothing in the sites' earlier draws.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from govlens.contract import defects as D

RATE_UNANSWERED = 0.10          # sites with 1–2 letters unanswered for more than 3 months
RATE_NO_INTERACTION = 0.15      # of the sites without a mailbox column
RATE_INCOMPLETE_GUIDE = 0.15    # sites with 1–2 incomplete service guides
RATE_BROKEN_ATTACHMENT = 0.10   # sites with one guide whose form download is broken
RATE_EXPIRED_CERT = 0.45        # of the http sites that do not redirect to https
RATE_NO_HSTS = 0.25             # of the sites that redirect to https
RATE_NO_IPV6 = 0.45
RATE_WRONG_WORDING = 0.06
RATE_HARMFUL = 0.04
RATE_SOFT_404 = 0.08            # of the sites without broken internal links
RATE_SEARCH_BROKEN = 0.07       # of the sites with a search form
RATE_FLAKY = 0.06               # of the sites that are otherwise healthy

FLAKY_WARMUP = 8                # homepage requests a flaky site answers before it starts failing
LETTERS = (8, 16)               # letters published per site
GUIDE_ELEMENTS = ("设定依据", "受理条件", "申请材料", "办理流程", "办理时限", "收费标准", "办理地点", "咨询电话")

# Serious wording errors and defacement spam the sandbox injects. They are the sandbox's own
# text: the scanner's word lists live with the probes, and merely happen to know these phrases.
WRONG_PHRASES = ("中华人民共合国", "社会主意核心价值观", "全面建成小康杜会", "国务院办公听", "人民代表大汇",
                 "中国共产觉")
SPAM_TEXTS = ("六合彩开奖结果", "代开发票", "网上赌博平台", "办证刻章")
LETTER_TOPICS = ("小区停车难", "道路积水", "噪音扰民", "公交线路调整", "学区划分", "养老保险转移", "路灯损坏",
                 "农村饮水", "占道经营", "物业纠纷", "医保报销", "户籍迁移", "违章建筑", "垃圾清运")


@dataclass(frozen=True, slots=True)
class Letter:
    n: int
    title: str
    asked: dt.date
    replied: dt.date | None

    @property
    def path(self) -> str:
        return f"/hdjl/letters/letter_{self.n}.html"


@dataclass(slots=True)
class InspectionSpec:
    """The inspection-rule features of one site (see the module docstring)."""

    flags: frozenset[str]
    letters: list[Letter] = field(default_factory=list)
    guide_missing: dict[int, tuple[str, ...]] = field(default_factory=dict)   # service index → missing elements
    broken_attachment: int | None = None           # service index whose form download is broken
    wrong_wording: tuple[str, str] | None = None   # (column code, phrase): in the column's newest article
    harmful: str | None = None                     # spam text hidden on the homepage
    flaky_rate: float = 0.0

    @property
    def channel(self) -> bool:
        return D.NO_INTERACTION_CHANNEL not in self.flags


def guide_indices(n_services: int) -> list[int]:
    """Services whose page is a 办事指南 (one in six, as the sandbox names services)."""
    return [i for i in range(1, n_services + 1) if i % 6 == 0]


def build_inspection(*, seed: int, platform_id: str, as_of: dt.date, flags: frozenset[str], scheme: str,
                     column_codes: list[str], has_mailbox_column: bool, broken_internal: bool, n_services: int,
                     care: float) -> InspectionSpec:
    """Draw the inspection features of one site from its own stream."""
    rng = random.Random(f"{seed}:{platform_id}:inspection")
    r = [rng.random() for _ in range(12)]
    out: set[str] = set()
    down = D.SITE_DOWN in flags
    uses_https = scheme == "https" or D.NO_HTTPS_REDIRECT not in flags

    # --- interaction
    no_channel = not has_mailbox_column and r[0] < RATE_NO_INTERACTION * care
    letters: list[Letter] = []
    if no_channel:
        out.add(D.NO_INTERACTION_CHANNEL)
    else:
        letters, unanswered = _draw_letters(rng, as_of, unanswered=r[1] < RATE_UNANSWERED * care)
        if unanswered:
            out.add(D.UNANSWERED_LETTER)

    # --- services
    guides = guide_indices(n_services)
    guide_missing: dict[int, tuple[str, ...]] = {}
    if guides and r[2] < RATE_INCOMPLETE_GUIDE * care:
        for i in rng.sample(guides, min(len(guides), rng.randint(1, 2))):
            guide_missing[i] = tuple(rng.sample(GUIDE_ELEMENTS, rng.randint(1, 3)))
        out.add(D.INCOMPLETE_SERVICE_GUIDE)
    broken_attachment = rng.choice(guides) if guides and r[3] < RATE_BROKEN_ATTACHMENT * care else None
    if broken_attachment is not None:
        out.add(D.BROKEN_ATTACHMENT)

    # --- security
    if scheme == "http" and D.NO_HTTPS_REDIRECT in flags and r[4] < RATE_EXPIRED_CERT:
        out.add(D.EXPIRED_CERTIFICATE)
    if uses_https and r[5] < RATE_NO_HSTS * care:
        out.add(D.NO_HSTS)
    if r[6] < RATE_NO_IPV6 * care:
        out.add(D.NO_IPV6)

    # --- content
    wrong = None
    if column_codes and r[7] < RATE_WRONG_WORDING * care:
        wrong = (rng.choice(column_codes), rng.choice(WRONG_PHRASES))
    harmful = rng.choice(SPAM_TEXTS) if r[8] < RATE_HARMFUL * care else None

    # --- robustness
    if not broken_internal and broken_attachment is None and r[9] < RATE_SOFT_404 * care:
        out.add(D.SOFT_404)
    if D.NO_SITE_SEARCH not in flags and r[10] < RATE_SEARCH_BROKEN * care:
        out.add(D.SEARCH_NO_RESULTS)

    # --- availability over the monitor window
    flaky = 0.0
    if not (flags & {D.SITE_DOWN, D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE}) and r[11] < RATE_FLAKY * care:
        flaky = round(rng.uniform(0.20, 0.45), 2)
    if down or D.INTERMITTENT_OUTAGE in flags or flaky:
        out.add(D.SITE_UNREACHABLE)
    if down:   # nothing else of a site that never answers can be observed
        out &= {D.SITE_UNREACHABLE, D.NO_IPV6}
        letters, guide_missing, broken_attachment, wrong, harmful = [], {}, None, None, None
    return InspectionSpec(flags=frozenset(out), letters=letters, guide_missing=guide_missing,
                          broken_attachment=broken_attachment, wrong_wording=wrong, harmful=harmful,
                          flaky_rate=flaky)


def _draw_letters(rng: random.Random, as_of: dt.date, *, unanswered: bool) -> tuple[list[Letter], bool]:
    """The published letters, newest first; with ``unanswered``, 1–2 older ones never replied to."""
    letters: list[Letter] = []
    k = rng.randint(*LETTERS)
    n_unanswered = rng.randint(1, 2) if unanswered else 0
    never = set(rng.sample(range(3, k), n_unanswered)) if n_unanswered else set()
    day = as_of - dt.timedelta(days=rng.randint(1, 6))
    base = rng.randint(100, 9000)
    for j in range(k):
        topic = LETTER_TOPICS[(base + j * 5) % len(LETTER_TOPICS)]
        title = f"关于{topic}问题的反映"
        if j in never:
            asked = as_of - dt.timedelta(days=rng.randint(100, 300))
            letters.append(Letter(base + j, title, asked, None))
            continue
        asked = day
        if (as_of - asked).days < 10 and rng.random() < 0.5:
            letters.append(Letter(base + j, title, asked, None))      # recent: still being handled
        else:
            letters.append(Letter(base + j, title, asked, asked + dt.timedelta(days=rng.randint(1, 12))))
        day -= dt.timedelta(days=rng.randint(3, 20))
    letters.sort(key=lambda x: x.asked, reverse=True)
    return letters, bool(never)


def flaky_fails(seed: int, host: str, n: int, rate: float) -> bool:
    """Does the ``n``-th homepage request (1-based) of a flaky site fail? Deterministic."""
    if rate <= 0 or n <= FLAKY_WARMUP:
        return False
    return random.Random(f"{seed}:{host}:flaky:{n}").random() < rate
