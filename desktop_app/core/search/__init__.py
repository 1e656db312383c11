"""Full-text search over a report: cheap types here, the expensive index in :mod:`.index`.

* :mod:`.types` — :class:`NodeKind`, :class:`Document` and :class:`Hit`, both carrying their
  :class:`~desktop_app.core.model.Span` in the article;
* :mod:`.query` — query syntax (terms, phrases) and the longest query accepted;
* :mod:`.documents` — every searchable field of a report (:func:`report_documents`);
* :mod:`.index` — :class:`SearchIndex`, built once per report (pulls in pypinyin and OpenCC):
  :mod:`.postings` builds its tables, :mod:`.matcher` turns a query term into the posting lists
  that drive it and an exact test;
* :mod:`.pinyin` — readings, spellings of a typed run, abbreviations (``lz``) read in context;
* :mod:`.suggest` — what to offer when a query finds nothing (only queries that find something);
* :mod:`.hits` — snippets, result groups, item names and the one counting rule.

This package's ``__init__`` imports only the cheap modules, so views can name hits without
paying for the index; import :class:`SearchIndex` from :mod:`desktop_app.core.search.index`.
"""

from __future__ import annotations

from desktop_app.core.search.query import MAX_QUERY_LENGTH, QueryTerm, parse_query, quote_phrase
from desktop_app.core.search.types import Document, Hit, NodeKind

__all__ = [
    "MAX_QUERY_LENGTH",
    "Document",
    "Hit",
    "NodeKind",
    "QueryTerm",
    "parse_query",
    "quote_phrase",
]
