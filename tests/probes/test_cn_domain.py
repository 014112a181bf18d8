"""The .政务 probe's reading of a page: own links, header and footer, and where the Chinese name is written."""
from __future__ import annotations

from govlens.probes.gatherers.cn_domain import normalise, site_facts, written

NAME = "浙江省人民政府.政务"
NAV = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(8))


def page(header: str = "", footer: str = "", body: str = "", tags: str = "class") -> str:
    if tags == "tag":
        h, f = f"<header>{header}</header>", f"<footer>{footer}</footer>"
    elif tags == "id":
        h, f = f'<div id="top">{header}</div>', f'<div id="bottom">{footer}</div>'
    else:
        h, f = f'<div class="header">{header}</div>', f'<div class="footer">{footer}</div>'
    return f"<html><head><title>浙江省人民政府</title></head><body>{h}<ul>{NAV}</ul><div>{body}</div>{f}</body></html>"


def test_name_in_the_footer_with_a_full_width_dot():
    facts = site_facts(page(footer="主办单位：浙江省人民政府　中文域名：浙江省人民政府．政务"), "http://www.zj.gov.cn/", NAME)
    assert facts["name_shown"] == ["footer"] and facts["internal_links"] == 8 and facts["zones"] == "marks"
    assert facts["snippet"] == "中文域名：浙江省人民政府．政务"


def test_name_in_a_header_image_alt():
    facts = site_facts(page(header='<img src="/z.png" alt="中文域名：浙江省人民政府.政务">', tags="tag"),
                       "http://www.zj.gov.cn/", NAME)
    assert facts["name_shown"] == ["header"] and facts["zones"] == "tags"


def test_name_only_in_the_body_is_not_shown():
    facts = site_facts(page(body="我省正式启用中文政务域名“浙江省人民政府.政务”", tags="id"), "http://www.zj.gov.cn/", NAME)
    assert facts["name_shown"] == [] and facts["name_elsewhere"] is True


def test_parking_page_has_no_own_links():
    html = '<html><body><h1>浙江省人民政府.政务</h1><a href="http://www.registrar.cn/">注册服务</a></body></html>'
    facts = site_facts(html, "http://xn--gmq000bv3esyhdla33cp00b.xn--zfr164b/", NAME)
    assert facts["internal_links"] == 0 and facts["external_links"] == 1


def test_normalise_and_written():
    assert normalise(" 浙江省人民政府。政务 ") == normalise("浙江省人民政府．政务") == "浙江省人民政府.政务"
    assert written("主办：某某　中文域名： 浙江省人民政府 . 政务", NAME) == "中文域名：浙江省人民政府 . 政务"
    assert written("电话：0571-1234567 浙江省人民政府.政务", NAME) == "浙江省人民政府.政务"
    assert written("nothing here", NAME) == ""
