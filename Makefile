# The README's two commands: `make demo` and `make test`. Each sets up .venv when needed.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= demo-out
SITES  ?=
BROWSER_SAMPLE ?=
# Debian packages the browser probe needs (Playwright drives Debian's chromium; no `playwright install`),
# and WeasyPrint's Pango for notice.pdf / inspection.pdf (fonts-noto-cjk serves both and the charts)
BROWSER_PACKAGES := chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0

.PHONY: demo test test-quick setup clean browser

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# Installs chromium, CJK fonts and Pango with apt-get when missing (needs root; without chromium govlens runs
# HTTP-only; without fonts-noto-cjk and Pango the report stage stops with a message naming them).
browser:
	@if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing $(BROWSER_PACKAGES) with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES) >/dev/null; \
	else echo "note: no chromium at /usr/bin/chromium (apt-get install $(BROWSER_PACKAGES) as root); the browser probe is skipped"; fi

demo: $(STAMP) browser
	$(VENV)/bin/govlens demo --out $(OUT) $(if $(SITES),--sites $(SITES)) $(if $(BROWSER_SAMPLE),--browser-sample $(BROWSER_SAMPLE))

test: $(STAMP) browser
	$(PY) -m pytest -q

# The quick tier: no session demo, no Chromium, no whole-scan subprocess tests (tiers: tests/conftest.py)
test-quick: $(STAMP) browser
	$(PY) -m pytest -q -m "not slow and not browser and not e2e"

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
