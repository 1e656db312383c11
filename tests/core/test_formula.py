import pytest

from desktop_app.core.formula import FormulaError, evaluate, symbols, value_range


def test_evaluates_arithmetic() -> None:
    assert evaluate("a / (b / 100) - a", {"a": 42.0, "b": 84.0}) == pytest.approx(8.0)


def test_range_covers_rounding() -> None:
    low, high = value_range("a / (b / 100)", {"a": 2504, "b": 35}, {"a": 0.5, "b": 0.5})
    assert low == pytest.approx(2503.5 / 0.355)
    assert high == pytest.approx(2504.5 / 0.345)


def test_symbols() -> None:
    assert symbols("a * b + 2") == {"a", "b"}


@pytest.mark.parametrize(
    "formula",
    ["__import__('os')", "a.b", "a ** 2", "[a]", "a if b else 1", "lambda: 1", "a /", "x" * 300, "True + a"],
)
def test_refuses_anything_but_arithmetic(formula: str) -> None:
    with pytest.raises(FormulaError):
        evaluate(formula, {"a": 1.0, "b": 2.0})


def test_division_by_zero_and_unknown_names() -> None:
    with pytest.raises(FormulaError, match="division by zero"):
        evaluate("a / 0", {"a": 1.0})
    with pytest.raises(FormulaError, match="unknown name 'c'"):
        evaluate("c", {"a": 1.0})
    with pytest.raises(FormulaError, match="finite"):
        evaluate("a * a", {"a": 1e200})
