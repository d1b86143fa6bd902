"""Language packs (data/lang/sv.toml, en.toml): the answer phrases of each language and the
question cues, roles and word lists that understand reads. A cue exists once, here."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.errors import CorpusError

LANG_DIR = Path(__file__).parent / "data" / "lang"
LANGS = ("sv", "en")


@dataclass(frozen=True)
class Pack:
    phrases: dict[str, str]
    cues: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    words: dict[str, str]


@cache
def pack(lang: str) -> Pack:
    """The pack of a language: data/lang/LANG.toml, and the phrases of every data/lang/LANG/*.toml (one file per
    answerer; a key defined twice is an error)."""
    lang = lang if lang in LANGS else "sv"
    path = LANG_DIR / f"{lang}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        phrases = dict(data["phrases"])
        for extra in sorted((LANG_DIR / lang).glob("*.toml")):
            path = extra
            more = tomllib.loads(extra.read_text(encoding="utf-8")).get("phrases", {})
            twice = sorted(set(more) & set(phrases))
            if twice:
                raise KeyError(f"phrases defined twice: {', '.join(twice)}")
            phrases.update(more)
        return Pack(phrases=phrases, cues={k: tuple(v) for k, v in data.get("cues", {}).items()},
                    roles={k: tuple(v) for k, v in data.get("roles", {}).items()}, words=dict(data.get("words", {})))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise CorpusError(f"{path}: cannot read the language pack: {exc}",
                          hint="fix the entry named in the message") from exc


def phrase(lang: str, key: str) -> str:
    return pack(lang).phrases[key]


def phrases(lang: str) -> dict[str, str]:
    return pack(lang).phrases


@cache
def cue(name: str) -> re.Pattern[str]:
    """One cue of every language as one pattern on the folded question."""
    parts = [p for lang in LANGS for p in pack(lang).cues.get(name, ())]
    if not parts:
        raise CorpusError(f"{LANG_DIR}: no cue named {name!r}", hint="add it to the [cues] of a language pack")
    return re.compile("|".join(f"(?:{p})" for p in parts))


@cache
def roles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The roles a question can ask for, in the packs' order (the first that matches is the role)."""
    names = list(dict.fromkeys(r for lang in LANGS for r in pack(lang).roles))
    return tuple((r, re.compile("|".join(f"(?:{p})" for lang in LANGS for p in pack(lang).roles.get(r, ()))))
                 for r in names)


@cache
def word_list(name: str) -> tuple[str, ...]:
    return tuple(w for lang in LANGS for w in pack(lang).words.get(name, "").split())
