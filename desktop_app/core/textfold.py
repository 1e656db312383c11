r"""Fold text and queries to one comparable form, keeping a map back to the original.

Search compares *folded* strings: the same :func:`fold` is applied to every
indexed field and to every query term, so whatever two spellings fold alike
match each other. Folding, character by character:

* NFKC compatibility mapping, so full-width ``２５０４`` and ``ＧＤＰ`` become
  ``2504`` and ``GDP`` (applied per code point, never composing across
  characters, so folding stays local);
* traditional → simplified Chinese with OpenCC's ``t2s`` tables, one character
  at a time (``說`` → ``说``). Phrase-level conversion is deliberately not used:
  it could change a string's length and would make a query fold differently
  from the same characters inside a longer text;
* Latin letters case-folded (``GDP`` → ``gdp``);
* punctuation removed, Chinese and ASCII alike (``，`` ``,`` ``“`` ``《`` ``。`` …),
  except ``%`` ``‰`` ``‱``, which carry meaning in figures;
* whitespace, line breaks and invisible format characters removed, so a word
  broken by a column break (``实\n\n体经济``) folds to ``实体经济``.

Between two kept characters the removed run (a *gap*) can leave one mark:

* a ``.`` between digits stays (``41.93``), a decimal point;
* commas between digits vanish (``2,504`` and ``2，504`` → ``2504``);
* any other punctuation between digits leaves one space (``第1、2名`` →
  ``第1 2名``), so ``12`` does not match a list of two numbers;
* whitespace between two Latin letters or digits leaves one space
  (``new  york`` → ``new york``); between Han characters it leaves nothing.

Every rule looks only at the removed run and the kept characters on each side
of it, and a run at either end of a string leaves nothing. Hence folding is
*local*: the folding of any substring of ``text`` is a substring of
``fold(text).text``, which is what lets a phrase cut from a text find itself.

Each folded character records the index of the original character it came
from (:attr:`FoldedText.sources`, a NumPy ``int32`` array), so a match
``[i, j)`` in folded text maps to ``[sources[i], sources[j - 1] + 1)`` in the
original: see :meth:`FoldedText.original_span`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

import numpy as np
import numpy.typing as npt
import opencc

__all__ = [
    "FoldedText",
    "fold",
    "is_han",
    "to_simplified",
]

# Character classes produced by the per-character step.
_KEEP: Final = 0
_SPACE: Final = 1  # whitespace: may leave a space between Latin/digits
_PUNCT: Final = 2  # punctuation: may leave "." / nothing / a space between digits
_DROP: Final = 3  # format/control characters: always vanish

SHORT_TEXT: Final = 48
"""Texts up to this length are mapped without NumPy (same result, less overhead)."""

_KEPT_PUNCTUATION: Final = frozenset("%‰‱")
_COMMAS: Final = frozenset(",")  # full-width "，" and "﹐" fold to "," under NFKC
_DECIMAL_POINTS: Final = frozenset(".")  # "．" folds to "." under NFKC


@cache
def _converter() -> opencc.OpenCC:
    # Built once (about 7 ms); conversions are then cached per character.
    return opencc.OpenCC("t2s")


def is_han(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph (unified, extensions or compatibility).

    Args:
        char: a single character.

    Returns:
        True for Han characters, which carry no spaces between words.
    """
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x323AF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
        or code == 0x3007  # 〇
    )


def _is_cjk_script(char: str) -> bool:
    code = ord(char)
    return is_han(char) or 0x3040 <= code <= 0x30FF  # kana: no spaces between words either


@cache
def to_simplified(char: str) -> str:
    """The simplified form of one Han character (itself if it has none).

    Args:
        char: a single character.

    Returns:
        One character: OpenCC ``t2s`` applied to ``char`` alone, or ``char``
        when the conversion would not give exactly one character.
    """
    if not is_han(char):
        return char
    converted = str(_converter().convert(char))
    return converted if len(converted) == 1 else char


@cache
def _fold_char(char: str) -> tuple[str, int]:
    """Fold one code point, without context.

    Args:
        char: a single character.

    Returns:
        The folded string (empty, one or several characters) and its class
        (kept, whitespace, punctuation or dropped).
    """
    if char.isspace():
        return "", _SPACE
    category = unicodedata.category(char)
    if category in ("Cc", "Cf"):
        return "", _DROP
    pieces: list[str] = []
    for piece in unicodedata.normalize("NFKC", char):
        if piece.isspace():
            return "", _SPACE
        piece_category = unicodedata.category(piece)
        if piece_category[0] == "P" and piece not in _KEPT_PUNCTUATION:
            if len(pieces) == 0:
                # e.g. "，" → "," or "．" → ".": the original is punctuation.
                folded = unicodedata.normalize("NFKC", char)
                if len(folded) == 1:
                    return folded, _PUNCT
            continue
        pieces.append(to_simplified(piece).casefold())
    if not pieces:
        return "", _PUNCT
    return "".join(pieces), _KEEP


def _is_word(char: str) -> bool:
    return char.isalnum() and not _is_cjk_script(char)


@lru_cache(maxsize=4096)
def _gap_mark(left: str, right: str, gap_text: str, gap_codes: str) -> str:
    """What a removed run between two kept characters leaves behind.

    Args:
        left: the last folded character before the run.
        right: the first folded character after it.
        gap_text: the removed original characters.
        gap_codes: their class codes (see :data:`_CODE_OF`).
    """
    digits = left.isdigit() and right.isdigit() and left.isascii() and right.isascii()
    if digits and "p" in gap_codes:
        if "s" not in gap_codes and "d" not in gap_codes:
            marks = {_fold_char(char)[0] for char in gap_text}
            if marks <= _COMMAS:
                return ""
            if len(gap_text) == 1 and marks <= _DECIMAL_POINTS:
                return "."
        return " "
    if "s" in gap_codes and _is_word(left) and _is_word(right):
        return " "
    return ""


# One code character per class, so a whole text can be classified with str.translate.
# Kept as one character: n (an ASCII digit), w (another letter or digit outside the CJK
# scripts), k (anything else kept, Han included); x: kept as several characters;
# s: whitespace; p: punctuation; d: dropped.
_CODE_OF: Final = {_SPACE: "s", _PUNCT: "p", _DROP: "d"}
_CLASS_TABLE: dict[int, str] = {}
_FOLD_TABLE: dict[int, str] = {}
_UNKNOWN_RE: Final = re.compile("[^nwkxspd]")
# Only a removed run between two word characters can leave a mark (see _gap_mark).
_MARK_GAP_RE: Final = re.compile("(?<=[nwx])[spd]+(?=[nwx])")
_KEPT_LUT: Final = np.zeros(256, dtype=np.bool_)
for _code in "nwkx":
    _KEPT_LUT[ord(_code)] = True


def _learn(text: str) -> None:
    """Add the characters of ``text`` not yet seen to the translation tables."""
    table = _CLASS_TABLE
    for char in set(text):
        code = ord(char)
        if code in table:
            continue
        folded, kind = _fold_char(char)
        if kind != _KEEP:
            _FOLD_TABLE[code] = ""
            _CLASS_TABLE[code] = _CODE_OF[kind]
            continue
        _FOLD_TABLE[code] = folded
        if len(folded) > 1:
            _CLASS_TABLE[code] = "x"
        elif folded.isdigit() and folded.isascii():
            _CLASS_TABLE[code] = "n"
        elif _is_word(folded):
            _CLASS_TABLE[code] = "w"
        else:
            _CLASS_TABLE[code] = "k"


# str.translate leaves unknown characters as they are, so _UNKNOWN_RE cannot spot an
# unknown character that is itself a code letter: learn those up front.
_learn("nwkxspd")


@dataclass(frozen=True, slots=True, eq=False)
class FoldedText:
    """A folded string and, for each of its characters, the original index it came from.

    Attributes:
        original: the text as given.
        text: the folded text.
        sources: ``sources[i]`` is the index in ``original`` of the character
            that produced ``text[i]`` (for a gap mark, the first removed character).
    """

    original: str
    text: str
    sources: npt.NDArray[np.int32]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty folded range ``[start, end)`` to original offsets.

        Args:
            start: first folded index of the range.
            end: one past the last folded index; must be greater than ``start``.

        Returns:
            ``(orig_start, orig_end)`` such that ``original[orig_start:orig_end]``
            is exactly the run of original characters that folded to
            ``text[start:end]`` (punctuation and line breaks inside included).

        Raises:
            ValueError: if the range is empty or outside the folded text.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad folded range [{start}, {end}) for length {len(self.text)}")
        return int(self.sources[start]), int(self.sources[end - 1]) + 1


def fold(text: str) -> FoldedText:
    """Fold ``text`` for matching; see the module docstring for the rules.

    The work is done by two :meth:`str.translate` calls and a vectorised pass
    over the character classes; only characters never seen before, characters
    that expand, and removed runs between word characters are handled one by one.

    Args:
        text: any string, a whole field or a query term.

    Returns:
        The folded text with its map back to ``text``.
    """
    codes = text.translate(_CLASS_TABLE)
    if _UNKNOWN_RE.search(codes) is not None:
        _learn(text)
        codes = text.translate(_CLASS_TABLE)
    folded = text.translate(_FOLD_TABLE)
    if len(codes) <= SHORT_TEXT:
        # NumPy's per-call cost outweighs a comprehension on field-sized strings.
        sources = np.array([i for i, code in enumerate(codes) if code in "nwkx"], dtype=np.int32)
    else:
        kept = np.flatnonzero(_KEPT_LUT[np.frombuffer(codes.encode("ascii"), dtype=np.uint8)])
        sources = kept.astype(np.int32)
    if "x" in codes:
        lengths = np.ones(len(sources), dtype=np.intp)
        for match in re.finditer("x", codes):
            index = match.start()
            position = int(np.searchsorted(sources, index))
            lengths[position] = len(_FOLD_TABLE[ord(text[index])])
        sources = np.repeat(sources, lengths)
    marks: list[tuple[int, str]] = []
    for gap in _MARK_GAP_RE.finditer(codes):
        gap_start, gap_end = gap.span()
        mark = _gap_mark(
            _FOLD_TABLE[ord(text[gap_start - 1])][-1],
            _FOLD_TABLE[ord(text[gap_end])][0],
            text[gap_start:gap_end],
            codes[gap_start:gap_end],
        )
        if mark:
            marks.append((gap_start, mark))
    if marks:
        folded, sources = _insert_marks(folded, sources, marks)
    return FoldedText(text, folded, sources)


def _insert_marks(
    folded: str, sources: npt.NDArray[np.int32], marks: list[tuple[int, str]]
) -> tuple[str, npt.NDArray[np.int32]]:
    """Insert one-character gap marks, each before the first folded character after its gap."""
    gap_starts = np.array([start for start, _ in marks], dtype=np.int32)
    positions = np.searchsorted(sources, gap_starts)
    pieces: list[str] = []
    previous = 0
    for position, (_, mark) in zip(positions.tolist(), marks, strict=True):
        pieces.append(folded[previous:position])
        pieces.append(mark)
        previous = position
    pieces.append(folded[previous:])
    targets = positions + np.arange(len(marks))
    merged = np.empty(len(sources) + len(marks), dtype=np.int32)
    keep = np.ones(len(merged), dtype=np.bool_)
    keep[targets] = False
    merged[keep] = sources
    merged[targets] = gap_starts
    return "".join(pieces), merged
