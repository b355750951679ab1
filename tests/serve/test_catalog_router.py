"""The questions as a machine API, described by OpenAPI."""

from __future__ import annotations

import csv
import io
import json

from coalition_server import get

from coalition_kg.queries.catalog import load_catalog


def test_openapi_describes_every_question_and_its_parameters(served):
    document = json.loads(get(f"{served}/openapi.json")[2])
    for query in load_catalog():
        operation = document["paths"][f"/api/queries/{query.name}"]["get"]
        assert operation["summary"] == query.summary
        declared = {p["name"]: p["required"] for p in operation["parameters"]}
        assert declared == {**{p.name: p.required for p in query.params}, "format": False}


def test_a_question_answers_with_labels(served):
    status, _, body = get(f"{served}/api/queries/members?mission=MMAS")
    answer = json.loads(body)
    assert status == 200 and answer["parameters"] == {"mission": "https://w3id.org/coalition-kg/id/mission/mss-haiti"}
    first = answer["rows"][0]
    assert first["state"] == {"type": "uri", "value": "https://w3id.org/coalition-kg/id/state/SLV", "label": "El Salvador"}
    assert first["joined"] == {"type": "literal", "value": "2024-08-03", "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert [row["label"]["value"] for row in answer["rows"]] == ["El Salvador", "Jamaica", "Bahamas", "Belize", "Guatemala", "Kenya"]


def test_csv_download_and_bad_parameters(served):
    status, headers, body = get(f"{served}/api/queries/members-as-of?date=2024-09-26&format=csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert status == 200 and headers["content-disposition"] == 'attachment; filename="members-as-of.csv"'
    assert [row["label"] for row in rows] == ["El Salvador", "Jamaica", "Bahamas", "Kenya"]
    status, _, body = get(f"{served}/api/queries/members-as-of?date=2024-02-30")
    assert status == 400 and b"parameter 'date': expected a date, YYYY-MM-DD, got '2024-02-30'" in body
    status, _, body = get(f"{served}/api/queries/state-profile?state=Narnia")
    assert status == 400 and b"no state matches 'Narnia'" in body
    assert get(f"{served}/api/queries/state-profile")[0] == 422
