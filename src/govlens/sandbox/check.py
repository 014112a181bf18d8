"""Compare a scan's ``findings.csv`` with the sandbox's ground truth: precision and recall per kind and family.

It reads only the two files, so it measures the scanner as a user would, and it matches
findings to truth with :func:`govlens.contract.defects.match_key` (site-level kinds by platform,
URL-level kinds by platform and URL without scheme). The per-family table splits the same
comparison by the layout family the truth records for each website (:mod:`govlens.sandbox.families`):
a detector that only works on one CMS's markup shows up there, not in the per-kind totals.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len

from govlens import messages
from govlens.contract.defects import ALL_KINDS, BROWSER_KINDS, match_key
from govlens.errors import InputError

if TYPE_CHECKING:
    from govlens.store.campaign_store import CampaignStore


@dataclass(frozen=True)
class KindScore:
    kind: str
    truth: int
    found: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else (1.0 if not self.truth else 0.0)

    @property
    def recall(self) -> float:
        return self.true_positives / self.truth if self.truth else 1.0


def load_truth_keys(path: Path, platform_ids: set[str] | None = None) -> set[tuple[str, str, str]]:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        sites = doc["sites"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(messages.t("sandbox_cli.not_truth"), file=str(path)) from None
    keys = set()
    for site in sites:
        if platform_ids is not None and site["platform_id"] not in platform_ids:
            continue
        for d in site["defects"]:
            keys.add(match_key(site["platform_id"], d["kind"], d.get("url")))
    return keys


def load_finding_keys(path: Path) -> set[tuple[str, str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or not {"platform_id", "kind", "url"} <= set(reader.fieldnames):
                raise InputError(messages.t("sandbox_errors.finding_columns"), file=str(path), line=1)
            return {match_key(r["platform_id"], r["kind"], r["url"]) for r in reader}
    except OSError as exc:
        raise InputError(messages.t("sandbox_errors.cannot_read", reason=messages.os_reason(exc)),
                         file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(messages.t("import.not_utf8_byte", byte=exc.start), file=str(path)) from None


def open_store(store_path: Path) -> CampaignStore:
    """A campaign store opened read-only, or the input error that names it (the checks' shared door)."""
    from govlens.errors import StoreError
    from govlens.store.campaign_store import CampaignStore

    try:
        return CampaignStore(store_path, read_only=True)
    except StoreError as exc:
        raise InputError(messages.t("sandbox_errors.cannot_open_store", reason=str(exc)[:300]),
                         file=str(store_path)) from None


def rendered_platforms(store_path: Path) -> set[str]:
    """Platforms the browser probe rendered in a campaign store (its browser kinds are judged on these only)."""
    import duckdb

    from govlens.store.queries import observed_by_probe

    store = open_store(store_path)
    try:
        return set(observed_by_probe(store, "browser"))
    except duckdb.Error:
        raise InputError(messages.t("sandbox_errors.not_store"), file=str(store_path)) from None
    finally:
        store.close()


def only_rendered(keys: set[tuple[str, str, str]], rendered: set[str]) -> set[tuple[str, str, str]]:
    """Drop browser-kind keys of platforms that were not rendered (a sample renders only some)."""
    return {k for k in keys if k[1] not in BROWSER_KINDS or k[0] in rendered}


def compare(truth: set[tuple[str, str, str]], found: set[tuple[str, str, str]],
            kinds: tuple[str, ...] = ALL_KINDS) -> list[KindScore]:
    scores = []
    for kind in kinds:
        t = {k for k in truth if k[1] == kind}
        f = {k for k in found if k[1] == kind}
        scores.append(KindScore(kind=kind, truth=len(t), found=len(f), true_positives=len(t & f)))
    return scores


def header(*columns: tuple[str, int]) -> str:
    """A table's header line in the user's language: (column, width), a negative width right-aligns;
    widths are terminal cells (a Chinese character takes two)."""
    out = []
    for name, width in columns:
        word = messages.t(f"sandbox_cli.col.{name}")
        pad = " " * max(0, abs(width) - cell_len(word))
        out.append(pad + word if width < 0 else word + pad)
    return " ".join(out).rstrip()


def format_scores(scores: list[KindScore]) -> str:
    lines = [header(("kind", 24), ("truth", -6), ("found", -6), ("tp", -6), ("precision", -9), ("recall", -7))]
    for s in scores:
        lines.append(f"{s.kind:<24} {s.truth:>6} {s.found:>6} {s.true_positives:>6} "
                     f"{s.precision:>9.3f} {s.recall:>7.3f}")
    return "\n".join(lines)


@dataclass(frozen=True)
class FamilyScore(KindScore):
    family: str = ""


def load_truth_families(path: Path) -> dict[str, str]:
    """Platform id → layout family, for the websites of a truth file (other platforms have none)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        return {s["platform_id"]: s["family"] for s in doc["sites"] if s.get("family")}
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(messages.t("sandbox_cli.not_truth"), file=str(path)) from None


def compare_by_family(truth: set[tuple[str, str, str]], found: set[tuple[str, str, str]],
                      families: dict[str, str], kinds: tuple[str, ...] = ALL_KINDS) -> list[FamilyScore]:
    """One score per (kind, family) that has a truth case or a finding; platforms without a family are left out."""
    names = sorted(set(families.values()))
    scores = []
    for kind in kinds:
        for fam in names:
            t = {k for k in truth if k[1] == kind and families.get(k[0]) == fam}
            f = {k for k in found if k[1] == kind and families.get(k[0]) == fam}
            if t or f:
                scores.append(FamilyScore(kind=kind, truth=len(t), found=len(f), true_positives=len(t & f),
                                          family=fam))
    return scores


def format_family_scores(scores: list[FamilyScore]) -> str:
    lines = [header(("kind", 24), ("family", 8), ("truth", -6), ("found", -6), ("tp", -6), ("precision", -9),
                    ("recall", -7))]
    for s in scores:
        lines.append(f"{s.kind:<24} {s.family:<8} {s.truth:>6} {s.found:>6} {s.true_positives:>6} "
                     f"{s.precision:>9.3f} {s.recall:>7.3f}")
    return "\n".join(lines)
