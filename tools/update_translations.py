"""Refresh the Chinese UI translation: lupdate the sources, fill new strings, lrelease the .qm.

Usage:
    python tools/update_translations.py          # update .ts and .qm
    python tools/update_translations.py --check  # exit 1 if a string is untranslated or the .qm is stale

The .ts file is the source of truth and may be edited in Qt Linguist; ``ZH`` below
only fills strings that are still unfinished, so hand edits are kept.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / "qt").glob("*.py"))
TS = ROOT / "resources" / "translations" / "report_viewer_zh_CN.ts"
QM = TS.with_suffix(".qm")

# Full-width punctuation as escapes: editors fold it to ASCII.
C, CO, LP, RP = "\uff0c", "\uff1a", "\uff08", "\uff09"

ZH: dict[str, str] = {
    # ChartPanel
    "Charts": "图表",
    "No figures to chart here.": "此处没有可绘制的数据。",
    "%1 (%2, %3)": f"%1{LP}%2{C}%3{RP}",
    "; range %1–%2": "\uff1b范围 %1–%2",
    "%1: %2": f"%1{CO}%2",
    "Export PNG…": "导出 PNG…",
    "Export SVG…": "导出 SVG…",
    "Export Chart as PNG": "将图表导出为 PNG",
    "PNG images (*.png)": "PNG 图像 (*.png)",
    "Export Chart as SVG": "将图表导出为 SVG",
    "SVG drawings (*.svg)": "SVG 矢量图 (*.svg)",
    "Export Failed": "导出失败",
    "Chart exported by Report Viewer": "由报告阅读器导出的图表",
    # PrintController
    "Print summary": "打印摘要",
    "Printing failed": "打印失败",
    "Printed %n page(s)": "已打印 %n 页",
    "Print preview failed": "打印预览失败",
    "Print preview — %1": "打印预览 — %1",
    "Export PDF": "导出 PDF",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    "Could not export the PDF": "无法导出 PDF",
    "Saved %1 (%n page(s), %2 KB)": f"已保存 %1{LP}%n 页{C}%2 KB{RP}",
    "Export CSV": "导出 CSV",
    "CSV files (*.csv)": "CSV 文件 (*.csv)",
    "Could not export the CSV file": "无法导出 CSV 文件",
    "Saved %1 (%n figure(s), %2 KB)": f"已保存 %1{LP}%n 项数据{C}%2 KB{RP}",
    # DetailPane
    "Details": "详情",
    "Figures": "数据",
    "Show in source": "在原文中显示",
    "Copy with citation": "复制并附出处",
    "Meeting: %1, %2": f"会议{CO}%1{C}%2",
    "Presented by %1 (%2)": f"报告人{CO}%1{LP}%2{RP}",
    "Source: %1": f"来源{CO}%1",
    "The eight goal areas": "八个“坚定不移”",
    "Headline figures": "主要数据",
    "Notes on the source": "关于原文的说明",
    "Serves: %1": f"服务于{CO}%1",
    "Raw file: %1 (SHA-256 %2)": f"原始文件{CO}%1{LP}SHA-256 %2{RP}",
    "Repairs: %1": f"修复{CO}%1",
    "not applied": "未采用",
    "Year: %1": f"年份{CO}%1",
    "Kind: %1": f"类型{CO}%1",
    "As written: %1": f"原文写法{CO}%1",
    "Modifier: %1 (%2)": f"修饰语{CO}%1{LP}%2{RP}",
    "Scope: %1": f"范围{CO}%1",
    "Share of: %1": f"所占对象{CO}%1",
    "Lower is better": "数值越小越好",
    "Source sentence": "原文句子",
    "Derived: the article does not state this figure.": "推算值：原文并未直接给出此数字。",
    "Formula: %1": f"公式{CO}%1",
    "Range allowed by rounding: %1 – %2 %3": f"按输入取整推得的范围{CO}%1 – %2 %3",
    "Quote": "引语",
    "Copied with citation": "已复制并附出处",
    "Quotes": "引语",
    "Projects and named things": "项目与名称",
    "* linked to this goal area by the editors, not by the article": "* 由编者而非原文归入此目标",
    "article": "原文",
    "editorial": "编者",
    "Goal areas: %1": f"所属目标{CO}%1",
    # ErrorHandler
    "Unexpected error": "意外错误",
    "Something went wrong: %1": f"出现问题{CO}%1",
    "Details were written to %1": "详细信息已写入 %1",
    # GoalTreeModel
    "Report structure": "报告结构",
    "Report overview": "报告概况",
    "Source article": "原文",
    "livelihood project": "民生实事",
    "project": "项目",
    "park": "园区",
    "enterprise": "企业",
    "programme": "举措",
    "honour": "荣誉",
    # IndicatorTableModel
    "Figure": "指标",
    "Value": "数值",
    "Unit": "单位",
    "Year": "年份",
    "Kind": "类型",
    "Modifier": "修饰语",
    "Scope": "范围",
    "Source": "出处",
    "derived": "推算",
    # MainWindow
    "Goal areas and sections": "目标与章节",
    "Ready": "就绪",
    "&Open…": "打开(&O)…",
    "Open the &bundled report": "打开内置报告(&B)",
    "&Quit": "退出(&Q)",
    "&Find…": "查找(&F)…",
    "Show in &source": "在原文中显示(&S)",
    "&Raw page text": "原始版面文字(&R)",
    "&About Report Viewer": "关于报告阅读器(&A)",
    "&Print…": "打印(&P)…",
    "Selected &goal area (else the whole report)": f"所选目标{LP}未选则整份报告{RP}(&G)",
    "&Whole report": "整份报告(&W)",
    "&Figures only (tables)": f"仅数据表{LP}不含图表与正文{RP}(&F)",
    "Print and export &covers": "打印与导出范围(&C)",
    "Paper si&ze": "纸张大小(&Z)",
    "Print pre&view…": "打印预览(&V)…",
    "Export &PDF…": "导出 PDF(&D)…",
    "Export &CSV…": "导出 CSV(&C)…",
    "System language": "跟随系统",
    "&File": "文件(&F)",
    "Open &Recent": "最近打开(&R)",
    "&Edit": "编辑(&E)",
    "&View": "视图(&V)",
    "&Language": "语言(&L)",
    "&Help": "帮助(&H)",
    "Main toolbar": "主工具栏",
    "Shown in source: %1": f"已在原文中显示{CO}%1",
    "Open report dataset": "打开报告数据集",
    "Report datasets (*.json);;All files (*)": "报告数据集 (*.json);;所有文件 (*)",
    "Other": "其他",
    "Hit %1 of %2: %3": f"第 %1 / %2 处{CO}%3",
    "About Report Viewer": "关于报告阅读器",
    "Read, search, chart and print a government work report.": "阅读、检索、图表展示并打印政府工作报告。",
    "Data source: %1": f"数据来源{CO}%1",
    "Code licence: MIT.": f"程序许可{CO}MIT。",
    "Font: Noto Sans CJK SC (subset), SIL Open Font License 1.1.": f"字体{CO}思源黑体 Noto Sans CJK SC{LP}子集{RP}{C}SIL 开放字体许可 1.1。",
    "Qt for Python (LGPLv3) and pyqtgraph (MIT).": f"Qt for Python{LP}LGPLv3{RP}与 pyqtgraph{LP}MIT{RP}。",
    "Cannot open dataset": "无法打开数据集",
    "The dataset could not be opened. The current report stays open.": "无法打开该数据集，当前报告保持不变。",
    "Could not open %1": "无法打开 %1",
    # SearchPanel
    "Search the report": "检索报告",
    "Search: 临淄, linzi, lz, 2504, 84% …": "检索：临淄、linzi、lz、2504、84% …",
    "Search scope": "检索范围",
    "Everything": "全部",
    "Article text": "原文正文",
    "Current goal area": "当前目标",
    "Filter tree": "筛选目录",
    "Search results": "检索结果",
    "No results for “%1”.": "未找到“%1”。",
    "Try: %1": f"试试{CO}%1",
    # SourceView
    "Reading order (repaired)": f"阅读顺序{LP}已修复{RP}",
    "Raw page text": "原始版面文字",
    "Mark punctuation repairs": "标出标点修复",
    "Joined across a column break": "跨栏拼接",
    "Moved into reading order": "移回阅读顺序",
    "Dropped as page furniture": "版面元素，已删去",
    "Misreading": "识别错误",
    "Punctuation restored": "已恢复全角标点",
    "Raw: %1": f"原始{CO}%1",
    "high": "高",
    "medium": "中",
    "low": "低",
    "Reading: %1": f"推断{CO}%1",
    "Certainty: %1": f"把握{CO}%1",
    "Not applied: the raw text is kept": "未采用：保留原始文字",
    # _ChartPlaceholder
    "Loading charts…": "正在加载图表…",
}


def _run(*args: str) -> None:
    tool = shutil.which(args[0])
    if tool is None:
        raise SystemExit(f"{args[0]} not found; it comes with PySide6")
    subprocess.run([tool, *args[1:]], check=True, cwd=ROOT, capture_output=True)


def lupdate(ts: Path) -> None:
    _run("pyside6-lupdate", *SOURCES, "-ts", str(ts), "-no-obsolete", "-locations", "none")


def fill(ts: Path) -> list[str]:
    """Translate unfinished messages from ``ZH``; returns the sources still untranslated."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished":
            if source in ZH:
                if message.get("numerus") == "yes":
                    # Chinese has one plural form: a single numerusform.
                    for child in list(translation):
                        translation.remove(child)
                    ET.SubElement(translation, "numerusform").text = ZH[source]
                    translation.text = None
                else:
                    translation.text = ZH[source]
                del translation.attrib["type"]
            else:
                missing.append(source)
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def lrelease(ts: Path, qm: Path) -> None:
    _run("pyside6-lrelease", str(ts), "-qm", str(qm))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
            shutil.copy(TS, ts)
            lupdate(ts)
            untranslated = [
                m.findtext("source")
                for m in ET.parse(ts).getroot().iter("message")
                if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
            ]
            lrelease(TS, qm)
            stale = not QM.exists() or QM.read_bytes() != qm.read_bytes()
        for source in untranslated:
            print(f"untranslated: {source!r}")
        if stale:
            print(f"{QM.name} is out of date: run python tools/update_translations.py")
        return 1 if untranslated or stale else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    missing = fill(TS)
    lrelease(TS, QM)
    for source in missing:
        print(f"needs a translation: {source!r}", file=sys.stderr)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated; wrote {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
