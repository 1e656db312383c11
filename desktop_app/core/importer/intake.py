r"""Text intake: bytes to text, and raw text to paragraphs with every repair logged.

Copies of reports carry artefacts of the page they came from. Each one is repaired in the open:
the result is a list of paragraphs, each assembled from raw *segments* (code-point spans of the raw
text), and a list of repairs in the dataset's shape, such that the raw segments with the
substituting repairs inside them reproduce every paragraph exactly, and every non-blank raw
character lies in a segment or in a dropping repair. This is what the loader checks
(:func:`desktop_app.core.loader.load_report`), so an imported dataset can always show what was
changed and why.

Repairs made here:

* ``linebreak``: a line break inside a paragraph (the Wikisource copy breaks lines at every wiki
  link and subscript: ``新增\n第四代移动通信\n用户``, ``PM\n2.5``), and a blank line splitting a
  number from its unit (``74.4\n\n万亿元``);
* ``invisible``: zero-width characters, also inside words (``人\n\u200b\n民``);
* ``digits``: full-width digits (``１９９４`` → ``1994``);
* ``drop``: the Wikisource licence box at the end, and paragraphs of nothing but invisible
  characters;
* ``furniture``: page-furniture lines the caller names (running heads, page numbers).

Blank lines (lines of whitespace only) separate paragraphs; whitespace around a paragraph is not
part of it and needs no repair.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_TEXT_BYTES = 20 * 1024 * 1024
"""A text file larger than this is refused before it is read (a report's text is some 100 KB)."""
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．·・", "0123456789...", " ")
# Numbers written other than in ASCII: a middle dot as the decimal point before a unit (19·5％), full-width
# digits or point (１５．３, 9．3), digits spaced out one by one (1 9 9 7 年, 1 5 ．3 ％, 8 ．8 ％).
_ODD_NUMBER = re.compile(
    r"[0-9]+[·・][0-9]+(?=[％%万亿倍])"
    r"|[0-9０-９](?: [0-9０-９]| ?[．.] ?[0-9０-９]|[0-9０-９])*"
)
_GAP = re.compile(r"[\s" + "".join(sorted(INVISIBLE)) + r"]+")
_LICENCE = re.compile(r"本作品(?:是|在|来自|已|于|的)")
_LICENCE_PROOF = ("公有领域", "Public domain", "public domain", "著作权法")
_UNIT_START = frozenset("万亿千百十元%％‰个倍吨斤米亩人户项名位家所件条座台次套辆公平千")
_DIGITS = frozenset("0123456789０１２３４５６７８９")


class IntakeError(ValueError):
    """Bytes that cannot be read as text, with the place that failed."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text read from bytes, with what had to be done to read it.

    Attributes:
        text: the text.
        encoding: the encoding it was read in.
        messages: plain-language notes for the user (conversions done), empty for plain UTF-8.
    """

    text: str
    encoding: str
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RepairRecord:
    """One logged change between the raw text and the paragraphs, in the dataset's shape.

    Attributes:
        id: unique id such as ``r0001``.
        kind: a repair kind of the dataset schema (``linebreak``, ``invisible``, ``digits``,
            ``drop``, ``furniture``).
        raw_spans: code-point spans of the raw text concerned.
        raw_text: the raw characters (joined with "|" for several spans).
        result: what the paragraph has in their place ("" for removals and drops).
        note: why, in plain words.
        paragraph: index of the paragraph that holds the result, None for drops.
        start: offset of the result in that paragraph's text.
    """

    id: str
    kind: str
    raw_spans: tuple[tuple[int, int], ...]
    raw_text: str
    result: str
    note: str
    paragraph: int | None = None
    start: int = 0


@dataclass(frozen=True, slots=True)
class TextParagraph:
    """A paragraph of the repaired text.

    Attributes:
        index: its position, from 0.
        segments: the raw spans it is assembled from, in order.
        text: the repaired text.
    """

    index: int
    segments: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True, slots=True)
class Intake:
    """The raw text, its paragraphs and every repair that leads from one to the other."""

    raw: str
    paragraphs: tuple[TextParagraph, ...]
    repairs: tuple[RepairRecord, ...]
    messages: tuple[str, ...] = ()


def decode(data: bytes, name: str = "text") -> Decoded:
    """Read bytes as UTF-8, or as GB18030 (a superset of GBK) when they are not UTF-8.

    Args:
        data: the file's bytes.
        name: how to call the file in messages.

    Raises:
        IntakeError: when the bytes are neither UTF-8 nor GB18030, naming the first bad byte.
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(
            data[3:].decode("utf-8", errors="strict"), "utf-8", (f"{name}: UTF-8 byte-order mark removed",)
        )
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[2:].decode(encoding)
            except UnicodeDecodeError as exc:
                raise IntakeError(f"{name}: not valid {encoding.upper()} at byte {exc.start + 2}") from None
            return Decoded(text, encoding, (f"{name}: read as {encoding.upper()} and converted to UTF-8",))
    try:
        return Decoded(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise IntakeError(
                f"{name}: neither UTF-8 nor GBK/GB18030: byte 0x{data[utf8_error.start]:02x} at offset "
                f"{utf8_error.start} (line {line}); save the text as UTF-8"
            ) from None
    return Decoded(text, "gb18030", (f"{name}: not UTF-8; read as GBK/GB18030 and converted to UTF-8",))


def licence_start(raw: str) -> int:
    """Where the Wikisource licence box at the end of a copy starts (``len(raw)`` if there is none)."""
    for match in reversed(list(_LICENCE.finditer(raw, max(0, len(raw) - 3000)))):
        if any(proof in raw[match.start() :] for proof in _LICENCE_PROOF):
            return match.start()
    return len(raw)


def _lines(raw: str, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    while pos < end:
        nl = raw.find("\n", pos, end)
        stop = end if nl < 0 else nl
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _visible_ends(raw: str, start: int, end: int) -> tuple[str, str]:
    text = "".join(ch for ch in raw[start:end] if not ch.isspace() and ch not in INVISIBLE)
    return (text[:1], text[-1:]) if text else ("", "")


class _Log:
    """Collects repairs with running ids."""

    def __init__(self) -> None:
        self.records: list[RepairRecord] = []

    def add(self, kind: str, spans: tuple[tuple[int, int], ...], raw: str, result: str, note: str) -> None:
        raw_text = "|".join(raw[s:e] for s, e in spans)
        self.records.append(
            RepairRecord(f"r{len(self.records) + 1:04d}", kind, spans, raw_text, result, note)
        )


def repair_text(raw: str, furniture: Iterable[str] = ()) -> Intake:
    """Split raw text into repaired paragraphs, logging every repair.

    Args:
        raw: the text as captured.
        furniture: contents of lines that are page furniture (compared after stripping whitespace);
            every line with such content is dropped and logged.

    Returns:
        The paragraphs and repairs; see the module docstring for the invariants they keep.
    """
    log = _Log()
    marked = {line.strip() for line in furniture if line.strip()}
    body_end = licence_start(raw)
    # Blocks of non-blank lines; each block is a list of pieces (runs of lines between furniture lines).
    blocks: list[list[tuple[int, int]]] = []
    pieces: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _lines(raw, body_end):
        content = raw[start:end].strip()
        if not content:
            if current is not None:
                pieces.append(current)
            if pieces:
                blocks.append(pieces)
            pieces, current = [], None
        elif content in marked:
            s, e = _strip(raw, start, end)
            log.add(
                "furniture", ((s, e),), raw, "", "page furniture line marked by the user, not report text"
            )
            if current is not None:
                pieces.append(current)
            current = None
        else:
            current = (current[0] if current else start, end)
    if current is not None:
        pieces.append(current)
    if pieces:
        blocks.append(pieces)
    blocks = _join_split_numbers(raw, blocks)

    paragraphs: list[TextParagraph] = []
    for block in blocks:
        segments = [seg for seg in (_strip(raw, s, e) for s, e in block) if seg[0] < seg[1]]
        if not segments:
            continue
        if not any(_visible_ends(raw, s, e)[0] for s, e in segments):
            for s, e in segments:
                log.add("drop", ((s, e),), raw, "", "invisible characters alone between paragraphs")
            continue
        paragraphs.append(_paragraph(raw, len(paragraphs), tuple(segments), log))
    if body_end < len(raw):
        s, e = _strip(raw, body_end, len(raw))
        log.add(
            "drop",
            ((s, e),),
            raw,
            "",
            "Wikisource licence notice (public domain) at the end: not report text",
        )
    return Intake(raw, tuple(paragraphs), tuple(log.records))


def _join_split_numbers(raw: str, blocks: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Join a block ending in a digit to the next one when that starts with a unit (74.4 / 万亿元)."""
    joined: list[list[tuple[int, int]]] = []
    for block in blocks:
        if joined:
            _, last = _visible_ends(raw, joined[-1][-1][0], joined[-1][-1][1])
            first, _ = _visible_ends(raw, block[0][0], block[0][1])
            if last in _DIGITS and first in _UNIT_START:
                previous = joined[-1]
                previous[-1] = (previous[-1][0], block[0][1])
                previous.extend(block[1:])
                continue
        joined.append(list(block))
    return joined


def _paragraph(raw: str, index: int, segments: tuple[tuple[int, int], ...], log: _Log) -> TextParagraph:
    parts: list[str] = []
    length = 0
    for seg_start, seg_end in segments:
        subs: list[tuple[int, int, str, str, str]] = []
        for match in _GAP.finditer(raw, seg_start, seg_end):
            gap = match.group()
            if "\n" not in gap and "\r" not in gap and not INVISIBLE & set(gap):
                continue  # an ordinary space inside a line stays
            subs.append((match.start(), match.end(), *_gap_repair(raw, match.start(), match.end(), gap)))
        for start, end, result in odd_numbers(raw, seg_start, seg_end):
            subs.append((start, end, "digits", result, _digits_note(raw[start:end])))
        subs.sort()
        pos = seg_start
        for start, end, kind, result, note in subs:
            parts.append(raw[pos:start])
            length += start - pos
            log.add(kind, ((start, end),), raw, result, note)
            log.records[-1] = _placed(log.records[-1], index, length)
            parts.append(result)
            length += len(result)
            pos = end
        parts.append(raw[pos:seg_end])
        length += seg_end - pos
    return TextParagraph(index, segments, "".join(parts))


def odd_numbers(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int, str]]:
    """Numbers in ``text[start:end]`` written other than in ASCII: (start, end, ASCII form).

    Digits spaced apart also lose the space before their unit (``1 1 ％`` → ``11％``).
    """
    stop = len(text) if end is None else end
    for match in _ODD_NUMBER.finditer(text, start, stop):
        written_end = match.end()
        spaced = " " in match.group()
        if (
            spaced
            and text[written_end : written_end + 1] == " "
            and written_end + 1 < stop
            and not text[written_end + 1].isspace()
        ):
            written_end += 1
        result = text[match.start() : written_end].translate(_FULLWIDTH_DIGITS)
        if result != text[match.start() : written_end]:
            yield match.start(), written_end, result


def repair_numbers(text: str) -> str:
    """``text`` with its numbers written as the importer repairs them (for text quoted before a repair)."""
    parts, pos = [], 0
    for start, end, result in odd_numbers(text):
        parts += [text[pos:start], result]
        pos = end
    return "".join(parts) + text[pos:]


def _digits_note(written: str) -> str:
    """What a ``digits`` repair did to a number, in plain words."""
    if " " in written:
        return "digits written with spaces between them closed up"
    if "·" in written or "・" in written:
        return "middle dot between digits written as a decimal point"
    return "full-width digits written as ASCII digits"


def _placed(record: RepairRecord, paragraph: int, start: int) -> RepairRecord:
    return RepairRecord(
        record.id,
        record.kind,
        record.raw_spans,
        record.raw_text,
        record.result,
        record.note,
        paragraph,
        start,
    )


def _gap_repair(raw: str, start: int, end: int, gap: str) -> tuple[str, str, str]:
    """Kind, result and note for a run of line breaks, spaces and invisible characters inside a paragraph."""
    before = raw[start - 1] if start > 0 else ""
    after = raw[end] if end < len(raw) else ""
    # Words of Latin script keep one space between them; everything else closes up (PM\n2.5 → PM2.5).
    result = " " if before.isascii() and before.isalpha() and after.isascii() and after.isalpha() else ""
    invisible = sorted({f"U+{ord(ch):04X}" for ch in gap if ch in INVISIBLE})
    breaks = gap.count("\n")
    if invisible:
        note = f"invisible character {', '.join(invisible)} removed"
        if breaks:
            note += " with the line breaks around it"
        return "invisible", result, note
    if breaks >= 2:
        return "linebreak", result, "blank line inside a number removed (the number was split from its unit)"
    return "linebreak", result, "line break inside a paragraph removed (the copy breaks lines at links)"
