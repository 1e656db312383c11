"""Full-text search over every text field of a report.

:meth:`SearchIndex.build` folds each field once (:mod:`desktop_app.core.textfold`)
and keeps, besides the folded strings and their maps back to the original,
inverted indexes from every character and every pair of adjacent characters
to the documents holding them, the pinyin readings of every Han character in
the corpus, and an index of runs of three Han characters by their pinyin first
letters. A query never rescans the corpus: each term is turned into patterns
(sequences of character sets: a literal character, or every character a
pinyin syllable can stand for), each pattern picks its rarest posting lists as
a *driver*, and only the documents on them are checked, with :meth:`str.find`
or one compiled regular expression, in document order, stopping once
``limit`` hits are found.

Query syntax:

* terms separated by spaces must all match within one node (a paragraph, an
  indicator, a goal area …), in any of its fields;
* ``"a phrase"`` (also “…”) matches exactly, after folding; spaces between Han
  characters inside it are ignored like any other space in the text;
* a term of Latin letters also matches as pinyin, over a run of adjacent Han
  characters: each character is spelt by a full syllable of any of its
  readings or by its initial (``zh``/``ch``/``sh`` or the first letter), and
  the last one by any prefix of a syllable, so ``linzi``, ``lz``, ``lin`` and
  ``linz`` all find 临淄, and ``lin淄`` mixes both; a pinyin match never runs
  across punctuation (``力。走`` is not ``lz``);
* a term of consonants only (``lz``, ``cqyh``) is an *abbreviation*: its
  initials match the reading pypinyin gives each character *in its context*
  (its common reading, or a word's reading: 重庆 is chong qing), never a rare
  one (位次 is not ``lz`` through 位 li, 次 zi); its matches neither begin nor
  end inside a word of pypinyin's phrase list (``zzz`` does not find 展走在 in
  发展走在前); and its hits are ranked, the words it finds most often first
  (``lz``: 临淄 before 力争);
* numbers fold like any text: ``2504``, ``2,504`` and ``２５０４`` are one term;
  derived figures, and indicators whose text writes the value otherwise, also
  carry it as a plain number (``7154``);
* Latin letters typed as such match only at the start of a Latin word
  (``gdp`` finds 占GDP的, ``l`` does not find the l inside "Stabilise").
"""

from __future__ import annotations

import heapq
import itertools
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from desktop_app.core.model import Report
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.pinyin import (
    MAX_PINYIN_LETTERS,
    has_punctuation,
    inside_word,
    is_abbreviation,
    readings,
    segmentations,
    spells,
    spoken_readings,
)
from desktop_app.core.search.query import QueryTerm, parse_query
from desktop_app.core.search.state import IndexParts
from desktop_app.core.search.suggest import suggestions
from desktop_app.core.search.types import Document, Hit, NodeKind
from desktop_app.core.textfold import FoldedText, fold, is_han

__all__ = ["MAX_PATTERNS", "MAX_PINYIN_LETTERS", "Progress", "SearchIndex"]

Progress = Callable[[float], None]
"""Told the fraction of a build done (0–1) now and then; it may raise to abandon the build."""
_PROGRESS_EVERY: Final = 256  # documents between two calls of a build's progress callback

MAX_PATTERNS: Final = 48
"""How many readings of one term (pinyin segmentations × literal) are tried at most."""

_MATCHER_CACHE_SIZE: Final = 512
_MERGE_IN_PYTHON: Final = 2048  # candidate entries below which heapq.merge beats a NumPy union
_CONTEXT: Final = 3  # characters read on either side of an abbreviation's match
_LETTER_RUNS: Final = re.compile(r"[a-z]+|[^a-z]")
_HAN_RUN: Final = re.compile(r"[^.]{3,}")
_STAR: Final = re.compile(r"\*")


CharSet = frozenset[str]
"""The set of folded characters one position of a pattern accepts."""
Pattern = tuple[CharSet, ...]
Within = Sequence[range]
"""Sorted, disjoint ranges of document numbers that a query is limited to, none splitting a node."""


@dataclass(frozen=True, slots=True)
class _Matcher:
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
        union = np.unique(np.concatenate([np.asarray(postings, dtype=np.int32) for postings in self.drivers]))
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


_NO_MATCH: Final = _Matcher(needle=None, regex=None, drivers=(), estimate=0)


class SearchIndex:
    """An index over the documents of one report; build it once, query it per keystroke."""

    def __init__(self, documents: Sequence[Document], *, progress: Progress | None = None) -> None:
        """Index ``documents``; prefer :meth:`build` or :meth:`from_documents`.

        Args:
            documents: the fields to index; those of one node must be adjacent.
            progress: told the fraction done now and then (a library's index takes seconds);
                whatever it raises abandons the build and propagates.
        """
        report = progress or _ignore_progress
        self._docs: Sequence[Document] = tuple(documents)
        self._folded: Sequence[FoldedText] = self._fold_all(report)
        self._texts: list[str] = [folded.text for folded in self._folded]
        self._doc_node: array[int] = array("i")
        self._node_range: list[tuple[int, int]] = []
        self._chars: Mapping[str, Sequence[int]] = {}
        self._pairs: Mapping[str, Sequence[int]] = {}
        self._group_nodes()
        self._index_postings(report)
        self._next: dict[str, set[str]] | None = None  # built on the first pinyin query
        self._full_tokens: dict[str, CharSet] = {}
        self._prefix_tokens: dict[str, CharSet] = {}
        self._index_pinyin()
        self._initials: dict[int, str] = {}
        self._initial_triples: Mapping[str, Sequence[int]] = {}
        self._several_initials: dict[str, str] = {}
        self._index_initials(report)
        report(1.0)
        self._matchers: dict[QueryTerm, _Matcher] = {}
        self._pair_cache: dict[tuple[CharSet, CharSet], tuple[str, ...]] = {}

    @classmethod
    def build(cls, report: Report) -> SearchIndex:
        """Index every text field of ``report`` (see :func:`report_documents`).

        Args:
            report: the loaded report.

        Returns:
            The index.
        """
        return cls(report_documents(report))

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> SearchIndex:
        """Index arbitrary documents, grouping those of one node together.

        Args:
            documents: the fields to index, in any order.

        Returns:
            The index; nodes are ordered by first appearance.
        """
        order: dict[tuple[NodeKind, str], int] = {}
        docs = list(documents)
        for doc in docs:
            order.setdefault((doc.node_kind, doc.node_id), len(order))
        docs.sort(key=lambda doc: order[(doc.node_kind, doc.node_id)])
        return cls(docs)

    def parts(self) -> IndexParts:
        """Everything the index holds, for :func:`~desktop_app.core.search.state.encode` (a cache).

        Returns:
            The documents, their foldings and every posting list, shared, not copied.
        """
        return IndexParts(
            documents=self._docs,
            folded=self._folded,
            texts=self._texts,
            doc_node=self._doc_node,
            chars=self._chars,
            pairs=self._pairs,
            triples=self._initial_triples,
            full_tokens=self._full_tokens,
            prefix_tokens=self._prefix_tokens,
            initials=self._initials,
            several_initials=self._several_initials,
        )

    @classmethod
    def from_parts(cls, parts: IndexParts) -> SearchIndex:
        """The index that :meth:`parts` described, without folding or posting anything again.

        Args:
            parts: as :meth:`parts` returned them, or as read back from a cache.

        Returns:
            An index that answers every query as the original did.
        """
        index = cls.__new__(cls)
        index._docs = parts.documents
        index._folded = parts.folded
        index._texts = list(parts.texts)
        index._doc_node = array("i", parts.doc_node)
        index._node_range = _node_ranges(index._doc_node)
        index._chars = parts.chars
        index._pairs = parts.pairs
        index._next = None
        index._full_tokens = dict(parts.full_tokens)
        index._prefix_tokens = dict(parts.prefix_tokens)
        index._initials = dict(parts.initials)
        index._initial_triples = parts.triples
        index._several_initials = dict(parts.several_initials)
        index._matchers = {}
        index._pair_cache = {}
        return index

    # -- building ---------------------------------------------------------------------------

    def _fold_all(self, progress: Progress) -> list[FoldedText]:
        folded: list[FoldedText] = []
        total = max(len(self._docs), 1)
        for number, doc in enumerate(self._docs):
            if number % _PROGRESS_EVERY == 0:
                progress(_FOLDING * number / total)
            folded.append(fold(doc.text))
        return folded

    def _group_nodes(self) -> None:
        seen: set[tuple[NodeKind, str]] = set()
        previous: tuple[NodeKind, str] | None = None
        for number, doc in enumerate(self._docs):
            key = (doc.node_kind, doc.node_id)
            if key != previous:
                if key in seen:
                    raise ValueError(f"documents of node {doc.node_kind}:{doc.node_id} are not adjacent")
                seen.add(key)
                if self._node_range:
                    self._node_range[-1] = (self._node_range[-1][0], number)
                self._node_range.append((number, number))
                previous = key
            self._doc_node.append(len(self._node_range) - 1)
        if self._node_range:
            self._node_range[-1] = (self._node_range[-1][0], len(self._docs))

    def _index_postings(self, progress: Progress) -> None:
        chars: dict[str, array[int]] = {}
        pairs: dict[str, array[int]] = {}
        self._chars = chars  # arrays while building, read-only after
        self._pairs = pairs
        total = max(len(self._texts), 1)
        for number, text in enumerate(self._texts):
            if number % _PROGRESS_EVERY == 0:
                progress(_FOLDING + (_POSTING - _FOLDING) * number / total)
            for char in set(text):
                postings = chars.get(char)
                if postings is None:
                    chars[char] = postings = array("i")
                postings.append(number)
            for pair in set(map(str.__add__, text, text[1:])):
                postings = pairs.get(pair)
                if postings is None:
                    pairs[pair] = postings = array("i")
                postings.append(number)

    def _index_pinyin(self) -> None:
        full: dict[str, set[str]] = {}
        prefix: dict[str, set[str]] = {}
        for char in self._chars:
            if not is_han(char):
                continue
            for syllable in readings(char):
                full.setdefault(syllable, set()).add(char)
                full.setdefault(syllable[0], set()).add(char)
                if syllable[:2] in ("zh", "ch", "sh"):
                    full.setdefault(syllable[:2], set()).add(char)
                for end in range(1, len(syllable) + 1):
                    prefix.setdefault(syllable[:end], set()).add(char)
        self._full_tokens = {token: frozenset(chars) for token, chars in full.items()}
        self._prefix_tokens = {token: frozenset(chars) for token, chars in prefix.items()}

    def _index_initials(self, progress: Progress) -> None:
        """Post every run of three Han characters under their pinyin first letters.

        Each character maps to its first letter, to ``*`` when its readings start
        with different letters (a triple through it is posted under each), and
        anything not Han to ``.``, which breaks runs. Three-syllable pinyin
        patterns whose character pairs are all common but never line up
        (``xzx``) are then ruled out without visiting any document.
        """
        table = self._initials
        several = self._several_initials
        for char in self._chars:
            letters = sorted({syllable[0] for syllable in readings(char)}) if is_han(char) else []
            if len(letters) == 1:
                table[ord(char)] = letters[0]
            elif letters:
                table[ord(char)] = "*"
                several[char] = "".join(letters)
            else:
                table[ord(char)] = "."
        triples: dict[str, array[int]] = {}
        self._initial_triples = triples
        total = max(len(self._texts), 1)
        for number, text in enumerate(self._texts):
            if number % _PROGRESS_EVERY == 0:
                progress(_POSTING + (1 - _POSTING) * number / total)
            keys: set[str] = set()
            for run in _HAN_RUN.finditer(text.translate(table)):
                codes = run.group()
                last = len(codes) - 3
                runs = {codes[i : i + 3] for i in range(last + 1)}
                if "*" not in codes:
                    keys |= runs
                    continue
                keys.update(key for key in runs if "*" not in key)
                offset = run.start()
                starts: set[int] = set()
                for star in _STAR.finditer(codes):
                    starts.update(range(max(0, star.start() - 2), min(star.start(), last) + 1))
                for i in starts:
                    choices = [
                        several[text[offset + i + j]] if code == "*" else code
                        for j, code in enumerate(codes[i : i + 3])
                    ]
                    keys.update(map("".join, itertools.product(*choices)))
            for key in keys:
                postings = triples.get(key)
                if postings is None:
                    triples[key] = postings = array("i")
                postings.append(number)

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
            lists: list[Sequence[int]] = [
                self._initial_triples[key] for key in keys if key in self._initial_triples
            ]
            size = sum(len(postings) for postings in lists)
            if best is None or size < best_size:
                best, best_size = lists, size
        return best

    # -- public queries ---------------------------------------------------------------------

    @property
    def documents(self) -> Sequence[Document]:
        """The indexed documents, in result order."""
        return self._docs

    def __len__(self) -> int:
        return len(self._docs)

    def folded_length(self, documents: Iterable[int]) -> int:
        """How many folded characters these documents have (what a query is compared with).

        Args:
            documents: document numbers.

        Returns:
            The sum of their folded lengths: no punctuation, spaces or line breaks counted.
        """
        texts = self._texts
        return sum(len(texts[number]) for number in documents)

    def search(self, query: str, *, limit: int | None = None, within: Within | None = None) -> list[Hit]:
        """Find ``query`` (see the module docstring for its syntax).

        Args:
            query: the query as typed.
            limit: stop after this many hits (``None``: all of them).
            within: only in these document numbers (e.g. one report of a library's index).

        Returns:
            Hits in document order (an abbreviation's: the words found most often first),
            offsets into the original field text; overlapping matches in one field are merged.
        """
        terms = parse_query(query)
        hits = self._search(terms, limit, within)
        if len(hits) > 1 and any(not t.phrase and is_abbreviation(t.text) for t in terms):
            frequency: dict[str, int] = {}
            for hit in hits:
                frequency[hit.matched] = frequency.get(hit.matched, 0) + 1
            hits.sort(key=lambda hit: -frequency[hit.matched])  # stable: document order within a word
        return hits

    def _search(self, terms: list[QueryTerm], limit: int | None, within: Within | None) -> list[Hit]:
        hits: list[Hit] = []
        for _, spans in self._matching_nodes(terms, within):
            self._add_hits(spans, hits)
            if limit is not None and len(hits) >= limit:
                return hits[:limit]
        return hits

    def hit_counts(
        self, query: str, *, within: Within | None = None, cap: int | None = None
    ) -> dict[int, int]:
        """How many hits :meth:`search` would return in each document, without making them.

        Args:
            query: the query as typed.
            within: only in these document numbers.
            cap: stop once this many hits are counted (a display that says "100+" needs no more).

        Returns:
            Hit counts by document number (in document order, the last one cut short by ``cap``);
            documents without hits are left out.
        """
        counts: dict[int, int] = {}
        total = 0
        for _, spans in self._matching_nodes(parse_query(query), within):
            for doc_number in sorted(spans):
                count = len(_merge(spans[doc_number]))
                if cap is not None and total + count >= cap:
                    counts[doc_number] = cap - total
                    return counts
                counts[doc_number] = count
                total += count
        return counts

    def search_ranges(
        self, query: str, ranges: Within, *, limit: int | None = None, cap: int | None = None
    ) -> list[tuple[list[Hit], int]]:
        """Each range's first hits and its hit count, in one pass over the index.

        A library asks this of one index per keystroke, a range per report: a range whose count
        reaches ``cap`` is passed over from then on, so a query with thousands of hits (``g``)
        costs at most ``cap`` checks per report, and the candidates are merged once, not per report.
        An abbreviation's hits stay in document order here (:meth:`search` ranks them).

        Args:
            query: the query as typed.
            ranges: sorted, disjoint document ranges, none splitting a node.
            limit: at most this many hits of each range (None: all).
            cap: count each range's hits up to this many (None: all).

        Returns:
            For each range: its first hits in document order (at most ``limit`` and ``cap``), and its
            count (at most ``cap``).
        """
        hits: list[list[Hit]] = [[] for _ in ranges]
        counts = [0] * len(ranges)
        full: set[int] = set()
        for number, spans in self._matching_nodes(parse_query(query), ranges, full):
            counts[number] += sum(len(_merge(found)) for found in spans.values())
            if limit is None or len(hits[number]) < limit:
                self._add_hits(spans, hits[number])
            if cap is not None and counts[number] >= cap:
                full.add(number)
        most = min((n for n in (limit, cap) if n is not None), default=None)
        return [
            (found[:most] if most is not None else found, count if cap is None else min(count, cap))
            for found, count in zip(hits, counts, strict=True)
        ]

    def _matching_nodes(
        self, terms: list[QueryTerm], within: Within | None, skip: Container[int] = ()
    ) -> Iterator[tuple[int, dict[int, list[tuple[int, int]]]]]:
        """For each node where every term matches, in document order: its range and its spans.

        Yields the number of the node's range in ``within`` (0 without) and the folded spans by
        document; candidates in a range whose number is in ``skip`` are passed over.
        """
        matchers = [self._matcher(term) for term in terms]
        matchers = [m for m in matchers if m is not _EMPTY_TERM]
        if not matchers or any(m.estimate == 0 for m in matchers):
            return
        driver = min(matchers, key=lambda m: m.estimate)
        others = [m for m in matchers if m is not driver]
        last_node = -1
        doc_node = self._doc_node
        ranges = iter(within) if within is not None else None
        current = next(ranges, None) if ranges is not None else None
        if ranges is not None and current is None:
            return
        number = 0
        for doc_number in driver.candidates(current.start if current is not None else 0):
            if current is not None:
                while doc_number >= current.stop:
                    current = next(ranges, None)  # type: ignore[arg-type]
                    number += 1
                    if current is None:
                        return
                if doc_number < current.start or number in skip:
                    continue
            node = doc_node[doc_number]
            if node <= last_node:
                continue
            last_node = node
            spans = self._node_spans(node, driver, others)
            if spans:
                yield number, spans

    def clear_cache(self) -> None:
        """Forget the compiled query terms (benchmarks use it to time cold keystrokes)."""
        self._matchers.clear()
        self._pair_cache.clear()

    def count(self, query: str) -> int:
        """How many hits :meth:`search` would return without a limit.

        Args:
            query: the query as typed.

        Returns:
            The number of hits.
        """
        return len(self.search(query))

    def suggest(self, query: str, *, limit: int = 5) -> list[str]:
        """Other queries that would find something (see :func:`~.suggest.suggestions`).

        Args:
            query: the query as typed.
            limit: at most this many suggestions.

        Returns:
            Distinct queries, each with at least one hit; empty when ``query`` has hits.
        """
        return suggestions(self, query, limit=limit)

    # -- matching ---------------------------------------------------------------------------

    def _node_spans(
        self, node: int, driver: _Matcher, others: list[_Matcher]
    ) -> dict[int, list[tuple[int, int]]] | None:
        """The folded matches in each field of ``node`` if every term matches in one of them."""
        first, last = self._node_range[node]
        texts = self._texts
        spans: dict[int, list[tuple[int, int]]] = {}
        for matcher in (driver, *others):
            matched = False
            for doc_number in range(first, last):
                found = matcher.find(texts[doc_number])
                if found and matcher.pinyin:
                    found = self._plausible(doc_number, found, matcher.abbreviation)
                if found:
                    spans.setdefault(doc_number, []).extend(found)
                    matched = True
            if not matched:
                return None
        return spans

    def _add_hits(self, spans: dict[int, list[tuple[int, int]]], hits: list[Hit]) -> None:
        """Append one hit per merged span, documents in order."""
        for doc_number in sorted(spans):
            doc = self._docs[doc_number]
            folded = self._folded[doc_number]
            for start, end in _merge(spans[doc_number]):
                orig_start, orig_end = folded.original_span(start, end)
                hits.append(
                    Hit(
                        doc.node_id,
                        doc.node_kind,
                        doc.field,
                        orig_start,
                        orig_end,
                        doc.text,
                        doc.span,
                        doc.span_offset,
                    )
                )

    def _plausible(
        self, doc_number: int, found: list[tuple[int, int]], abbreviation: str
    ) -> list[tuple[int, int]]:
        """The pinyin matches a reader would accept.

        None runs across punctuation; an abbreviation's neither begins nor ends inside a word, and
        spells the readings pypinyin gives its characters in context.
        """
        folded = self._folded[doc_number]
        text, sources, original = folded.text, folded.sources, folded.original
        kept: list[tuple[int, int]] = []
        for start, end in found:
            contiguous = int(sources[end - 1]) - int(sources[start]) == end - 1 - start
            if not contiguous and any(
                int(sources[k + 1]) - int(sources[k]) > 1
                and is_han(text[k])
                and is_han(text[k + 1])
                and has_punctuation(original[int(sources[k]) + 1 : int(sources[k + 1])])
                for k in range(start, end - 1)
            ):
                continue
            if abbreviation and (
                inside_word(folded, start)
                or inside_word(folded, end)
                or not self._spelt_in_context(folded.text, start, end, abbreviation)
            ):
                continue
            kept.append((start, end))
        return kept

    def _spelt_in_context(self, text: str, start: int, end: int, letters: str) -> bool:
        """Whether ``letters`` spell ``text[start:end]`` as pypinyin reads it in its context.

        Only characters whose readings begin with different letters (重: zhong/chong) can read
        otherwise than the pattern assumed, so only a run holding one is read, with a few
        characters either side for pypinyin's phrases.
        """
        table = self._initials
        if all(table.get(ord(char)) != "*" for char in text[start:end]):
            return True
        low, high = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        return spells(letters, spoken_readings(text[low:high])[start - low : end - low])

    def _following(self) -> dict[str, set[str]]:
        """The characters that follow each character somewhere (built on first use)."""
        if self._next is None:
            following: dict[str, set[str]] = {}
            for pair in self._pairs:
                following.setdefault(pair[0], set()).add(pair[1])
            self._next = following
        return self._next

    def _matcher(self, term: QueryTerm) -> _Matcher:
        matcher = self._matchers.get(term)
        if matcher is None:
            if len(self._matchers) >= _MATCHER_CACHE_SIZE:
                self._matchers.clear()
            matcher = self._matchers[term] = self._make_matcher(term)
        return matcher

    def _make_matcher(self, term: QueryTerm) -> _Matcher:
        needle = fold(term.text).text
        if not needle:
            return _EMPTY_TERM
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
        return _Matcher(None, regex, all_drivers, estimate, pinyin=True, abbreviation=abbreviation)

    def _literal(self, needle: str) -> _Matcher:
        if len(needle) == 1:
            postings = self._chars.get(needle)
        else:
            lists = [self._pairs.get(needle[i : i + 2]) for i in range(len(needle) - 1)]
            postings = None if any(p is None for p in lists) else min(lists, key=_length)
        if postings is None:
            return _NO_MATCH
        return _Matcher(needle, None, (postings,), len(postings))

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
                found.extend(char + other for other in following.intersection(right))
        if len(self._pair_cache) >= 4 * _MATCHER_CACHE_SIZE:
            self._pair_cache.clear()
        result = self._pair_cache[key] = tuple(sorted(found))
        return result

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


_EMPTY_TERM: Final = _Matcher(needle="", regex=None, drivers=(), estimate=-1)
# Shares of a build's time (measured on the national library): folding, then postings, then initials.
_FOLDING: Final = 0.2
_POSTING: Final = 0.5


def _ignore_progress(fraction: float) -> None:
    """The progress callback of a build nobody watches."""


def _tail(postings: Sequence[int], start: int) -> Sequence[int]:
    """The part of a sorted posting list from document number ``start`` on, without copying."""
    at = bisect_left(postings, start)
    if isinstance(postings, (array, memoryview)):
        return memoryview(postings)[at:]
    return postings[at:]


def _node_ranges(doc_node: array[int]) -> list[tuple[int, int]]:
    """The document range of each node, from each document's node number."""
    if not doc_node:
        return []
    starts = (np.flatnonzero(np.diff(np.frombuffer(doc_node, dtype=np.int32))) + 1).tolist()
    return list(zip([0, *starts], [*starts, len(doc_node)], strict=True))


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


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge those that overlap."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
