from govlens.probes.extract.charset import decode_html

TEXT = "关于进一步加强政府网站管理工作的通知"


def page(meta: str = "") -> str:
    return f"<html><head>{meta}<title>{TEXT}</title></head><body><p>{TEXT}，各区县人民政府。</p></body></html>"


def test_gbk_declared_in_header_only():
    body = page().encode("gbk")
    text, codec, source = decode_html(body, "text/html; charset=GBK")
    assert TEXT in text and codec == "gb18030" and source == "http-header"


def test_gb2312_declared_in_meta_only():
    body = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk")
    text, codec, source = decode_html(body, "text/html")
    assert TEXT in text and codec == "gb18030" and source == "meta"


def test_meta_charset_attribute():
    body = page('<meta charset="gbk">').encode("gbk")
    text, codec, source = decode_html(body, None)
    assert TEXT in text and source == "meta"


def test_gbk_declared_nowhere_is_detected():
    body = page().encode("gbk")
    text, codec, source = decode_html(body, "text/html")
    assert TEXT in text and source == "detected"


def test_utf8_with_bom():
    body = b"\xef\xbb\xbf" + page('<meta charset="gbk">').encode("utf-8")
    text, codec, source = decode_html(body, "text/html; charset=gbk")
    assert text.startswith("<html>") and TEXT in text and codec == "utf-8" and source == "bom"


def test_wrong_header_falls_back_to_meta():
    body = page('<meta charset="utf-8">').encode("utf-8")
    text, codec, source = decode_html(body, "text/html; charset=ascii")
    assert TEXT in text and source == "meta"


def test_undecodable_never_raises():
    text, codec, source = decode_html(bytes(range(256)) * 4, "text/html; charset=nonsense")
    assert isinstance(text, str)
    assert decode_html(b"", None)[0] == ""
