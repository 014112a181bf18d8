from govlens.indicators.links.campaign_facts import build_campaign_facts, host_key


def _links(*urls):
    return [{"url": u, "text": "", "internal": False} for u in urls]


def test_host_key():
    assert host_key("WWW.Beijing.gov.cn.") == "beijing.gov.cn"
    assert host_key("中国政府网.政务") == "中国政府网.政务".encode("idna").decode()


def test_inlinks_count_other_platforms_once(f):
    a = f.platform("a", "https://www.a.gov.cn/")
    b = f.platform("b", "http://b.gov.cn/")
    c = f.platform("c", "https://www.c.gov.cn/")
    col = f.platform("a-col", "https://www.a.gov.cn/col/tese/")   # a featured column on a's host
    obs = {
        "a": [f.page(url=a.url, pid="a", links=_links("https://www.b.gov.cn/x", "https://b.gov.cn/y",
                                                      "https://www.a.gov.cn/self")),
              f.page("column", a.url + "col/", pid="a", links=_links("http://B.gov.cn/z"))],
        "c": [f.page(url=c.url, pid="c", links=_links("https://b.gov.cn:8443/", "https://www.a.gov.cn/"))],
        "a-col": [f.page(url=col.url, pid="a-col", links=_links("https://www.a.gov.cn/", "https://www.c.gov.cn/"))],
        "zz": [f.page(url="https://x.gov.cn/", pid="zz", links=_links("https://b.gov.cn/"))],  # not in campaign
    }
    facts = build_campaign_facts([a, b, c, col], obs)
    assert facts.inlinks == {"a": 1, "b": 2, "c": 1, "a-col": 1}
    assert facts.inlink_sources["b"] == ["a", "c"]
    assert facts.inlink_sources["a"] == ["c"]           # not its own column (same host)
    assert facts.inlink_sources["a-col"] == ["c"]       # a link to the host counts for every platform on it


def test_idn_hosts_match_in_either_form(f):
    cn = f.platform("cn", "http://示例.政务/")
    other = f.platform("o", "https://o.gov.cn/")
    puny = "http://" + "示例.政务".encode("idna").decode() + "/"
    facts = build_campaign_facts([cn, other], {"o": [f.page(url=other.url, pid="o", links=_links(puny))]})
    assert facts.inlinks["cn"] == 1
