"""elderly-friendly — share of the elderly-friendly (适老化) checks the homepage passes (网民体验).

The 2020 MIIT rules for elderly-friendly websites (互联网网站适老化通用设计规范) ask for
legible text, sufficient contrast, targets large enough to hit, and an accessible /
elderly mode. Mapped to checks on the renders: phone text legible (``BROWSER_MIN_TEXT_PX``
for at least ``BROWSER_LEGIBLE_SHARE`` of characters), no axe ``color-contrast``
violation, crowded tap targets at most ``BROWSER_TAP_FAIL_SHARE``, and a visible 无障碍 /
长者模式 / 关怀版 entry (the rendered layout's reading; when it has none, the homepage
``page`` observation's ``accessibility_entry``, which keeps ``javascript:`` toolbar links). Each check is evidence; no finding (each has its own).
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, completed, contrast_violation, number, reads
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Thresholds
from govlens.indicators.render.phone_text_size import THRESHOLDS as TEXT
from govlens.indicators.render.tap_targets import THRESHOLDS as TAP
from govlens.text import Messages

ID = "elderly-friendly"
TITLE = ("适老化检查通过率", "Elderly-friendly checks passed")
REQUIRES = ("render",)
UNIT = "ratio"
THRESHOLDS = Thresholds(ID, min_text_px=TEXT["min_text_px"], legible_share=TEXT["legible_share"],
                        fail_share=TAP["fail_share"])

T = Messages(ID, {
    "none": ("无法进行适老化检查", "no elderly-friendly check could be made"),
    "passed": ("{total}项适老化检查中通过{n}项", "{n} of {total} elderly-friendly checks passed"),
    "yes": ("{check}：是", "{check}: yes"),
    "no": ("{check}：否", "{check}: no"),
    "c_legible": ("文字大小适宜", "legible text"),
    "c_targets": ("点击目标大小适宜", "tap targets"),
    "c_contrast": ("色彩对比度达标", "contrast"),
    "c_entry": ("有无障碍模式入口", "accessible mode entry"),
})



@reads("desktop", "layout")
def evaluate(desk: Observation, layout: Section, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    checks: dict[str, bool | None] = {}
    phone, _ = completed(obs, "phone")
    if phone is not None:
        sizes = [p for p in phone.data.get("chars_by_size") or [] if isinstance(p, list) and len(p) == 2]
        total = sum(int(c) for _, c in sizes)
        legible = sum(int(c) for s, c in sizes if float(s) >= float(THRESHOLDS(ctx, "min_text_px")))
        checks["legible"] = legible / total >= float(THRESHOLDS(ctx, "legible_share")) if total else None
        targets, crowded = number(phone.data.get("tap_targets")), number(phone.data.get("crowded_targets"))
        checks["targets"] = (crowded / targets <= float(THRESHOLDS(ctx, "fail_share"))
                                 if targets and crowded is not None else None)
    axe = obs.one("axe")
    if axe is not None:
        checks["contrast"] = contrast_violation(axe) is None
    parts = layout.get("parts")
    if isinstance(parts, dict) and "accessible_mode" in parts:
        checks["entry"] = bool(parts["accessible_mode"])
    else:   # no rendered layout reading: the static page's entry (javascript: toolbar links included)
        home = obs.homepage()
        if home is not None and "accessibility_entry" in home.data:
            checks["entry"] = bool(home.data.get("accessibility_entry"))
    judged = {k: v for k, v in checks.items() if v is not None}
    if not judged:
        return IndicatorResult.missing(T("none"))
    passed = sum(1 for v in judged.values() if v)
    detail = T("passed", n=passed, total=len(judged))
    evidence = [Evidence(url=desk.url, detail=T("yes" if v else "no", check=T.ref("c_" + k))) for k, v in judged.items()]
    return IndicatorResult(value=passed / len(judged), detail=detail, evidence=evidence)
