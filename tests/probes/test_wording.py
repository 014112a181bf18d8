import pytest

from govlens.contract.wording import HARMFUL, SERIOUS
from govlens.errors import ConfigError
from govlens.probes.extract.wording import WordingMatcher, load_wording


def test_shipped_lists_find_errors_and_spam_with_context():
    m = load_wording()
    hits = m.scan("要深入学习宣传中华人民共合国宪法。页脚：六合彩开奖结果")
    assert [(h["word"], h["category"]) for h in hits] == [("中华人民共合国", SERIOUS), ("六合彩", HARMFUL)]
    assert hits[0]["right"] == "中华人民共和国" and "宣传中华人民共合国宪法" in hits[0]["context"]


def test_correct_text_has_no_hits():
    assert load_wording().scan("中华人民共和国宪法 社会主义核心价值观") == []


def test_hits_are_bounded():
    m = WordingMatcher({}, ["赌"])
    assert len(m.scan("赌" * 1000)) == 20


def test_own_file_and_its_errors(tmp_path):
    good = tmp_path / "w.yaml"
    good.write_text("serious_errors:\n  - {wrong: 张三丰, right: 张三峰}\nharmful: [坏词]\n", encoding="utf-8")
    assert [h["word"] for h in load_wording(good).scan("张三丰说坏词")] == ["张三丰", "坏词"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("serious_errors:\n  - {right: 只有正确写法}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml.*serious_errors|serious_errors.*bad.yaml"):
        load_wording(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("harmful: [a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="不是有效的 YAML"):
        load_wording(broken)
    with pytest.raises(ConfigError, match="无法读取"):
        load_wording(tmp_path / "missing.yaml")
