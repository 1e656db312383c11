"""Regenerate the bundled Regular and Bold subsets of Noto Sans CJK SC.

Reads the static (non-variable) Noto Sans CJK SC Regular and Bold faces installed on this machine
(Debian/Ubuntu package ``fonts-noto-cjk``; ``.ttc`` collections or single ``.otf`` files) and writes
``resources/fonts/NotoSansCJKsc-{Regular,Bold}.subset.otf`` with fontTools' subsetter.

The character set is level 1 of 通用规范汉字表 (read from the copy of the table in ``resources/fonts/``),
ASCII, Latin-1, general punctuation, CJK symbols and punctuation, full-width forms, a few symbols common
in Chinese documents, the characters of the UI vocabulary below, and every character of every
``data/**/*.json``, ``data/**/*.txt`` and ``resources/translations/*.ts`` file of the repository, so
re-running the script after the dataset or a translation changes keeps the fonts complete.

Usage::

    python tools/subset_fonts.py                 # find the system fonts, rewrite both subsets
    python tools/subset_fonts.py --keep-hinting  # keep the CFF hints (about 15 % larger)
    python tools/subset_fonts.py --regular R.otf --bold B.ttc   # explicit source files

fontTools is a development tool only; the application never imports it.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# fontTools ships neither type hints nor a py.typed marker.
from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

REPO_ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = REPO_ROOT / "resources" / "fonts"
DATA_DIR = REPO_ROOT / "data"
TRANSLATIONS_DIR = REPO_ROOT / "resources" / "translations"
HANZI_TABLE = FONT_DIR / "tongyong-guifan-hanzi.tsv"
LEVEL_1_ROWS = 3500
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
FAMILY = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Face:
    """One static face to subset.

    Attributes:
        style: The style name, also the file name suffix ("Regular", "Bold").
        postscript_name: The PostScript name (name ID 6) that identifies the face inside a collection.
        weight: The expected OS/2 usWeightClass.
    """

    style: str
    postscript_name: str
    weight: int

    @property
    def output(self) -> Path:
        return FONT_DIR / f"NotoSansCJKsc-{self.style}.subset.otf"


FACES = (
    Face("Regular", "NotoSansCJKsc-Regular", 400),
    Face("Bold", "NotoSansCJKsc-Bold", 700),
)

# Inclusive code point ranges always kept.
RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x007E, "ASCII"),
    (0x00A0, 0x00FF, "Latin-1 Supplement (punctuation, ×, ÷, accented letters)"),
    (0x2000, 0x206F, "General Punctuation (“”‘’…—‰)"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    # Bopomofo is part of GB2312; fontTools keeps the OS/2 "Chinese: Simplified" code page bit (which
    # Qt on Windows reads to choose fonts for Chinese text) only while ㄅ is in the font.
    (0x3100, 0x312F, "Bopomofo"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
)

# Pinyin letters and symbols that Chinese reports and the UI use outside the ranges above.
EXTRA_SYMBOLS = "".join(
    (
        "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹɑɡ",
        "℃№ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ←↑→↓↔≈≠≤≥±∶",
        "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽",
        "■□▲△▼▽◆◇○◎●★☆√㎡㎞㎏",
        # Ligatures: the font draws ——, ——— and the Latin fi, fl … with these glyphs, and Qt's PDF
        # writer names a glyph in the text map by a code point the font maps to it.
        "\u2e3a\u2e3b\ufb00\ufb01\ufb02\ufb03\ufb04",
    )
)

# Menu, dialog and status-bar vocabulary, so a translation can use these without a re-run.
UI_WORDS = (
    "说說 报告阅读器 政府工作报告 文件 打开 关闭 保存 另存为 导出 导入 打印 打印预览 预览 页面设置 退出 "
    "编辑 复制 粘贴 剪切 全选 查找 搜索 替换 下一个 上一个 清除 引用 设置 首选项 选项 "
    "视图 显示 隐藏 放大 缩小 实际大小 全屏 工具栏 状态栏 侧边栏 目录 大纲 树 列表 表格 "
    "图表 原文 指标 目标 任务 领域 章节 段落 摘要 总结 详情 数据 数值 单位 年份 年度 季度 月份 "
    "增长 下降 同比 环比 百分比 完成 进度 预计 实际 排名 计划 预期 估计 来源 备注 注释 "
    "语言 中文 简体 繁体 英文 英语 帮助 关于 版本 许可 许可证 字体 主题 颜色 "
    "确定 取消 是 否 应用 重置 默认 重试 忽略 错误 警告 信息 提示 成功 失败 加载 正在 "
    "无法 未找到 没有 结果 共 条 项 个 第 页 行 列 总计 合计 平均 最大 最小 "
    "名称 类型 日期 时间 路径 格式 文本 图片 图像 保存为 另存 刷新 返回 前进 后退 主页 "
    "窗口 标签 按钮 菜单 快捷键 键盘 鼠标 缩放 导航 筛选 过滤 排序 升序 降序 展开 折叠 全部 "
    "上升 持平 元 万元 亿元 万 亿 千 百 人 户 家 吨 公里 平方米 亩 千瓦 "
)


def _is_renderable(char: str) -> bool:
    """Whether a character is worth a glyph (not a control, surrogate or private-use code point)."""
    return unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"}  # Cf: zero-width, no glyph


def read_level_1_hanzi(path: Path = HANZI_TABLE, rows: int = LEVEL_1_ROWS) -> list[str]:
    """Read the first ``rows`` characters of 通用规范汉字表 from its TSV file.

    Args:
        path: A file with a ``#`` header line, then ``character<TAB>hex code point`` per line.
        rows: How many data rows to read (3,500 is level 1).

    Returns:
        The characters, in table order.

    Raises:
        ValueError: A line is malformed or its character does not match its code point.
    """
    chars: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2:
                raise ValueError(f"{path}:{line_no}: expected 'character<TAB>code point', got {line!r}")
            char, code = fields
            if len(char) != 1 or char != chr(int(code, 16)):
                raise ValueError(f"{path}:{line_no}: {char!r} does not match code point U+{code}")
            chars.append(char)
            if len(chars) == rows:
                return chars
    raise ValueError(f"{path}: expected at least {rows} rows, found {len(chars)}")


def _json_strings(node: object) -> Iterator[str]:
    """Every key and scalar value of a parsed JSON document, as text."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _json_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _json_strings(item)
    elif node is not None and not isinstance(node, bool):
        yield str(node)


def _ts_strings(path: Path) -> Iterator[str]:
    """Every text node and attribute value of a Qt Linguist ``.ts`` file."""
    # A file of this repository, not untrusted input.
    for element in ET.parse(path).iter():
        yield from (element.text or "", element.tail or "")
        yield from element.attrib.values()


def project_text_files(data_dir: Path = DATA_DIR, translations_dir: Path = TRANSLATIONS_DIR) -> list[Path]:
    """The repository files whose characters must all be in the fonts, sorted.

    Args:
        data_dir: The dataset folder (``*.json`` and ``*.txt`` at any depth).
        translations_dir: The Qt Linguist folder (``*.ts``).

    Returns:
        The existing files; missing folders contribute nothing.
    """
    files: list[Path] = []
    if data_dir.is_dir():
        files += [p for p in data_dir.rglob("*") if p.is_file() and p.suffix in {".json", ".txt"}]
    if translations_dir.is_dir():
        files += [p for p in translations_dir.glob("*.ts") if p.is_file()]
    return sorted(files)


def file_characters(path: Path) -> set[str]:
    """The renderable characters a reader can see in one project file.

    JSON is parsed so that ``\\uXXXX`` escapes count as the characters they stand for; ``.ts`` files are
    parsed as XML so that entities do too; anything else is read as UTF-8 text.

    Args:
        path: A ``.json``, ``.ts`` or text file.

    Returns:
        The characters, without controls, surrogates and private-use code points.

    Raises:
        ValueError: The file is not valid UTF-8, JSON or XML (the message names the file).
    """
    try:
        if path.suffix == ".json":
            with path.open(encoding="utf-8-sig") as handle:
                strings: Iterable[str] = list(_json_strings(json.load(handle)))
        elif path.suffix == ".ts":
            strings = list(_ts_strings(path))
        else:
            strings = [path.read_text(encoding="utf-8-sig")]
    except (UnicodeDecodeError, json.JSONDecodeError, ET.ParseError) as exc:
        raise ValueError(f"{path}: cannot read characters for the font subset: {exc}") from exc
    return {char for text in strings for char in text if _is_renderable(char)}


def character_set(files: Sequence[Path]) -> set[str]:
    """The full character set of the subsets.

    Args:
        files: The project files whose characters are added (see :func:`project_text_files`).

    Returns:
        All characters to keep.
    """
    chars = set(read_level_1_hanzi())
    for first, last, _name in RANGES:
        chars.update(chr(code) for code in range(first, last + 1))
    chars.update(EXTRA_SYMBOLS)
    chars.update(UI_WORDS)
    for path in files:
        chars |= file_characters(path)
    return {char for char in chars if _is_renderable(char)}


def _postscript_name(font: TTFont) -> str:
    return str(font["name"].getDebugName(6) or "")


def _candidate_files(dirs: Iterable[Path]) -> Iterator[Path]:
    for directory in dirs:
        if directory.is_dir():
            for pattern in ("NotoSansCJK*.tt[cf]", "NotoSansCJK*.otf"):
                yield from sorted(directory.rglob(pattern))


def open_face(face: Face, source: Path | None = None, dirs: Iterable[Path] = SYSTEM_FONT_DIRS) -> TTFont:
    """Open the static source face, from a collection if need be.

    Args:
        face: The face to find, by PostScript name.
        source: A ``.ttc``/``.otf`` file to use instead of searching ``dirs``.
        dirs: Font folders to search for ``NotoSansCJK*`` files.

    Returns:
        The face, opened with its original ``head.modified`` kept so output is reproducible.

    Raises:
        FileNotFoundError: No static face with that PostScript name was found (variable fonts are
            skipped: their default instance prints bold headings thin).
    """
    paths = [source] if source is not None else list(_candidate_files(dirs))
    for path in paths:
        if "VF" in path.name:
            continue
        count = len(TTCollection(path, lazy=True).fonts) if path.suffix.lower() == ".ttc" else 1
        for index in range(count):
            number = index if path.suffix.lower() == ".ttc" else -1
            probe = TTFont(path, fontNumber=number, lazy=True)
            if _postscript_name(probe) == face.postscript_name and "fvar" not in probe:
                print(f"{face.style}: {path} (face {index}, {face.postscript_name})")
                return TTFont(path, fontNumber=number, recalcTimestamp=False)
    where = str(source) if source is not None else ", ".join(str(d) for d in dirs)
    raise FileNotFoundError(
        f"static face {face.postscript_name} not found in {where}; install the Debian package "
        "fonts-noto-cjk or pass --regular/--bold"
    )


def subset_options(*, keep_hinting: bool) -> subset.Options:
    """The subsetter options: ``pyftsubset --notdef-outline`` with CJK-friendly layout features.

    The default layout features keep vertical forms (``vert``, ``vrt2``), vertical metrics and kerning
    (``vkrn``, ``vhal``, ``vpal``) and punctuation width adjustments (``halt``, ``palt``, ``chws``,
    ``vchw``). ``locl`` is dropped: in this SC face it only maps to Japanese, Korean and Traditional
    Chinese glyph variants, which would roughly double the glyph count.

    Args:
        keep_hinting: Keep the CFF stem hints (about 15 % of the file).

    Returns:
        The options.
    """
    options = subset.Options()
    options.notdef_outline = True
    options.hinting = keep_hinting
    options.layout_features = [tag for tag in options.layout_features if tag != "locl"]
    # Keep every name record: family, trademark, designer, the OFL notice (13) and its URL (14).
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    return options


def build_subset(
    face: Face, chars: set[str], source: Path | None, *, keep_hinting: bool
) -> tuple[int, set[str]]:
    """Subset one face and write it to ``face.output``.

    Args:
        face: The face to build.
        chars: The characters to keep.
        source: An explicit source file, or ``None`` to search the system font folders.
        keep_hinting: Keep the CFF hints.

    Returns:
        The size of the written file in bytes and the requested characters the source face lacks.

    Raises:
        ValueError: The source face is not the expected family or weight.
    """
    font = open_face(face, source)
    family = font["name"].getDebugName(16) or font["name"].getDebugName(1)
    if family != FAMILY or font["OS/2"].usWeightClass != face.weight:
        raise ValueError(f"{face.postscript_name}: expected {FAMILY} weight {face.weight}, got {family!r}")
    cmap = font.getBestCmap()
    lacking = {char for char in chars if ord(char) not in cmap}
    subsetter = subset.Subsetter(subset_options(keep_hinting=keep_hinting))
    subsetter.populate(unicodes=sorted(ord(char) for char in chars))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    face.output.parent.mkdir(parents=True, exist_ok=True)
    face.output.write_bytes(buffer.getvalue())
    return len(buffer.getvalue()), lacking


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--regular", type=Path, help="source file with NotoSansCJKsc-Regular")
    parser.add_argument("--bold", type=Path, help="source file with NotoSansCJKsc-Bold")
    parser.add_argument("--keep-hinting", action="store_true", help="keep CFF hints (larger files)")
    args = parser.parse_args(argv)

    files = project_text_files()
    chars = character_set(files)
    project_chars = set().union(*(file_characters(path) for path in files))
    print(f"{len(chars)} characters ({len(project_chars)} from {len(files)} project files)")
    for path in files:
        print(f"  {path.relative_to(REPO_ROOT)}")

    sources = {"Regular": args.regular, "Bold": args.bold}
    status = 0
    for face in FACES:
        size, lacking = build_subset(face, chars, sources[face.style], keep_hinting=args.keep_hinting)
        print(f"{face.output.relative_to(REPO_ROOT)}: {size:,} bytes ({size / 1024 / 1024:.2f} MiB)")
        missing_project = sorted(lacking & project_chars)
        if missing_project:
            status = 1
            listed = " ".join(f"{c} U+{ord(c):04X}" for c in missing_project)
            print(f"  error: project text uses characters {face.postscript_name} lacks: {listed}")
    return status


if __name__ == "__main__":
    sys.exit(main())
