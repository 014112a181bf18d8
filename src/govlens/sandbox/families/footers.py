"""Each family's footer: the same identity facts (:mod:`.identity`) in the family's own words and markup.

The footer's sponsor line carries class ``sponsor`` and its code / ICP line class ``idcode``
inside an element of class ``footer`` whatever the family, because the stylesheet hides
exactly those on sites whose spec hides a portal part (:mod:`govlens.sandbox.style`).
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from govlens.sandbox.families import identity as I

if TYPE_CHECKING:
    from govlens.sandbox.site import Site

_END = "</body>\n</html>\n"


def footer(site: Site) -> str:
    return _BY_FAMILY[site.family](site)


def _portal(site: Site) -> str:
    ident = site.identity
    assert ident is not None
    badge = I.badge(ident)
    return (f'<div class="footer" style="background-color:{site.footer_bg}"><div class="wrap">\n'
            + (f'<div class="badge" style="float:left">{badge}</div>\n' if badge else "")
            + '<p><a href="/wzdt/index.html">网站地图</a> | <a href="/lxwm/index.html">联系我们</a> | '
            '<a href="/zjxx/index.html">关于本站</a></p>\n'
            f'<p class="sponsor" style="color:#333333">{I.sponsor(ident, "主办单位：", "承办单位：")}</p>\n'
            f'<p class="idcode" style="color:#333333">'
            + I.join(I.site_code(site.site_code, ident, "政府网站标识码："), I.icp(site.icp, ident, link=False),
                     I.police(ident))
            + '　<img src="/images/jiucuo.png" alt="政府网站找错"></p>\n'
            f'<p class="contact" style="color:#333333">地址：{escape(ident.address)}　联系电话：{ident.phone}</p>\n'
            "</div></div>\n" + _END)


def _sitemap_block(site: Site) -> str:
    """The footer site map TRS templates print on every page: column links, no dates."""
    links = "".join(f'<a href="{c.path}">{c.name}</a>' for c in site.columns)
    return f'<div class="dhlm"><span>网站导航：</span>{links}</div>\n'


def _trs(site: Site) -> str:
    ident = site.identity
    assert ident is not None
    return ('<div class="footer" style="background-color:%s">\n' % site.footer_bg + _sitemap_block(site)
            + '<div class="copyright"><table width="100%" align="center" cellpadding="0" cellspacing="0"><tr>'
            f'<td class="inspection-id" width="12%">{I.badge(ident)}</td><td>\n'
            '<p class="footer-nav"><a href="/zjxx/index.html">关于我们</a>|<a href="/wzdt/index.html">网站地图</a>|'
            '<a href="/lxwm/index.html">联系我们</a></p>\n'
            f'<p class="sponsor" style="color:#333333">{I.sponsor(ident, "主办：", "承办：", "　　")}</p>\n'
            '<p class="idcode" style="color:#333333">'
            + I.join(I.icp(site.icp, ident), I.police(ident), I.site_code(site.site_code, ident, "网站标识码："),
                     sep=" ")
            + "</p>\n"
            f'<p class="contact" style="color:#333333">联系电话：{ident.phone}　电子邮箱：{ident.email}</p>\n'
            "</td></tr></table></div>\n</div>\n" + _END)


def _jcms(site: Site) -> str:
    ident = site.identity
    assert ident is not None
    return (f'<div class="footer" style="background-color:{site.footer_bg}">\n'
            '<table border="0" cellpadding="0" cellspacing="0" width="100%" style="max-width:1200px;margin:0 auto"><tbody><tr>\n'
            f'<td align="center" valign="middle" width="15%">{I.badge(ident)}</td>\n<td align="center">\n'
            '<p><a href="/zjxx/index.html">安全隐私</a> 丨 <a href="/lxwm/index.html">联系我们</a> 丨 '
            '<a href="/wzdt/index.html">网站地图</a></p>\n'
            f'<p class="sponsor" style="color:#333333">{I.sponsor(ident, "主办单位：", "承办单位：", "&nbsp;&nbsp;&nbsp;")}'
            "</p>\n"
            '<p class="idcode" style="color:#333333">'
            + I.join(I.icp(site.icp, ident, label="备案号："), I.site_code(site.site_code, ident, "网站标识码："),
                     I.police(ident), sep=" ")
            + "</p>\n"
            f'<p class="contact" style="color:#333333">地址：{escape(ident.address)}　电话：{ident.phone}</p>\n'
            "</td>\n</tr></tbody></table>\n</div>\n" + _END)


def _table(site: Site) -> str:
    ident = site.identity
    assert ident is not None
    return ('<table class="footer" width="100%" border="0" align="center" cellpadding="0" cellspacing="0" '
            f'bgcolor="{site.footer_bg}" style="background-color:{site.footer_bg}"><tr>\n'
            '<td height="90" align="center" style="color:#333333;line-height:24px">'
            f'<span class="sponsor">{I.sponsor(ident, "主办：", "承办：")}</span><br>\n'
            f"地址：{escape(ident.address)}　联系电话：{ident.phone}<br>\n"
            '<span class="idcode">'
            + I.join(I.icp(site.icp, ident, label="ICP备案号：", link=False),
                     I.site_code(site.site_code, ident, "网站标识码："), I.police(ident))
            + "</span>\n</td>\n"
            f'<td width="12%" align="center">{I.badge(ident)}</td>\n</tr></table>\n' + _END)


_BY_FAMILY = {"portal": _portal, "trs": _trs, "jcms": _jcms, "table": _table}
