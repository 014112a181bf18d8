"""Awards files: series → awards → groups with quotas, as declarative YAML.

A file reproduces a notice's structure (the shipped ``notice-2013.yaml`` is the seed's).
Every key is validated here, so a typo is reported with the file and the path of the
key, never as a traceback later. Format::

    id: notice-2013
    year: 2013                    # {year} in any text below: the campaign's year (this one when none is given)
    # The notice's title, issuer, date and opening paragraphs belong to the campaign ([notice] in the
    # campaign file, govlens.notice_text); an awards file may still give title / issuer / date / intro,
    # used only where the campaign's [notice] leaves them out.
    series:
      - id: s1
        number: 1
        title: 2013年度中国政务网站综合影响力
        key_points: 以互联网技术与应用动态发展的视角 …     # 评估要点
        awards:
          - id: most-influential
            title: 2013年度中国最具影响力政务网站
            framework: website-2013
            rank_by: index         # or "dimension:<id>"
            min_index: 0           # eligibility threshold (vetoed platforms are never eligible)
            nominations: 0         # next N after each group's quota are listed as nominations
            excludes: [s4.leading] # winners of these awards are not eligible here
            requires_review: false # true: only platforms the experts reviewed (`govlens review`) are eligible
            reason: …              # optional collective paragraph about all winners ("上述网站…"), shown
                                   # before their reasons: nothing in it may be about one platform
            reasons:               # optional fixed reasons, each bound to the platform(s) it was written for:
              ccdi: 该网站…         #   used only when that platform wins (instead of a generated reason);
              - platforms: [bj-portal, sh-portal]   # or a list: one text written for several together,
                text: 首都之窗、中国上海…            #   used (once) only when all of them win
            evidence: [cn-domain-registered, …]   # optional: indicators whose measured values each
                                                   # winner's generated reason states
            groups:
              - id: central
                title: 中央国家机关网站
                quota: 22
                nominations: 3     # optional: this group's nominations (default: the award's)
                members: {group: [central]}   # filters on registry fields
    nominations:                   # optional: the notice's closing list of nominations (提名), by category
      intro: 除上述获奖政务平台外 …
      lists:
        - title: 政务网站
          awards: [s4.leading, s5.excellent]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govlens.errors import AwardsError
from govlens.yamlfile import read_yaml, shipped_names, with_line

MEMBER_FIELDS = ("group", "org_type", "level", "kind", "region", "province", "id")


@dataclass(frozen=True)
class AwardGroup:
    id: str
    title: str
    quota: int
    members: dict[str, tuple[str, ...]]
    nominations: int | None = None          # None: the award's number

    def admits(self, platform: Any) -> bool:
        return all(getattr(platform, key) in values for key, values in self.members.items())


@dataclass(frozen=True)
class BoundReason:
    """A reason written for one winner, or for a few together: used only when all of them win the award."""

    platforms: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Award:
    id: str
    series_id: str
    title: str
    framework: str
    groups: tuple[AwardGroup, ...]
    rank_by: str = "index"
    min_index: float = 0.0
    nominations: int = 0
    excludes: tuple[str, ...] = ()
    reason: str = ""
    evidence: tuple[str, ...] = ()          # indicators whose values the generated reasons state
    requires_review: bool = False
    bound_reasons: tuple[BoundReason, ...] = ()   # fixed reasons, each for the platform(s) it was written for

    def bound_reason(self, platform_id: str, winners: set[str] | frozenset[str]) -> BoundReason | None:
        """The fixed reason written for ``platform_id`` when all it was written for are among ``winners``."""
        return next((b for b in self.bound_reasons
                     if platform_id in b.platforms and set(b.platforms) <= set(winners)), None)

    @property
    def key(self) -> str:
        return f"{self.series_id}.{self.id}"

    def nominations_of(self, group: AwardGroup) -> int:
        return self.nominations if group.nominations is None else group.nominations


@dataclass(frozen=True)
class NominationList:
    """One list of the notice's closing 提名 section: a title and the awards whose nominations it gathers."""

    title: str
    awards: tuple[str, ...]


@dataclass(frozen=True)
class Series:
    id: str
    number: int
    title: str
    key_points: str
    awards: tuple[Award, ...]


@dataclass(frozen=True)
class AwardsConfig:
    id: str
    year: int
    title: str                  # "" unless the awards file gives one (the notice's title is the campaign's)
    issuer: str
    date: date | None
    intro: str
    series: tuple[Series, ...]
    source: str = ""
    nominations_intro: str = ""
    nomination_lists: tuple[NominationList, ...] = ()      # empty: nominations are shown under each award

    def awards(self) -> list[Award]:
        return [a for s in self.series for a in s.awards]

    def award(self, key: str) -> Award:
        for a in self.awards():
            if a.key == key:
                return a
        raise KeyError(key)


def builtin_awards() -> list[str]:
    return shipped_names("govlens.awards")


def load_awards(name_or_path: str | Path, year: int | None = None) -> AwardsConfig:
    """Load a shipped awards file by name (``notice-2013``) or any YAML file by path.

    ``{year}`` in its texts ("{year}年度中国最具影响力政务网站") is the campaign's ``year`` when given,
    else the file's own ``year``.
    """
    doc, source = read_yaml(name_or_path, "govlens.awards", AwardsError, "awards file")
    try:
        return parse_awards(doc, source, year=year)
    except AwardsError as exc:
        raise with_line(exc) from None


def parse_awards(doc: Any, source: str = "<awards>", year: int | None = None) -> AwardsConfig:
    from govlens.frameworks.load import canonical_name     # a former framework id names the framework's current one
    r = _Reader(source)
    top = r.mapping(doc, "")
    year = year if year is not None else r.integer(top, "year", "", minimum=1990)
    top = doc = _fill_year(top, year)
    series_list = []
    seen_awards: set[str] = set()
    for si, s in enumerate(r.list(top, "series", "")):
        sp = f"series[{si}]"
        s = r.mapping(s, sp)
        sid = r.text(s, "id", sp)
        awards = []
        for ai, a in enumerate(r.list(s, "awards", sp)):
            ap = f"{sp}.awards[{ai}]"
            a = r.mapping(a, ap)
            aid = r.text(a, "id", ap)
            if f"{sid}.{aid}" in seen_awards:
                raise AwardsError(_r("duplicate_award", id=f"{sid}.{aid}"), file=source, field=ap)
            seen_awards.add(f"{sid}.{aid}")
            groups = []
            for gi, g in enumerate(r.list(a, "groups", ap)):
                gp = f"{ap}.groups[{gi}]"
                g = r.mapping(g, gp)
                members_raw = r.mapping(g.get("members", {}), f"{gp}.members")
                members = {}
                for key, values in members_raw.items():
                    if key not in MEMBER_FIELDS:
                        raise AwardsError(_unknown("unknown_member_filter", key, MEMBER_FIELDS),
                                          file=source, field=f"{gp}.members")
                    values = [values] if isinstance(values, str) else values
                    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                        raise AwardsError(_r("list_of_strings"), file=source, field=f"{gp}.members.{key}")
                    members[key] = tuple(values)
                gnom = None if g.get("nominations") is None else r.integer(g, "nominations", gp, minimum=0)
                groups.append(AwardGroup(id=r.text(g, "id", gp), title=r.text(g, "title", gp),
                                         quota=r.integer(g, "quota", gp, minimum=0), members=members,
                                         nominations=gnom))
            rank_by = str(a.get("rank_by", "index"))
            if rank_by != "index" and not rank_by.startswith("dimension:"):
                raise AwardsError(_r("rank_by"), file=source, field=f"{ap}.rank_by")
            excludes = a.get("excludes", [])
            if not isinstance(excludes, list):
                raise AwardsError(_r("list_of_award_keys"), file=source, field=f"{ap}.excludes")
            evidence = a.get("evidence", [])
            if not isinstance(evidence, list) or not all(isinstance(e, str) and e for e in evidence):
                raise AwardsError(_r("list_of_indicators"), file=source, field=f"{ap}.evidence")
            awards.append(Award(
                id=aid, series_id=sid, title=r.text(a, "title", ap),
                framework=str(canonical_name(r.text(a, "framework", ap))),
                groups=tuple(groups), rank_by=rank_by,
                min_index=float(r.number(a, "min_index", ap, default=0.0)),
                nominations=r.integer(a, "nominations", ap, minimum=0, default=0),
                excludes=tuple(str(e) for e in excludes), reason=_reason(r, a.get("reason"), ap),
                evidence=tuple(evidence),
                requires_review=r.boolean(a, "requires_review", ap),
                bound_reasons=_bound_reasons(r, a.get("reasons"), f"{ap}.reasons")))
        series_list.append(Series(id=sid, number=r.integer(s, "number", sp, minimum=1), title=r.text(s, "title", sp),
                                  key_points=str(s.get("key_points", "") or ""), awards=tuple(awards)))
    for s in series_list:
        for a in s.awards:
            for e in a.excludes:
                if e not in seen_awards:
                    raise AwardsError(_unknown("excludes_unknown", e, seen_awards), file=source, field=f"{a.key}.excludes")
    nom_intro, nom_lists = _nominations(r, top.get("nominations"), seen_awards)
    when = top.get("date")
    if isinstance(when, str):
        try:
            when = date.fromisoformat(when)
        except ValueError:
            raise AwardsError(_r("iso_date"), file=source, field="date") from None
    if when is not None and not isinstance(when, date):
        raise AwardsError(_r("iso_date"), file=source, field="date")
    r.integer(top, "year", "", minimum=1990)
    return AwardsConfig(id=r.text(top, "id", ""), year=year,
                        title=str(top.get("title", "") or ""), issuer=str(top.get("issuer", "") or ""), date=when,
                        intro=str(top.get("intro", "") or ""), series=tuple(series_list), source=source,
                        nominations_intro=nom_intro, nomination_lists=nom_lists)


def _fill_year(value: Any, year: int) -> Any:
    """Every text of the file with ``{year}`` replaced (only that name: other braces stay as written)."""
    if isinstance(value, str):
        return value.replace("{year}", str(year))
    if isinstance(value, dict):
        return {k: _fill_year(v, year) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill_year(v, year) for v in value]
    return value


def _reason(r: "_Reader", raw: Any, path: str) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise r._err(_r("reason_text"),
                     f"{path}.reason")
    return raw.strip()


def _bound_reasons(r: "_Reader", raw: Any, path: str) -> tuple[BoundReason, ...]:
    """``reasons``: {platform id: text} or a list of {platforms: [ids], text}; every platform bound once."""
    if raw is None:
        return ()
    out: list[BoundReason] = []
    if isinstance(raw, dict):
        for pid, text in raw.items():
            if not isinstance(text, str) or not text.strip():
                raise r._err(_r("non_empty_text"), f"{path}.{pid}")
            out.append(BoundReason(platforms=(str(pid),), text=text.strip()))
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            ip = f"{path}[{i}]"
            item = r.mapping(item, ip)
            unknown = sorted(set(item) - {"platforms", "text"})
            if unknown:
                from govlens.messages import did_you_mean, t
                raise r._err(t("config.unknown_key", key=unknown[0],
                               hint=did_you_mean(str(unknown[0]), ["platforms", "text"])), ip)
            ids = item.get("platforms")
            ids = [ids] if isinstance(ids, str) else ids
            if not isinstance(ids, list) or not ids or not all(isinstance(x, str) and x for x in ids):
                raise r._err(_r("platform_ids"), f"{ip}.platforms")
            out.append(BoundReason(platforms=tuple(ids), text=r.text(item, "text", ip).strip()))
    else:
        raise r._err(_r("bound_reasons", example="{platforms, text}"), path)
    seen: set[str] = set()
    for b in out:
        for pid in b.platforms:
            if pid in seen:
                raise r._err(_r("two_reasons", id=pid), path)
            seen.add(pid)
    return tuple(out)


def _nominations(r: "_Reader", raw: Any, known: set[str]) -> tuple[str, tuple[NominationList, ...]]:
    """The optional closing ``nominations`` section: intro text and lists naming known awards."""
    if raw is None:
        return "", ()
    sec = r.mapping(raw, "nominations")
    lists = []
    for i, item in enumerate(r.list(sec, "lists", "nominations")):
        lp = f"nominations.lists[{i}]"
        item = r.mapping(item, lp)
        keys = item.get("awards")
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
            raise AwardsError(_r("nomination_keys"), file=r.source,
                              field=f"{lp}.awards")
        for k in keys:
            if k not in known:
                raise AwardsError(_unknown("unknown_award", k, known), file=r.source, field=f"{lp}.awards")
        lists.append(NominationList(title=r.text(item, "title", lp), awards=tuple(keys)))
    return str(sec.get("intro", "") or ""), tuple(lists)


@dataclass
class _Reader:
    source: str
    _missing: object = field(default_factory=object)

    def _err(self, msg: str, path: str) -> AwardsError:
        return AwardsError(msg, file=self.source, field=path or None)

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self._err(_r("mapping"), path)
        return value

    def list(self, m: dict[str, Any], key: str, path: str) -> list[Any]:
        value = m.get(key)
        if not isinstance(value, list) or not value:
            raise self._err(_r("non_empty_list"), _join(path, key))
        return value

    def text(self, m: dict[str, Any], key: str, path: str) -> str:
        value = m.get(key)
        if value is None or (isinstance(value, str) and not value.strip()) or isinstance(value, (dict, list)):
            raise self._err(_r("missing"), _join(path, key))
        return str(value)

    def integer(self, m: dict[str, Any], key: str, path: str, *, minimum: int, default: int | None = None) -> int:
        value = m.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self._err(_r("whole_number_min", minimum=minimum), _join(path, key))
        return value

    def boolean(self, m: dict[str, Any], key: str, path: str, default: bool = False) -> bool:
        value = m.get(key, default)
        if not isinstance(value, bool):
            raise self._err(_r("bool"), _join(path, key))
        return value

    def number(self, m: dict[str, Any], key: str, path: str, *, default: float) -> float:
        value = m.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._err(_r("number"), _join(path, key))
        return float(value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _r(key: str, **values: Any) -> str:
    """A load error's reason in the process's language (govlens.messages ``config.<key>``)."""
    from govlens.messages import t
    return t(f"config.{key}", **values)


def _unknown(key: str, name: str, known: Any) -> str:
    """``unknown award 'x'; did you mean 'y'?`` (govlens.messages: the nearest known names)."""
    from govlens.messages import did_you_mean, t
    return t(f"config.{key}", name=name, hint=did_you_mean(str(name), sorted(known)))
