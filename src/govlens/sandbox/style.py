"""The stylesheet (``/css/style.css``) and script (``/js/common.js``) of each sandbox site.

Healthy sites get a responsive stylesheet: a 1200 px frame that narrows to the screen, column
blocks that stack on a phone, text of 14 px, links spaced for fingers, contrast of 7:1 or
more, and a script that does nothing visible. The browser-visible defects a site spec carries
(:attr:`govlens.sandbox.site.Site.visual`, ``css_low_contrast``, ``hidden_parts``) are written
here as real CSS rules and script, exactly where a browser — and only a browser — sees them:

- low contrast: grey list links and dates set by a stylesheet rule (no inline style);
- phone overflow: a fixed 1200 px frame and column blocks that never stack;
- tiny text: 10 px body and list text;
- small tap targets: list and service links packed into 16 px lines;
- layout shift: a 700 px notice bar inserted above the content after the first frames (CLS ≈ 0.23);
- slow script: a long busy task on the main thread just after load;
- missing portal parts: the header, the navigation or the footer's sponsor / ICP / site-code
  lines hidden with ``display:none``.
"""
from __future__ import annotations

from govlens.contract import defects as D
from govlens.sandbox.site import Site

BASE = """html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",SimSun,sans-serif;font-size:14px;color:#222222;background:#ffffff}
a{text-decoration:none;color:#0645ad}a:hover{text-decoration:underline}
img{max-width:100%}
.wrap{max-width:1200px;margin:0 auto}
.header{min-height:120px}.header .logo img{height:64px;width:64px;vertical-align:middle}
.header .site-name{display:inline-block;margin:28px 12px;font-size:28px;vertical-align:middle}
.tools{float:right;padding:8px 12px}.tools button{min-height:28px;margin:0 4px;padding:0 8px;font-size:14px}
.search{float:right;padding:40px 12px}.search input{height:28px}.search button{height:32px;min-width:48px}
.nav ul{list-style:none;margin:0;padding:0;overflow:hidden}.nav li{float:left;padding:0 22px;line-height:44px}
.col-block{float:left;width:380px;margin:10px 9px;border-top:2px solid #0b3d91}
.col-block h2{font-size:16px;margin:8px 0;display:inline-block}.col-block .more{float:right;line-height:36px}
.col-block ul{list-style:none;padding:0}.col-block li{line-height:30px;overflow:hidden}
.col-block span.date,.list span.date{float:right}.col-block .date,.list .date{color:#444444}
.col-block td,.list td{line-height:30px}
.quick{clear:both;line-height:36px;padding:6px 0}
.grid a{display:inline-block;width:180px;line-height:32px}
.side{float:left;width:220px}.main{overflow:hidden;padding:0 12px}
.list{list-style:none;padding:0}.list li{line-height:32px}
.yqlj{line-height:32px;padding:8px 0}
.footer{clear:both;padding:20px 0;text-align:center;line-height:26px}
@media (max-width:800px){
.col-block{float:none;width:auto;margin:10px 8px}
.side{float:none;width:auto}
.nav li{padding:0 12px}
.grid a{width:45%}
.search,.tools{float:none}
}
"""

LOW_CONTRAST = ".col-block li a,.col-block td a{color:#b3b3b3}\n.col-block .date,.list .date{color:#c8c8c8}\n"
FIXED_WIDTH = ("body{min-width:1200px}\n.wrap{width:1200px;max-width:none}\n"
               "@media (max-width:800px){.col-block{float:left;width:380px;margin:10px 9px}.grid a{width:180px}}\n")
TINY = ("body{font-size:10px}\n.col-block li,.list li,.col-block td,.list td,.grid a,.quick,.yqlj,.footer,.nav li{font-size:10px}\n"
        ".header .site-name{font-size:16px}\n")
CROWDED = (".col-block li,.list li,.col-block td,.list td{line-height:16px;font-size:12px;margin:0;height:auto}\n"
           ".grid a{line-height:16px;width:auto;margin:0 2px 0 0;font-size:12px}\n"
           ".quick,.yqlj{line-height:16px;font-size:12px}\n"
           "@media (max-width:800px){.grid a{width:auto}}\n")
HIDE = {"header": ".header{display:none}\n", "nav": ".nav{display:none}\n",
        "footer": ".footer .sponsor,.footer .idcode{display:none}\n"}

SCRIPT = "function addFav(){try{window.external.addFavorite(location.href,document.title)}catch(e){}}\n"
SHIFT = """window.addEventListener('load',function(){requestAnimationFrame(function(){requestAnimationFrame(function(){
setTimeout(function(){var w=document.querySelector('body > .wrap');if(!w)return;var d=document.createElement('div');
d.className='notice-bar';
d.style.cssText='height:700px;background:#f5f5f5;color:#222222;font-size:16px;line-height:700px;text-align:center';
d.textContent='\\u91cd\\u8981\\u901a\\u77e5\\uff1a\\u7f51\\u7ad9\\u7cfb\\u7edf\\u5347\\u7ea7\\u516c\\u544a';
w.insertBefore(d,w.firstChild);},200);});});});
"""
BUSY = """window.addEventListener('load',function(){setTimeout(function(){
var t=Date.now();while(Date.now()-t<1500){}},50);});
"""


def stylesheet(site: Site) -> str:
    """``/css/style.css`` of one site: the healthy rules, then its defects' rules (later rules win)."""
    out = [BASE]
    if site.css_low_contrast:
        out.append(LOW_CONTRAST)
    if D.PHONE_OVERFLOW in site.visual:
        out.append(FIXED_WIDTH)
    if D.SMALL_TAP_TARGETS in site.visual:
        out.append(CROWDED)
    if D.TINY_TEXT in site.visual:            # after CROWDED: its 10 px wins over CROWDED's 12 px
        out.append(TINY)
    for part in site.hidden_parts:
        out.append(HIDE[part])
    return "".join(out)


def script(site: Site) -> str:
    """``/js/common.js`` of one site."""
    out = [SCRIPT]
    if D.LAYOUT_SHIFT in site.visual:
        out.append(SHIFT)
    if D.SLOW_SCRIPT in site.visual:
        out.append(BUSY)
    return "".join(out)
