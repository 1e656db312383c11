"""The loader's check of scalars against the schema, before the schema checker runs. No Qt.

The schema checker copies a whole array or object into its message where a scalar belongs, and takes
``2023.0`` for an integer; :func:`scalar_problems` reports both first, with the JSON path of the node
and the size of a container, walking the document once with a plan made once per schema rule.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Final

from desktop_app.core.dataset_errors import Problem
from desktop_app.core.dataset_file import MAX_PROBLEMS, Link, json_path, link_parts

__all__ = ["scalar_problems"]


class _Other(enum.Enum):
    """How the members a rule does not name (``additionalProperties`` / ``items``) are looked at."""

    NONE = enum.auto()  # no rule for them
    SCALAR = enum.auto()  # each must be a scalar: checked like a named member
    FLAT = enum.auto()  # arrays of scalars (a [start, end] segment): looked into only if not all integers
    NESTED = enum.auto()  # containers that may hold containers: looked into
    IGNORED = enum.auto()  # a rule that says nothing this check is about


@dataclass(frozen=True, slots=True)
class _Plan:
    """What to look at in a node that one schema rule describes (built once per rule)."""

    accepts: type | tuple[type, ...]  # the containers the rule's "type" lets through (others: the schema's)
    scalar_keys: tuple[tuple[str | int, str], ...]  # where a container is a problem, with the type expected
    nested: tuple[tuple[str | int, dict[str, Any]], ...]  # where a container may hold one
    known: frozenset[str]  # an object's own properties
    skipped_items: int  # prefixItems: the array items the rule names
    other: dict[str, Any] | None  # additionalProperties / items: the rule of any other member
    other_walk: _Other


class _Planner:
    def __init__(self, schema: dict[str, Any]) -> None:
        self._definitions = schema.get("$defs", {})
        self.plans: dict[int, _Plan] = {}

    def resolve(self, rule: Any) -> dict[str, Any] | None:
        while isinstance(rule, dict) and str(rule.get("$ref", "")).startswith("#/$defs/"):
            rule = self._definitions.get(rule["$ref"].removeprefix("#/$defs/"))
        return rule if isinstance(rule, dict) else None

    def plan(self, rule: dict[str, Any]) -> _Plan:
        plan = self.plans.get(id(rule))
        if plan is None:
            members: dict[str | int, Any] = {
                **rule.get("properties", {}),
                **dict(enumerate(rule.get("prefixItems", []))),
            }
            resolved = {key: self.resolve(child) for key, child in members.items()}
            other = self.resolve(rule.get("additionalProperties", rule.get("items")))
            kind = rule.get("type")
            plan = _Plan(
                dict if kind == "object" else list if kind == "array" else (dict, list),
                tuple(
                    (key, child["type"])
                    for key, child in resolved.items()
                    if child is not None and child.get("type") in _SCALAR_TYPES
                ),
                tuple(
                    (key, child) for key, child in resolved.items() if child is not None and _may_nest(child)
                ),
                frozenset(key for key in members if isinstance(key, str)),
                len(rule.get("prefixItems", [])),
                other,
                self._other_walk(other),
            )
            self.plans[id(rule)] = plan
        return plan

    def _other_walk(self, other: dict[str, Any] | None) -> _Other:
        if other is None:
            return _Other.NONE
        if other.get("type") in _SCALAR_TYPES:
            return _Other.SCALAR
        if _is_flat(other, self):
            return _Other.FLAT
        return _Other.NESTED if _may_nest(other) else _Other.IGNORED


_SCALAR_TYPES: Final = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "true or false",
}
_CONTAINERS: Final = (dict, list)


def _container_words(value: list[Any] | dict[str, Any]) -> str:
    return (
        f"an array of {len(value):,} items"
        if isinstance(value, list)
        else f"an object of {len(value):,} members"
    )


def scalar_problems(document: Any, schema: dict[str, Any]) -> list[Problem]:
    """What the schema checker would mishandle or miss about scalars, checked before it runs.

    - an array or object where the schema expects a scalar: the checker copies the whole value
      into its error (a 17 MB array where a string belongs cost 650 MB and 6 s), so it is reported
      here with its size instead;
    - a fraction where the schema expects an integer: JSON Schema counts ``2023.0`` as an integer,
      a dataset must not (a year would print as ``2023.0``).

    Follows ``$ref``, ``properties``, ``additionalProperties``, ``items`` and ``prefixItems``; each
    rule is turned once into the keys to look at and how to treat the members it does not name, so a
    node costs a few lookups and a million ``[start, end]`` segments one check each. Everything else
    is left to the schema.
    """
    planner = _Planner(schema)
    plans = planner.plans
    problems: list[Problem] = []

    def report(value: Any, key: str | int, link: Link, expected: str) -> None:
        found = _container_words(value) if isinstance(value, _CONTAINERS) else repr(value)
        where = json_path(link_parts((link, key)))
        problems.append(Problem(where, f"expected {_SCALAR_TYPES[expected]}, found {found}"))

    # The test that decides whether a member is a problem is written out inline (twice below, once for
    # named and once for other members): it runs for every scalar of the document.
    stack: list[tuple[Any, dict[str, Any], Link]] = [(document, schema, None)]
    while stack and len(problems) < MAX_PROBLEMS:
        node, rule, link = stack.pop()
        plan = plans.get(id(rule)) or planner.plan(rule)
        accepted = isinstance(node, plan.accepts)  # (a test apart: mypy would narrow node to object)
        if not accepted:
            continue  # the schema will say what is wrong with this one
        extra: Any
        if isinstance(node, dict):
            for key, expected in plan.scalar_keys:
                value = node.get(key)
                if isinstance(value, _CONTAINERS) or (type(value) is float and expected == "integer"):
                    report(value, key, link, expected)
            stack.extend(
                (value, child, (link, key))
                for key, child in plan.nested
                if isinstance(value := node.get(key), _CONTAINERS)
            )
            if plan.other_walk is _Other.NONE or plan.other_walk is _Other.IGNORED:
                continue
            known = plan.known
            extra = [item for item in node.items() if item[0] not in known]
        else:
            size = len(node)
            for key, expected in plan.scalar_keys:
                value = node[key] if isinstance(key, int) and key < size else None
                if isinstance(value, _CONTAINERS) or (type(value) is float and expected == "integer"):
                    report(value, key, link, expected)
            stack.extend(
                (value, child, (link, key))
                for key, child in plan.nested
                if isinstance(key, int) and key < size and isinstance(value := node[key], _CONTAINERS)
            )
            if plan.other_walk is _Other.NONE or plan.other_walk is _Other.IGNORED:
                continue
            start = plan.skipped_items
            extra = enumerate(node[start:], start) if start else enumerate(node)
        other = plan.other
        assert other is not None  # a walk other than NONE has a rule
        if plan.other_walk is _Other.SCALAR:
            expected = other["type"]
            for key, value in extra:
                if isinstance(value, _CONTAINERS) or (type(value) is float and expected == "integer"):
                    report(value, key, link, expected)
        elif plan.other_walk is _Other.FLAT:  # [start, end] segments: look inside one not all integers
            stack.extend(
                (value, other, (link, key))
                for key, value in extra
                if type(value) is list and any(type(x) is not int for x in value)
            )
        else:
            stack.extend(
                (value, other, (link, key)) for key, value in extra if isinstance(value, _CONTAINERS)
            )
    return sorted(problems, key=lambda p: p.where)


def _may_nest(rule: dict[str, Any]) -> bool:
    return any(k in rule for k in ("properties", "additionalProperties", "items", "prefixItems", "$ref"))


def _is_flat(rule: dict[str, Any], planner: _Planner) -> bool:
    """Whether ``rule`` is an array of scalars (like a ``[start, end]`` span)."""
    if "properties" in rule or "additionalProperties" in rule:
        return False
    parts = [
        planner.resolve(part)
        for part in (*rule.get("prefixItems", []), rule.get("items"))
        if part is not None
    ]
    return ("items" in rule or "prefixItems" in rule) and not any(
        part is not None and _may_nest(part) for part in parts
    )
