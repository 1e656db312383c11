"""A small, safe evaluator for the arithmetic formulas of derived figures.

Formulas such as ``a / (b / 100) - a`` come from a dataset, so they are parsed
with :mod:`ast` and only numbers, named inputs, parentheses and ``+ - * /`` are
allowed; nothing is ever passed to :func:`eval`.
"""

from __future__ import annotations

import ast
import itertools
import math
import operator
from collections.abc import Callable, Mapping

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
MAX_FORMULA_LENGTH = 200


class FormulaError(ValueError):
    """A formula that cannot be parsed or evaluated."""


def symbols(formula: str) -> set[str]:
    """The input names a formula uses."""
    return {node.id for node in ast.walk(_parse(formula)) if isinstance(node, ast.Name)}


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Evaluate ``formula`` with ``values`` for its names.

    Raises:
        FormulaError: on syntax outside the allowed subset, an unknown name,
            division by zero or a non-finite result.
    """
    result = _eval(_parse(formula).body, values)
    if not math.isfinite(result):
        raise FormulaError(f"formula {formula!r} does not give a finite number")
    return result


def value_range(
    formula: str, values: Mapping[str, float], half_widths: Mapping[str, float]
) -> tuple[float, float]:
    """The least and greatest value over the box of inputs ± their rounding half-widths.

    The formulas used for derived figures are monotonic in each input over the
    box, so the extremes lie at its corners.
    """
    names = sorted(values)
    results = []
    for signs in itertools.product((-1.0, 1.0), repeat=len(names)):
        corner = {n: values[n] + s * half_widths.get(n, 0.0) for n, s in zip(names, signs, strict=True)}
        results.append(evaluate(formula, corner))
    return min(results), max(results)


def _parse(formula: str) -> ast.Expression:
    if len(formula) > MAX_FORMULA_LENGTH:
        raise FormulaError(f"formula longer than {MAX_FORMULA_LENGTH} characters")
    try:
        return ast.parse(formula, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"formula {formula!r} is not valid arithmetic: {exc.msg}") from None


def _eval(node: ast.expr, values: Mapping[str, float]) -> float:
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        return float(node.value)
    if isinstance(node, ast.Name):
        if node.id not in values:
            raise FormulaError(f"unknown name {node.id!r} in formula")
        return float(values[node.id])
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, values)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left, values), _eval(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            raise FormulaError("division by zero in formula")
        return _BINARY[type(node.op)](left, right)
    raise FormulaError(f"unsupported element {type(node).__name__} in formula")


def round_outward(low: float, high: float, decimals: int) -> tuple[float, float]:
    """``low`` rounded down and ``high`` rounded up to ``decimals`` places.

    A derived range must contain every value its inputs allow, so it is never rounded
    inward (7259.42 gives 7259, not 7260 nor 7259.4 as its low end at 0 places). Float noise
    within 1e-9 of a step is taken to be that step (0.1 + 0.2 at one place is 0.3, not 0.4).
    """
    scale = 10**decimals
    return (math.floor(low * scale + 1e-9) / scale, math.ceil(high * scale - 1e-9) / scale)
