"""``report-viewer import TEXT -o OUT.json``: a report's raw text → a dataset to review (issue 14).

The text is read as UTF-8, or as GBK/GB18030 with a message saying so; the importer repairs it in
the open, segments it and proposes every figure (:mod:`desktop_app.core.importer`). Two files are
written atomically: ``OUT.json`` and, beside it, the raw text as its source (``OUT.source.txt``),
which the dataset's repairs refer to. Figures are ``proposed`` unless ``--accept-above P`` marks
those with confidence ≥ P as confirmed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.console import PROG, Console, ExitStatus, write_warnings

LEVELS = ("national", "province", "city", "district", "county")


def add_parser(command: argparse.ArgumentParser) -> None:
    """The options of ``report-viewer import``."""
    command.add_argument("text", help="the report as a text file (UTF-8, or GBK/GB18030)")
    command.add_argument("--title", default="", help="the report's title (default: from the text)")
    command.add_argument("--year", type=int, help="the report's year (default: from the text)")
    command.add_argument("--level", choices=LEVELS, help="whose report it is (default: from the text)")
    command.add_argument(
        "--region", default="", help="the region's name, e.g. 临淄区 (default: from the text)"
    )
    command.add_argument(
        "--meeting",
        default="",
        help="the meeting's name, e.g. 临淄区第十九届人民代表大会第三次会议 (default: from the text)",
    )
    command.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the meeting's date (default: from the text)",
    )
    command.add_argument(
        "--presenter",
        default="",
        help="who presents the report, office and name, e.g. 区长蔡华刚 (default: from the text)",
    )
    command.add_argument(
        "--accept-above",
        type=_probability,
        metavar="P",
        help="mark proposals with confidence ≥ P (0–1) as confirmed; the rest stay proposed",
    )
    command.add_argument(
        "--furniture",
        action="append",
        default=[],
        metavar="LINE",
        help="a page-furniture line to drop wherever it stands alone (repeatable)",
    )
    command.add_argument("-o", "--output", required=True, help="the dataset to write (OUT.json)")


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, found {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, found {text}")
    return value


def _date(text: str) -> str:
    from desktop_app.core.importer.metadata import date_problem

    problem = date_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


def _read(path: Path, err: Console) -> str | None:
    from desktop_app.core.dataset_errors import DatasetError
    from desktop_app.core.dataset_file import read_bytes
    from desktop_app.core.importer.intake import MAX_TEXT_BYTES, IntakeError, decode

    try:
        # Only a regular file, its size checked first: a named pipe or /dev/zero would hang or fill memory.
        data = read_bytes(path, MAX_TEXT_BYTES, "text")
        decoded = decode(data, str(path))
    except DatasetError as exc:
        err.line(f"{PROG} import: {path}: {'; '.join(p.message for p in exc.problems)}")
        return None
    except IntakeError as exc:
        err.line(f"{PROG} import: {exc}")
        return None
    for message in decoded.messages:
        err.line(f"{PROG} import: {message}")
    return decoded.text


def import_report(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Run ``report-viewer import``."""
    # Imported here: the parser of every command is built with this module, the importer only for import.
    from desktop_app.core.atomic import ExportError
    from desktop_app.core.importer.dataset import DatasetOptions
    from desktop_app.core.importer.files import source_name, write_import
    from desktop_app.core.importer.pipeline import EmptyTextError, import_text

    if args.output == "-":  # not a file named "-": the dataset needs its source file beside it
        err.line(
            f"{PROG} import: -o -: a dataset cannot go to standard output (its source is written beside it)"
        )
        return ExitStatus.USAGE
    text = _read(Path(args.text), err)
    if text is None:
        return ExitStatus.DATASET
    try:
        result = import_text(text, year=args.year, level=args.level, furniture=args.furniture)
    except EmptyTextError as exc:
        err.line(f"{PROG} import: {args.text}: {exc}")
        return ExitStatus.DATASET
    except ValueError as exc:
        err.line(f"{PROG} import: {args.text}: {exc}")
        return ExitStatus.USAGE
    output = Path(args.output)
    options = DatasetOptions(
        source_file="",
        title=args.title,
        year=args.year,
        level=args.level or "",
        region=args.region,
        meeting=args.meeting.strip(),
        meeting_date=args.date or "",
        presenter=args.presenter.strip(),
        accept_above=args.accept_above,
    )
    try:
        with write_warnings("import", err):
            document = write_import(result, output, options)
    except ExportError as exc:
        err.line(f"{PROG} import: {exc}")
        return ExitStatus.OUTPUT
    indicators = document["indicators"]
    confirmed = sum(1 for i in indicators if i["review"] == "confirmed")
    out.line(
        f"{output}: {len(document['paragraphs'])} paragraphs, {len(document['repairs'])} repairs, "
        f"{len(document['goal_areas'])} goal areas, {len(indicators)} figures "
        f"({confirmed} confirmed, {len(indicators) - confirmed} to review); "
        f"source {output.parent / source_name(output)}"
    )
    return ExitStatus.OK
