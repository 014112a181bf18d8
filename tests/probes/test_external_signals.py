import pytest

from govlens.errors import ImportRowError, InputError
from govlens.probes.importers.external_signals import import_signals
from govlens.registry.model import Platform


def platform(pid: str) -> Platform:
    return Platform(id=pid, name=pid, kind="website", org_type="government", level="county", province="浙江",
                    region="east", url=f"http://{pid}.gov.cn/", group="county")


PLATFORMS = [platform("a"), platform("b"), platform("c"), platform("d")]


def write(tmp_path, text: str, bom: bool = False):
    path = tmp_path / "signals.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [False, True])
def test_good_rows(tmp_path, bom):
    path = write(tmp_path, "platform_id,indexed_pages,inbound_links,media_mentions\na,1200,340,15\nb,0,0,0\n", bom)
    observations, errors = import_signals(path, PLATFORMS)
    assert errors == []
    assert [o.platform_id for o in observations] == ["a", "b"]
    first = observations[0]
    assert first.probe == "external_signals" and first.kind == "signals" and first.url == "http://a.gov.cn/"
    assert first.data == {"indexed_pages": 1200, "inbound_links": 340, "media_mentions": 15,
                          "source": "signals.csv:2"}


def test_bad_rows_reported_good_rows_kept(tmp_path):
    path = write(tmp_path, "\n".join([
        "platform_id,indexed_pages,inbound_links,media_mentions",
        "a,1,2,3",          # 2 good
        "zz,1,2,3",         # 3 unknown id
        "b,,2,3",           # 4 missing field
        "b,1,x,3",          # 5 not an integer
        "b,1,2,-3",         # 6 negative
        "a,4,5,6",          # 7 duplicate
        "c,1,2",            # 8 short row: missing field
        ",1,2,3",           # 9 missing id
        "d,1.5,2,3",        # 10 not an integer
        "b,7,8,9",          # 11 good
    ]) + "\n")
    observations, errors = import_signals(path, PLATFORMS)
    assert [o.platform_id for o in observations] == ["a", "b"]
    assert observations[1].data["source"] == "signals.csv:11"
    got = [(e.line, e.field) for e in errors]
    assert got == [(3, "platform_id"), (4, "indexed_pages"), (5, "inbound_links"), (6, "media_mentions"),
                   (7, "platform_id"), (8, "media_mentions"), (9, "platform_id"), (10, "indexed_pages")]
    assert all(isinstance(e, ImportRowError) for e in errors)
    assert all(str(path) in str(e) and f":{e.line}" in str(e) and e.field in str(e) for e in errors)
    assert "未知的平台编号“zz”" in str(errors[0]) and "重复" in str(errors[4])


def test_wrong_header_is_an_input_error(tmp_path):
    path = write(tmp_path, "id,pages,links\na,1,2\n")
    with pytest.raises(InputError) as info:
        import_signals(path, PLATFORMS)
    assert str(path) in str(info.value) and "platform_id" in str(info.value)


def test_unreadable_or_empty_file(tmp_path):
    with pytest.raises(InputError) as info:
        import_signals(tmp_path / "nope.csv", PLATFORMS)
    assert "nope.csv" in str(info.value)
    with pytest.raises(InputError):
        import_signals(write(tmp_path, ""), PLATFORMS)
    bad = tmp_path / "gbk.csv"
    bad.write_bytes("platform_id,indexed_pages,inbound_links,media_mentions\n甲,1,2,3\n".encode("gbk"))
    with pytest.raises(InputError):
        import_signals(bad, PLATFORMS)
