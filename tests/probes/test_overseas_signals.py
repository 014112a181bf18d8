"""Bad input of the overseas-signals importer: every bad row named by file, line and field; good rows kept."""
from __future__ import annotations

import pytest

from govlens.errors import InputError
from govlens.probes.importers.overseas_signals import import_overseas_signals
from govlens.registry.model import Platform

HEADER = "platform_id,overseas_visits,overseas_inlinks,foreign_media_mentions\n"


def platform(pid: str, kind: str = "foreign_site") -> Platform:
    return Platform(id=pid, name=pid, kind=kind, org_type="government", level="provincial", province="浙江",
                    region="east", url=f"http://www.{pid}.gov.cn/", group="foreign_provincial")


PLATFORMS = [platform("a"), platform("b"), platform("c"), platform("w", "website")]


def write(tmp_path, text: str, name: str = "overseas.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_good_rows_become_observations(tmp_path):
    path = write(tmp_path, "\ufeff" + HEADER + "a,1200,30,4\nb,0,0,0\n")
    obs, errors = import_overseas_signals(path, PLATFORMS)
    assert errors == []
    assert [(o.platform_id, o.kind, o.probe) for o in obs] == [("a", "overseas_signals", "overseas_signals"),
                                                               ("b", "overseas_signals", "overseas_signals")]
    assert obs[0].data == {"overseas_visits": 1200, "overseas_inlinks": 30, "foreign_media_mentions": 4,
                           "source": "overseas.csv:2"}


@pytest.mark.parametrize("row, field, words", [
    ("zz,1,1,1", "platform_id", "未知的平台编号"),
    ("w,1,1,1", "platform_id", "不是外文版网站"),
    (",1,1,1", "platform_id", "缺少平台编号"),
    ("b,many,1,1", "overseas_visits", "不是有效的整数"),
    ("b,1,-3,1", "overseas_inlinks", "计数为负数"),
    ("b,1,1,", "foreign_media_mentions", "缺少值"),
    ("b,1,1", "foreign_media_mentions", "缺少值"),
    ("a,5,5,5", "platform_id", "重复"),
])
def test_each_bad_row_is_named_and_good_rows_are_kept(tmp_path, row, field, words):
    path = write(tmp_path, HEADER + "a,1,2,3\n" + row + "\nc,4,5,6\n")
    obs, errors = import_overseas_signals(path, PLATFORMS)
    assert [o.platform_id for o in obs] == ["a", "c"]
    assert len(errors) == 1
    e = errors[0]
    assert (e.file, e.line, e.field) == (str(path), 3, field) and words in str(e)
    assert f"{path}:3" in str(e)


@pytest.mark.parametrize("text, encoding, words", [
    ("", "utf-8", "文件为空"),
    ("platform_id,overseas_visits\na,1\n", "utf-8", "表头缺少 overseas_inlinks"),
    (HEADER + "a,1,2,3\n", "utf-16", "不是 UTF-8 编码"),
    (HEADER + "a,1,2,3\x00\n", "utf-8", "NUL"),
])
def test_unreadable_files_raise_naming_the_file(tmp_path, text, encoding, words):
    path = write(tmp_path, text, encoding=encoding)
    with pytest.raises(InputError) as exc:
        import_overseas_signals(path, PLATFORMS)
    assert words in str(exc.value) and str(path) in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="无法读取"):
        import_overseas_signals(tmp_path / "nope.csv", PLATFORMS)
