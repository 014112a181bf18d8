from govlens.indicators.interaction import interaction_channel
from govlens.text import render


def interaction(f, forms=(), lists=(), entries=("https://www.example.gov.cn/hdjl/",)):
    return f.obs("interaction", f.home_url, probe="interaction", entries=list(entries), forms=list(forms),
                 lists=list(lists), letters_listed=0, letters_read=0)


def letter(f, n=1):
    return f.obs("letter", f"https://www.example.gov.cn/hdjl/letter_{n}.html", probe="interaction",
                 title="关于路灯的反映", asked="2013-11-01", replied="2013-11-05", reply_days=4, state="replied",
                 list_url="https://www.example.gov.cn/hdjl/letters/")


def test_form_is_a_channel(f):
    r = interaction_channel.evaluate(f.po(f.page(), interaction(f, forms=["https://www.example.gov.cn/write"])), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_published_letters_are_a_channel(f):
    r = interaction_channel.evaluate(f.po(f.page(), interaction(f, lists=["x"]), letter(f)), f.ctx())
    assert r.value == 1.0 and "1 published letter" in render(r.detail, "en")


def test_nothing_behind_the_links_is_a_finding(f):
    r = interaction_channel.evaluate(f.po(f.page(), interaction(f)), f.ctx())
    assert r.value == 0.0 and [x.kind for x in r.findings] == ["no_interaction_channel"]
    assert r.evidence[0].url == "https://www.example.gov.cn/hdjl/"


def test_no_mailbox_link_at_all(f):
    r = interaction_channel.evaluate(f.po(f.page(), interaction(f, entries=())), f.ctx())
    assert r.value == 0.0 and "no mailbox or consultation link" in render(r.detail, "en")


def test_site_never_loaded_is_missing(f):
    r = interaction_channel.evaluate(f.po(f.page(status="timeout")), f.ctx())
    assert r.status == "missing" and r.findings == []
