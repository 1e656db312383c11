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

from array import array
from collections.abc import Container, Iterable, Iterator, Sequence
from typing import Final

from desktop_app.core.model import Report
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.matcher import EMPTY_TERM, MAX_PATTERNS, Matcher, Matchers
from desktop_app.core.search.pinyin import (
    MAX_PINYIN_LETTERS,
    has_punctuation,
    inside_word,
    is_abbreviation,
    spells,
    spoken_readings,
)
from desktop_app.core.search.posting_table import PostingTable
from desktop_app.core.search.postings import (
    Progress,
    char_and_pair_postings,
    fold_all,
    group_nodes,
    ignore_progress,
    initials_table,
    node_ranges,
    pinyin_tokens,
    triple_postings,
)
from desktop_app.core.search.query import QueryTerm, parse_query
from desktop_app.core.search.spoken import CONTEXT_DEPENDENT, spells_initials, spoken_initials
from desktop_app.core.search.state import IndexParts
from desktop_app.core.search.suggest import suggestions
from desktop_app.core.search.types import Document, Hit, NodeKind
from desktop_app.core.textfold import FoldedText, is_han

__all__ = ["MAX_PATTERNS", "MAX_PINYIN_LETTERS", "Progress", "SearchIndex"]

_CONTEXT: Final = 3  # characters read on either side of an abbreviation's match

Within = Sequence[range]
"""Sorted, disjoint ranges of document numbers that a query is limited to, none splitting a node."""


class SearchIndex:
    """An index over the documents of one report; build it once, query it per keystroke.

    Building is in :mod:`.postings`, turning a query term into a :class:`~.matcher.Matcher` in
    :mod:`.matcher`; this class walks the candidates node by node and makes the hits.
    """

    def __init__(self, documents: Sequence[Document], *, progress: Progress | None = None) -> None:
        """Index ``documents``; prefer :meth:`build` or :meth:`from_documents`.

        Args:
            documents: the fields to index; those of one node must be adjacent.
            progress: told the fraction done now and then (a library's index takes seconds);
                whatever it raises abandons the build and propagates.
        """
        report = progress or ignore_progress
        self._docs: Sequence[Document] = tuple(documents)
        self._folded: Sequence[FoldedText] = fold_all(self._docs, report)
        self._texts: list[str] = [folded.text for folded in self._folded]
        self._doc_node: array[int]
        self._node_range: list[tuple[int, int]]
        self._doc_node, self._node_range = group_nodes(self._docs)
        self._chars: PostingTable
        self._pairs: PostingTable
        self._chars, self._pairs = char_and_pair_postings(self._texts, report)
        self._full_tokens: dict[str, frozenset[str]]
        self._prefix_tokens: dict[str, frozenset[str]]
        self._full_tokens, self._prefix_tokens = pinyin_tokens(self._chars)
        self._initials: dict[int, str]
        self._several_initials: dict[str, str]
        self._initials, self._several_initials = initials_table(self._chars)
        self._initial_triples: PostingTable = triple_postings(
            self._texts, self._initials, self._several_initials, report
        )
        self._spoken: Sequence[str] = spoken_initials(self._texts, self._chars)
        report(1.0)
        self._matcher = Matchers(self.parts())

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
            spoken=self._spoken,
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
        index._node_range = node_ranges(index._doc_node)
        index._chars = parts.chars
        index._pairs = parts.pairs
        index._full_tokens = dict(parts.full_tokens)
        index._prefix_tokens = dict(parts.prefix_tokens)
        index._initials = dict(parts.initials)
        index._initial_triples = parts.triples
        index._several_initials = dict(parts.several_initials)
        index._spoken = parts.spoken
        index._matcher = Matchers(index.parts())
        return index

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
        matchers = [m for m in matchers if m is not EMPTY_TERM]
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
        self._matcher.clear()

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
        self, node: int, driver: Matcher, others: list[Matcher]
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
        text, original = folded.text, folded.original
        sources = folded.sources.data  # a memoryview: plain ints, without NumPy's per-item cost
        kept: list[tuple[int, int]] = []
        for start, end in found:
            contiguous = sources[end - 1] - sources[start] == end - 1 - start
            if not contiguous and any(
                sources[k + 1] - sources[k] > 1
                and is_han(text[k])
                and is_han(text[k + 1])
                and has_punctuation(original[sources[k] + 1 : sources[k + 1]])
                for k in range(start, end - 1)
            ):
                continue
            if abbreviation and (
                inside_word(folded, start)
                or inside_word(folded, end)
                or not self._spelt_in_context(doc_number, start, end, abbreviation)
            ):
                continue
            kept.append((start, end))
        return kept

    def _spelt_in_context(self, doc_number: int, start: int, end: int, letters: str) -> bool:
        """Whether ``letters`` spell the match as pypinyin reads it in its context.

        Only characters whose readings begin with different letters (重: zhong/chong) can read
        otherwise than the pattern assumed, so only a run holding one is checked: against the
        initials the build worked out (:mod:`~desktop_app.core.search.spoken`), or, where a phrase
        may change one, by reading the run with a few characters either side for pypinyin's phrases.
        """
        text = self._texts[doc_number]
        table = self._initials
        if all(table.get(ord(char)) != "*" for char in text[start:end]):
            return True
        known = self._spoken[doc_number][start:end]
        if CONTEXT_DEPENDENT not in known:
            return spells_initials(letters, known)
        low, high = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        return spells(letters, spoken_readings(text[low:high])[start - low : end - low])


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
