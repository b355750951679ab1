"""Answers as pandas DataFrames, each column with the dtype of its values.

A column whose values are all integers is ``Int64``, all decimals or doubles (or integers
among them) ``Float64``, all booleans ``boolean``, all ``xsd:date`` ``datetime64[s]``;
any other column is ``string``, literals as written and IRIs as the caller asks. pandas'
nullable dtypes keep an unbound value missing (NA, NaT for dates): a rank the sources do
not give stays missing instead of turning its column into floats. A column that mixes kinds
(a full date beside a year) is ``string``, as the values are written.

pandas is an optional dependency (``pip install coalition-kg[pandas]``), imported here only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from coalition_kg.queries.cells import Term

#: The dtype of a column whose known values are all of one Python type.
DTYPES = {int: "Int64", float: "Float64", Decimal: "Float64", bool: "boolean", date: "datetime64[s]"}


def dataframe(variables: Sequence[str], solutions: Sequence[Sequence[Term | None]],
              value: Callable[[Term | None], object]):  # noqa: ANN201 - a pandas.DataFrame, imported here
    """A DataFrame of ``solutions``, a column per variable; ``value`` gives the Python value of
    a term (see :meth:`coalition_kg.queries.results.Answer.rows`)."""
    try:
        import pandas
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "an answer as a DataFrame needs pandas: pip install 'coalition-kg[pandas]'", name="pandas"
        ) from None
    columns = {}
    for index, name in enumerate(variables):
        values = [value(terms[index]) for terms in solutions]
        dtype = column_dtype(values)
        if dtype == "string":
            values = [None if known is None else _text(known) for known in values]
        elif dtype == "Float64":
            values = [None if known is None else float(known) for known in values]
        columns[name] = pandas.Series(values, dtype=dtype, name=name)
    return pandas.DataFrame(columns, columns=list(variables))


def column_dtype(values: Sequence[object]) -> str:
    """The dtype of a column of these Python values (see the module's docstring)."""
    kinds = {DTYPES.get(type(known)) for known in values if known is not None}
    if kinds == {"Int64", "Float64"}:
        return "Float64"
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    return "string"


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)
