"""How a visit ended, said to a person: a visit status (and cause) as a zh-CN / en message.

Why here, at the top level beside :mod:`govlens.contract.statuses`: probes record the status, indicators
explain failures by it and reports show it, so the words sit below all of them. The raw exception
text (``ClientConnectorDNSError: Cannot connect to host …``) stays in the store's ``error`` field for
whoever debugs the scanner; a user reads :func:`describe_visit`'s message instead.
"""
from __future__ import annotations

from govlens.contract import statuses as S
from govlens.text import Messages

T = Messages("visit", {
    S.COMPLETED: ("访问正常", "visited normally"),
    S.HTTP_ERROR: ("服务器返回错误状态", "the server answered with an error status"),
    "http_status": ("服务器返回错误状态（HTTP {code}）", "the server answered with an error status (HTTP {code})"),
    S.TIMEOUT: ("访问超时", "the visit timed out"),
    S.DNS_ERROR: ("域名无法解析", "the domain name does not resolve"),
    S.CONNECTION_REFUSED: ("连接被拒绝", "the connection was refused"),
    S.CONNECTION_RESET: ("连接被服务器中断", "the server dropped the connection"),
    S.CONNECTION_ERROR: ("网络连接失败", "the network connection failed"),
    S.PROTOCOL_ERROR: ("服务器响应不符合HTTP协议", "the server's response is not valid HTTP"),
    S.TLS_ERROR: ("HTTPS安全连接失败", "the HTTPS connection failed"),
    S.TOO_LARGE: ("页面超过大小上限", "the page exceeds the size limit"),
    S.TOO_MANY_REDIRECTS: ("跳转次数过多（可能为循环跳转）", "too many redirects (possibly a loop)"),
    S.BLOCKED_BY_ROBOTS: ("robots协议禁止访问，未抓取", "refused by robots.txt, not fetched"),
    S.BLOCKED_TARGET: ("地址指向内网或本机，未访问", "the address points to a private network, not visited"),
    S.DECODE_ERROR: ("页面内容无法解码", "the page content cannot be decoded"),
    S.NOT_HTML: ("不是网页（非HTML内容）", "not a web page (not HTML)"),
    S.INVALID_URL: ("网址无效", "the address is not a valid web address"),
    S.NOT_IN_ARCHIVE: ("存档中无此网址的记录", "the archive holds no record of this address"),
    S.CERT_EXPIRED: ("证书已过期", "the certificate has expired"),
    S.CERT_UNTRUSTED: ("证书不受信任（自签名或颁发机构未知）", "the certificate is not trusted (self-signed or unknown issuer)"),
    S.CERT_WRONG_HOST: ("证书与域名不符", "the certificate is for another host name"),
    "unknown": ("访问失败", "the visit failed"),
})

_KNOWN = frozenset(S.VISIT_STATUSES) | frozenset(S.TLS_CAUSES)


def describe_visit(status: str | None, cause: str | None = None, *, http_status: int | None = None) -> str:
    """The message (a :mod:`govlens.text` marked string) that says how a visit ended.

    ``cause`` (a TLS cause) says more than ``tls_error`` and wins when known; ``http_status`` adds the
    code to ``http_error``. An unknown or missing status gives "访问失败", never the raw value.
    """
    if cause in S.TLS_CAUSES:
        return T(cause)
    if status == S.HTTP_ERROR and isinstance(http_status, int):
        return T("http_status", code=http_status)
    if status in _KNOWN:
        return T(status)
    return T("unknown")
