"""The sandbox's browser-visible defects: real stylesheet and script rules where the truth says, nowhere else."""
from __future__ import annotations

from govlens.contract import defects as D
from govlens.sandbox import style
from govlens.sandbox.render import HEAVY_IMAGE
from govlens.sandbox.replies import HEAVY_IMAGE_BYTES
from govlens.sandbox.site import HOME


def _kinds(site):
    return {d["kind"] for d in site.defects()}


def test_every_browser_kind_is_injected(web):
    counts = {k: sum(1 for s in web.sites if k in _kinds(s)) for k in D.BROWSER_KINDS}
    assert all(n >= 3 for n in counts.values()), counts


def test_stylesheet_and_script_follow_the_truth(web):
    for s in web.sites:
        kinds = _kinds(s)
        if D.SITE_DOWN in kinds:
            assert not kinds & set(D.BROWSER_KINDS)
            continue
        css = web.respond(s.host, "/css/style.css").body.decode()
        js = web.respond(s.host, "/js/common.js").body.decode()
        home = web.respond(s.host, s.home_path).body
        assert css.startswith(style.BASE)
        assert (style.FIXED_WIDTH in css) == (D.PHONE_OVERFLOW in kinds)
        assert (style.TINY in css) == (D.TINY_TEXT in kinds)
        assert (style.CROWDED in css) == (D.SMALL_TAP_TARGETS in kinds)
        assert (style.SHIFT in js) == (D.LAYOUT_SHIFT in kinds)
        assert (style.BUSY in js) == (D.SLOW_SCRIPT in kinds)
        assert (HEAVY_IMAGE.encode() in home) == (D.HEAVY_PAGE in kinds)
        hidden = [part for part, rule in style.HIDE.items() if rule in css]
        unshown = s.identity.flags & {D.MISSING_SPONSOR, D.MISSING_ICP, D.MISSING_SITE_CODE}   # not in the footer
        assert bool(hidden or unshown) == (D.MISSING_PORTAL_PARTS in kinds) and hidden == list(s.hidden_parts)
        # rendered low contrast: the stylesheet's grey text, or the inline low-contrast tip on the homepage
        assert (D.RENDERED_LOW_CONTRAST in kinds) == ((style.LOW_CONTRAST in css) or HOME in s.low_contrast)
        if not kinds & set(D.BROWSER_KINDS) and HOME not in s.low_contrast:
            assert css == style.BASE and js == style.SCRIPT


def test_heavy_image_is_a_real_gif_of_the_stated_size(web):
    site = next(s for s in web.sites if D.HEAVY_PAGE in s.visual)
    reply = web.respond(site.host, HEAVY_IMAGE)
    assert reply.status == 200 and reply.body.startswith(b"GIF89a") and reply.body.endswith(b";")
    assert HEAVY_IMAGE_BYTES - 300 <= len(reply.body) <= HEAVY_IMAGE_BYTES
    from io import BytesIO

    from PIL import Image
    with Image.open(BytesIO(reply.body)) as im:
        im.load()
        assert im.size == (1, 1)


def test_hidden_parts_keep_the_markup(web):
    """Hidden by the stylesheet only: the HTML (what the HTTP probe reads) still has every part."""
    site = next(s for s in web.sites if s.hidden_parts)
    html = web.respond(site.host, site.home_path).body.decode(site.encoding)
    for marker in ('class="header"', 'class="nav"', 'class="sponsor"', 'class="idcode"'):
        assert marker in html
