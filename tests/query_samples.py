"""Parameter values to ask every canned question with, for tests that compare two ways of asking."""

from __future__ import annotations

from coalition_kg.queries.catalog import load_catalog

REQUIRED_SAMPLES: dict[str, list[dict[str, str]]] = {
    "members-as-of": [{"date": day} for day in ("2023-01-01", "2024-08-03", "2024-09-26", "2024-12-31")],
    "state-profile": [{"state": state} for state in ("Guatemala", "KEN", "state/USA", "haiti", "BHS")],
    "provenance": [
        {"entity": entity}
        for entity in ("state/GTM", "person/claudia-escobar", "instrument/jam-adhesion", "org/pnh", "mission/mss-haiti")
    ],
}


def samples() -> list[tuple[str, dict[str, str]]]:
    """(query name, parameters) pairs: defaults, another way to name the mission, and the samples above."""
    cases: list[tuple[str, dict[str, str]]] = []
    for query in load_catalog():
        names = {parameter.name for parameter in query.params}
        for params in REQUIRED_SAMPLES.get(query.name, [{}]):
            cases.append((query.name, params))
            if "mission" in names:
                cases.append((query.name, {**params, "mission": "MMAS"}))
    return cases


def case_id(case: tuple[str, dict[str, str]]) -> str:
    name, params = case
    return "-".join([name, *params.values()])
