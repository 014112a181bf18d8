"""service-functions — WeChat menu entries and service functions (服务力); not applicable to Weibo."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import account_indicator, on_weibo
from govlens.text import Messages

ID = "service-functions"
TITLE = ("菜单与服务功能数", "Menu entries and service functions")
REQUIRES = ("account_stats",)
UNIT = "count"
UNIT_LABEL = ("项", "")

T = Messages(ID, {
    "menus": ("{m}个菜单项和服务功能", "{m} menu entries and service functions"),
    "wechat": ("菜单仅微信公众号有", "menus exist on WeChat only"),
    "none": ("未导入菜单数量", "no menu count imported"),
})


evaluate_batch = account_indicator(T, "menus", "menu_items", m="menu_items", na=(on_weibo, T("wechat")),
                                   missing_detail=T("none"))
