"""Benchmark questions for the first N generated reports, from what the generator wrote in
.scale.json: figure questions (table look-ups and running-text figures) about organisations,
years and projects those reports have, and narrative questions (what an organisation did,
tell me about a project)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from core.entities import Registry

# Organisations with a row in each template's table of paid EU funds (source ids; the
# generator's permutation says what each became).
TABLE_ORGS = {
    "2024_stk_redovisning_internationellt_arbete.txt": ["asn", "fskn", "grn", "gvn", "kn", "mn", "sbn", "tn"],
    "2022_ks_protokoll_redovisning_internationellt_arbete.txt": ["asf", "gvf", "fgk", "grf", "mf", "fskf"],
    "2019_asn_tjansteskrivelse_internationell_redovisning.txt": ["asf"],
    "2018_asn_redovisning_internationellt_arbete.md": ["asf"],
}
CITY_REPORTS = {  # templates that state the city's project count in running text
    "2024_stk_redovisning_internationellt_arbete.txt", "2022_ks_protokoll_redovisning_internationellt_arbete.txt",
    "2019_malmo_stad_redovisning_internationellt_arbete.md",
}
PROJECT_TABLE = "2019_asn_tjansteskrivelse_internationell_redovisning.txt"  # a per-project amounts table
TABLE_PROJECTS = ["Hela familjen", "Vägen in", "Yalla Sofielund", "TAMU"]
NARRATIVE_ORGS = ["asf", "mf", "grf", "kuf", "fskf", "gvf", "fgk", "frf", "fsf", "hvof", "sf", "sbk"]


def load_about(generated: Path) -> list[dict[str, Any]]:
    return list(json.loads((generated / ".scale.json").read_text(encoding="utf-8")))


def _name(registry: Registry, org_id: str) -> str:
    name = registry.organisations[org_id].name
    return name[:1].lower() + name[1:] if org_id not in ("malmo_stad",) else name


def figure_questions(reports: list[dict[str, Any]], registry: Registry, rng: random.Random, n: int) -> list[str]:
    pool: list[str] = []
    for r in reports:
        year, orgs = r["year"], r["orgs"]
        for source in TABLE_ORGS.get(r["template"], []):
            pool.append(f"Hur mycket EU-medel fick {_name(registry, orgs.get(source, source))} {year}?")
        if r["template"] in CITY_REPORTS:
            pool.append(f"Hur många EU-projekt hade staden {year}?")
        if r["template"] == PROJECT_TABLE:
            for project in TABLE_PROJECTS:
                new = r["projects"].get(project)
                if new:
                    pool.append(f"Hur mycket fick projektet {new} {year}?")
    return _sample(pool, rng, n)


def narrative_questions(reports: list[dict[str, Any]], registry: Registry, rng: random.Random, n: int) -> list[str]:
    did: list[str] = []
    about: list[str] = []
    for r in reports:
        year, orgs = r["year"], r["orgs"]
        city = r["template"] in CITY_REPORTS
        for source in (NARRATIVE_ORGS if city else ["asf"]):
            did.append(f"Vad gjorde {_name(registry, orgs.get(source, source))} inom internationellt arbete {year}?")
        about += [f"Berätta om projektet {new}" for new in r["projects"].values() if " " in new or len(new) > 3]
    return _sample(did, rng, n - n // 2) + _sample(about, rng, n // 2)


def _sample(pool: list[str], rng: random.Random, n: int) -> list[str]:
    unique = sorted(set(pool))
    rng.shuffle(unique)
    return unique[:n]
