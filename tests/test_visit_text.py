"""Visit statuses said in words (govlens.visit_text)."""
from __future__ import annotations

import re

from govlens.contract import statuses as S
from govlens.text import render
from govlens.visit_text import describe_visit


def test_every_status_and_cause_has_a_chinese_and_an_english_text() -> None:
    for status in S.VISIT_STATUSES + S.TLS_CAUSES:
        zh, en = render(describe_visit(status), "zh-CN"), render(describe_visit(status), "en")
        assert re.search(r"[\u4e00-\u9fff]", zh), status
        assert zh != en and status not in zh and status not in en, status


def test_the_cause_wins_over_the_status_and_unknowns_never_show_raw() -> None:
    assert render(describe_visit(S.DNS_ERROR)) == "域名无法解析"
    assert render(describe_visit(S.TLS_ERROR, S.CERT_EXPIRED)) == "证书已过期"
    assert render(describe_visit(S.TLS_ERROR, "something_new")) == render(describe_visit(S.TLS_ERROR))
    assert "404" in render(describe_visit(S.HTTP_ERROR, http_status=404))
    for odd in (None, "", "ClientConnectorDNSError: Cannot connect"):
        assert render(describe_visit(odd)) == "访问失败"
