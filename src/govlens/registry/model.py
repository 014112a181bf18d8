"""The platform record every stage passes around, and the closed vocabularies of its fields."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS = ("website", "column", "foreign_site", "cn_domain", "mobile_portal", "mailbox", "hotline", "weibo", "wechat")
ORG_TYPES = ("party", "government", "department", "congress", "cppcc", "court", "procuratorate",
             "development_zone", "institution", "other")
LEVELS = ("central", "provincial", "sub_provincial", "prefecture", "county", "township")
REGIONS = ("national", "east", "central", "west", "northeast", "sar")

# NBS four-region division; 港澳 apart; central organs are "national".
PROVINCE_REGION: dict[str, str] = {
    **dict.fromkeys(["北京", "天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"], "east"),
    **dict.fromkeys(["山西", "安徽", "江西", "河南", "湖北", "湖南"], "central"),
    **dict.fromkeys(["内蒙古", "广西", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
                     "宁夏", "新疆"], "west"),
    **dict.fromkeys(["辽宁", "吉林", "黑龙江"], "northeast"),
    **dict.fromkeys(["香港", "澳门", "台湾"], "sar"),
}

FIELDS = ("id", "name", "kind", "org_type", "level", "province", "region", "url", "group")
REQUIRED_FIELDS = ("id", "name", "kind", "url")


@dataclass(frozen=True, slots=True)
class Platform:
    """One government platform of a campaign (a website, column, account …)."""

    id: str
    name: str
    kind: str
    org_type: str
    level: str
    province: str
    region: str
    url: str
    group: str

    @property
    def host(self) -> str:
        from urllib.parse import urlsplit
        return (urlsplit(self.url).hostname or "").lower()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def region_of(province: str, level: str) -> str:
    """Region derived from the province; central organs without a province are national."""
    if not province and level == "central":
        return "national"
    return PROVINCE_REGION.get(province, "")
