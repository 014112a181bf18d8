"""Synthetic leader mailboxes (领导信箱, series 3): a small site per mailbox, with a working letter form.

:func:`build_mailbox` draws a mailbox from ``random.Random(f"{seed}:{platform.id}:mailbox")``.
Served by host like the mobile portals: the mailbox's page (links 我要写信 and 信件公开), the
letter form (``/write.html``, a ``textarea`` posting to ``/submit``), the published letters
(``/letters/index.html``, one page per letter with 来信时间 and, when answered, 回复时间 — the
labels Chinese mailboxes write, as on the sandbox websites).

A letter POSTed to the form's action is accepted with a receipt number (信件编号) printed on the
answer page; nothing is stored. Defects (site-level at the registry URL unless said):

- ``mailbox_form_broken``: the form does not take letters — its action answers HTTP 500, or
  a page saying letters are not accepted (no receipt), or the action does not exist (404);
- ``mailbox_no_replies``: letters are published but none is answered (all 办理中);
- ``unanswered_letter`` (URL-level, the letter): a letter asked more than 90 days and less
  than a year before the check, never answered (only in mailboxes without replies).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox.inspection import LETTER_TOPICS, Letter
from govlens.sandbox.site import Hosted, served_at

RATE_FORM_BROKEN = 0.25
RATE_NO_REPLIES = 0.25
LETTERS = (10, 20)
DELAYS = ((1, 4), (2, 8), (5, 15), (10, 30))      # reply delays of fast … slow mailboxes, days
UNANSWERED_DAYS = 90


@dataclass(frozen=True, slots=True)
class MailLetter(Letter):
    """A letter of a leader mailbox: an inspected site's letter, at the mailbox's own path."""

    @property
    def path(self) -> str:
        return f"/letters/l_{self.n}.html"


@dataclass(eq=False)
class Mailbox(Hosted):
    letters: list[MailLetter]
    broken_mode: str = ""              # "500" | "refused" | "missing"
    as_of: dt.date = dt.date(2013, 12, 15)

    def defects(self) -> list[dict[str, str]]:
        url = self.platform.url.strip()
        order = {k: i for i, k in enumerate(D.ALL_KINDS)}
        out = [{"kind": k, "url": url} for k in sorted(self.flags, key=order.__getitem__)]
        for letter in self.letters:
            waited = (self.as_of - letter.asked).days
            if letter.replied is None and UNANSWERED_DAYS < waited <= 365:
                out.append({"kind": D.UNANSWERED_LETTER, "url": f"{self.scheme}://{self.host}{letter.path}"})
        return out

    @property
    def action(self) -> str:
        return "/cgi-bin/letter.do" if self.broken_mode == "missing" else "/submit"

    # ------------------------------------------------------------------ pages
    def respond(self, path: str) -> tuple[int, str]:
        name = self.platform.name
        if path in (self.home_path, "/", "/index.html"):
            body = (f"<h1>{escape(name)}</h1>\n<p>欢迎您给{escape(self.place)}领导写信，反映问题、提出建议。"
                    "来信将在规定时限内办理并公开答复。</p>\n"
                    '<ul class="nav"><li><a href="/write.html">我要写信</a></li>'
                    '<li><a href="/letters/index.html">信件公开</a></li></ul>\n')
            return 200, _page(name, name, body)
        if path == "/write.html":
            body = (f'<h1>我要写信</h1>\n<form action="{self.action}" method="post" class="letter-form">'
                    '<p>姓名：<input type="text" name="name"></p><p>联系电话：<input type="text" name="phone"></p>'
                    '<p>标题：<input type="text" name="title"></p><p>内容：<textarea name="content"></textarea></p>'
                    '<p><button type="submit">提交</button></p></form>\n'
                    '<p><a href="/letters/index.html">信件公开</a></p>\n')
            return 200, _page(name, f"我要写信 - {name}", body)
        if path == "/letters/index.html":
            rows = "".join(f'<tr><td><a href="{x.path}">{escape(x.title)}</a></td><td>{x.asked.isoformat()}</td>'
                           f'<td>{"已回复" if x.replied else "办理中"}</td></tr>\n' for x in self.letters)
            body = ('<h1>信件公开</h1>\n<table class="letters">\n<tr><th>信件标题</th><th>来信时间</th>'
                    f"<th>办理状态</th></tr>\n{rows}</table>\n")
            return 200, _page(name, f"信件公开 - {name}", body)
        for x in self.letters:
            if path == x.path:
                return 200, _page(name, f"{x.title} - {name}", self._letter(x))
        return 404, _page(name, "页面不存在", "<p>您访问的页面不存在。</p>")

    def _letter(self, x: MailLetter) -> str:
        out = (f'<div class="letter"><h1>{escape(x.title)}</h1>\n<p class="ask-date">来信时间：{x.asked.isoformat()}</p>\n'
               f"<div class=\"ask\"><p>来信内容：您好！{escape(x.title[2:-5])}问题反映多次，希望领导重视并协调解决。</p></div>\n")
        if x.replied:
            out += (f'<p class="reply-unit">回复单位：{escape(self.place)}人民政府办公厅</p>\n'
                    f'<p class="reply-date">回复时间：{x.replied.isoformat()}</p>\n'
                    "<div class=\"reply\"><p>回复内容：您好！来信收悉。经研究，已责成有关部门限期办理，感谢您的监督。</p></div>\n")
        else:
            out += '<p class="reply-state">办理状态：办理中</p>\n'
        return out + "</div>\n"

    def submit(self, path: str, form: bytes) -> tuple[int, str]:
        """The answer to a POSTed letter (nothing is kept)."""
        name = self.platform.name
        if path != "/submit":
            return 404, _page(name, "页面不存在", "<p>您访问的页面不存在。</p>")
        if self.broken_mode == "500":
            return 500, _page(name, "系统错误", "<p>Internal Server Error</p>")
        if self.broken_mode == "refused":
            return 200, _page(name, "提示", "<p>系统维护中，暂停受理来信，请稍后再试。</p>")
        fields = parse_qs(form.decode("utf-8", "replace"))
        if not (fields.get("content") and fields.get("content")[0].strip()):
            return 200, _page(name, "提示", "<p>提交失败：信件内容不能为空。</p>")
        code = hashlib.sha1(form + self.host.encode()).hexdigest()[:8].upper()
        return 200, _page(name, "提交成功", f"<p>提交成功！您的信件编号为：XX{self.as_of:%Y%m%d}{code}，"
                                             "请牢记编号以便查询办理进度。</p>")


def _page(site: str, title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'</head>\n<body>\n<div class="header">{escape(site)}</div>\n<div class="main">\n{body}</div>\n'
            f'<div class="footer">主办：{escape(site)}</div>\n</body>\n</html>\n')


def build_mailbox(platform: Platform, seed: int, as_of: dt.date) -> Mailbox:
    rng = random.Random(f"{seed}:{platform.id}:mailbox")
    r_form, r_replies = rng.random(), rng.random()
    flags: set[str] = set()
    broken = ""
    if r_form < RATE_FORM_BROKEN:
        flags.add(D.MAILBOX_FORM_BROKEN)
        broken = rng.choice(("500", "refused", "missing"))
    no_replies = r_replies < RATE_NO_REPLIES
    if no_replies:
        flags.add(D.MAILBOX_NO_REPLIES)
    lo, hi = rng.choice(DELAYS)
    k = rng.randint(*LETTERS)
    base = rng.randint(1000, 90000)
    day = as_of - dt.timedelta(days=rng.randint(1, 5))
    letters = []
    for j in range(k):
        title = f"关于{LETTER_TOPICS[(base + j * 3) % len(LETTER_TOPICS)]}问题的反映"
        if no_replies:
            replied = None
        elif (as_of - day).days < 7 and rng.random() < 0.5:
            replied = None                                    # recent: still being handled
        else:
            replied = min(as_of, day + dt.timedelta(days=rng.randint(lo, hi)))
        letters.append(MailLetter(base + j, title, day, replied))
        day -= dt.timedelta(days=rng.randint(3, 25))
    place = platform.province or platform.name[:2]
    for prefix in ("云南", "江苏", "湖北", "河南", "黑龙江", "上海", "江西省"):
        if platform.name.startswith(prefix) and len(platform.name) > len(prefix) + 2:
            place = platform.name[len(prefix):len(prefix) + 2]
            break
    return Mailbox(platform=platform, **served_at(platform), place=place, flags=frozenset(flags), letters=letters,
                   broken_mode=broken, as_of=as_of)
