"""``/robots.txt`` and ``/sitemap.xml`` of a sandbox site (plain text, no layout family)."""
from __future__ import annotations

from govlens.sandbox.site import Site


def robots(site: Site) -> str:
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /manage/", "Disallow: /cgi-bin/"]
    if site.robots_sitemap:
        lines.append(f"Sitemap: {site.base}/sitemap.xml")
    return "\n".join(lines) + "\n"


def sitemap(site: Site) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    newest = []
    for col in site.columns:
        items = site.items(col)
        if items:
            newest.append(items[0].date)
    out.append(f"<url><loc>{site.home_url}</loc>"
               + (f"<lastmod>{max(newest).isoformat()}</lastmod>" if newest else "") + "</url>\n")
    for col in site.columns:
        items = site.items(col)
        lm = f"<lastmod>{items[0].date.isoformat()}</lastmod>" if items else ""
        out.append(f"<url><loc>{site.base}{col.path}</loc>{lm}</url>\n")
        for it in items:
            out.append(f"<url><loc>{site.base}{it.path}</loc><lastmod>{it.date.isoformat()}</lastmod></url>\n")
    out.append("</urlset>\n")
    return "".join(out)
