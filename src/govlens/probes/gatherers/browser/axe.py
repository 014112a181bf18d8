"""Accessibility with axe-core: WCAG 2.1 A/AA violations by rule and impact, on the rendered page.

axe-core is the engine Lighthouse's accessibility category runs; the copy used is the one the
``axe-playwright-python`` package ships (``axe.min.js``), injected into the page — nothing is
fetched. Only the WCAG 2.0/2.1 level A and AA rules run (``TAGS``): those are what the 2019
national accessibility requirements (GB/T 37668-2019, 信息技术 互联网内容无障碍可访问性技术要求与测试方法)
adopt. ``color-contrast`` is judged on real rendered colours, after the stylesheet cascade.
"""
from __future__ import annotations

import json
from typing import Any

TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
MAX_NODES_PER_RULE = 5
_script: list[str] = []


def axe_script() -> str:
    """The text of ``axe.min.js`` shipped by axe-playwright-python (read once)."""
    if not _script:
        from axe_playwright_python.base import AXE_SCRIPT
        _script.append(AXE_SCRIPT)
    return _script[0]


def axe_version() -> str:
    head = axe_script()[:200]
    marker = "axe v"
    i = head.find(marker)
    return head[i + len(marker):].split()[0] if i >= 0 else ""


async def run_axe(page: Any) -> dict[str, Any]:
    """Violations (rule, impact, node count, a few targets), passing and incomplete rule ids."""
    await page.evaluate(axe_script())
    options = {"runOnly": {"type": "tag", "values": list(TAGS)}, "resultTypes": ["violations"]}
    raw = await page.evaluate(f"axe.run(document, {json.dumps(options)})")
    violations = []
    for v in raw.get("violations") or []:
        nodes = v.get("nodes") or []
        violations.append({
            "id": v.get("id"), "impact": v.get("impact"), "nodes": len(nodes), "help": v.get("help"),
            "tags": [t for t in v.get("tags") or [] if t.startswith("wcag")],
            "targets": [" ".join(map(str, n.get("target") or []))[:200] for n in nodes[:MAX_NODES_PER_RULE]],
            "snippets": [str(n.get("html") or "")[:300] for n in nodes[:MAX_NODES_PER_RULE]],
        })
    return {"engine": f"axe-core {raw.get('testEngine', {}).get('version') or axe_version()}", "tags": list(TAGS),
            "violations": violations, "passes": sorted(p.get("id") for p in raw.get("passes") or []),
            "incomplete": sorted(p.get("id") for p in raw.get("incomplete") or []),
            "inapplicable": len(raw.get("inapplicable") or [])}
