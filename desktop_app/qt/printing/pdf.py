"""The summary as a PDF: Qt paints it, pypdf adds what Qt cannot write.

:func:`pdf_bytes` paints a :class:`~desktop_app.qt.printing.layout.SummaryDocument` on a
:class:`QPdfWriter` (title, author, creator and XMP metadata come from Qt), then opens Qt's file
with `pypdf <https://pypdf.readthedocs.io>`_ and appends an incremental update with

* one bookmark per heading (Qt has no API for PDF outlines);
* ``/Subject`` in the document information (``QPdfWriter`` has no setter for it; it is in the XMP
  metadata too);
* corrected text maps, so that text copied or searched in the PDF is the text printed: Qt maps each
  glyph back to the *lowest* code point that the font maps to it, and CJK fonts map a radical and
  its ideograph to one glyph, so copying 工 out of Qt's PDF gives ⼯ (U+2F2F KANGXI RADICAL WORK)
  and searching for 规上工业总产值 finds nothing. :func:`unicode_fixes` is that correction rule;
  :func:`fix_to_unicode` applies it to a ``/ToUnicode`` CMap.

If pypdf cannot read Qt's file the PDF is written as Qt made it, and a warning is logged.
"""

from __future__ import annotations

import datetime
import io
import logging
import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pypdf
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject, Fit, IndirectObject, NameObject, StreamObject
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFont, QPageLayout, QPdfWriter, QRawFont
from PySide6.QtPrintSupport import QPrinter

from desktop_app.appinfo import APP_NAME, __version__
from desktop_app.core.atomic import atomic_write_bytes
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.scope import SummaryScope
from desktop_app.core.summary import document_author, document_subject
from desktop_app.qt.printing.layout import OutlineEntry, SummaryDocument, page_layout

__all__ = [
    "PDF_RESOLUTION",
    "document_pdf_bytes",
    "export_pdf",
    "fix_to_unicode",
    "pdf_bytes",
    "render_to_printer",
    "unicode_fixes",
]

_LOG = logging.getLogger(__name__)

PDF_RESOLUTION = 1200
"""The resolution Qt's PDF is painted at (text and vectors; charts keep their own)."""


# --- document information ---------------------------------------------------------------------------


def _xmp(title: str, author: str, subject: str, lang: Language) -> bytes:
    creator_tool = f"{APP_NAME} {__version__}"
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{xml_escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{xml_escape(subject)}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang.bcp47}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>{xml_escape(creator_tool)}</xmp:CreatorTool>
   <xmp:CreateDate>{now}</xmp:CreateDate>
   <pdf:Producer>{xml_escape(creator_tool)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


# --- the PDF ------------------------------------------------------------------------------------------


def pdf_bytes(
    report: Report,
    scope: SummaryScope,
    page_size: str = "A4",
    *,
    generated: datetime.date | None = None,
    bookmarks: bool = True,
    layout: QPageLayout | None = None,
) -> tuple[bytes, int]:
    """The summary as a PDF document in memory.

    Args:
        report: The report.
        scope: What the summary covers, resolved once by the caller (its language is the document's).
        page_size: ``"A4"`` or ``"Letter"``, with :data:`~desktop_app.qt.printing.layout.MARGINS_MM`.
        generated: The date printed as the date generated; today by default.
        bookmarks: Whether to add a bookmark per heading.
        layout: A page layout to use instead of ``page_size`` (e.g. a printer's).

    Returns:
        The PDF and its number of pages.

    Raises:
        ValueError: An unknown page size.
    """
    if layout is None:
        layout = page_layout(page_size)  # an unknown size fails before any chart is drawn
    summary = SummaryDocument(report, scope, generated=generated)
    return document_pdf_bytes(
        summary,
        document_author(report, scope.language),
        document_subject(report, scope.language),
        page_size,
        bookmarks=bookmarks,
        layout=layout,
    )


def document_pdf_bytes(
    summary: SummaryDocument,
    author: str,
    subject: str,
    page_size: str = "A4",
    *,
    bookmarks: bool = True,
    layout: QPageLayout | None = None,
) -> tuple[bytes, int]:
    """A laid-out summary (a report's, or any :meth:`SummaryDocument.from_html`) as a PDF in memory.

    Args:
        summary: The document.
        author: The PDF's author.
        subject: The PDF's subject.
        page_size: ``"A4"`` or ``"Letter"``.
        bookmarks: Whether to add a bookmark per heading.
        layout: A page layout to use instead of ``page_size``.

    Returns:
        The PDF and its number of pages.

    Raises:
        ValueError: An unknown page size.
    """
    if layout is None:
        layout = page_layout(page_size)
    lang = summary.lang
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(layout)
    writer.setTitle(summary.title)
    if hasattr(writer, "setAuthor"):  # Qt 6.8; before it the post-processing adds /Author
        writer.setAuthor(author)
    writer.setCreator(f"{APP_NAME} {__version__}")
    writer.setDocumentXmpMetadata(QByteArray(_xmp(summary.title, author, subject, lang)))
    pages = summary.paint(writer)
    outline = summary.outline(writer) if bookmarks else []
    del writer  # finishes the file
    buffer.close()
    pdf = bytes(data.data())
    try:
        pdf = _post_process(pdf, outline, {"/Author": author, "/Subject": subject}, summary.family)
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        _LOG.warning("PDF written as Qt made it (no bookmarks, text copied may show radicals): %s", error)
    return pdf, pages


def export_pdf(
    report: Report,
    scope: SummaryScope,
    path: str | os.PathLike[str],
    page_size: str = "A4",
    *,
    generated: datetime.date | None = None,
) -> int:
    """Write the summary of ``scope`` as a PDF file, atomically; no dialog.

    Args:
        report: The report.
        scope: What the summary covers, resolved once by the caller.
        path: The file to write (replaced if it is a plain file).
        page_size: ``"A4"`` or ``"Letter"``.
        generated: The date printed as the date generated; today by default.

    Returns:
        The number of pages.

    Raises:
        ValueError: An unknown page size; nothing is written.
        ExportError: The file could not be written; nothing is left behind.
    """
    pdf, pages = pdf_bytes(report, scope, page_size, generated=generated)
    atomic_write_bytes(path, pdf)
    return pages


def render_to_printer(report: Report, scope: SummaryScope, printer: QPrinter) -> int:
    """Print the summary of ``scope`` on ``printer`` as it is set up; no dialog.

    A printer set to write a PDF file ("Print to file" in the print dialog) gets the same file as
    :func:`export_pdf`, on the printer's page layout: with bookmarks and correct text for copying,
    written atomically. (Page ranges and copies do not apply to it.)

    Returns:
        The number of pages printed.

    Raises:
        OSError: Printing could not start (e.g. the printer's output file is not writable).
    """
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        pdf, pages = pdf_bytes(report, scope, layout=printer.pageLayout())
        atomic_write_bytes(printer.outputFileName(), pdf)
        return pages
    return SummaryDocument(report, scope).paint(printer)


# --- post-processing with pypdf -------------------------------------------------------------------------


def _post_process(pdf: bytes, outline: Sequence[OutlineEntry], info: dict[str, str], family: str) -> bytes:
    """Qt's PDF with bookmarks, more document information and corrected text maps (an incremental update)."""
    writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
    known = set(writer.metadata or {})  # Qt's own entries stay as Qt wrote them
    writer.add_metadata({key: value for key, value in info.items() if key not in known})
    _add_outline(writer, outline)
    fixes = {**unicode_fixes(family, True), **unicode_fixes(family, False)}
    if fixes:
        prefix = re.sub(r"\s+", "", family).lower()
        for font in _type0_fonts(writer):
            base = str(font.get("/BaseFont", "")).lstrip("/")
            base = base.split("+", 1)[1] if re.match(r"[A-Z]{6}\+", base) else base
            to_unicode = font.get("/ToUnicode")
            if not base.lower().startswith(prefix) or to_unicode is None:
                continue
            stream = to_unicode.get_object()
            assert isinstance(stream, StreamObject)
            cmap = stream.get_data()
            fixed = fix_to_unicode(cmap, fixes)
            if fixed != cmap:
                stream.set_data(fixed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _type0_fonts(writer: pypdf.PdfWriter) -> Iterator[DictionaryObject]:
    """Each composite (Type 0) font used by the pages, once."""
    seen: set[int] = set()
    for page in writer.pages:
        resources: Any = page.get("/Resources")
        fonts: Any = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for reference in fonts.get_object().values():
            if isinstance(reference, IndirectObject):
                if reference.idnum in seen:
                    continue
                seen.add(reference.idnum)
            font = reference.get_object()
            if isinstance(font, DictionaryObject) and font.get("/Subtype") == "/Type0":
                yield font


def _add_outline(writer: pypdf.PdfWriter, outline: Sequence[OutlineEntry]) -> None:
    """One bookmark per entry; an entry comes under the nearest earlier entry of a smaller level.

    Entries with children start closed; the document opens with the bookmarks shown.
    """
    entries = [e for e in outline if 0 <= e.page < len(writer.pages) and e.title]
    if not entries:
        return
    open_items: list[tuple[int, IndirectObject]] = []  # (level, bookmark) of the possible parents
    for entry in entries:
        while open_items and open_items[-1][0] >= entry.level:
            open_items.pop()
        height = float(writer.pages[entry.page].mediabox.height)
        item = writer.add_outline_item(
            title=entry.title,
            page_number=entry.page,
            parent=open_items[-1][1] if open_items else None,
            fit=Fit.xyz(left=0, top=round(height - entry.y, 2)),
            is_open=False,
        )
        open_items.append((entry.level, item))
    writer.root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")


# --- the ToUnicode correction rule ----------------------------------------------------------------------


def _is_ideograph(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF


def _preference(code: int) -> int:
    """How much a code point is the one meant when several share a glyph (higher: more)."""
    if 0x4E00 <= code <= 0x9FFF:
        return 3  # a common ideograph (胶 U+80F6 over 㬵 U+3B35 of extension A)
    if 0x3400 <= code <= 0x4DBF:
        return 2
    if code == 0x2013:
        return 1  # the en dash over the figure dash
    return 0


_LIGATURES = {
    0x2E3A: "\u2014" * 2,
    0x2E3B: "\u2014" * 3,
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
}
"""Glyphs the font draws for several characters (``——`` and the Latin ``fi`` …): the characters.

Qt names a glyph in the text map by a code point the font maps to it, so the subsets map these code
points (tools/subset_fonts.py); without one Qt wrote a stray letter (``——`` as ǀ, ``figures`` as
``gures``)."""


@lru_cache(maxsize=16)
def unicode_fixes(family: str, bold: bool) -> dict[int, str]:
    """Code points Qt would write to /ToUnicode for a glyph of ``family`` → the text to write instead.

    Qt writes, for each glyph, the lowest code point that the font maps to it. Where several share
    a glyph, the rule prefers a common ideograph, then one of extension A (工 over the radical ⼯,
    胶 over 㬵), else the en dash (over the figure dash); the two- and three-em dash glyphs, which
    the font draws for ``——`` and ``———``, become em dashes.
    """
    font = QFont(family)
    font.setBold(bold)
    raw = QRawFont.fromFont(font)
    if not raw.isValid():
        return {}
    codes = [c for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    glyphs = raw.glyphIndexesForString("".join(map(chr, codes)))
    sharing: dict[int, list[int]] = {}
    for code, glyph in zip(codes, glyphs, strict=False):
        if glyph:
            sharing.setdefault(glyph, []).append(code)
    fixes = {}
    for shared in sharing.values():
        written = shared[0]  # the lowest, as Qt chooses
        if written in _LIGATURES:
            fixes[written] = _LIGATURES[written]
            continue
        preferred = max(shared, key=_preference)  # the first of the best
        if _preference(preferred) > _preference(written):
            fixes[written] = chr(preferred)
    return fixes


_HEX = rb"<([0-9A-Fa-f]+)>"


def _hex(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def fix_to_unicode(cmap: bytes, fixes: dict[int, str]) -> bytes:
    """A ToUnicode CMap with each destination code point in ``fixes`` replaced (source codes kept)."""

    def destination(match: re.Match[bytes]) -> bytes:
        value = match.group(1)
        if len(value) != 4:  # a surrogate pair or a ligature: leave it
            return match.group(0)
        code = int(value, 16)
        return _hex(fixes[code]) if code in fixes else match.group(0)

    lines = []
    section = b""
    for line in cmap.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith((b"beginbfrange", b"beginbfchar")):
            section = stripped.split()[-1]
        elif stripped in (b"endbfrange", b"endbfchar"):
            section = b""
        elif section == b"beginbfchar":
            match = re.fullmatch(rb"(<[0-9A-Fa-f]+>)\s*(<[0-9A-Fa-f]+>)", stripped)
            if match:
                line = match.group(1) + b" " + re.sub(_HEX, destination, match.group(2))
        elif section == b"beginbfrange":
            match = re.fullmatch(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(.*)", stripped)
            if match:
                low, high, rest = int(match.group(1), 16), int(match.group(2), 16), match.group(3)
                head = stripped[: match.start(3)]
                if rest.startswith(b"["):
                    line = head + re.sub(_HEX, destination, rest)
                else:
                    first = re.fullmatch(_HEX, rest)
                    if first and len(first.group(1)) == 4:
                        start = int(first.group(1), 16)
                        targets = [start + i for i in range(high - low + 1)]
                        if any(t in fixes for t in targets):
                            items = b" ".join(_hex(fixes.get(t, chr(t))) for t in targets)
                            line = head + b"[" + items + b"]"
        lines.append(line)
    return b"\n".join(lines)
