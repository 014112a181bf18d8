"""Grid positions of China's 34 provincial-level divisions for the dashboard's tile map.

Hand-placed: no maintained library ships a China tile grid (the tile-grid packages cover US
states and European countries), and a real map would need boundary data and a projection library
in the browser, which the dashboard does not load (no external requests, no vendored GIS code).
Each tile keeps its neighbours roughly where they are on the map: west to east by column, north
to south by row, on an 8 × 8 grid. Names are the short forms the registry's ``province`` uses.
"""
from __future__ import annotations

# name → (column, row), both from 0
TILES: dict[str, tuple[int, int]] = {
    "黑龙江": (7, 0),
    "内蒙古": (4, 1), "北京": (5, 1), "辽宁": (6, 1), "吉林": (7, 1),
    "新疆": (1, 2), "甘肃": (2, 2), "宁夏": (3, 2), "山西": (4, 2), "河北": (5, 2), "天津": (6, 2),
    "西藏": (1, 3), "青海": (2, 3), "陕西": (3, 3), "河南": (4, 3), "山东": (5, 3),
    "四川": (2, 4), "重庆": (3, 4), "湖北": (4, 4), "安徽": (5, 4), "江苏": (6, 4), "上海": (7, 4),
    "云南": (2, 5), "贵州": (3, 5), "湖南": (4, 5), "江西": (5, 5), "浙江": (6, 5),
    "广西": (3, 6), "广东": (4, 6), "福建": (5, 6), "台湾": (6, 6),
    "海南": (3, 7), "澳门": (4, 7), "香港": (5, 7),
}

COLUMNS = 8
ROWS = 8


def tiles() -> list[dict[str, object]]:
    """The tiles in reading order (row, then column), as the dashboard's data carries them."""
    return [{"name": n, "col": c, "row": r} for n, (c, r) in sorted(TILES.items(), key=lambda kv: (kv[1][1], kv[1][0]))]
