"""A website's pages by path: homepage, columns, articles, services, topics, files and inspection pages.

One function, :func:`site_page`, maps a path of a :class:`~govlens.sandbox.site.Site` to its reply;
the routing (:mod:`govlens.sandbox.web_routes`) decides first whether the site answers at all
(outage, redirects, search) and caches what this returns.
"""
from __future__ import annotations

import re

from govlens.sandbox import families, render, render_services, site_files, style
from govlens.sandbox.inspection import guide_indices
from govlens.sandbox.replies import DOC, GIF, Reply, heavy_gif, html_reply, not_found_reply
from govlens.sandbox.site import Site, attachment_path

_ART = re.compile(r"^/art/\d{4}/\d{2}/\d{2}/art_\d+_\d+\.html$")
_COL = re.compile(r"^/col/([A-Za-z0-9_]+)/index\.html$")
_SVC = re.compile(r"^/fw/fw_(\d+)\.html$")
_ATTACHMENT = re.compile(r"^/fw/files/fw_(\d+)_sqb\.doc$")
_LETTER = re.compile(r"^/hdjl/letters/letter_(\d+)\.html$")
_TOPIC = re.compile(r"^/zt/zt(\d+)/index\.html$")
_SECTION = re.compile(r"^/([a-z]+)/index\.html$")
_IMAGE = re.compile(r"^/images/[A-Za-z0-9_.-]+\.(png|jpg|gif)$")
HOME_ALIASES = ("/", "/index.html", "/index.htm", "/index.shtml")


def site_page(site: Site, path: str) -> Reply:
    """The reply for one path of a site, rendered (the caller caches it)."""
    if path.startswith(("/hdjl/", "/fw/files/")):
        reply = _inspection_page(site, path)
        if reply is not None:
            return reply
    layout = families.pages(site.family)
    if path == site.home_path or (site.home_path == "/" and path in HOME_ALIASES):
        return html_reply(site, layout.home(site), home=True)
    m = _COL.match(path)
    if m:
        col = site.column_by_code(m.group(1))
        if col is not None:
            return html_reply(site, layout.column_page(site, col))
    elif _ART.match(path):
        hit = site.articles.get(path)
        if hit is not None:
            return html_reply(site, layout.article(site, *hit))
    elif path == render.HEAVY_IMAGE:
        return Reply(200, (("Content-Type", "image/gif"), ("Server", site.server)), heavy_gif())
    elif _IMAGE.match(path):
        return Reply(200, (("Content-Type", "image/gif"), ("Server", site.server)), GIF)
    elif path == "/css/style.css":
        return Reply(200, (("Content-Type", "text/css; charset=utf-8"), ("Server", site.server)),
                     style.stylesheet(site).encode("utf-8"))
    elif path == "/js/common.js":
        return Reply(200, (("Content-Type", "application/javascript; charset=utf-8"), ("Server", site.server)),
                     style.script(site).encode("utf-8"))
    elif path == "/favicon.ico":
        return Reply(200, (("Content-Type", "image/gif"), ("Server", site.server)), GIF)
    elif path == "/robots.txt":
        if site.robots:
            return Reply(200, (("Content-Type", "text/plain"), ("Server", site.server)),
                         site_files.robots(site).encode())
    elif path == "/sitemap.xml":
        if site.sitemap:
            return Reply(200, (("Content-Type", "application/xml"), ("Server", site.server)),
                         site_files.sitemap(site).encode())
    else:
        for rx, fn, limit in ((_SVC, render_services.service, site.n_services),
                              (_TOPIC, render.topic, site.n_topics)):
            m = rx.match(path)
            if m:
                i = int(m.group(1))
                if 1 <= i <= limit and m.group(1) == str(i):
                    return html_reply(site, fn(site, i))
                return not_found_reply(site)
        m = _SECTION.match(path)
        if m and m.group(1) in render.SECTIONS:
            return html_reply(site, render.section(site, m.group(1)))
    return not_found_reply(site)


def _inspection_page(site: Site, path: str) -> Reply | None:
    """Letters, the letter form and service-guide downloads (see :mod:`govlens.sandbox.inspection`)."""
    spec = site.inspection
    if path == "/hdjl/letters/index.html" and spec.channel:
        return html_reply(site, render_services.letters(site))
    if path == "/hdjl/write.html" and spec.channel:
        return html_reply(site, render_services.write_letter(site))
    m = _LETTER.match(path)
    if m and spec.channel:
        for letter in spec.letters:
            if str(letter.n) == m.group(1):
                return html_reply(site, render_services.letter(site, letter))
    m = _ATTACHMENT.match(path)
    if m and m.group(1).isdigit():
        i = int(m.group(1))
        if i in guide_indices(site.n_services) and i != spec.broken_attachment and path == attachment_path(i):
            return Reply(200, (("Content-Type", "application/msword"), ("Server", site.server)), DOC)
    return None
