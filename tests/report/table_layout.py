"""Measuring a rendered page's tables in Chromium: overflow of their container and crushed cells.

A table is *contained* when it sits in a scroll box of its own (an ancestor with ``overflow-x``
other than ``visible``), or when it is no wider than its parent's content box; and the page itself
never scrolls sideways. A cell is *crushed* when its content box is narrower than four characters of
its own text, measured in the cell's own font (so CJK and Latin are both judged by their glyphs).
"""
from __future__ import annotations

from typing import Any

MEASURE = r"""
() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    problems.push({what: "page", detail: `page scrolls sideways: ${doc.scrollWidth} > ${window.innerWidth}`});
  }
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre;left:-9999px;top:0";
  document.body.appendChild(probe);
  const describe = (el) => {
    const t = el.closest("table");
    let h = t;
    while (h && !/^H[1-4]$/.test(h.tagName)) { h = h.previousElementSibling || h.parentElement; }
    const cap = (t?.querySelector("caption")?.textContent || h?.textContent || "") + " / " +
                (t?.querySelector("thead th")?.textContent || "");
    return cap.trim().slice(0, 30);
  };
  let tables = 0, cells = 0;
  for (const table of document.querySelectorAll("table")) {
    if (!table.offsetParent && getComputedStyle(table).position !== "fixed") continue;   // hidden
    tables++;
    let scrolls = false;
    for (let a = table.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") { scrolls = true; break; }
    }
    if (!scrolls) {
      const parent = table.parentElement, cs = getComputedStyle(parent);
      const inner = parent.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const width = table.getBoundingClientRect().width;
      if (width > inner + 1) {
        problems.push({what: "table", table: describe(table),
                       detail: `table ${Math.round(width)} px wide in a ${Math.round(inner)} px container`});
      }
    }
    for (const cell of table.querySelectorAll("th, td")) {
      const text = (cell.innerText || "").replace(/\s+/g, "");
      if ([...text].length < 4) continue;
      cells++;
      const cs = getComputedStyle(cell);
      probe.style.font = cs.font;
      probe.style.letterSpacing = cs.letterSpacing;
      probe.textContent = [...text].slice(0, 4).join("");
      const need = probe.getBoundingClientRect().width;
      const have = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (have + 0.5 < need) {
        problems.push({what: "cell", table: describe(cell), text: text.slice(0, 20),
                       detail: `cell ${have.toFixed(1)} px < 4 characters ${need.toFixed(1)} px`});
      }
    }
  }
  probe.remove();
  return {tables, cells, problems};
}
"""


def measure(page: Any) -> dict[str, Any]:
    """``{"tables": n, "cells": n, "problems": [...]}`` for the page as it is rendered now."""
    return page.evaluate(MEASURE)


def chromium_or_skip() -> str:
    """Debian's Chromium for Playwright; a failure (or a skip with GOVLENS_ALLOW_NO_BROWSER=1) without it."""
    import os

    import pytest

    from govlens.probes.gatherers.browser.pool import find_browser
    from govlens.settings import Settings

    path = find_browser(Settings())
    if path is None:
        if os.environ.get("GOVLENS_ALLOW_NO_BROWSER") == "1":
            pytest.skip("no chromium on this machine (GOVLENS_ALLOW_NO_BROWSER=1)")
        pytest.fail("no browser at /usr/bin/chromium: `apt-get install chromium fonts-noto-cjk` (see .ci/run)")
    return path


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]
