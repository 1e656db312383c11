"""What to suggest when a query finds nothing: only queries that find something. No Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pypinyin import lazy_pinyin

from desktop_app.core.search.pinyin import MAX_PINYIN_LETTERS, is_abbreviation
from desktop_app.core.search.query import parse_query
from desktop_app.core.textfold import fold, is_han

if TYPE_CHECKING:
    from desktop_app.core.search.index import SearchIndex

__all__ = ["suggestions"]


def suggestions(index: SearchIndex, query: str, *, limit: int = 5) -> list[str]:
    """Other queries that would find something, for a query that finds nothing.

    Tried in order: the query as folded (simplified, half-width), each term
    alone and the terms run together (for an AND that fails), the phrase
    unquoted, the pinyin of Han terms with the words that pinyin finds
    (homophones), and the longest prefix of a Latin term that still matches.

    Args:
        index: the index to search.
        query: the query as typed.
        limit: at most this many suggestions.

    Returns:
        Distinct queries, each with at least one hit; empty when ``query``
        itself has hits or nothing close does.
    """
    terms = parse_query(query)
    if not terms or index.search(query, limit=1):
        return []
    candidates: list[str] = []
    folded_terms = [fold(term.text).text for term in terms]
    candidates.append(" ".join(folded_terms))
    if len(terms) > 1:
        candidates.extend(term.text for term in terms)
        candidates.append("".join(folded_terms))
    if any(term.phrase for term in terms):
        candidates.append(" ".join(term.text for term in terms))
    for folded in folded_terms:
        if any(is_han(char) for char in folded):
            spelt = "".join(lazy_pinyin(folded[:MAX_PINYIN_LETTERS], errors="ignore"))
            if spelt and len(spelt) <= MAX_PINYIN_LETTERS:
                candidates.append(spelt)
                found: dict[str, int] = {}
                for hit in index.search(spelt, limit=200):
                    found[hit.matched] = found.get(hit.matched, 0) + 1
                candidates.extend(sorted(found, key=lambda text: -found[text])[:3])
        elif folded.isascii() and folded.isalpha() and not is_abbreviation(folded):
            # (Fewer initials of an abbreviation are rarely what was meant: no prefix for "qqqq".)
            # Every prefix of a prefix that matches matches too: look for the longest by halving.
            low, high = 0, min(len(folded) - 1, MAX_PINYIN_LETTERS)
            while low < high:
                middle = (low + high + 1) // 2
                if index.search(folded[:middle], limit=1):
                    low = middle
                else:
                    high = middle - 1
            if low:
                candidates.append(folded[:low])
    chosen: list[str] = []
    seen = {fold(query).text}  # "Linzi" after "linzi" is the same query
    for candidate in candidates:
        candidate = candidate.strip()
        key = fold(candidate).text
        if not key or key in seen:
            continue
        seen.add(key)
        if index.search(candidate, limit=1):
            chosen.append(candidate)
            if len(chosen) >= limit:
                break
    return chosen
