"""Answers as pandas DataFrames: a dtype per column, missing values missing, IRIs as asked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyoxigraph
import pytest

from coalition_kg import query, sparql
from coalition_kg.queries.frames import column_dtype
from coalition_kg.queries.results import Answer, FormatError

MIXED = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?n ?x ?flag ?when ?year ?iri WHERE {
  VALUES (?n ?x ?flag ?when ?year ?iri) {
    (1 2.5 true "2024-12-06"^^xsd:date "2023"^^xsd:gYear <urn:a>)
    (UNDEF 3 false UNDEF "2024-09-20"^^xsd:date "a literal")
  }
}"""


def test_a_missing_rank_is_missing_not_a_float_and_dates_are_dates(built: Path) -> None:
    frame = query("members", build_dir=built).to_dataframe()
    assert frame.dtypes.astype(str).to_dict() == {
        "rank": "Int64", "state": "string", "label": "string", "kind": "string", "joined": "datetime64[s]",
        "instrument": "string", "sources": "string", "evidence": "string", "mission": "string",
    }
    assert frame["rank"].tolist()[:5] == [1, 2, 3, 4, 5] and frame["rank"].iloc[5] is pd.NA
    assert frame["joined"].iloc[0] == pd.Timestamp("2024-08-03") and pd.isna(frame["joined"].iloc[5])
    assert frame["state"].tolist() == ["state/SLV", "state/JAM", "state/BHS", "state/BLZ", "state/GTM", "state/KEN"]
    assert frame["kind"].iloc[2] is pd.NA


def test_iris_as_names_or_in_full_on_request(built: Path) -> None:
    answer = query("members", build_dir=built)
    named, full = answer.to_dataframe(iris="label"), answer.to_dataframe(iris="full")
    assert named.loc[0, ["state", "kind", "mission"]].tolist() == [
        "El Salvador", "signature of the agreement", "Multinational Security Support Mission"
    ]
    assert named.loc[0, "instrument"] == "instrument/slv-signature"  # no name: its short id
    assert full.loc[0, "state"] == "https://w3id.org/coalition-kg/id/state/SLV"
    assert answer.rows(iris="full")[0]["kind"] == "https://w3id.org/coalition-kg/id/instrument-kind/signature"
    with pytest.raises(FormatError, match="IRIs in 'labels' form: expected one of short, full, label"):
        answer.rows(iris="labels")


def test_each_kind_of_value_has_its_dtype_and_a_mixed_column_is_text() -> None:
    frame = Answer.of(pyoxigraph.Store().query(MIXED)).to_dataframe()
    assert frame.dtypes.astype(str).to_dict() == {
        "n": "Int64", "x": "Float64", "flag": "boolean", "when": "datetime64[s]", "year": "string", "iri": "string",
    }
    assert frame["x"].tolist() == [2.5, 3.0]
    assert frame["year"].tolist() == ["2023", "2024-09-20"]  # a year beside a date: both as written
    assert frame["iri"].tolist() == ["urn:a", "a literal"]


@pytest.mark.parametrize(
    ("values", "dtype"),
    [([1, None, 3], "Int64"), ([1, Decimal("2.5")], "Float64"), ([True, None], "boolean"),
     ([date(2024, 1, 1), None], "datetime64[s]"), ([1, "x"], "string"), ([True, 1], "string"), ([None], "string")],
)
def test_the_dtype_of_a_column(values: list, dtype: str) -> None:
    assert column_dtype(values) == dtype


def test_an_ask_and_a_graph_answer_as_frames(built: Path) -> None:
    assert sparql("ASK { state:KEN org:memberOf mission:mss-haiti }", build_dir=built).to_dataframe().to_dict("list") == {
        "answer": [True]
    }
    graph = sparql("CONSTRUCT WHERE { state:GTM ckg:iso3166Alpha3 ?code }", build_dir=built).to_dataframe(iris="label")
    assert graph.to_dict("list") == {"subject": ["Guatemala"], "predicate": ["ckg:iso3166Alpha3"], "object": ["GTM"]}
