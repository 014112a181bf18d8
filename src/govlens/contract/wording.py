"""The two severities of a wording hit, as the wording probe records them and the indicators read them.

The 2015 census vetoes 严重错误 (a serious wrong wording, such as a leader's name written wrong) and
harmful content separately, so each hit carries one of these categories.
"""
from __future__ import annotations

SERIOUS = "serious_error"   # 严重表述错误: a listed wrong wording, with its right form
HARMFUL = "harmful"         # 有害信息: a listed harmful word
