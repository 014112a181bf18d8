"""The foreign-language edition probe's pieces: discovery, page facts, language, the lexicon's bad input."""
from __future__ import annotations

from datetime import date

import pytest

from govlens.errors import ConfigError
from govlens.probes.extract.foreign_site_page import date_in, detect, english_dates, load_lexicon, page_facts
from govlens.probes.gatherers.foreign_site import candidates

LEX = load_lexicon()
LANGS = ("en", "fr", "de", "es", "ru", "ja", "ko", "zh")
BASE = "http://www.example.gov.cn/"


def test_candidates_from_links_hreflang_and_switchers():
    html = """<html><head><link rel="alternate" hreflang="en-US" href="http://english.example.gov.cn/">
    <link rel="alternate" hreflang="zh-CN" href="/"></head><body>
    <div class="top"><a href="/english/">English Version</a> <a href="/fr/index.html">Français</a>
    <a href="/old/">旧版</a> <a href="/">简体中文</a></div>
    <select><option value="">语言选择</option><option value="/ru/">Русский</option><option value="/x/">其他</option></select>
    </body></html>"""
    got = [(c["url"], c["lang"], c["how"]) for c in candidates(html, BASE, LEX)]
    assert got == [("http://english.example.gov.cn/", "en", "hreflang"),
                   ("http://www.example.gov.cn/english/", "en", "label"),
                   ("http://www.example.gov.cn/fr/index.html", "fr", "label"),
                   ("http://www.example.gov.cn/ru/", "ru", "switcher")]


def test_a_chinese_site_without_editions_offers_none():
    assert candidates("<html><body><a href='/zwgk/'>政务公开</a><a href='/'>中文</a></body></html>", BASE, LEX) == []


def test_english_dates_and_numeric_ones():
    assert english_dates("Posted Dec 10, 2013 and 3 January 2014; Sept. 5th, 2013") == [
        date(2013, 12, 10), date(2013, 9, 5), date(2014, 1, 3)]
    assert date_in("Updated: 2013-11-30", None) == date(2013, 11, 30)
    assert date_in("Feb 30, 2013", None) is None


def test_language_of_text():
    assert detect("The municipal government released new measures to support foreign trade and investment.",
                  LANGS)[0] == "en"
    assert detect("近日，市政府召开专题会议，研究部署下一阶段重点工作，确保完成全年目标任务。", LANGS)[0] == "zh"
    assert detect("こちらは投資、観光、生活に関する情報を外国の皆様に向けて提供しています。", LANGS)[0] == "ja"
    assert detect("short", LANGS) == (None, 0.0)


def test_page_facts_of_an_english_page_with_chinese_left():
    html = """<html lang="en"><body><div class="top"><a href="http://www.example.gov.cn/">中文</a></div>
    <h1>News</h1><ul><li><a href="/en/a.html">City holds forum on tourism</a> <span>Dec 10, 2013</span></li>
    <li><a href="/en/b.html">关于做好外贸工作的通知</a> <span>2013-12-01</span></li></ul>
    <p>The government welcomes investors and tourism (a paragraph offers no service).</p>
    <ul class="services"><li><a href="/en/s.html">Investment Guide</a></li><li>Visa and Residence Permits</li></ul>
    <p>E-mail: <a href="mailto:en@example.gov.cn">en@example.gov.cn</a> Tel: +86-10-8000-1234</p>
    <form><textarea name="m"></textarea></form></body></html>"""
    facts = page_facts(html, "http://english.example.gov.cn/en/", LEX, LANGS)
    assert facts["lang"] == "en" and facts["html_lang"] == "en"
    assert facts["han_chars"] == 11 and "外贸" in facts["untranslated"]       # "中文" of the switcher is not counted
    assert facts["dated"] == [{"url": "http://english.example.gov.cn/en/a.html", "date": "2013-12-10"},
                              {"url": "http://english.example.gov.cn/en/b.html", "date": "2013-12-01"}]
    assert facts["services"] == ["investment", "visa"]
    assert facts["interaction"] == ["email", "form", "phone"]


def test_page_facts_of_a_chinese_page_in_an_edition():
    html = ("<html><body><a href='/en/'>Home</a><h1>政府信息</h1><p>近日，市政府召开专题会议，研究部署下一阶段重点工作。"
            "会议要求，各部门要进一步提高思想认识，加强协调配合，切实把各项措施落到实处。</p></body></html>")
    assert page_facts(html, "http://english.example.gov.cn/gov/", LEX, LANGS)["lang"] == "zh"


@pytest.mark.parametrize("text, field", [
    ("languages: [en]\n", "languages"),
    ("languages: {en: []}\nservices: {a: [x]}\ninteraction: {b: [y]}\n", "languages.en"),
    ("languages: {en: [English]}\nservices: {a: [x]}\ninteraction: {b: [y]}\npaths: [english/]\n", "paths"),
    ("languages: {en: [English]}\ninteraction: {b: [y]}\n", "services"),
    ("- just\n- a list\n", None),
])
def test_bad_lexicon_names_file_and_field(tmp_path, text, field):
    path = tmp_path / "lex.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_lexicon(path)
    assert exc.value.file == str(path) and exc.value.field == field


def test_lexicon_that_is_not_yaml_gives_its_line(tmp_path):
    path = tmp_path / "lex.yaml"
    path.write_text("languages:\n  en: [English\nservices: x\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_lexicon(path)
    assert exc.value.file == str(path) and exc.value.line is not None


def test_unreadable_lexicon(tmp_path):
    with pytest.raises(ConfigError, match="无法读取"):
        load_lexicon(tmp_path / "missing.yaml")
