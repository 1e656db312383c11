"""What a typed query means: terms, phrases, and how long a query may be. Cheap to import.

Query syntax:

* terms separated by spaces must all match within one node (a paragraph, an indicator, a goal
  area …), in any of its fields;
* ``"a phrase"`` (also “…”) matches exactly, after folding; spaces between Han characters inside
  it are ignored like any other space in the text;
* a term of Latin letters also matches as pinyin (see :mod:`desktop_app.core.search.index`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["MAX_QUERY_LENGTH", "QueryTerm", "parse_query", "quote_phrase"]

MAX_QUERY_LENGTH: Final = 200
"""The longest query the search field accepts; longer queries are cut (the index copes with any)."""

_OPEN_QUOTES: Final = frozenset('"“＂')
_CLOSE_QUOTES: Final = frozenset('"”＂')


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One term of a parsed query.

    Attributes:
        text: the term as typed (without its quotes).
        phrase: True for a quoted phrase, which matches literally (no pinyin).
    """

    text: str
    phrase: bool = False


def parse_query(query: str) -> list[QueryTerm]:
    """Split a query into terms: whitespace separates, double quotes group a phrase.

    An unclosed quote runs to the end of the query, so a phrase being typed
    already searches.

    Args:
        query: the query as typed.

    Returns:
        The terms in order; empty ones are dropped.
    """
    terms: list[QueryTerm] = []
    word: list[str] = []

    def flush() -> None:
        if word:
            terms.append(QueryTerm("".join(word)))
            word.clear()

    index = 0
    while index < len(query):
        char = query[index]
        if char in _OPEN_QUOTES:
            flush()
            end = index + 1
            while end < len(query) and query[end] not in _CLOSE_QUOTES:
                end += 1
            phrase = query[index + 1 : end]
            if phrase.strip():
                terms.append(QueryTerm(phrase, phrase=True))
            index = end + 1
            continue
        if char.isspace():
            flush()
        else:
            word.append(char)
        index += 1
    flush()
    return terms


def quote_phrase(text: str) -> str:
    """A query that finds ``text`` as one exact phrase.

    Quote characters inside are replaced by an apostrophe, which folds the
    same way (punctuation), so the phrase cannot be cut short.

    Args:
        text: any text, e.g. a selection in the article.

    Returns:
        ``text`` wrapped in double quotes.
    """
    inner = "".join("'" if char in _OPEN_QUOTES or char in _CLOSE_QUOTES else char for char in text)
    return f'"{inner}"'
