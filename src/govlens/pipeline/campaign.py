"""The campaign file (TOML): what to evaluate, with which framework and awards, and where to write.

    [campaign]
    name = "2013年中国优秀政务平台推荐及综合影响力评估"
    year = 2013
    check_date = "2013-12-15"        # the evaluation is "as of" this date (default: today)
    registry = "registry.csv"        # paths are relative to this file
    framework = "website-2013"       # a shipped name or a path to a YAML file
    awards = "notice-2013"           # a shipped name or a path to a YAML file
    inspection = "national-check-2019"  # the national-check scheme of `govlens inspect` (name or YAML path)
    signals = "signals.csv"          # optional external signals (社会舆情)
    overseas_signals = "overseas.csv"  # optional overseas influence of foreign-language editions (series 7)
    out = "out"                      # output folder; the store is out/campaign.duckdb
    locale = "zh-CN"
    sandbox = "sandbox/sandbox.json" # optional: scan the sandbox web described by this state file
    warc = ["crawl-2025.warc.gz"]    # optional: take the pages from these WARC archives, not the network
    # several frameworks in one campaign: a list (each scores the platform kinds it declares) …
    frameworks = ["website-2013", "newmedia-2013", "mobile-2013"]
    # … or the framework for each platform kind
    # frameworks = {website = "website-2013", weibo = "newmedia-2013", wechat = "newmedia-2013"}
    account_stats = "account_stats.csv"   # optional data files, one key per importer
    account_posts = "account_posts.jsonl" # (govlens.probes.importers; schemas in docs/newmedia-data.md)
    # … and the key of any importer the [settings] IMPORTERS table adds (govlens.probes.components)
    account_comments = "account_comments.jsonl"
    submissions = "submissions.csv"
    expert_recommendations = "expert_recommendations.xlsx"
    app_store = "app_store.csv"

    [settings]                       # any setting of govlens.settings.default_settings
    HTTP_TIMEOUT = 10

    [notice]                         # optional: the notice's own text (govlens.notice_text)
    title = "2013年中国优秀政务平台推荐及综合影响力评估结果通报"
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govlens.errors import CampaignFileError, SettingsError
from govlens.messages import did_you_mean, os_reason, t
from govlens.notice_text import NoticeText, parse_notice
from govlens.settings import Settings

_KEYS = {"name", "year", "check_date", "registry", "framework", "awards", "signals", "out", "locale", "sandbox",
         "inspection"}
DATA_KEYS = ("account_stats", "account_posts", "account_comments", "submissions", "expert_recommendations",
             "app_store", "hotline_calls", "materials")
# the expert review (`govlens review`): the experts' list, the folder of sheets, the previous campaign
REVIEW_KEYS = ("reviewers", "review_dir", "previous")
_KEYS |= {"frameworks", *DATA_KEYS, *REVIEW_KEYS}
_KEYS |= {"overseas_signals"}        # series 7: overseas influence of foreign-language editions (CSV)
_KEYS |= {"warc"}                    # pages from WARC archives (govlens.probes.warc.source), not the network
# the tables of a campaign file; any other is a typo (`[campain]`), reported at its line
TABLES = ("campaign", "settings", "notice")


@dataclass
class Campaign:
    path: Path
    name: str
    year: int
    check_date: date
    registry: Path
    framework: str
    awards: str
    out: Path
    locale: str = "zh-CN"
    signals: Path | None = None
    sandbox: Path | None = None
    settings: Settings = field(default_factory=Settings)
    frameworks: list[str] = field(default_factory=list)       # every framework scored (the first is ``framework``)
    framework_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)   # framework → kinds it scores here
    data: dict[str, Path] = field(default_factory=dict)       # importer key → data file
    inspection: str = "national-check-2019"                    # the scheme of `govlens inspect`
    overseas_signals: Path | None = None                       # series 7: overseas-influence signals (CSV)
    reviewers: Path | None = None                              # experts' list (expert_id,name,region,province)
    review_dir: Path | None = None                             # where review sheets are written and read
    previous: Path | None = None                               # the previous campaign's store (fast development)
    warc: list[Path] = field(default_factory=list)             # scan these WARC archives instead of the network
    capture_warc: Path | None = None                           # write what the scan fetched here (`--capture-warc`)
    sources: dict[str, tuple[Any, int | None]] = field(default_factory=dict)   # key → (value as written, line)
    notice: NoticeText | None = None                           # the [notice] table (None: generated text)

    def __post_init__(self) -> None:
        if not self.frameworks:
            self.frameworks = [self.framework]

    @property
    def store_path(self) -> Path:
        return self.out / "campaign.duckdb"

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "year": self.year, "check_date": self.check_date.isoformat(),
                "framework": self.framework, "frameworks": list(self.frameworks), "awards": self.awards,
                "registry": str(self.registry), "locale": self.locale,
                "data": {k: str(v) for k, v in self.data.items()}}


def load_campaign(path: str | Path, overrides: dict[str, Any] | None = None) -> Campaign:
    """Read and validate a campaign file; ``overrides`` are command-line settings (highest priority).

    Every error names the file, the line (of the key at fault, or of a syntax error) and the field.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CampaignFileError(t("campaign.not_found"), file=str(path.resolve())) from None
    except UnicodeDecodeError:
        raise CampaignFileError(t("campaign.not_utf8"), file=str(path)) from None
    except OSError as exc:
        raise CampaignFileError(t("campaign.unreadable", reason=os_reason(exc)),
                                file=str(path)) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+), column (\d+)", str(exc))
        if m:
            raise CampaignFileError(t("campaign.not_toml", line=m.group(1), column=m.group(2)), file=str(path),
                                    line=int(m.group(1))) from None
        raise CampaignFileError(t("campaign.not_toml_plain"), file=str(path)) from None
    try:
        check_tables(path, text, doc)
        campaign = _campaign(path, doc, overrides)
    except CampaignFileError as exc:
        if exc.line is None and exc.field and exc.file == str(path):
            line = toml_line(text, exc.field)
            if line is not None:
                raise CampaignFileError(exc.reason, file=exc.file, line=line, field=exc.field) from None
        raise
    section = doc["campaign"]
    campaign.sources = {key: (section[key], toml_line(text, f"campaign.{key}"))
                        for key in section if isinstance(section[key], (str, list))}
    return campaign


def check_tables(path: Path, text: str, doc: dict[str, Any]) -> None:
    """Unknown tables and keys, each at its own line with the nearest known names (difflib).

    tomllib gives no positions, so the line is found by scanning the text (:func:`toml_line`). A
    typo'd table is named as such: ``[campain]`` is an unknown table, not a missing ``[campaign]``.
    """
    for name, value in doc.items():
        if name in TABLES:
            continue
        if isinstance(value, dict):
            raise CampaignFileError(t("campaign.unknown_table", name=name, hint=did_you_mean(name, TABLES)),
                                    file=str(path), line=toml_line(text, name))
        raise CampaignFileError(t("campaign.top_level_key", key=name), file=str(path),
                                line=toml_line(text, f".{name}"), field=name)
    section = doc.get("campaign")
    if not isinstance(section, dict):
        raise CampaignFileError(t("campaign.missing_table"), file=str(path))
    known = _KEYS | set(data_keys(path, doc))
    unknown = [key for key in section if key not in known]
    if unknown:
        lines = {key: toml_line(text, f"campaign.{key}") for key in unknown}
        key = min(unknown, key=lambda k: lines[k] or 0)
        raise CampaignFileError(t("campaign.unknown_key", table="campaign", key=key,
                                  hint=did_you_mean(key, known)),
                                file=str(path), line=lines[key], field=f"campaign.{key}")


def data_keys(path: Path, doc: dict[str, Any]) -> tuple[str, ...]:
    """The campaign keys naming data files: :data:`DATA_KEYS`, and the ``CAMPAIGN_KEY`` of each importer
    the campaign's ``[settings] IMPORTERS`` table adds by dotted path (govlens.probes.components)."""
    table = doc.get("settings")
    custom = table.get("IMPORTERS") if isinstance(table, dict) else None
    if not isinstance(custom, dict):
        return DATA_KEYS
    from govlens.probes.components import load_object
    extra: list[str] = []
    for key, order in custom.items():
        if "." in str(key) and order is not None and order is not False:
            try:
                module = load_object(str(key), "IMPORTERS")
            except SettingsError as exc:
                raise CampaignFileError(exc.reason, file=str(path), field="settings.IMPORTERS") from None
            extra.append(getattr(module, "CAMPAIGN_KEY", ""))
    return DATA_KEYS + tuple(k for k in dict.fromkeys(extra) if isinstance(k, str) and k and k not in DATA_KEYS)


def require_file(campaign: Campaign, key: str, path: Path | str | None = None) -> None:
    """Stop with the campaign key that names a file, its line and the file's full path when it is missing.

    Checked by the stage that reads the file (:func:`govlens.pipeline.runner.preflight`), not when the
    campaign is loaded: a `report` rerun does not need the registry any more.
    """
    target = Path(path) if path is not None else getattr(campaign, key, None)
    if target is None or Path(target).exists():
        return
    value, line = campaign.sources.get(key, (None, None))
    if isinstance(value, list):          # warc = [...]: the entry that names this file
        base = campaign.path.parent
        value = next((v for v in value if isinstance(v, str) and
                      (Path(v) if Path(v).is_absolute() else base / v) == Path(target)), None)
    full = Path(target).resolve()
    if isinstance(value, str):
        raise CampaignFileError(t("campaign.missing_file", key=key, value=value, path=full),
                                file=str(campaign.path), line=line)
    raise CampaignFileError(t("campaign.missing_file_set", path=full), file=str(campaign.path))


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def toml_line(text: str, field: str) -> int | None:
    """The 1-based line of ``table.key`` (or of ``[table]``; ``.key`` before any table) in TOML ``text``."""
    table, _, key = field.partition(".")
    current = ""
    header = None
    for number, raw in enumerate(text.splitlines(), 1):
        m = _HEADER.match(raw)
        if m:
            current = m.group(1).strip().strip('"')
            if current == table and header is None:
                header = number
            continue
        if current == table and key and re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]", raw):
            return number
    return header



def _dates(path: Path, section: dict[str, Any]) -> tuple[date, int]:
    """The campaign's check date (today when absent) and year (the check date's when absent)."""
    check = section.get("check_date", "")
    if isinstance(check, date):
        check_date = check
    elif check in ("", None):
        check_date = date.today()
    else:
        try:
            check_date = date.fromisoformat(str(check))
        except ValueError:
            raise CampaignFileError(t("campaign.expected_date"), file=str(path),
                                    field="campaign.check_date") from None
    year = section.get("year", check_date.year)
    if isinstance(year, bool) or not isinstance(year, int):
        raise CampaignFileError(t("campaign.expected_year"), file=str(path), field="campaign.year")
    return check_date, year


def _settings(path: Path, doc: dict[str, Any], overrides: dict[str, Any] | None, check_date: date) -> Settings:
    """The defaults, then the campaign's [settings], then the command line's --set; each refusal at its key."""
    settings = Settings()
    extra = doc.get("settings", {})
    if not isinstance(extra, dict):
        raise CampaignFileError(t("campaign.expected_table"), file=str(path), field="settings")
    defaults = settings.as_dict()
    for key, value in extra.items():      # a list in a campaign file is a TOML array (the CLI may use commas)
        if isinstance(defaults.get(key), tuple) and not isinstance(value, list):
            raise CampaignFileError(t("campaign.setting_list", key=key),
                                    file=str(path), field=f"settings.{key}")
    try:
        settings.update(extra, "campaign", source=str(path))
    except SettingsError as exc:
        raise CampaignFileError(exc.reason, file=str(path), field=f"settings.{exc.field}") from None
    try:
        if overrides:
            settings.update(overrides, "cmdline", source="command line")
        settings.set("CHECK_DATE", check_date.isoformat(), "campaign")
    except SettingsError as exc:
        raise SettingsError(t("campaign.set_setting", field=exc.field, reason=exc.reason), field=exc.field) from None
    return settings

def _campaign(path: Path, doc: dict[str, Any], overrides: dict[str, Any] | None) -> Campaign:
    from govlens.frameworks.load import canonical_name     # a former framework id names the framework's current one
    section = doc["campaign"]
    base = path.parent

    def text(key: str, default: str | None = None) -> str:
        value = section.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise CampaignFileError(t("campaign.expected_string"), file=str(path), field=f"campaign.{key}")
        return value

    def rel(key: str) -> Path:
        p = Path(text(key))
        return p if p.is_absolute() else base / p

    check_date, year = _dates(path, section)
    settings = _settings(path, doc, overrides, check_date)
    framework, awards = text("framework", "website-2013"), text("awards", "notice-2013")
    framework = str(base / framework) if framework.endswith((".yaml", ".yml")) else str(canonical_name(framework))
    awards = str(base / awards) if awards.endswith((".yaml", ".yml")) else awards
    inspection = text("inspection", "national-check-2019")
    inspection = str(base / inspection) if inspection.endswith((".yaml", ".yml")) else inspection
    def fw(name: str) -> str:
        """A path beside the campaign file, or a shipped framework's current id (a former one is renamed)."""
        return str(base / name) if name.endswith((".yaml", ".yml")) else str(canonical_name(name))

    frameworks: list[str] = []
    kinds: dict[str, tuple[str, ...]] = {}
    raw = section.get("frameworks")
    if raw is not None:
        if isinstance(raw, list) and raw and all(isinstance(x, str) and x.strip() for x in raw):
            frameworks = [fw(x) for x in raw]
        elif isinstance(raw, dict) and raw and all(isinstance(v, str) and v.strip() for v in raw.values()):
            from govlens.registry.model import KINDS
            bad = [k for k in raw if k not in KINDS]
            if bad:
                raise CampaignFileError(t("campaign.unknown_kind", kind=bad[0], hint=did_you_mean(bad[0], KINDS)),
                                        file=str(path), field=f"campaign.frameworks.{bad[0]}")
            for kind, name in raw.items():
                frameworks.append(fw(name))
                kinds.setdefault(fw(name), ())
                kinds[fw(name)] += (kind,)
        else:
            raise CampaignFileError(t("campaign.frameworks_shape"),
                                    file=str(path), field="campaign.frameworks")
    if "framework" in section or not frameworks:
        frameworks.insert(0, framework)
    frameworks = list(dict.fromkeys(frameworks))
    for name in frameworks:
        _check_named(path, name, "govlens.frameworks", "campaign.frameworks" if raw is not None and
                     "framework" not in section else "campaign.framework", t("campaign.what_framework"))
    _check_named(path, awards, "govlens.awards", "campaign.awards", t("campaign.what_awards"))
    _check_named(path, inspection, "govlens.frameworks", "campaign.inspection", t("campaign.what_inspection"))
    data = {key: rel(key) for key in data_keys(path, doc) if key in section}
    warc = section.get("warc", [])
    if isinstance(warc, str):
        warc = [warc]
    if not isinstance(warc, list) or not all(isinstance(x, str) and x.strip() for x in warc):
        raise CampaignFileError(t("campaign.warc_list"), file=str(path), field="campaign.warc")
    warc_paths = [Path(x) if Path(x).is_absolute() else base / x for x in warc]
    return Campaign(path=path, name=text("name"), year=year, check_date=check_date, registry=rel("registry"),
                    framework=frameworks[0], awards=awards, out=rel("out") if "out" in section else base / "out",
                    locale=text("locale", "zh-CN"), signals=rel("signals") if "signals" in section else None,
                    sandbox=rel("sandbox") if "sandbox" in section else None, settings=settings,
                    frameworks=frameworks, framework_kinds=kinds, data=data, inspection=inspection,
                    overseas_signals=rel("overseas_signals") if "overseas_signals" in section else None,
                    reviewers=rel("reviewers") if "reviewers" in section else None,
                    review_dir=rel("review_dir") if "review_dir" in section else None,
                    previous=rel("previous") if "previous" in section else None, warc=warc_paths,
                    notice=parse_notice(doc.get("notice"), str(path)))


def _check_named(path: Path, name: str, package: str, field: str, what: str) -> None:
    """A shipped name (or a YAML path), else an error at the campaign key, before any stage runs.

    Only the name is checked here (a file is parsed by the stage that uses it); the package's
    folder is listed without importing it (the awards package brings the scoring engine).
    """
    if name.endswith((".yaml", ".yml")):
        return                     # a file: read (and its errors named) by the stage that uses it
    import importlib.util
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or ()) if spec else []
    shipped = sorted({p.stem for folder in folders for p in Path(folder).glob("*.yaml")})
    if name not in shipped:
        from govlens.messages import join
        raise CampaignFileError(t("campaign.unknown_named", what=what, name=name, shipped=join(shipped),
                                  hint=did_you_mean(name, shipped) if len(shipped) > 1 else ""),
                                file=str(path), field=field)


def write_campaign(path: Path, values: dict[str, Any], settings: dict[str, Any] | None = None) -> None:
    """Write a minimal campaign file (used by `govlens demo`)."""
    lines = ["[campaign]"] + [f"{k} = {_toml(v)}" for k, v in values.items() if v is not None]
    if settings:
        lines += ["", "[settings]"] + [f"{k} = {_toml(v)}" for k, v in settings.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _toml(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    s = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'
