"""Every default of govlens, one upper-case constant per knob, grouped by prefix, alphabetical.

A campaign file's ``[settings]`` table and the command line override these (see
:class:`govlens.settings.Settings`). Point values of national-inspection deductions are
not published; where a number here is ours rather than a published rule, it says so.
"""

# --- availability visits within one scan (the census monitors a week; a scan samples it)
AVAILABILITY_SPACING = 0.3          # seconds between visits to the homepage
AVAILABILITY_THREAD = True          # visits on their own event-loop thread: crawl load must not inflate timings
AVAILABILITY_VISITS = 3             # homepage visits per scan

# --- browser probe (Playwright driving Debian's chromium; renders each website's homepage on a desktop and a phone)
BROWSER_AXE = True                  # run axe-core (WCAG 2.1 A/AA rules) on the desktop render
BROWSER_CLS_LIMIT = 0.1             # cumulative layout shift above this is a layout_shift finding (Core Web Vitals "good" ends)
BROWSER_ENABLED = True              # render websites in a browser (off, or no browser: HTTP-only indicators)
BROWSER_EXECUTABLE = "/usr/bin/chromium"
BROWSER_JS_HEAP_MB = 512            # V8 heap bound per renderer
BROWSER_LEGIBLE_SHARE = 0.6         # below this share of phone text at >= BROWSER_MIN_TEXT_PX: tiny_text (Lighthouse font-size)
BROWSER_MIN_TEXT_PX = 12            # legible text size on a phone, CSS px (Lighthouse font-size audit)
BROWSER_NAV_TIMEOUT = 20.0          # seconds for one navigation to reach "load"
BROWSER_PAGES = 2                   # pages rendering at once (one Chromium, one page per render)
BROWSER_PAGE_WEIGHT_LIMIT_KIB = 4000  # homepage transfer above this is a heavy_page finding (Lighthouse median)
BROWSER_RECYCLE_AFTER = 40          # renders before the browser is restarted (bounds its memory)
BROWSER_RETRIES = 2                 # reloads of a homepage that answers 5xx (as a visitor would)
BROWSER_SAMPLE = 0                  # websites rendered: 0 = all, N = a deterministic sample of N
BROWSER_SCREENSHOT_DIR = ""         # keep full-size first-screen screenshots here (empty: thumbnails only, in the store)
BROWSER_SETTLE_MAX_MS = 5000        # ... and at most this long, however busy the page stays
BROWSER_SETTLE_MS = 1000            # wait after "load" before measuring, then until 600 ms without shifts or long tasks
BROWSER_TAP_FAIL_SHARE = 0.25       # above this share of crowded undersized tap targets: small_tap_targets
BROWSER_TBT_LIMIT_MS = 600          # total blocking time above this is a slow_script finding (Lighthouse "poor")
BROWSER_TIMEOUT = 60.0              # hard bound, seconds, on one website's renders (desktop, phone, axe)

# --- campaign
CHECK_DATE = ""                     # ISO date the evaluation is "as of"; empty = today

# --- crawl bounds (per site)
CRAWL_ARTICLES_PER_COLUMN = 1       # sampled article pages per column list
CRAWL_MAX_COLUMNS = 24              # column list pages fetched per site
CRAWL_MAX_LINKS_PER_PAGE = 400      # links kept from one page
CRAWL_MAX_PAGES = 60                # HTML pages fetched per site (homepage, columns, articles, search)

# --- concurrency
CONCURRENCY_PER_HOST = 4            # requests in flight to one host
CONCURRENCY_SITES = 64              # sites scanned at once
CONCURRENCY_TOTAL = 256             # requests in flight overall

# --- freshness windows (2015 census rules: news 2 weeks, notices and policy documents 6 months)
FRESHNESS_HOMEPAGE_DAYS = 14
FRESHNESS_NEWS_DAYS = 14
FRESHNESS_NOTICE_DAYS = 180
FRESHNESS_OTHER_DAYS = 365          # ours: columns that are neither news nor notices

# --- HTTP
HTTP_ALLOW_PRIVATE = False          # outside sandbox mode, allow loopback/private targets (intranet campaigns)
HTTP_MAX_BODY_BYTES = 5_000_000     # larger bodies are cut and the visit marked too_large
HTTP_MAX_REDIRECTS = 10
HTTP_SLOW_MS = 2000                 # homepage slower than this is a slow_response finding (ours)
HTTP_TIMEOUT = 15.0                 # seconds per request (census: a visit fails after 15 s)
HTTP_USER_AGENT = "govlens/0.1 (+https://github.com/govlens/govlens; government website evaluation)"

# --- link checking
LINKS_CACHE_SIZE = 200_000          # link results kept campaign-wide (each URL checked once per scan)
LINKS_CHECK_EXTERNAL = True
LINKS_MAX_PER_SITE = 1000           # links checked per site (homepage and column pages)
LINKS_TIMEOUT = 10.0

# --- report
REPORT_LOCALE = "zh-CN"

# --- robots.txt
ROBOTS_OBEY = True

# --- sandbox mode: registry hosts resolve to the local sandbox server
SANDBOX_STATE = ""                  # path of the sandbox.json written by `govlens sandbox serve`
