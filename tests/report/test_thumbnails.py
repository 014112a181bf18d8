"""Screenshots of the browser probe in the scorecards: written as files, only when they are our JPEGs."""
from __future__ import annotations

import base64
import io

from PIL import Image

from govlens.contract.observation import Observation
from govlens.report import write_reports
from govlens.report.safety import file_names

from .conftest import build_store


def _jpeg(width: int, height: int) -> str:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 145)).save(buf, "JPEG")
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode()


def test_thumbnails_reach_the_scorecard(tmp_path):
    built = build_store(tmp_path / "campaign.duckdb")
    store = built["store"]
    ids = list(store.frame("SELECT id FROM platforms ORDER BY id")["id"])
    good, bad = ids[0], ids[1]
    rows = [Observation(good, "browser", "render", "https://a.gov.cn/", data={"device": d, "thumbnail": _jpeg(w, h)})
            for d, w, h in (("desktop", 320, 180), ("phone", 120, 260))]
    rows.append(Observation(bad, "browser", "render", "https://b.gov.cn/",
                            data={"device": "desktop", "thumbnail": "data:image/jpeg;base64,"
                                  + base64.b64encode(b"<script>alert(1)</script>").decode()}))
    rows.append(Observation(bad, "browser", "render", "https://b.gov.cn/",
                            data={"device": "phone", "thumbnail": "javascript:alert(1)"}))
    store.replace("observations", [o.as_row() for o in rows])
    out = tmp_path / "out"
    write_reports(store, out, framework=built["framework"], awards=built["awards"])
    files = file_names(ids)
    card = (out / "scorecards" / files[good]).read_text(encoding="utf-8")
    stem = files[good].rsplit(".", 1)[0]
    for device, size in (("desktop", (320, 180)), ("phone", (120, 260))):
        path = out / "scorecards" / "thumbs" / f"{stem}-{device}.jpg"
        assert f'src="thumbs/{stem}-{device}.jpg"' in card
        with Image.open(path) as im:
            assert im.size == size
    assert "页面截图" in card and "电脑端" in card and "手机端" in card
    other = (out / "scorecards" / files[bad]).read_text(encoding="utf-8")
    assert "thumbs/" not in other and "alert(1)" not in other
    assert not list((out / "scorecards" / "thumbs").glob(f"{files[bad].rsplit('.', 1)[0]}-*"))
    store.close()
