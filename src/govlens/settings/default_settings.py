"""Every default of govlens, one upper-case constant per knob, grouped by prefix, alphabetical.

A campaign file's ``[settings]`` table and the command line override these (see
:class:`govlens.settings.Settings`). An indicator's own thresholds are declared beside its code
(``THRESHOLDS`` in its module); those with a setting name (``BROWSER_CLS_LIMIT`` …) are settings too.
Point values of national-inspection deductions are not published; where a number here is ours rather than a
published rule, it says so.
"""

# --- availability visits within one scan (the census monitors a week; a scan samples it)
AVAILABILITY_SPACING = 0.3          # seconds between visits to the homepage
AVAILABILITY_THREAD = True          # visits on their own event-loop thread: crawl load must not inflate timings
AVAILABILITY_VISITS = 3             # homepage visits per scan

# --- browser probe (Playwright driving Debian's chromium; renders each website's homepage on a desktop and a phone)
BROWSER_AXE = True                  # run axe-core (WCAG 2.1 A/AA rules) on the desktop render
BROWSER_ENABLED = True              # render websites in a browser (off, or no browser: HTTP-only indicators)
BROWSER_EXECUTABLE = "/usr/bin/chromium"
BROWSER_JS_HEAP_MB = 512            # V8 heap bound per renderer
BROWSER_NAV_TIMEOUT = 20.0          # seconds for one navigation to reach "load"
BROWSER_PAGES = 2                   # pages rendering at once (one Chromium, one page per render)
BROWSER_RECYCLE_AFTER = 40          # renders before the browser is restarted (bounds its memory)
BROWSER_RETRIES = 2                 # reloads of a homepage that answers 5xx (as a visitor would)
BROWSER_SAMPLE = "auto"             # websites rendered: auto = all up to 2,000, beyond max(2,000, 2 %) stratified by
                                    # group × province; 0 = all; N = N by a hash of their ids (probes/…/browser/sample.py)
BROWSER_SCREENSHOT_DIR = ""         # keep full-size first-screen screenshots here (empty: thumbnails only, in the store)
BROWSER_SETTLE_MAX_MS = 5000        # ... and at most this long, however busy the page stays
BROWSER_SETTLE_MS = 1000            # wait after "load" before measuring, then until 600 ms without shifts or long tasks
BROWSER_TIMEOUT = 60.0              # hard bound, seconds, on one website's renders (desktop, phone, axe)

# --- campaign
CHECK_DATE = ""                     # ISO date the evaluation is "as of"; empty = today

# --- cluster: the scan on Dask (probes/distributed.py, docs/scale.md); neither set = in this process
CLUSTER_ADDRESS = ""                # the scheduler, "tcp://host:8786" (`govlens scan --cluster`)
CLUSTER_SHARD_SITES = 100           # platforms per task; a host's platforms are never split over tasks run at once
CLUSTER_WORKERS = 0                 # N > 0: start a LocalCluster of N worker processes (`govlens scan --workers N`)

# --- crawl bounds (per site)
CRAWL_ARTICLES_PER_COLUMN = 1       # sampled article pages per column list
CRAWL_MAX_COLUMNS = 24              # column list pages fetched per site
CRAWL_MAX_DEPTH = 2                 # levels of column pages followed below the homepage (hubs, then columns)
CRAWL_MAX_LINKS_PER_PAGE = 400      # links kept from one page
CRAWL_MAX_PAGES = 60                # HTML pages fetched per site (homepage, columns, articles, search)

# --- concurrency
CONCURRENCY_HOST_DELAY = 0.0        # seconds between the starts of two requests to one host (politeness)
CONCURRENCY_PER_HOST = 4            # requests in flight to one host
CONCURRENCY_SITES = 64              # sites scanned at once
CONCURRENCY_TOTAL = 256             # requests in flight overall

# --- DNS probe
DNS_NAMESERVERS = ""                # "10.0.0.53" or "10.0.0.53:5353, 10.0.0.54"; empty = the system's resolver
DNS_TIMEOUT = 5.0                   # seconds per query

# --- evidence: the pages behind findings, kept as WARC records (evidence.warc.gz in the campaign's output)
EVIDENCE_PAGE_BYTES = 2_000_000     # payload bytes kept per response (a longer page is cut, marked WARC-Truncated)
EVIDENCE_SPOOL_BYTES = 500_000_000  # the scan's spool of fetched responses stops growing at this size (bytes, gzipped)
EVIDENCE_TOTAL_BYTES = 100_000_000  # evidence.warc.gz stops at this size; later findings keep no record id
EVIDENCE_WARC = True                # keep the spool during the scan and write evidence.warc.gz after the indicators

# --- freshness windows: the published ones (FRESHNESS_HOMEPAGE_DAYS, _NEWS_DAYS, _NOTICE_DAYS) are
# declared with the census's other numbers in frameworks/published/census-2015.yaml (a campaign may set them)
FRESHNESS_OTHER_DAYS = 365          # ours: columns that are neither news nor notices

# --- HTTP
HTTP_ALLOW_NETWORKS = ()            # intranet allow-list: CIDRs ("10.20.0.0/16"), host names, "*.suffix"
HTTP_ALLOW_PRIVATE = False          # outside sandbox mode, allow loopback/private targets (intranet campaigns)
HTTP_DNS_SERVERS = ()               # resolve with these DNS servers ("ip" or "ip:port", via aiodns); () = the system's
HTTP_KEEPALIVE = 15.0               # seconds an idle connection is kept for the next request to its host
HTTP_MAX_BODY_BYTES = 5_000_000     # larger bodies are cut and the visit marked too_large
HTTP_MAX_DECOMPRESSED_BYTES = 10_000_000   # gzip/deflate/br bodies inflating past this are too_large
HTTP_MAX_REDIRECTS = 10
HTTP_RETRY_AFTER_MAX = 10.0         # 429/503 with Retry-After up to this many seconds are waited for and retried
HTTP_RETRY_TIMES = 1                # such retries per request
HTTP_TIMEOUT = 15.0                 # seconds per request (census: a visit fails after 15 s)
HTTP_USER_AGENT = "govlens/0.1 (+https://github.com/govlens/govlens; government website evaluation)"

# --- interaction (互动交流) probe
INTERACTION_MAX_LETTERS = 30        # published letters read per site
INTERACTION_MAX_PAGES = 6           # mailbox / consultation pages fetched per site (entries, then letter lists)
# INTERACTION_UNANSWERED_DAYS (census: 3 months): declared in frameworks/published/census-2015.yaml

# --- link checking
LINKS_CACHE_SIZE = 200_000          # link results kept campaign-wide (each URL checked once per scan)
LINKS_CHECK_EXTERNAL = True
LINKS_MAX_PER_SITE = 1000           # links checked per site (homepage and column pages)
LINKS_TIMEOUT = 10.0

# --- report
REPORT_LOCALE = "zh-CN"

# --- availability monitor (`govlens monitor`; census: one week, > 20 spaced visits a day, 15 s, veto at 5 %)
MONITOR_CONCURRENCY = 64            # visits in flight at once
MONITOR_DURATION = 604800.0         # seconds of the window (one week)
# MONITOR_FAIL_RATIO (census: 5 % of the visits): declared in frameworks/published/census-2015.yaml
MONITOR_IN_RUN = False              # `govlens run` monitors (a compressed window) between scan and score
MONITOR_READ_BYTES = 16384          # a visit reads the status and this much of the homepage (a small GET)
MONITOR_TIMEOUT = 15.0              # seconds: a visit fails when the homepage has not opened by then
MONITOR_VISITS = 147                # visits per site over the window (21 a day for a week)

# --- probes run by `govlens scan` and importers run by it (govlens.probes.components: Scrapy's component lists)
# dotted path → order, lower first (follow-up probes read what the ones before them saw); a campaign's
# PROBES / IMPORTERS table is merged over the *_BASE one, None (TOML: false) disabling an entry; PROBES as a
# list of short names ("http_site, tls") runs exactly those
IMPORTERS = {}
IMPORTERS_BASE = {                  # in dependency order; each module's CAMPAIGN_KEY names its file
    "govlens.probes.importers.newmedia_stats": 100, "govlens.probes.importers.newmedia_posts": 200,
    "govlens.probes.importers.newmedia_comments": 300, "govlens.probes.importers.newmedia_submissions": 400,
    "govlens.probes.importers.expert_recommendations": 500, "govlens.probes.importers.app_store": 600,
    "govlens.probes.importers.hotline_calls": 700, "govlens.probes.importers.materials": 800,
}
PROBES = {}
PROBES_BASE = {
    "govlens.probes.gatherers.http_site.HttpSiteProbe": 100,
    "govlens.probes.gatherers.search_query.SearchQueryProbe": 200,
    "govlens.probes.gatherers.interaction.InteractionProbe": 300,
    "govlens.probes.gatherers.service_guides.ServiceGuidesProbe": 400,
    "govlens.probes.gatherers.not_found.NotFoundProbe": 500,
    "govlens.probes.gatherers.page_weight.PageWeightProbe": 600,
    "govlens.probes.gatherers.tls.TlsProbe": 700,
    "govlens.probes.gatherers.dns_records.DnsProbe": 800,
    "govlens.probes.gatherers.mobile_portal.MobilePortalProbe": 900,
    "govlens.probes.gatherers.civilization.CivilizationProbe": 1000,
    "govlens.probes.gatherers.foreign_site.ForeignSiteProbe": 1100,
    "govlens.probes.gatherers.cn_domain.CnDomainProbe": 1200,
    "govlens.probes.gatherers.column.ColumnProbe": 1300,
    "govlens.probes.gatherers.mailbox.MailboxProbe": 1400,
}

# --- progress on the console (govlens.progress); a terminal gets bars, a pipe or log gets these lines
PROGRESS_EVERY = 50                 # a progress line after this many more platforms of a stage (pipe or log)
PROGRESS_PERIOD = 10.0              # ... or after this many seconds without one, whichever comes first

# --- robots.txt
ROBOTS_OBEY = True

# --- service guides (办事指南) probe
SERVICE_GUIDES_MAX = 30             # guide pages checked per site

# --- sandbox mode: registry hosts resolve to the local sandbox server
SANDBOX_STATE = ""                  # path of the sandbox.json written by `govlens sandbox serve`

# --- per-site bound
SITE_DEADLINE = 300.0               # seconds for every probe of one site; then it keeps what it has

# --- campaign store (DuckDB)
STORE_MEMORY_LIMIT = "256MB"        # DuckDB's memory for every stage, beyond which it spills to disk ("": 80 % of RAM)
STORE_SCAN_MEMORY_LIMIT = "64MB"    # ... while scanning, which only appends: beyond it DuckDB writes out, not grows

# --- wording check (严重错误, harmful content) on every fetched page
WORDING_CHECK = True
WORDING_FILE = ""                   # YAML word lists (serious_errors, harmful); empty = the shipped wording.yaml

# --- scoring (the composite-indicator engine; methods and weights live in the framework YAML)
SCORING_REPLICATIONS = -1           # Monte Carlo replications of the ranks: -1 = the framework's, 0 = none

# --- mobile portals (series 3): visited with a phone's user agent
MOBILE_MAX_RESOURCES = 30           # resources of the homepage weighed per portal
MOBILE_SCREEN_PX = 480              # a fixed width wider than this does not fit a phone (ours)
MOBILE_USER_AGENT = ("Mozilla/5.0 (Linux; Android 4.4.2; MI 3W Build/KOT49H) AppleWebKit/537.36 (KHTML, like Gecko) "
                     "Version/4.0 Chrome/30.0.0.0 Mobile Safari/537.36 govlens/0.1")

# --- new media (Weibo, WeChat; series 9)
NEWMEDIA_BOUGHT_MIN_FOLLOWERS = 500     # a follower jump smaller than this is never suspicious (ours)
NEWMEDIA_BOUGHT_MIN_JUMP = 0.10         # one day's growth ≥ this share of the followers before it … (ours)
NEWMEDIA_BOUGHT_MAX_READS_RATIO = 2.5   # … while reads and interactions per post stay under this multiple of
                                        # the account's median day (ours)
NEWMEDIA_DORMANT_DAYS = 14              # 2019 veto: no update in the 2 weeks before the check
NEWMEDIA_SAMPLE_POSTS = 200             # posts classified per account (stratified by week); 0 = every post
NEWMEDIA_SAMPLE_SEED = 2013             # seed of the post and comment samples (reproducible)
NEWMEDIA_SENTIMENT_SAMPLE = 80          # user comments scored for sentiment per account (simple random sample)
NEWMEDIA_WCI_VERSION = "2.0"            # "2.0" (published 2014, from statistics) or "14.2" (daily / per article, from posts)

# --- civilization-dissemination websites (文明网, series 6): topics read on the pages http_site crawled
CIVILIZATION_GROUPS = "civilization_provincial, civilization_city, civilization_column"   # "*": every website
CIVILIZATION_MAX_PAGES = 60         # crawled pages read again per site for their topics
CIVILIZATION_TOPICS_FILE = ""       # YAML topic lexicon; empty = the shipped civilization_topics.yaml

# --- foreign-language editions (外文版, series 7)
FOREIGN_ARTICLES_PER_LIST = 2       # dated items read from each list of the edition
FOREIGN_LANGUAGES = "en, fr, de, es, ru, ja, ko, ar, pt, it"   # languages an edition may be in (py3langid codes)
FOREIGN_LEXICON_FILE = ""           # YAML language labels, usual paths, service and interaction words; empty = shipped
FOREIGN_MAX_EDITIONS = 6            # candidate editions fetched per site
FOREIGN_MAX_PAGES = 16              # pages of the main edition read (homepage, sections, articles)

# --- featured columns (特色栏目, series 2): the `featured_column` probe and the column-2013 indicators
COLUMN_MAX_LIST_PAGES = 6           # list pages read per column (the pager is followed)
COLUMN_SAMPLE_ITEMS = 8             # items fetched per column, spread over its list, to measure their text


# --- expert review (`govlens review export` / `import`)
REVIEW_EXCLUDE_OWN = "region"       # an expert never reviews platforms of their own "region", "province", or "none"
REVIEW_MIN_AGREEMENT = 0.4          # an expert whose scores correlate less than this with the others' is an outlier (ours)
REVIEW_OUTLIER_Z = 3.0              # … or whose mean offset from the others is this many robust z-scores away
