"""Pinyin for search: readings of characters, spellings of a typed run, abbreviations. No Qt.

:mod:`desktop_app.core.search.index` builds its patterns from these; they are pure functions over
pypinyin's tables, cheap once its dictionaries are loaded.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import Final

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.phrases_dict import phrases_dict

from desktop_app.core.textfold import FoldedText, is_han

__all__ = [
    "MAX_PINYIN_LETTERS",
    "has_punctuation",
    "inside_word",
    "is_abbreviation",
    "readings",
    "segmentations",
    "spells",
    "spoken_readings",
]

MAX_PINYIN_LETTERS: Final = 32
"""A run of Latin letters longer than this matches only literally: nobody types a longer pinyin
word, and the segmentations of a longer run grow without bound."""

_MAX_SYLLABLE: Final = 6  # zhuang, shuang, chuang
_VOWELS: Final = frozenset("aeiouv")
_WORDS: Final = phrases_dict  # loaded by pypinyin anyway: words whose reading is not the default


@cache
def readings(char: str) -> tuple[str, ...]:
    """The toneless pinyin syllables of one Han character, every reading (``lv`` also as ``lu``)."""
    syllables: list[str] = []
    for group in pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore"):
        for syllable in group:
            for spelling in (syllable, syllable.replace("v", "u")):
                if spelling.isascii() and spelling.isalpha() and spelling not in syllables:
                    syllables.append(spelling)
    return tuple(syllables)


@lru_cache(maxsize=4096)
def spoken_readings(text: str) -> tuple[str, ...]:
    """One reading per character of folded ``text``.

    Han runs are read as pypinyin reads them in context (phrases included: 重庆 is chong qing),
    anything else as itself.
    """
    spoken_all: list[str] = []
    for han, run in itertools.groupby(text, key=is_han):
        chars = "".join(run)
        spoken = lazy_pinyin(chars, style=Style.NORMAL) if han else list(chars)
        if len(spoken) != len(chars):  # cannot line up: each character alone
            spoken = [(readings(char) or (char,))[0] for char in chars]
        spoken_all.extend(spoken)
    return tuple(spoken_all)


def segmentations(
    letters: str, final: bool, full: Mapping[str, object], prefix: Mapping[str, object], limit: int
) -> list[tuple[str, ...]]:
    """Ways to spell ``letters`` as a run of syllables/initials (the last may be a prefix).

    Iterative, so a long run cannot exhaust the stack; runs longer than
    :data:`MAX_PINYIN_LETTERS` have no pinyin reading at all.

    Args:
        letters: a run of Latin letters.
        final: whether the run ends the term (its last token may then be a prefix).
        full: the tokens one character may be spelt by (syllables and initials).
        prefix: the prefixes of syllables (for the last character of the term).
        limit: at most this many segmentations.

    Returns:
        Token tuples, longest syllable first at each step.
    """
    length = len(letters)
    if length > MAX_PINYIN_LETTERS:
        return []

    def valid(start: int, end: int) -> bool:
        token = letters[start:end]
        return token in full or (final and end == length and token in prefix)

    # viable[i]: letters[i:] can be spelt to the end (worked out from the end backwards).
    viable = [False] * (length + 1)
    viable[length] = True
    for start in range(length - 1, -1, -1):
        viable[start] = any(
            valid(start, end) and viable[end] for end in range(min(length, start + _MAX_SYLLABLE), start, -1)
        )
    results: list[tuple[str, ...]] = []
    if not viable[0]:
        return results
    # Depth first, longest syllable first, as the recursive walk did: an explicit stack.
    stack: list[tuple[int, tuple[str, ...]]] = [(0, ())]
    while stack and len(results) < limit:
        start, tokens = stack.pop()
        if start == length:
            results.append(tokens)
            continue
        following = [
            (end, (*tokens, letters[start:end]))
            for end in range(min(length, start + _MAX_SYLLABLE), start, -1)
            if valid(start, end) and viable[end]
        ]
        stack.extend(reversed(following))
    return results


def is_abbreviation(term: str) -> bool:
    """Two or more Latin consonants (``lz``, ``cqyh``): initials, since no syllable lacks a vowel.

    One letter is not an abbreviation yet: it is the start of whatever is being typed.
    """
    folded = term.casefold()
    return len(folded) > 1 and folded.isascii() and folded.isalpha() and not _VOWELS.intersection(folded)


def has_punctuation(gap: str) -> bool:
    """Whether a removed run of text holds punctuation (whitespace and line breaks do not count)."""
    return any(unicodedata.category(char)[0] == "P" for char in gap)


def inside_word(folded: FoldedText, cut: int) -> bool:
    """Whether ``cut`` falls between the two characters of a word (adjacent in the original too)."""
    text = folded.text
    if cut <= 0 or cut >= len(text) or text[cut - 1 : cut + 1] not in _WORDS:
        return False
    return int(folded.sources[cut]) - int(folded.sources[cut - 1]) == 1


def spells(letters: str, readings: Sequence[str]) -> bool:
    """Whether ``letters`` are the initials of ``readings``, one per reading.

    A reading's initial is its first letter, or ``zh``/``ch``/``sh`` spelt out.
    """
    ends = {0}
    for reading in readings:
        following: set[int] = set()
        for at in ends:
            if reading and letters.startswith(reading[0], at):
                following.add(at + 1)
            if reading[:2] in ("zh", "ch", "sh") and letters.startswith(reading[:2], at):
                following.add(at + 2)
        if not following:
            return False
        ends = following
    return len(letters) in ends
