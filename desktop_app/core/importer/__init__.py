"""The importer of issue 14: any government work report's text → a reviewed-to-be dataset.

Pure Python (no Qt). Stages, one module each: :mod:`.intake` (decode, repairs), :mod:`.segment`
(headings, parts, sections, goal areas, sentences), :mod:`.figures` and :mod:`.classify` (figure
proposals by ``FIGURE_GUIDELINES.md``), :mod:`.metadata` (title, level, region, meeting,
presenter), :mod:`.pipeline` (all of it: :func:`~.pipeline.import_text`).
"""
