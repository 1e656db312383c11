"""The initial each character is read with in its context, worked out once per index build. No Qt.

An abbreviation (``lz``, ``cq``) must spell the initials pypinyin gives its characters *in context*
(:func:`~desktop_app.core.search.pinyin.spoken_readings` of the match with a few characters either
side: 重庆 is ``cq``, never ``zq``). Reading every match with pypinyin on every keystroke cost a
broad abbreviation most of its time (``gz`` over the national library: about a thousand matches at
0.1 ms each). Yet pypinyin reads a character otherwise than its default reading only inside a word
of its phrase list that reads it so; everywhere else the context cannot change its initial. So a
build marks, per folded character, the initial it is read with whatever its context
(:func:`spoken_initials`), and ``?`` where a phrase of the list could change it; a match without a
``?`` is checked against those initials (:func:`spells_initials`), and only the rare one with a
``?`` is read with pypinyin as before. The answers are the same (the tests compare both ways on
every position of real reports).

One code per folded character:

* a lowercase letter: the reading's first letter (and it does not begin with zh/ch/sh);
* ``Z``, ``C``, ``S``: it begins with zh, ch, sh;
* ``?``: it depends on the context (a phrase of pypinyin's list reads it with another initial, or
  pypinyin has no plain Latin reading for it);
* ``.``: not a Han character.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Final

import numpy as np
from pypinyin import Style
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
from pypinyin.converter import UltimateConverter

from desktop_app.core.search.pinyin import readings, spells
from desktop_app.core.textfold import is_han

__all__ = ["CONTEXT_DEPENDENT", "NOT_HAN", "spells_initials", "spoken_initials"]

CONTEXT_DEPENDENT: Final = "?"
NOT_HAN: Final = "."
_RETROFLEX: Final = {"zh": "Z", "ch": "C", "sh": "S"}
_READING_OF: Final = {code: reading for reading, code in _RETROFLEX.items()}
_CONVERTER: Final = UltimateConverter()  # what pypinyin.lazy_pinyin reads with (no tone sandhi)
_PAIR_SHIFT: Final = 21  # bits of a code point: two of them make one int64 pair value


def _code(reading: str) -> str:
    """The code of one toneless reading (see the module docstring)."""
    if not ("a" <= reading[:1] <= "z"):
        return CONTEXT_DEPENDENT
    return _RETROFLEX.get(reading[:2], reading[0])


@cache
def _syllable_code(syllable: str) -> str:
    """The code of a syllable of pypinyin's tables (``chóng``) read as lazy_pinyin reads it (``chong``)."""
    if not syllable:
        return CONTEXT_DEPENDENT
    return _code(str(_CONVERTER.convert_style("", syllable, Style.NORMAL, strict=True)))


@cache
def _first_code(char: str) -> str:
    """The code of the reading pypinyin gives ``char`` outside any phrase (its first reading)."""
    entry = PINYIN_DICT.get(ord(char))
    return _syllable_code(entry.split(",")[0]) if entry is not None else CONTEXT_DEPENDENT


def _default_code(char: str) -> str:
    """The code of a Han character outside the phrases that read it otherwise."""
    code = _first_code(char)
    # When pypinyin's readings of a run do not line up with its characters, each is read alone
    # by readings(): that must not change its initial either.
    spelt = readings(char)
    return code if spelt and _code(spelt[0]) == code else CONTEXT_DEPENDENT


@cache
def _phrases_reading_otherwise() -> dict[int, list[tuple[str, tuple[int, ...]]]]:
    """Phrases of pypinyin's list that read some character with another initial than its default.

    Keyed by their first two characters (as a pair value), each with the offsets read otherwise.
    """
    found: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
    first, code = _first_code, _syllable_code
    for phrase, syllables in PHRASES_DICT.items():
        if len(phrase) < 2 or len(syllables) != len(phrase):
            continue
        otherwise = [
            offset
            for offset, options in enumerate(syllables)
            if code(options[0] if options else "") != first(phrase[offset])
        ]
        if otherwise:
            key = (ord(phrase[0]) << _PAIR_SHIFT) | ord(phrase[1])
            found.setdefault(key, []).append((phrase, tuple(otherwise)))
    return found


def spoken_initials(texts: Sequence[str], chars: Iterable[str]) -> list[str]:
    """For each text, the code of each character (see the module docstring).

    Args:
        texts: the documents' folded texts.
        chars: every character the texts hold (the index's character postings' keys).

    Returns:
        One string per text, as long as it.
    """
    table = {ord(char): _default_code(char) if is_han(char) else NOT_HAN for char in chars}
    coded = [text.translate(table) for text in texts]
    for number, positions in _read_otherwise(texts).items():
        codes = list(coded[number])
        for position in positions:
            codes[position] = CONTEXT_DEPENDENT
        coded[number] = "".join(codes)
    return coded


def _read_otherwise(texts: Sequence[str]) -> dict[int, set[int]]:
    """Per text, the positions that a phrase found there may read with another initial."""
    phrases = _phrases_reading_otherwise()
    joined = "".join(texts)
    if len(joined) < 2:
        return {}
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    pairs = (codes[:-1] << _PAIR_SHIFT) | codes[1:]
    candidates = np.flatnonzero(np.isin(pairs, np.fromiter(phrases, dtype=np.int64, count=len(phrases))))
    if not len(candidates):
        return {}
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(text) for text in texts], out=starts[1:])
    owners = np.searchsorted(starts, candidates, side="right") - 1
    marked: dict[int, set[int]] = {}
    for at, owner, pair in zip(candidates.tolist(), owners.tolist(), pairs[candidates].tolist(), strict=True):
        end = int(starts[owner + 1])
        for phrase, otherwise in phrases[pair]:
            if at + len(phrase) <= end and joined.startswith(phrase, at):
                offset = at - int(starts[owner])
                marked.setdefault(owner, set()).update(offset + k for k in otherwise)
    return marked


def spells_initials(letters: str, codes: str) -> bool:
    """Whether ``letters`` spell a run whose characters have these codes (none ``?`` or ``.``).

    The same answer as :func:`~desktop_app.core.search.pinyin.spells` over the readings the codes
    stand for.
    """
    return spells(letters, [_READING_OF.get(code, code) for code in codes])
