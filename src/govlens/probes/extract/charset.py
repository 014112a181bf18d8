"""Decoding of HTML bodies into text, the way Chinese government pages need it.

Many county sites still serve GBK / GB2312, declared in the HTTP header, in a ``<meta>``
tag, or nowhere at all; a page decoded with the wrong codec turns every indicator that
reads text (titles, dates, column names) into noise. The order of evidence follows the
WHATWG encoding sniffing algorithm, cut down: BOM, then the ``Content-Type`` header, then
a ``<meta>`` declaration in the first 2 KB, then statistical detection, then UTF-8 with
replacement characters. GBK and GB2312 labels are decoded as GB18030, their superset, so
a page that declares GB2312 but uses a GBK-only character still decodes cleanly.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOM, HEADER, META, DETECTED, DEFAULT = "bom", "http-header", "meta", "detected", "default"

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_META_SNIFF_BYTES = 2048
# Labels whose best codec is a superset: decoding GB2312 text as GB18030 is lossless.
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "gb_2312": "gb18030", "gb_2312-80": "gb18030",
              "x-gbk": "gb18030", "cp936": "gb18030", "ms936": "gb18030", "euc-cn": "gb18030",
              "csgb2312": "gb18030", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
              "us-ascii": "cp1252", "iso8859-1": "cp1252", "big5": "big5hkscs"}


def normalise_codec(label: str | None) -> str | None:
    """Map a charset label to the Python codec we decode with, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    """The codec named by a ``Content-Type`` header, if any and known."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return normalise_codec(m.group(1)) if m else None


def meta_charset(body: bytes) -> str | None:
    """The codec declared by a ``<meta>`` tag in the first 2 KB, if any and known."""
    m = _META_CHARSET.search(body[:_META_SNIFF_BYTES])
    if not m:
        return None
    codec = normalise_codec(m.group(1).decode("ascii", "ignore"))
    # A UTF-16 meta in an ASCII-compatible byte stream is a lie (WHATWG: treat as UTF-8).
    return "utf-8" if codec and codec.startswith("utf-16") else codec


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str, str]:
    """Decode ``body``; return ``(text, codec, source)`` where source says which evidence won.

    Never raises: a declared codec that fails strictly is retried with replacement
    characters only when nothing better is known, so one stray byte in a long GBK page
    does not throw the page away.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(codec, "replace"), codec, BOM
    declared: list[tuple[str, str]] = []
    codec = header_charset(content_type)
    if codec:
        declared.append((codec, HEADER))
    codec = meta_charset(body)
    if codec:
        declared.append((codec, META))
    for codec, source in declared:
        try:
            return body.decode(codec), codec, source
        except (UnicodeDecodeError, LookupError):
            continue
    if not body:
        return "", "utf-8", DEFAULT
    try:  # the commonest case by far, and much cheaper than detection
        return body.decode("utf-8"), "utf-8", DETECTED
    except UnicodeDecodeError:
        pass
    if not declared:
        try:
            return body.decode("gb18030"), "gb18030", DETECTED
        except UnicodeDecodeError:
            pass
    best = None
    try:
        best = from_bytes(body[:200_000]).best()
    except Exception:  # charset-normalizer is heuristic; never let it sink a page
        best = None
    if best is not None:
        codec = normalise_codec(best.encoding) or "utf-8"
        return body.decode(codec, "replace"), codec, DETECTED
    if declared:
        codec, source = declared[0]
        return body.decode(codec, "replace"), codec, source
    return body.decode("utf-8", "replace"), "utf-8", DEFAULT
