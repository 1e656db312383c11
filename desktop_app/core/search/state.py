"""A search index as bytes and back, for an on-disk cache: :func:`encode` and :func:`decode`.

A built :class:`~desktop_app.core.search.index.SearchIndex` is described by its
:class:`IndexParts`; :func:`encode` writes them as a few large blocks (strings as one UTF-8 run
with their lengths, numbers as ``int32`` arrays) behind a small JSON header, so that reading them
back is a handful of bulk conversions rather than one object per document: the documents and
their foldings come back as lazy sequences that make a :class:`Document` or :class:`FoldedText`
only when a hit needs one, and each posting list is a view into one shared array.

Nothing in the bytes is executed or trusted: every length and offset is checked, and anything
that does not add up raises :class:`IndexFormatError` (a cache then throws the file away).
"""

from __future__ import annotations

import itertools
import json
import struct
import sys
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, overload

import numpy as np
import numpy.typing as npt

from desktop_app.core.model import Span
from desktop_app.core.search.posting_table import PostingTable
from desktop_app.core.search.types import Document, NodeKind
from desktop_app.core.textfold import FoldedText

__all__ = ["STATE_VERSION", "IndexFormatError", "IndexParts", "decode", "encode"]

STATE_VERSION: Final = 2
"""Changes whenever the encoding or the index's contents change; older bytes are refused."""

_MAGIC: Final = b"RVSI"
_PREFIX: Final = struct.Struct("<4sII")  # magic, state version, header length
_KINDS: Final = tuple(NodeKind)
_POSTINGS: Final = ("chars", "pairs", "triples")


class IndexFormatError(ValueError):
    """Bytes that are not an index this version wrote (truncated, corrupt, or another version)."""


@dataclass(frozen=True, slots=True)
class IndexParts:
    """Everything a search index holds (see :class:`~desktop_app.core.search.index.SearchIndex`).

    Attributes:
        documents: the indexed fields, in order.
        folded: each document's folding.
        texts: each document's folded text (``folded[i].text``, without making the folding).
        doc_node: the node number of each document (a node's documents are adjacent).
        chars, pairs, triples: posting lists (ascending document numbers) by character, by pair
            of adjacent characters, and by the pinyin first letters of runs of three Han characters.
        full_tokens, prefix_tokens: the characters each pinyin syllable (or its prefix) can spell.
        initials: each indexed character's first letter (``*`` several, ``.`` not Han), by code point.
        several_initials: the letters of characters whose readings begin differently.
        spoken: for each document, the initial each folded character is read with in context
            (:func:`~desktop_app.core.search.spoken.spoken_initials`).
    """

    documents: Sequence[Document]
    folded: Sequence[FoldedText]
    texts: Sequence[str]
    doc_node: Sequence[int]
    chars: PostingTable
    pairs: PostingTable
    triples: PostingTable
    full_tokens: Mapping[str, frozenset[str]]
    prefix_tokens: Mapping[str, frozenset[str]]
    initials: Mapping[int, str]
    several_initials: Mapping[str, str]
    spoken: Sequence[str]


# --- encoding ----------------------------------------------------------------------------------


class _Writer:
    """Collects blocks of bytes and remembers where each one starts."""

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.table: dict[str, list[int | str]] = {}
        self.size = 0

    def add(self, name: str, kind: str, data: bytes) -> None:
        self.table[name] = [kind, self.size, len(data)]
        self.blocks.append(data)
        self.size += len(data)

    def ints(self, name: str, values: Sequence[int] | npt.NDArray[np.int32]) -> None:
        packed = np.asarray(values, dtype="<i4")
        self.add(name, "i4", packed.tobytes())

    def strings(self, name: str, values: Sequence[str]) -> None:
        """One UTF-8 run and every string's length (in characters)."""
        self.add(name, "utf8", "".join(values).encode("utf-8", "surrogatepass"))
        self.ints(name + ".lengths", [len(value) for value in values])


def encode(parts: IndexParts) -> bytes:
    """The index as bytes that :func:`decode` reads back.

    Args:
        parts: what the index holds.

    Returns:
        The bytes: a fixed prefix, a JSON header (small tables and where each block lies), blocks.
    """
    writer = _Writer()
    docs = parts.documents
    writer.strings("node_ids", [doc.node_id for doc in docs])
    writer.add("kinds", "u1", bytes(_KINDS.index(doc.node_kind) for doc in docs))
    writer.strings("fields", [doc.field for doc in docs])
    writer.strings("texts", [doc.text for doc in docs])
    writer.strings("span_paragraphs", [doc.span.paragraph_id if doc.span else "" for doc in docs])
    writer.add("has_span", "u1", bytes(doc.span is not None for doc in docs))
    writer.ints("span_starts", [doc.span.start if doc.span else 0 for doc in docs])
    writer.ints("span_ends", [doc.span.end if doc.span else 0 for doc in docs])
    writer.ints("span_offsets", [doc.span_offset for doc in docs])
    writer.strings("folded", parts.texts)
    sources = [item.sources for item in parts.folded]
    writer.ints("sources", np.concatenate(sources) if sources else np.zeros(0, np.int32))
    writer.strings("spoken", parts.spoken)
    writer.ints("doc_node", parts.doc_node)
    for name in _POSTINGS:
        postings: PostingTable = getattr(parts, name)
        writer.strings(f"{name}.keys", list(postings))
        writer.ints(f"{name}.counts", postings.counts)
        writer.ints(f"{name}.data", postings.data)
    header = {
        "documents": len(docs),
        "blocks": writer.table,
        "full_tokens": {token: "".join(sorted(chars)) for token, chars in parts.full_tokens.items()},
        "prefix_tokens": {token: "".join(sorted(chars)) for token, chars in parts.prefix_tokens.items()},
        "initials": {chr(code): letter for code, letter in parts.initials.items()},
        "several_initials": dict(parts.several_initials),
    }
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return b"".join([_PREFIX.pack(_MAGIC, STATE_VERSION, len(head)), head, *writer.blocks])


# --- decoding ----------------------------------------------------------------------------------


class _Reader:
    """Reads the blocks :class:`_Writer` wrote, checking every bound."""

    def __init__(self, data: bytes | memoryview, table: Any, base: int) -> None:
        if not isinstance(table, dict):
            raise IndexFormatError("no block table")
        self.data = memoryview(data)
        self.table = table
        self.base = base

    def _block(self, name: str, kind: str) -> memoryview:
        entry = self.table.get(name)
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] == kind):
            raise IndexFormatError(f"block {name!r} missing or not {kind}")
        offset, size = entry[1], entry[2]
        if not (isinstance(offset, int) and isinstance(size, int) and offset >= 0 and size >= 0):
            raise IndexFormatError(f"block {name!r} has a bad place")
        start = self.base + offset
        if start + size > len(self.data):
            raise IndexFormatError(f"block {name!r} runs past the end ({start + size} > {len(self.data)})")
        return self.data[start : start + size]

    def ints(self, name: str, count: int | None = None) -> array[int]:
        block = self._block(name, "i4")
        if len(block) % 4:
            raise IndexFormatError(f"block {name!r} is not a whole number of int32")
        values = array("i")
        values.frombytes(block)
        if sys.byteorder != "little":  # pragma: no cover - written little-endian everywhere
            values.byteswap()
        if count is not None and len(values) != count:
            raise IndexFormatError(f"block {name!r} holds {len(values)} numbers, expected {count}")
        return values

    def small(self, name: str, count: int) -> bytes:
        block = bytes(self._block(name, "u1"))
        if len(block) != count:
            raise IndexFormatError(f"block {name!r} holds {len(block)} bytes, expected {count}")
        return block

    def joined(self, name: str, count: int | None = None) -> tuple[str, list[int]]:
        """One decoded run and the start of each string in it (one more than there are strings)."""
        try:
            text = bytes(self._block(name, "utf8")).decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as exc:
            raise IndexFormatError(f"block {name!r} is not UTF-8: {exc}") from None
        lengths = np.frombuffer(self.ints(name + ".lengths", count), dtype=np.int32)
        if len(lengths) and int(lengths.min()) < 0:
            raise IndexFormatError(f"block {name!r} has a negative length")
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        if int(starts[-1]) != len(text):
            raise IndexFormatError(f"block {name!r}: lengths add up to {starts[-1]}, text holds {len(text)}")
        return text, starts.tolist()

    def strings(self, name: str, count: int | None = None) -> list[str]:
        text, starts = self.joined(name, count)
        if len(starts) > 1 and len(text) == (len(starts) - 1) * (starts[1] - starts[0]):
            width = starts[1] - starts[0]  # every string as long as the first (posting keys): no loop
            if width == 1:
                return list(text)
            if width == 2:
                return list(map(str.__add__, text[0::2], text[1::2]))
        return [text[a:b] for a, b in itertools.pairwise(starts)]


class _LazySequence(Sequence[Any]):
    """A sequence whose items are made when asked for (index → item)."""

    def __init__(self, length: int) -> None:
        self._length = length
        self._made: dict[int, Any] = {}  # each item made once: a keystroke's hits revisit documents

    def __len__(self) -> int:
        return self._length

    def _item(self, number: int) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    @overload
    def __getitem__(self, number: int) -> Any: ...
    @overload
    def __getitem__(self, number: slice) -> list[Any]: ...
    def __getitem__(self, number: int | slice) -> Any:
        if isinstance(number, slice):
            return [self._item(i) for i in range(*number.indices(self._length))]
        if number < 0:
            number += self._length
        if not 0 <= number < self._length:
            raise IndexError(number)
        item = self._made.get(number)
        if item is None:
            item = self._made[number] = self._item(number)
        return item

    def __iter__(self) -> Iterator[Any]:
        return (self._item(i) for i in range(self._length))


class _Documents(_LazySequence):
    """The documents, each made from the columns when it is asked for."""

    def __init__(self, reader: _Reader, count: int) -> None:
        super().__init__(count)
        self._node_ids = reader.strings("node_ids", count)
        self._kinds = reader.small("kinds", count)
        if any(code >= len(_KINDS) for code in set(self._kinds)):
            raise IndexFormatError("unknown node kind")
        self._fields = reader.strings("fields", count)
        self.text, self.starts = reader.joined("texts", count)
        self._paragraphs = reader.strings("span_paragraphs", count)
        self._has_span = reader.small("has_span", count)
        self._span_starts = reader.ints("span_starts", count)
        self._span_ends = reader.ints("span_ends", count)
        self._offsets = reader.ints("span_offsets", count)

    def original(self, number: int) -> str:
        return self.text[self.starts[number] : self.starts[number + 1]]

    def _item(self, number: int) -> Document:
        text = self.original(number)
        span: Span | None = None
        offset = self._offsets[number]
        if self._has_span[number]:
            start, end = self._span_starts[number], self._span_ends[number]
            span = Span(self._paragraphs[number], start, end, text[offset : offset + end - start])
        return Document(
            self._node_ids[number], _KINDS[self._kinds[number]], self._fields[number], text, span, offset
        )


class _Folded(_LazySequence):
    """Each document's folding, its map back to the original a view into one array."""

    def __init__(self, reader: _Reader, documents: _Documents, count: int) -> None:
        super().__init__(count)
        self._documents = documents
        self.texts = reader.strings("folded", count)
        self._starts = np.zeros(count + 1, dtype=np.int64)
        np.cumsum([len(text) for text in self.texts], out=self._starts[1:])
        self._sources = np.frombuffer(reader.ints("sources", int(self._starts[-1])), dtype=np.int32)

    def _item(self, number: int) -> FoldedText:
        start, end = int(self._starts[number]), int(self._starts[number + 1])
        return FoldedText(self._documents.original(number), self.texts[number], self._sources[start:end])


def _postings(reader: _Reader, name: str, documents: int) -> PostingTable:
    """Posting lists by key, each a view into one array, checked to name documents that are there."""
    keys = reader.strings(f"{name}.keys")
    counts = np.frombuffer(reader.ints(f"{name}.counts", len(keys)), dtype=np.int32)
    if len(counts) and int(counts.min()) < 0:
        raise IndexFormatError(f"{name}: a negative count")
    data = reader.ints(f"{name}.data", int(counts.sum(dtype=np.int64)))
    values = np.frombuffer(data, dtype=np.int32)
    if len(values) and (int(values.min()) < 0 or int(values.max()) >= documents):
        raise IndexFormatError(f"{name}: a posting names a document that is not there")
    try:
        return PostingTable(keys, counts, values)
    except ValueError as exc:
        raise IndexFormatError(f"{name}: {exc}") from None


def _spoken(reader: _Reader, texts: Sequence[str]) -> list[str]:
    """Each document's spoken initials, one per folded character."""
    spoken = reader.strings("spoken", len(texts))
    if any(len(codes) != len(text) for codes, text in zip(spoken, texts, strict=True)):
        raise IndexFormatError("spoken initials do not match the folded texts")
    return spoken


def _table(header: Mapping[str, Any], name: str) -> dict[str, str]:
    table = header.get(name)
    if not isinstance(table, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in table.items()
    ):
        raise IndexFormatError(f"header entry {name!r} is not a table of strings")
    return table


def decode(data: bytes | memoryview) -> IndexParts:
    """Read back what :func:`encode` wrote.

    Args:
        data: the bytes.

    Returns:
        The parts, documents and foldings made lazily.

    Raises:
        IndexFormatError: the bytes are truncated, corrupt or of another :data:`STATE_VERSION`.
    """
    if len(data) < _PREFIX.size:
        raise IndexFormatError("too short to be an index")
    magic, version, head_size = _PREFIX.unpack_from(data)
    if magic != _MAGIC:
        raise IndexFormatError("not a search index")
    if version != STATE_VERSION:
        raise IndexFormatError(f"index version {version}, this program reads {STATE_VERSION}")
    if _PREFIX.size + head_size > len(data):
        raise IndexFormatError("header runs past the end")
    try:
        header = json.loads(bytes(data[_PREFIX.size : _PREFIX.size + head_size]).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise IndexFormatError(f"unreadable header: {exc}") from None
    if not isinstance(header, dict) or not isinstance(header.get("documents"), int):
        raise IndexFormatError("header without a document count")
    count = header["documents"]
    reader = _Reader(data, header.get("blocks"), _PREFIX.size + head_size)
    documents = _Documents(reader, count)
    folded = _Folded(reader, documents, count)
    doc_node = reader.ints("doc_node", count)
    steps = np.diff(np.frombuffer(doc_node, dtype=np.int32))
    if (count and doc_node[0] != 0) or (len(steps) and (int(steps.min()) < 0 or int(steps.max()) > 1)):
        raise IndexFormatError("node numbers out of order")
    initials = _table(header, "initials")
    if any(len(char) != 1 for char in initials):
        raise IndexFormatError("initials keyed by more than one character")
    return IndexParts(
        documents=documents,
        folded=folded,
        texts=folded.texts,
        doc_node=doc_node,
        chars=_postings(reader, "chars", count),
        pairs=_postings(reader, "pairs", count),
        triples=_postings(reader, "triples", count),
        full_tokens={token: frozenset(chars) for token, chars in _table(header, "full_tokens").items()},
        prefix_tokens={token: frozenset(chars) for token, chars in _table(header, "prefix_tokens").items()},
        initials={ord(char): letter for char, letter in initials.items()},
        several_initials=_table(header, "several_initials"),
        spoken=_spoken(reader, folded.texts),
    )
