"""How one query term is found: its patterns, the posting lists that drive it, and an exact test.

A term is turned into *patterns* (sequences of character sets: a literal character, or every
character a pinyin syllable can stand for); each pattern picks its rarest posting lists (by
character, by adjacent pair, or by three pinyin first letters) as *drivers*, and a
:class:`Matcher` tests a driver's documents with :meth:`str.find` or one compiled regular
expression. :class:`Matchers` makes and caches the matchers over one index's posting lists.
"""

from __future__ import annotations

import heapq
import itertools
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from desktop_app.core.search.pinyin import is_abbreviation, segmentations
from desktop_app.core.search.posting_table import following_chars, sorted_union
from desktop_app.core.search.query import QueryTerm
from desktop_app.core.search.state import IndexParts
from desktop_app.core.textfold import fold

__all__ = ["EMPTY_TERM", "MAX_PATTERNS", "CharSet", "Matcher", "Matchers", "Pattern"]

MAX_PATTERNS: Final = 48
"""How many readings of one term (pinyin segmentations × literal) are tried at most."""

_MATCHER_CACHE_SIZE: Final = 512
_MERGE_IN_PYTHON: Final = 2048  # candidate entries below which heapq.merge beats a NumPy union
_LETTER_RUNS: Final = re.compile(r"[a-z]+|[^a-z]")

CharSet = frozenset[str]
"""The set of folded characters one position of a pattern accepts."""
Pattern = tuple[CharSet, ...]


@dataclass(frozen=True, slots=True)
class Matcher:
    """How one query term is found: a driver posting list and an exact test."""

    needle: str | None  # literal search, or None when ``regex`` is used
    regex: re.Pattern[str] | None
    drivers: tuple[Sequence[int], ...]
    estimate: int
    pinyin: bool = False  # some pattern reads Latin letters as pinyin
    abbreviation: str = ""  # the term's letters when it is consonants only (``lz``)

    def candidates(self, start: int = 0) -> Iterator[int]:
        """The driver's documents in ascending order, each once, from document number ``start`` on."""
        if len(self.drivers) == 1:
            return iter(_tail(self.drivers[0], start) if start else self.drivers[0])
        if sum(map(len, self.drivers)) < _MERGE_IN_PYTHON:
            drivers = [_tail(postings, start) for postings in self.drivers] if start else self.drivers
            return heapq.merge(*drivers)
        # Many lists (a pinyin letter stands for hundreds of characters): one sorted union in NumPy
        # instead of a heap over every entry of every list.
        union = sorted_union(self.drivers)
        return iter(union[np.searchsorted(union, start) :].tolist())

    def find(self, text: str) -> list[tuple[int, int]]:
        """All matches in one folded text; overlapping literal matches are all reported."""
        if self.needle is not None:
            needle = self.needle
            found: list[tuple[int, int]] = []
            position = text.find(needle)
            while position >= 0:
                found.append((position, position + len(needle)))
                position = text.find(needle, position + 1)
            return found
        assert self.regex is not None
        return [match.span() for match in self.regex.finditer(text)]


_NO_MATCH: Final = Matcher(needle=None, regex=None, drivers=(), estimate=0)
EMPTY_TERM: Final = Matcher(needle="", regex=None, drivers=(), estimate=-1)
"""The matcher of a term that folds to nothing (punctuation only): it is left out of the query."""


class Matchers:
    """The matchers of query terms over one index's posting lists, made on first use and cached."""

    def __init__(self, parts: IndexParts) -> None:
        """Match over an index's posting lists and pinyin tables (shared, not copied)."""
        self._chars = parts.chars
        self._pairs = parts.pairs
        self._triples = parts.triples
        self._full_tokens = parts.full_tokens
        self._prefix_tokens = parts.prefix_tokens
        self._initials = parts.initials
        self._several_initials = parts.several_initials
        self._next: dict[str, str] | None = None  # built on the first pinyin query
        self._matchers: dict[QueryTerm, Matcher] = {}
        self._pair_cache: dict[tuple[CharSet, CharSet], tuple[str, ...]] = {}

    def clear(self) -> None:
        """Forget the compiled terms."""
        self._matchers.clear()
        self._pair_cache.clear()

    def __call__(self, term: QueryTerm) -> Matcher:
        """The matcher of ``term`` (:data:`EMPTY_TERM` when it folds to nothing)."""
        matcher = self._matchers.get(term)
        if matcher is None:
            if len(self._matchers) >= _MATCHER_CACHE_SIZE:
                self._matchers.clear()
            matcher = self._matchers[term] = self._make(term)
        return matcher

    def _make(self, term: QueryTerm) -> Matcher:
        needle = fold(term.text).text
        if not needle:
            return EMPTY_TERM
        if term.phrase or not any("a" <= char <= "z" for char in needle):
            return self._literal(needle)
        abbreviation = needle if is_abbreviation(needle) else ""
        patterns = self._patterns(needle)
        viable: list[tuple[Pattern, list[Sequence[int]], int]] = []
        for pattern in patterns:
            drivers = self._pattern_drivers(pattern)
            if drivers is not None:
                viable.append((pattern, drivers, sum(len(d) for d in drivers)))
        if not viable:
            return _NO_MATCH
        viable.sort(key=lambda item: -len(item[0]))
        regex = re.compile("|".join(_pattern_regex(pattern) for pattern, _, _ in viable))
        all_drivers = tuple(d for _, pattern_drivers, _ in viable for d in pattern_drivers)
        estimate = sum(estimate for _, _, estimate in viable)
        return Matcher(None, regex, all_drivers, estimate, pinyin=True, abbreviation=abbreviation)

    def _literal(self, needle: str) -> Matcher:
        if len(needle) == 1:
            postings = self._chars.get(needle)
        else:
            lists = [self._pairs.get(needle[i : i + 2]) for i in range(len(needle) - 1)]
            postings = None if any(p is None for p in lists) else min(lists, key=_length)
        if postings is None:
            return _NO_MATCH
        return Matcher(needle, None, (postings,), len(postings))

    def _patterns(self, needle: str) -> list[Pattern]:
        """Every reading of a term with Latin letters: literal, pinyin, or both mixed."""
        pieces = _LETTER_RUNS.findall(needle)
        options: list[list[Pattern]] = []
        for number, piece in enumerate(pieces):
            literal: Pattern = tuple(frozenset(char) for char in piece)
            if not piece.isalpha() or not piece.isascii():
                options.append([literal])
                continue
            final = number == len(pieces) - 1
            readings = [literal]
            for tokens in segmentations(piece, final, self._full_tokens, self._prefix_tokens, MAX_PATTERNS):
                slots: list[CharSet] = []
                for position, token in enumerate(tokens):
                    last = final and position == len(tokens) - 1
                    slots.append(self._prefix_tokens[token] if last else self._full_tokens[token])
                readings.append(tuple(slots))
            options.append(readings)
        patterns: list[Pattern] = []
        for combination in itertools.islice(itertools.product(*options), MAX_PATTERNS):
            pattern = tuple(slot for part in combination for slot in part)
            if pattern not in patterns:
                patterns.append(pattern)
        return patterns

    def _pattern_drivers(self, pattern: Pattern) -> list[Sequence[int]] | None:
        """The posting lists whose union holds every document the pattern can match, or None."""
        if len(pattern) == 1:
            lists: list[Sequence[int]] = [self._chars[c] for c in pattern[0] if c in self._chars]
            return lists or None
        best: list[Sequence[int]] | None = None
        best_size = -1
        for left, right in itertools.pairwise(pattern):
            pairs = self._slot_pairs(left, right)
            if not pairs:
                return None
            candidate: list[Sequence[int]] = [self._pairs[pair] for pair in pairs]
            size = sum(len(postings) for postings in candidate)
            if best is None or size < best_size:
                best, best_size = candidate, size
        if len(pattern) >= 3:
            triples = self._triple_drivers(pattern)
            if triples is not None:
                if not triples:
                    return None
                if sum(len(postings) for postings in triples) < best_size:
                    best = triples
        return best

    def _slot_pairs(self, left: CharSet, right: CharSet) -> tuple[str, ...]:
        """The adjacent pairs in the corpus whose first character is in ``left``, second in ``right``."""
        key = (left, right)
        cached = self._pair_cache.get(key)
        if cached is not None:
            return cached
        found: list[str] = []
        after = self._following()
        for char in left:
            following = after.get(char)
            if following:
                found.extend(char + other for other in right.intersection(following))
        if len(self._pair_cache) >= 4 * _MATCHER_CACHE_SIZE:
            self._pair_cache.clear()
        result = self._pair_cache[key] = tuple(sorted(found))
        return result

    def _following(self) -> dict[str, str]:
        """The characters that follow each character somewhere (built on first use)."""
        if self._next is None:
            self._next = following_chars(self._pairs)
        return self._next

    def _slot_initials(self, slot: CharSet) -> frozenset[str] | None:
        """The first-letter keys to look a slot up under, or None if a character is not Han.

        A character with several first letters is posted under each, so one
        letter that every character of the slot has (a pinyin slot's own
        letter) is enough; otherwise every letter of every character.
        """
        common: set[str] | None = None
        union: set[str] = set()
        for char in slot:
            code = self._initials.get(ord(char), ".")
            if code == ".":
                return None
            letters = set(self._several_initials[char] if code == "*" else code)
            union |= letters
            common = letters if common is None else common & letters
        if common:
            return frozenset(min(common))
        return frozenset(union)

    def _triple_drivers(self, pattern: Pattern) -> list[Sequence[int]] | None:
        """The smallest union of first-letter triple postings over any three adjacent slots."""
        initials = [self._slot_initials(slot) for slot in pattern]
        best: list[Sequence[int]] | None = None
        best_size = -1
        for start in range(len(pattern) - 2):
            window = initials[start : start + 3]
            if any(codes is None for codes in window):
                continue
            keys = {"".join(combo) for combo in itertools.product(*(sorted(c or ()) for c in window))}
            lists: list[Sequence[int]] = [self._triples[key] for key in keys if key in self._triples]
            size = sum(len(postings) for postings in lists)
            if best is None or size < best_size:
                best, best_size = lists, size
        return best


def _tail(postings: Sequence[int], start: int) -> Sequence[int]:
    """The part of a sorted posting list from document number ``start`` on, without copying."""
    at = bisect_left(postings, start)
    if isinstance(postings, (array, memoryview)):
        return memoryview(postings)[at:]
    return postings[at:]


def _length(postings: Sequence[int] | None) -> int:
    return len(postings) if postings is not None else 0


def _pattern_regex(pattern: Pattern) -> str:
    parts: list[str] = []
    first = next(iter(pattern[0])) if len(pattern[0]) == 1 else ""
    if "a" <= first <= "z":
        # Latin letters typed literally: only at the start of a Latin word.
        parts.append("(?<![a-z0-9])")
    for slot in pattern:
        if len(slot) == 1:
            parts.append(re.escape(next(iter(slot))))
        else:
            parts.append("[" + "".join(re.escape(char) for char in sorted(slot)) + "]")
    return "".join(parts)
