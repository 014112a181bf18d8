"""The civilization probe's pieces: the topic lexicon (and its bad input) and the page text it scans."""
from __future__ import annotations

import pytest

from govlens.errors import ConfigError
from govlens.probes.gatherers.civilization import load_topics, page_text


def test_shipped_lexicon_has_the_seed_core_topics():
    lex = load_topics()
    assert [t.id for t in lex.topics if t.core] == ["core_values", "volunteer", "moral_models"]
    hits = lex.scan("我市广泛开展学雷锋志愿服务，评选表彰道德模范，志愿者深入社区。")
    assert hits == {"volunteer": {"学雷锋": 1, "志愿服务": 1, "志愿者": 1}, "moral_models": {"道德模范": 1}}


def test_page_text_leaves_out_scripts_and_other_sites_links():
    html = """<html><body><script>var x = "中国梦";</script><h2>志愿服务</h2>
    <a href="/zyfw/index.html">学雷锋活动</a> 友情链接：<a href="http://www.other.cn/">身边好人网</a>
    <a href="https://www.example.cn/ddmf/">道德模范</a></body></html>"""
    text = page_text(html, "http://www.example.cn/")
    assert "志愿服务" in text and "学雷锋活动" in text and "道德模范" in text      # own links stay (www. and https aside)
    assert "中国梦" not in text and "身边好人网" not in text


@pytest.mark.parametrize("text, field", [
    ("topics: []\n", "topics"),
    ("topics:\n  - {title: x, words: [a]}\n", "topics[0].id"),
    ("topics:\n  - {id: a, words: []}\n", "topics[0].words"),
    ("topics:\n  - {id: a, words: [x]}\n  - {id: a, words: [y]}\n", "topics[1].id"),
    ("topics:\n  - {id: a, words: [x], core: maybe}\n", "topics[0].core"),
    ("topics:\n  - just a string\n", "topics[0]"),
])
def test_bad_lexicon_names_file_and_field(tmp_path, text, field):
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_topics(path)
    assert exc.value.file == str(path) and exc.value.field == field


def test_lexicon_that_is_not_yaml_or_not_readable(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  - {id: a, words: [x\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_topics(path)
    assert exc.value.line is not None
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="无法读取"):
        load_topics(path)
