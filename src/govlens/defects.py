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

ALL_KINDS: tuple[str, ...] = (
    SITE_DOWN, INTERMITTENT_OUTAGE, SLOW_RESPONSE, NO_HTTPS_REDIRECT,
    STALE_HOMEPAGE, STALE_COLUMN, EMPTY_COLUMN,
    BROKEN_INTERNAL_LINK, BROKEN_EXTERNAL_LINK,
    NO_VIEWPORT, MISSING_TITLE, MISSING_DESCRIPTION, IMAGE_WITHOUT_ALT, LOW_CONTRAST, NO_SITE_SEARCH,
)

URL_LEVEL_KINDS: frozenset[str] = frozenset({
    STALE_COLUMN, EMPTY_COLUMN, BROKEN_INTERNAL_LINK, BROKEN_EXTERNAL_LINK, IMAGE_WITHOUT_ALT, LOW_CONTRAST,
})
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

# --- what a visitor sees in a browser (网站设计, 版面布局, 色彩搭配, 网民体验): site-level, on the homepage,
# judged only by the browser probe (it renders a sample of sites, so matching is over the rendered ones)
RENDERED_LOW_CONTRAST = "rendered_low_contrast"  # the rendered homepage shows text under WCAG AA contrast
PHONE_OVERFLOW = "phone_overflow"              # the homepage is wider than a phone screen (fixed-width layout)
TINY_TEXT = "tiny_text"                        # most homepage text is set below 12 CSS px
SMALL_TAP_TARGETS = "small_tap_targets"        # many links are smaller than 24×24 px and crowded on a phone
HEAVY_PAGE = "heavy_page"                      # the homepage downloads more than the page-weight limit
LAYOUT_SHIFT = "layout_shift"                  # content moves after it is shown (cumulative layout shift)
SLOW_SCRIPT = "slow_script"                    # scripts block the main thread (total blocking time)
MISSING_PORTAL_PARTS = "missing_portal_parts"  # a standard portal part (header, navigation, footer …) is not shown

BROWSER_KINDS: tuple[str, ...] = (
    RENDERED_LOW_CONTRAST, PHONE_OVERFLOW, TINY_TEXT, SMALL_TAP_TARGETS, HEAVY_PAGE, LAYOUT_SHIFT, SLOW_SCRIPT,
    MISSING_PORTAL_PARTS,
)
ALL_KINDS = ALL_KINDS + BROWSER_KINDS
SITE_LEVEL_KINDS = frozenset(ALL_KINDS) - URL_LEVEL_KINDS
