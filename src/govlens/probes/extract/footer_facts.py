"""The compliance facts a government site's footer shows, read from its visible text.

Every page of a government website must show, in its footer, the 网站标识码 (site code), the ICP
备案 number, the 公安机关备案号 (public-security record number) and the 主办单位 (sponsor); many
also show the 承办单位 (organiser) and a contact line. Real CMSs write them in many ways
(``主办单位：X``, ``主办：X``, ``主办方：X``, ``X主办``; ``京ICP备05070218号-1``, a malformed
``京ICP14006156``, a full-width dash, text split by tags; ``京公网安备 1101…号``, ``湘公安网备号…``),
so the readers here are patterns on the footer's text, not on markup. No library reads these
(they are Chinese regulatory notations), hence hand-written.

The caller hands in the *footer zone*: the tail of the page's visible text (scripts, styles
and comments removed), cut where the first footer marker appears (:func:`footer_zone`), so a
``主办`` or a phone number in an article body is not taken for the site's.
"""
from __future__ import annotations

import re
from typing import Any

MAX_TAIL_CHARS = 4000          # visible text read from the end of the page
LOOKBACK_CHARS = 60            # text kept before the first footer marker ("X 版权所有", "X主办")
MAX_NAME = 40                  # longest organisation name taken
MAX_SNIPPET = 300              # footer text kept as evidence

_PROV = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台"
_DASH = "-－—–‐"
# Footer markers (where the site's footer starts): these plain words, found with str.find ...
_PLAIN_MARKERS = ("ICP", "icp", "Icp", "公网安备", "公安网安备", "公安网备", "公安备案", "公安机关备案", "标识码", "识别码",
                  "版权所有", "Copyright", "COPYRIGHT", "copyright", "©")
# ... and the sponsor / organiser labels, confirmed by a regex where 主 or 承 stands.
_ROLE_MARKER = re.compile(r"主办(?:单位|方|机关)|主\s{0,4}办\s*[:：]|承办(?:单位|方)|承\s{0,4}办\s*[:：]")
# Markers that make a nearby "X主办" a footer's and not an article's ("活动由市委宣传部主办").
_STRONG = re.compile(r"I\s*C\s*P|公\s*网\s*安\s*备|公安网安?备|公安(?:机关)?备案|(?:标识|识别)码|版权所有|Copyright|©", re.I)
_ICP = re.compile(rf"(?:[{_PROV}]\s*)?I\s*C\s*P\s*(?:备|证)?\s*(?:案\s*)?(?:号|编号)?\s*[:：]?\s*\d{{6,10}}"
                  rf"(?:\s*号)?(?:\s*[{_DASH}]\s*\d{{1,3}}(?!\d))?", re.I)
_POLICE = re.compile(rf"(?:[{_PROV}]\s*)?(?:公\s*网\s*安\s*备|公安网安备|公安网备|公安机关备案|公安备案)\s*案?\s*(?:号|编号)?\s*[:：]?\s*"
                     r"\d{8,16}(?:\s*号)?")
_SITE_CODE = re.compile(r"(?:标识|识别)码\s*[:：]?\s*((?:bm|BM)\s*\d{8}|\d{10})(?!\d)")
_SPONSOR_FWD = re.compile(r"主办(?:单位|方|机关)\s*[:：]?\s*|主\s{0,4}办\s*[:：]\s*")   # "主  办：" in table layouts
_ORGANISER_FWD = re.compile(r"承办(?:单位|方)\s*[:：]?\s*|承\s{0,4}办\s*[:：]\s*")
_BACKWARD = re.compile(r"(主办|承办)(?![单方机:：])")
_COPYRIGHT = re.compile(r"版权所有")
_PHONE = re.compile(r"(?:电话|热线|Tel|TEL)\s*[:：]?\s*((?:[（(]\s*\d{3,4}\s*[)）]\s*)?\d[\d\-－ ]{3,18}\d)")
_ADDRESS = re.compile(r"(?:地址|Add(?:ress)?)\s*[:：]\s*([^\s|｜丨︱,，;；]{4,60})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")
# Where a name ends: a separator, or the next footer label.
_NAME_STOP = re.compile(r"[\s|｜丨︱,，;；。:：]|版权所有|承办|主办|运行维护|技术支持|地址|电话|邮编|网站标识码|标识码|"
                        r"ICP|备案|Copyright|©|联系|E-?mail|邮箱", re.I)
# How an organisation's or a site's name ends (separates "X 版权所有" from "编辑/张三 版权所有").
_ORG_END = re.compile(r"(?:网站?|门户|中心|局|厅|委员会|委|办公室|办|政府|院|室|部|处|所|会|馆|站|校|大学|集团|公司|系统|平台|"
                      r"署|行|台|队|社|组|科|库|监狱|法院|检察院)$")
_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u200d\u00ad"



def _first_marker(text: str) -> int:
    """Where the first footer marker starts, or -1: plain ``str.find`` first (C speed), the regex only to confirm."""
    found = [i for i in (text.find(w) for w in _PLAIN_MARKERS) if i >= 0]
    for word in ("主", "承"):              # 主办单位, 主办：, "主  办：" (checked by the regex)
        i = text.find(word)
        while i >= 0:
            if _ROLE_MARKER.match(text, i):
                found.append(i)
                break
            i = text.find(word, i + 1)
    return min(found) if found else -1


def looks_like_name(text: str) -> bool:
    """Does ``text`` end like an organisation's or a site's name (…人民政府, …门户网站, …管理中心)?"""
    return bool(_ORG_END.search(text))


def footer_zone(visible_text: str) -> str:
    """The footer part of a page's visible text: its tail from a little before the first footer marker."""
    tail = visible_text[-MAX_TAIL_CHARS * 2:]
    for ch in _INVISIBLE_CHARS:
        if ch in tail:
            tail = tail.replace(ch, "")
    text = " ".join(tail.split())[-MAX_TAIL_CHARS:]
    start = _first_marker(text)
    if start < 0:
        return ""
    return text[max(0, start - LOOKBACK_CHARS):]


def _compact(text: str) -> str:
    return "".join(text.split())


def icp(zone: str) -> str | None:
    """The ICP 备案 number as shown (spaces left by tags removed), e.g. ``京ICP备05070218号-1``."""
    m = _ICP.search(zone)
    return _compact(m.group(0)) if m else None


def police_record(zone: str) -> str | None:
    """The 公安机关备案号 as shown, e.g. ``京公网安备11010202000001号``, ``晋公网安备 14010502050691号``."""
    m = _POLICE.search(zone)
    return " ".join(m.group(0).split()) if m else None


def site_code(zone: str) -> str | None:
    """The 网站标识码 shown after ``网站标识码``/``政府网站标识码``: ten digits, or ``bm`` and eight."""
    m = _SITE_CODE.search(zone)
    return _compact(m.group(1)) if m else None


def _name_after(text: str) -> str | None:
    """The organisation name at the start of ``text`` (up to the next separator or footer label)."""
    text = text.lstrip(" :：")
    stop = _NAME_STOP.search(text)
    name = (text[: stop.start()] if stop else text)[:MAX_NAME].strip("()（）·.")
    return name if len(name) >= 2 else None


def _name_before(text: str) -> str | None:
    """The organisation name that ends ``text`` ("… 中国卫星导航系统管理办公室" before ``主办``)."""
    tail = text.rstrip()[-MAX_NAME:]
    parts = _NAME_STOP.split(tail)
    name = parts[-1].strip("()（）·.") if parts else ""
    name = name.rsplit("由", 1)[-1]
    return name if len(name) >= 2 and _ORG_END.search(name) else None


def _role_name(zone: str, forward: re.Pattern[str], word: str) -> str | None:
    """The last ``主办单位：X`` of the zone (an article ending "主办单位：…" comes before the footer), else ``X主办``."""
    for m in reversed(list(forward.finditer(zone))):
        name = _name_after(zone[m.end():])
        if name:
            return name
    for b in reversed(list(_BACKWARD.finditer(zone))):
        after = zone[b.end():b.end() + 1]
        if after and not (after.isspace() or after in "|｜丨︱" or _STRONG.match(zone, b.end())):
            continue                       # "由X主办，各区参加": a sentence, not a footer line
        if b.group(1) == word and _STRONG.search(zone[max(0, b.start() - 80): b.end() + 80]):
            name = _name_before(zone[: b.start()])
            if name:
                return name
    return None


def sponsor(zone: str) -> str | None:
    """The 主办单位: ``主办单位：X`` / ``主办：X`` / ``主办方：X``, else ``X主办``. ``版权所有`` is not a sponsor."""
    return _role_name(zone, _SPONSOR_FWD, "主办")


def organiser(zone: str) -> str | None:
    """The 承办单位: ``承办单位：X`` / ``承办：X``, else ``X承办``."""
    return _role_name(zone, _ORGANISER_FWD, "承办")


def copyright_holder(zone: str) -> str | None:
    """The name next to ``版权所有`` (``版权所有：X`` or ``X 版权所有``) when it reads as an organisation's name."""
    for m in _COPYRIGHT.finditer(zone):
        after = zone[m.end():]
        candidates = [_name_after(after), _name_before(zone[: m.start()])]
        if after.lstrip()[:1] not in (":", "："):
            candidates.reverse()                   # "X 版权所有" is the commoner writing without a colon
        for name in candidates:
            if name and _ORG_END.search(name):
                return name
    return None


def contact(zone: str) -> dict[str, str | None] | None:
    """Phone, address and e-mail shown in the footer (None when the footer shows none of them).

    Read from the first footer marker on: the look-back text before it may be the article's end.
    """
    start = _first_marker(zone)
    zone = zone[start:] if start >= 0 else ""
    phone = _PHONE.search(zone)
    address = _ADDRESS.search(zone)
    email = _EMAIL.search(zone)
    if not (phone or address or email):
        return None
    return {"phone": " ".join(phone.group(1).split()) if phone else None,
            "address": address.group(1) if address else None,
            "email": email.group(0) if email else None}


def read_footer(zone: str) -> dict[str, Any]:
    """Every footer fact of the zone (keys as in ``site_identity``; None when absent)."""
    return {"site_code": site_code(zone), "icp": icp(zone), "police_record": police_record(zone),
            "sponsor": sponsor(zone), "organiser": organiser(zone), "contact": contact(zone),
            "copyright_holder": copyright_holder(zone), "footer_text": zone[:MAX_SNIPPET] or None}
