"""SPARQLWrapper (2.0) against ``coalition-kg serve``: every request method (GET, POST form-encoded,
POST direct) with every return format SPARQLWrapper has, for a question of each form (SELECT,
ASK, CONSTRUCT, DESCRIBE): what ``query().convert()`` gives (or the raw response, where
SPARQLWrapper returns bytes) is the local answer.

SPARQLWrapper sends ``Accept`` for the format when the form has one (``*/*`` otherwise) and the
format by name in ``format``, ``output`` and ``results``, each given twice, the second time
empty. Where a format does not fit the form (Turtle for a SELECT, CSV for a CONSTRUCT), the
server answers in its own first choice for the form, which SPARQLWrapper reads too.
"""

from __future__ import annotations

import io
import json
import warnings
from xml.dom.minidom import Document

import pytest
from client_answers import QUESTIONS, Rows, read, results_of, same
from rdflib import Graph
from rdflib.query import Result
from SPARQLWrapper import GET, POST, POSTDIRECTLY, URLENCODED, SPARQLWrapper
from SPARQLWrapper.Wrapper import _allowedFormats

METHODS = {"GET": (GET, URLENCODED), "POST form": (POST, URLENCODED), "POST direct": (POST, POSTDIRECTLY)}


def converted(value: object, content_type: str, form: str) -> Rows | bool | Graph:
    """What ``convert()`` gave, as rows, a boolean or a graph."""
    if isinstance(value, Graph):
        return value
    if isinstance(value, dict):  # SPARQL JSON results
        return results_of(Result.parse(io.StringIO(json.dumps(value)), format="json"))
    if isinstance(value, Document):  # SPARQL XML results
        return results_of(Result.parse(io.BytesIO(value.toxml("utf-8")), format="xml"))
    assert isinstance(value, bytes), type(value)
    return read(value, content_type, form)


@pytest.mark.parametrize("form", list(QUESTIONS))
@pytest.mark.parametrize("return_format", _allowedFormats)
@pytest.mark.parametrize("method", list(METHODS))
def test_every_method_and_return_format(served, local, method, return_format, form):
    client = SPARQLWrapper(f"{served}/sparql")
    client.setQuery(QUESTIONS[form])
    client.setMethod(METHODS[method][0])
    client.setRequestMethod(METHODS[method][1])
    client.setReturnFormat(return_format)
    with warnings.catch_warnings():  # SPARQLWrapper warns of a format that does not fit the form
        warnings.simplefilter("ignore", RuntimeWarning)
        result = client.query()
        content_type = result.response.headers["Content-Type"]
        answer = converted(result.convert(), content_type, form)
    assert same(answer, local.answer(QUESTIONS[form], like=content_type))
