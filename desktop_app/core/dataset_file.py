r"""The loader's first pass: reading a dataset or source file safely, and JSON-level checks. No Qt.

A dataset is a file people email each other and unpack from archives, so reading one must never
hang, exhaust memory or escape as anything but :class:`DatasetError`:

- only a regular file is opened: a named pipe, a device or a socket is refused from its ``stat``
  before opening (which would block forever on a FIFO), and the open itself is non-blocking and
  checked again with ``fstat`` in case the file was swapped meanwhile; a symbolic-link loop and a
  dangling link are named as such;
- the size is checked before reading, and reading stops one byte past the limit;
- JSON numbers must be finite (``1e400`` overflows) and integers exact in a double (|n| ≤ 2^53);
- nesting deeper than :data:`MAX_DEPTH` and lone surrogates (``"\ud800"``, which is no character
  and cannot be encoded) are refused with the JSON path of the node, before anything else (the
  schema checker, an encoder, a terminal) meets them;
- a value that the schema calls an integer must be written as one (``2023``, not ``2023.0``), and an
  array or object where a scalar belongs is reported with its size
  (:func:`~desktop_app.core.dataset_scalars.scalar_problems`).

File-level messages come in English and Chinese (:class:`~desktop_app.core.dataset_errors.Problem`).
"""

from __future__ import annotations

import errno
import hashlib
import json
import math
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from desktop_app.core.dataset_errors import DatasetError, Problem
from desktop_app.core.model import SourceFile

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_INTEGER",
    "MAX_PROBLEMS",
    "Link",
    "json_path",
    "link_parts",
    "read_bytes",
    "read_json",
    "read_source",
    "read_text",
    "refuse",
]

MAX_FILE_BYTES: Final = 50 * 1024 * 1024
MAX_DEPTH: Final = 64
"""Deepest nesting of arrays and objects accepted (a real dataset needs about 6)."""
MAX_INTEGER: Final = 2**53
"""Largest integer magnitude accepted: every one up to it is exact as a double."""
MAX_PROBLEMS: Final = 50
"""At most this many problems are collected from one document."""

_BOMS = {
    b"\xef\xbb\xbf": "UTF-8",
    b"\xff\xfe": "UTF-16 (little-endian)",
    b"\xfe\xff": "UTF-16 (big-endian)",
}
_WHAT_ZH = {"dataset": "数据集", "source article": "原文", "text": "文本"}
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89abcdefABCDEF]")


def refuse(file: Path | str, message: str, message_zh: str | None = None, where: str = "$") -> DatasetError:
    """A :class:`DatasetError` with one problem (by default about the file as a whole)."""
    return DatasetError(file, [Problem(where, message, message_zh)])


def _file_kind(mode: int) -> tuple[str, str]:
    for test, words in (
        (stat.S_ISFIFO, ("a named pipe", "命名管道")),
        (stat.S_ISCHR, ("a character device", "字符设备")),
        (stat.S_ISBLK, ("a block device", "块设备")),
        (stat.S_ISSOCK, ("a socket", "套接字")),
    ):
        if test(mode):
            return words
    return ("a special file", "特殊文件")


def _check_regular(file: Path, mode: int, max_bytes: int, size: int, what: str) -> None:
    what_zh = _WHAT_ZH.get(what, what)
    if stat.S_ISDIR(mode):
        raise refuse(file, f"expected a {what} file, found a directory", f"应为{what_zh}文件，实为文件夹")
    if not stat.S_ISREG(mode):
        en, zh = _file_kind(mode)
        raise refuse(file, f"expected a regular file, found {en}", f"应为普通文件，实为{zh}")
    if size > max_bytes:
        raise refuse(
            file,
            f"file is {size:,} bytes; the limit is {max_bytes:,} bytes",
            f"文件大小为 {size:,} 字节，超过上限 {max_bytes:,} 字节",
        )


def _stat_error(file: Path, error: OSError, what: str) -> DatasetError:
    what_zh = _WHAT_ZH.get(what, what)
    if error.errno == errno.ELOOP:
        return refuse(
            file, "symbolic link loop: the path never reaches a file", "符号链接循环，路径无法到达文件"
        )
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(file):
            target = os.readlink(file)
            return refuse(
                file,
                f"{what} file is a symbolic link to {target}, which does not exist",
                f"{what_zh}文件是指向 {target} 的符号链接，但该目标不存在",
            )
        return refuse(file, f"{what} file not found", f"找不到{what_zh}文件")
    if error.errno in (errno.EACCES, errno.EPERM):
        return refuse(file, "no permission to read the file", "没有读取该文件的权限")
    reason = error.strerror or str(error)
    return refuse(file, f"cannot read the file: {reason}", f"无法读取该文件：{reason}")


def read_bytes(file: Path, max_bytes: int = MAX_FILE_BYTES, what: str = "dataset") -> bytes:
    """The content of a regular file of at most ``max_bytes``, or a :class:`DatasetError` saying why not.

    Args:
        file: The file.
        max_bytes: Larger files are refused before being read.
        what: ``"dataset"`` or ``"source article"``, for the messages.
    """
    try:
        info = os.stat(file)
    except OSError as error:
        raise _stat_error(file, error, what) from None
    _check_regular(file, info.st_mode, max_bytes, info.st_size, what)
    # Non-blocking: should a FIFO have been put in its place since the stat, the open cannot hang.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError as error:
        raise _stat_error(file, error, what) from None
    try:
        info = os.fstat(descriptor)
        _check_regular(file, info.st_mode, max_bytes, info.st_size, what)
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise _stat_error(file, error, what) from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise refuse(
            file,
            f"file is larger than the limit of {max_bytes:,} bytes",
            f"文件超过上限 {max_bytes:,} 字节",
        )
    return data


def read_text(file: Path, data: bytes) -> str:
    """``data`` decoded as UTF-8 without a byte-order mark, or a :class:`DatasetError` saying where not."""
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise refuse(
                file,
                f"file starts with a {name} byte-order mark; save it as UTF-8 without a BOM",
                f"文件以 {name} 字节顺序标记（BOM）开头；请另存为不带 BOM 的 UTF-8",
            )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{data[exc.start]:02x}"
        raise refuse(
            file,
            f"not valid UTF-8: byte {byte} at offset {exc.start} (line {line}, column "
            f"{column}); the file may be in another encoding such as GBK — save it as UTF-8",
            f"不是有效的 UTF-8：偏移 {exc.start}（第 {line} 行第 {column} 列）处的字节 {byte}；"
            "文件可能是 GBK 等其他编码，请另存为 UTF-8",
        ) from None


# --- JSON -----------------------------------------------------------------------------------------


class _BadNumberError(ValueError):
    """A number JSON may write but a dataset may not hold; ``args[0]`` is the literal."""

    def __init__(self, literal: str, en: str, zh: str) -> None:
        super().__init__(literal)
        self.literal, self.en, self.zh = literal, en, zh


def _reject_constant(name: str) -> float:
    raise _BadNumberError(name, f"{name} is not a number JSON allows", f"{name} 不是 JSON 允许的数字")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _BadNumberError(
            literal, f"{literal} overflows: it is too large for a number", f"{literal} 溢出：数值过大"
        )
    return value


_JSON_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # unrolled: twice as fast
_LONG_INTEGER: Final = re.compile(r"(?<![\d.eE+\-])-?\d{16,}(?![\d.eE])")


def _exact_int(literal: str) -> int:
    digits = literal.lstrip("-")
    if len(digits) > 15 and (len(digits) > 20 or abs(int(literal)) > MAX_INTEGER):
        shown = literal if len(literal) <= 24 else f"{literal[:12]}…({len(digits)} digits)"
        raise _BadNumberError(
            literal,
            f"integer {shown} is too large (the limit is ±2^53)",
            f"整数 {shown} 过大（上限为 ±2^53）",
        )
    return int(literal)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        duplicated = next(key for key, n in Counter(key for key, _ in pairs).items() if n > 1)
        raise ValueError(f"duplicate key {duplicated!r} in one object")
    return result


class _BadNumber:
    """Where a number a dataset may not hold stood, in the document parsed again to find its path."""

    __slots__ = ("error",)

    def __init__(self, error: _BadNumberError) -> None:
        self.error = error


def _marked(check: Any) -> Any:
    """A parse hook that returns a :class:`_BadNumber` instead of raising."""

    def hook(literal: str) -> Any:
        try:
            return check(literal)
        except _BadNumberError as exc:
            return _BadNumber(exc)

    return hook


def _bad_number_problems(text: str, first: _BadNumberError) -> list[Problem]:
    """Every number of ``text`` a dataset may not hold, with its JSON path (``first``: the one met).

    Only run once a bad number is known to be there: the text is parsed again with hooks that mark
    such numbers instead of raising, and the marks are looked for iteratively (no depth limit).
    Should that parse fail anyway, the first number is named by its line and column.
    """
    problems: list[Problem] = []
    try:
        document = json.loads(
            text,
            parse_constant=_marked(_reject_constant),
            parse_float=_marked(_finite_float),
            parse_int=_marked(_exact_int),
            object_pairs_hook=_no_duplicate_keys,
        )
    except (ValueError, RecursionError):
        document = None
    stack: list[tuple[Any, Link]] = [(document, None)]
    while stack and len(problems) < MAX_PROBLEMS:
        node, link = stack.pop()
        if isinstance(node, _BadNumber):
            error = node.error
            problems.append(
                Problem(
                    json_path(link_parts(link)),
                    f"{error.en}; use a finite number or null",
                    f"{error.zh}；请使用有限的数值或 null",
                )
            )
        elif isinstance(node, dict | list):
            items = list(node.items() if isinstance(node, dict) else enumerate(node))
            stack.extend((value, (link, key)) for key, value in reversed(items))
    if problems:
        return problems
    match = re.search(rf"(?<![\w\"\\.]){re.escape(first.literal)}(?![\w\"])", text)
    en, zh = first.en, first.zh
    if match:
        line, column = _position(text, match.start())
        en += f" at line {line}, column {column}"
        zh += f"，位于第 {line} 行第 {column} 列"
    return [Problem("$", f"{en}; use a finite number or null", f"{zh}；请使用有限的数值或 null")]


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_json(file: Path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """The parsed JSON of a dataset file, after the file-level and JSON-level checks.

    Raises:
        DatasetError: The file cannot be read, is not UTF-8 JSON, or holds what no dataset may.
    """
    data = read_bytes(file, max_bytes)
    text = read_text(file, data)
    try:
        # Long integers are found in the text: a parse_int hook would cost a call for every integer.
        # Only a file with a run of 16 digits somewhere (perhaps in a string) can hold one.
        if b"0" * 16 in data.translate(_DIGITS_AS_ZERO):
            for literal in _LONG_INTEGER.finditer(_JSON_STRING.sub('""', text)):
                _exact_int(literal.group())
        document = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as exc:
        raise refuse(
            file,
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            f"JSON 格式错误，位于第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}",
        ) from None
    except _BadNumberError as exc:
        raise DatasetError(file, _bad_number_problems(text, exc)) from None
    except ValueError as exc:  # duplicate keys
        raise refuse(file, f"malformed JSON: {exc}", f"JSON 格式错误：{exc}") from None
    except RecursionError:
        raise refuse(file, "JSON nested too deeply", "JSON 嵌套层数过多") from None
    deep_strings = bool(_SURROGATE_ESCAPE.search(text))
    too_deep = _too_deep(_outside_strings(data, text))
    problems = _structure_problems(document, deep_strings) if deep_strings or too_deep else []
    if problems:
        raise DatasetError(file, problems)
    return document


def json_path(parts: Iterable[str | int]) -> str:
    """A JSONPath such as ``$.indicators[3].span`` for a list of keys and indexes."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", part):
            out += f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=bool(_SURROGATE.search(part)))}]"
    return out


_BRACKETS_ONLY: Final = bytes.maketrans(b"{}", b"[]")
_NOT_BRACKETS: Final = bytes(b for b in range(256) if b not in b"[]{}")
_DIGITS_AS_ZERO: Final = bytes.maketrans(b"123456789", b"000000000")


def _outside_strings(data: bytes, text: str) -> bytes:
    """Well-formed JSON with every string emptied, as UTF-8, for checks that run at C speed over it.

    Args:
        data: The JSON as UTF-8 (whose multi-byte sequences hold no quote or backslash byte).
        text: The same, decoded.
    """
    if b'\\"' not in data:  # no escaped quote: every quote opens or closes a string
        return b'""'.join(data.split(b'"')[::2])  # a third of the time of the expression below
    return _JSON_STRING.sub('""', text).encode("utf-8")


def _too_deep(outside_strings: bytes) -> bool:
    """Whether well-formed JSON nests deeper than :data:`MAX_DEPTH`, from its brackets alone.

    Args:
        outside_strings: The JSON text with every string emptied, as UTF-8.
    """
    # Objects and arrays alike become [ ]; each round removes the innermost level everywhere
    # (bytes.replace does not rescan what it produced, so [[]] loses one level per round).
    brackets = outside_strings.translate(_BRACKETS_ONLY, _NOT_BRACKETS)
    for _ in range(MAX_DEPTH):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"")
    return bool(brackets)


# A path is built only for a problem: nodes carry a linked (parent, key) pair instead of a tuple.
Link = tuple["Link", str | int] | None
"""A JSON path as a linked list, the innermost key last (cheap to extend while walking)."""


def link_parts(link: Link) -> list[str | int]:
    """The keys of a :data:`Link`, outermost first."""
    parts: list[str | int] = []
    while link is not None:
        link, key = link
        parts.append(key)
    return parts[::-1]


def _structure_problems(document: Any, deep_strings: bool) -> list[Problem]:
    """Nesting deeper than :data:`MAX_DEPTH` and (when ``deep_strings``) lone surrogates, with paths.

    Iterative, so that no nesting depth can exhaust the stack here; only containers are pushed.
    """
    problems: list[Problem] = []
    if deep_strings and isinstance(document, str) and _SURROGATE.search(document):
        return [_surrogate_problem([], document, "text")]
    stack: list[tuple[Any, int, Link]] = [(document, 0, None)]
    while stack and len(problems) < MAX_PROBLEMS:
        node, depth, link = stack.pop()
        if depth >= MAX_DEPTH:
            where = json_path(link_parts(link))
            return [Problem(where, f"nested more than {MAX_DEPTH} levels deep", f"嵌套超过 {MAX_DEPTH} 层")]
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, dict | list):
                stack.append((value, depth + 1, (link, key)))
            elif deep_strings and isinstance(value, str) and _SURROGATE.search(value):
                problems.append(_surrogate_problem(link_parts((link, key)), value, "text"))
            if deep_strings and isinstance(key, str) and _SURROGATE.search(key):
                problems.append(_surrogate_problem(link_parts((link, key)), key, "key"))
    return problems


def _surrogate_problem(parts: list[str | int], text: str, what: str) -> Problem:
    code = ord(_SURROGATE.search(text).group())  # type: ignore[union-attr]  # searched before
    return Problem(
        json_path(parts),
        f"the {what} contains a lone surrogate \\u{code:04x}, which is not a character; "
        "write the character itself or a complete surrogate pair",
        f"{'键' if what == 'key' else '文本'}含有单独的代理码位 \\u{code:04x}（不是字符）；"
        "请写出字符本身或完整的代理对",
    )


# --- the source article -------------------------------------------------------------------------


def read_source(file: Path, source: dict[str, Any]) -> SourceFile:
    """The raw article the dataset describes, refused early when its hash or length differ.

    Args:
        file: The dataset file (the source is found relative to its real folder).
        source: The dataset's ``source`` object (``file``, ``sha256``, ``length``).

    Raises:
        DatasetError: The source is missing, outside the dataset's folder, not a regular file,
            unreadable, or not the file the dataset describes (then nothing else is checked: every
            offset into it would be wrong, and a huge wrong file must not cost more than its reading).
    """
    folder = Path(os.path.realpath(file)).parent
    link = folder / source["file"]
    target = Path(os.path.realpath(link))
    try:
        if not os.path.exists(link):  # read through the link: a loop or a dangling link says so
            read_bytes(link, MAX_FILE_BYTES, "source article")
        if not target.is_relative_to(folder):
            raise refuse(
                target,
                "source file must lie inside the dataset's folder",
                "原文文件必须位于数据集所在的文件夹内",
            )
        data = read_bytes(target, MAX_FILE_BYTES, "source article")
        digest = hashlib.sha256(data).hexdigest()
        problems = []
        if source["sha256"] != digest:
            problems.append(
                Problem(
                    "$.source.sha256", f"expected the raw file's SHA-256 {digest}, found {source['sha256']}"
                )
            )
        if not source["length"] <= len(data) <= 4 * source["length"]:  # UTF-8: 1 to 4 bytes a character
            problems.append(
                Problem(
                    "$.source.length",
                    f"expected about {len(data):,} (the raw file's size), found {source['length']}",
                )
            )
        if problems:
            raise DatasetError(target, problems)
        text = read_text(target, data)
        if len(text) != source["length"]:
            raise DatasetError(
                target,
                [
                    Problem(
                        "$.source.length",
                        f"expected {len(text)} (the raw file's length), found {source['length']}",
                    )
                ],
            )
    except DatasetError as exc:
        raise DatasetError(file, [_source_problem(exc.path, p) for p in exc.problems]) from None
    return SourceFile(source["file"], digest, len(text), text)


def _source_problem(path: str, problem: Problem) -> Problem:
    """A problem of the source file as a problem of the dataset's ``$.source``."""
    if problem.where != "$":
        return problem
    zh = f"{path}\uff1a{problem.message_zh}" if problem.message_zh else None
    return Problem("$.source.file", f"{path}: {problem.message}", zh)
