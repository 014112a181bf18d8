"""The defect-kind vocabulary: the only thing the sandbox and the scanner share.

The sandbox injects defects of these kinds and writes them to its ground truth; the
indicators report findings of the same kinds in ``findings.csv``. Nothing else passes
between them, so detection rates measured against the truth are honest.

Each kind is either *site-level* (one per platform; the URL is the homepage) or
*URL-level* (one per offending URL: a column list page, a broken link's target, a page
with the problem). Matching findings against truth uses (platform, kind) for site-level
kinds and (platform, kind, URL without scheme) for URL-level kinds.
"""
from __future__ import annotations

from urllib.parse import urlsplit

# --- availability (网站访问)
SITE_DOWN = "site_down"                        # homepage failed on every visit
INTERMITTENT_OUTAGE = "intermittent_outage"    # some homepage visits failed, some worked
SLOW_RESPONSE = "slow_response"                # homepage answered slower than the setting
NO_HTTPS_REDIRECT = "no_https_redirect"        # http:// is served without redirecting to https://
# --- freshness (信息传播)
STALE_HOMEPAGE = "stale_homepage"              # newest dated homepage item older than 2 weeks
STALE_COLUMN = "stale_column"                  # URL-level: column list page not updated within its window
EMPTY_COLUMN = "empty_column"                  # URL-level: column list page with no items
# --- links (网民体验)
BROKEN_INTERNAL_LINK = "broken_internal_link"  # URL-level: target on the same site fails
BROKEN_EXTERNAL_LINK = "broken_external_link"  # URL-level: target on another host fails
# --- page quality (网站设计, 搜索引擎, 色彩搭配, 网民体验)
NO_VIEWPORT = "no_viewport"                    # homepage has no <meta name="viewport">
MISSING_TITLE = "missing_title"                # homepage has no or an empty <title>
MISSING_DESCRIPTION = "missing_description"    # homepage has no meta description
IMAGE_WITHOUT_ALT = "image_without_alt"        # URL-level: page with <img> lacking alt
LOW_CONTRAST = "low_contrast"                  # URL-level: page with text under WCAG AA contrast (inline styles)
NO_SITE_SEARCH = "no_site_search"              # homepage has no site-search form

# --- national inspection rules (2015 census, 2019 indicators)
SITE_UNREACHABLE = "site_unreachable"          # homepage failed >= 5 % of the monitor's visits (census veto)
UNANSWERED_LETTER = "unanswered_letter"        # URL-level: a published letter unanswered for more than 3 months
NO_INTERACTION_CHANNEL = "no_interaction_channel"  # no mailbox, letters or consultation form found
INCOMPLETE_SERVICE_GUIDE = "incomplete_service_guide"  # URL-level: 办事指南 missing key elements
BROKEN_ATTACHMENT = "broken_attachment"        # URL-level: a service guide's download that fails
EXPIRED_CERTIFICATE = "expired_certificate"    # https answers with an expired certificate
NO_HSTS = "no_hsts"                            # a site using https sends no Strict-Transport-Security
NO_IPV6 = "no_ipv6"                            # no AAAA record for the site's host
WRONG_WORDING = "wrong_wording"                # URL-level: page with a serious wording error
HARMFUL_CONTENT = "harmful_content"            # URL-level: page with harmful or spam content
SOFT_404 = "soft_404"                          # a path that does not exist answers 200
SEARCH_NO_RESULTS = "search_no_results"        # the site search finds nothing for words in the site's titles

WEBSITE_KINDS: tuple[str, ...] = (              # the kinds an HTTP scan of websites can find
    SITE_DOWN, INTERMITTENT_OUTAGE, SLOW_RESPONSE, NO_HTTPS_REDIRECT,
    STALE_HOMEPAGE, STALE_COLUMN, EMPTY_COLUMN,
    BROKEN_INTERNAL_LINK, BROKEN_EXTERNAL_LINK,
    NO_VIEWPORT, MISSING_TITLE, MISSING_DESCRIPTION, IMAGE_WITHOUT_ALT, LOW_CONTRAST, NO_SITE_SEARCH,
    SITE_UNREACHABLE, UNANSWERED_LETTER, NO_INTERACTION_CHANNEL, INCOMPLETE_SERVICE_GUIDE, BROKEN_ATTACHMENT,
    EXPIRED_CERTIFICATE, NO_HSTS, NO_IPV6, WRONG_WORDING, HARMFUL_CONTENT, SOFT_404, SEARCH_NO_RESULTS,
)

# --- what a visitor sees in a browser (网站设计, 版面布局, 色彩搭配, 网民体验): site-level, on the homepage,
# judged only by the browser probe (it renders a sample of sites, so matching is over the rendered ones)
RENDERED_LOW_CONTRAST = "rendered_low_contrast"  # the rendered homepage shows text under WCAG AA contrast
PHONE_OVERFLOW = "phone_overflow"              # the homepage is wider than a phone screen (fixed-width layout)
TINY_TEXT = "tiny_text"                        # most homepage text is set below 12 CSS px
SMALL_TAP_TARGETS = "small_tap_targets"        # many links are smaller than 24×24 px and crowded on a phone
HEAVY_PAGE = "heavy_page"                      # the homepage with its resources weighs more than the limit
                                               # (rendered websites; mobile portals read over HTTP)
LAYOUT_SHIFT = "layout_shift"                  # content moves after it is shown (cumulative layout shift)
SLOW_SCRIPT = "slow_script"                    # scripts block the main thread (total blocking time)
MISSING_PORTAL_PARTS = "missing_portal_parts"  # a standard portal part (header, navigation, footer …) is not shown
BROWSER_KINDS: tuple[str, ...] = (
    RENDERED_LOW_CONTRAST, PHONE_OVERFLOW, TINY_TEXT, SMALL_TAP_TARGETS, HEAVY_PAGE, LAYOUT_SHIFT, SLOW_SCRIPT,
    MISSING_PORTAL_PARTS,
)

# --- new media (政务微博微信, series 9); site-level, the URL is the account's registry URL
DORMANT_ACCOUNT = "dormant_account"            # no post in the 2 weeks before the check date (2019 veto)
BOUGHT_FOLLOWERS = "bought_followers"          # follower jump(s) matched by no rise in reads or interaction
OVER_REPORTED = "over_reported"                # a self-submitted figure exceeds the measured one beyond tolerance
NEWMEDIA_KINDS: tuple[str, ...] = (DORMANT_ACCOUNT, BOUGHT_FOLLOWERS, OVER_REPORTED)
# --- mobile portals (移动门户, series 3); site-level. A mobile portal may also show no_viewport,
# slow_response and broken_internal_link, judged with a phone's user agent.
FIXED_WIDTH_LAYOUT = "fixed_width_layout"      # homepage lays out wider than a phone screen (fixed widths)
STALE_APP = "stale_app"                        # the portal's app not updated for a year before the check
MOBILE_KINDS: tuple[str, ...] = (HEAVY_PAGE, FIXED_WIDTH_LAYOUT, STALE_APP)

# --- civilization-dissemination websites (文明网, series 6); site-level
CIVILIZATION_TOPIC_MISSING = "civilization_topic_missing"  # a core topic of 文明传播 (core values, volunteer service,
                                               # moral models) appears nowhere on the pages crawled
CIVILIZATION_KINDS: tuple[str, ...] = (CIVILIZATION_TOPIC_MISSING,)
# --- foreign-language editions (外文版, series 7); the platform's URL is its Chinese site
NO_FOREIGN_EDITION = "no_foreign_edition"      # no working foreign-language edition is reached from the Chinese site
STALE_FOREIGN_EDITION = "stale_foreign_edition"  # the edition's newest item lags far behind the Chinese site's newest
UNTRANSLATED_TEXT = "untranslated_text"        # URL-level: an edition page with Chinese text left untranslated
WRONG_LANGUAGE_PAGE = "wrong_language_page"    # URL-level: an edition page that is not in the edition's language
FOREIGN_KINDS: tuple[str, ...] = (NO_FOREIGN_EDITION, STALE_FOREIGN_EDITION, UNTRANSLATED_TEXT, WRONG_LANGUAGE_PAGE)
# --- Chinese government domain names (.政务, series 8): the seed's four check points; site-level
CN_DOMAIN_UNREGISTERED = "cn_domain_unregistered"  # DNS says the name does not exist (NXDOMAIN)
CN_DOMAIN_UNREACHABLE = "cn_domain_unreachable"    # registered, but no web page answers through the name
CN_DOMAIN_NO_SITE = "cn_domain_no_site"            # the name answers, but with no independent website (parking page)
CN_DOMAIN_NOT_SHOWN = "cn_domain_not_shown"        # the website's homepage header and footer do not show the name
CN_DOMAIN_KINDS: tuple[str, ...] = (CN_DOMAIN_UNREGISTERED, CN_DOMAIN_UNREACHABLE, CN_DOMAIN_NO_SITE,
                                    CN_DOMAIN_NOT_SHOWN)

# --- featured columns, leader mailboxes and citizen hotlines (特色栏目, 领导信箱, 市民热线; series 2 and 3);
# site-level, the URL is the platform's registry URL
COLUMN_NOT_UPDATED = "column_not_updated"      # a featured column's newest item is older than COLUMN_STALE_DAYS
COLUMN_THIN_CONTENT = "column_thin_content"    # most sampled items of a featured column have no substantive text
COLUMN_QUERY_BROKEN = "column_query_broken"    # the column's query form errs or finds nothing for words it shows
MAILBOX_FORM_BROKEN = "mailbox_form_broken"    # a test letter through the mailbox form gets no receipt (sandbox only)
MAILBOX_NO_REPLIES = "mailbox_no_replies"      # the mailbox publishes letters, none of them answered
HOTLINE_UNANSWERED = "hotline_unanswered"      # test calls answered below HOTLINE_MIN_ANSWER_RATE
HOTLINE_SLOW = "hotline_slow"                  # answered test calls waited longer than HOTLINE_MAX_WAIT_S (median)
SERIES23_KINDS: tuple[str, ...] = (COLUMN_NOT_UPDATED, COLUMN_THIN_CONTENT, COLUMN_QUERY_BROKEN,
                                   MAILBOX_FORM_BROKEN, MAILBOX_NO_REPLIES, HOTLINE_UNANSWERED, HOTLINE_SLOW)

# --- site identity and compliance (2017 government-website guidelines, national inspection): what every page
# must show in its footer and <head>; site-level on the homepage unless noted
MISSING_SITE_CODE = "missing_site_code"        # the homepage footer shows no 网站标识码
SITE_CODE_MISMATCH = "site_code_mismatch"      # the footer's 网站标识码 and the SiteIDCode meta disagree
MISSING_ICP = "missing_icp"                    # the homepage shows no ICP 备案 number
MISSING_POLICE_RECORD = "missing_police_record"  # the homepage shows no 公安机关备案号
MISSING_SPONSOR = "missing_sponsor"            # the homepage shows no 主办单位
MISSING_CONAC_BADGE = "missing_conac_badge"    # the homepage shows no 党政机关网站 identification badge
MISSING_GUIDELINE_META = "missing_guideline_meta"  # URL-level: a column or article page without the <meta> its role needs
COMPLIANCE_KINDS: tuple[str, ...] = (MISSING_SITE_CODE, SITE_CODE_MISMATCH, MISSING_ICP, MISSING_POLICE_RECORD,
                                     MISSING_SPONSOR, MISSING_CONAC_BADGE, MISSING_GUIDELINE_META)

ALL_KINDS: tuple[str, ...] = tuple(dict.fromkeys(WEBSITE_KINDS + BROWSER_KINDS + NEWMEDIA_KINDS + MOBILE_KINDS
                                                   + CIVILIZATION_KINDS + FOREIGN_KINDS + CN_DOMAIN_KINDS
                                                   + SERIES23_KINDS + COMPLIANCE_KINDS))

URL_LEVEL_KINDS: frozenset[str] = frozenset({
    STALE_COLUMN, EMPTY_COLUMN, BROKEN_INTERNAL_LINK, BROKEN_EXTERNAL_LINK, IMAGE_WITHOUT_ALT, LOW_CONTRAST,
    UNANSWERED_LETTER, INCOMPLETE_SERVICE_GUIDE, BROKEN_ATTACHMENT, WRONG_WORDING, HARMFUL_CONTENT,
})
URL_LEVEL_KINDS |= frozenset({UNTRANSLATED_TEXT, WRONG_LANGUAGE_PAGE})   # series 7
URL_LEVEL_KINDS |= frozenset({MISSING_GUIDELINE_META})                   # compliance
SITE_LEVEL_KINDS: frozenset[str] = frozenset(ALL_KINDS) - URL_LEVEL_KINDS


def match_key(platform_id: str, kind: str, url: str | None) -> tuple[str, str, str]:
    """The key under which a finding and a truth entry are the same defect."""
    if kind not in URL_LEVEL_KINDS:
        return (platform_id, kind, "")
    return (platform_id, kind, url_without_scheme(url or ""))


def url_without_scheme(url: str) -> str:
    """``https://Host/a/b?x`` → ``host/a/b?x``: http and https forms of one page compare equal."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")
