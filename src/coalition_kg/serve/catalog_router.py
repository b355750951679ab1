"""The question catalog in the browser (a page per canned question, with a form for its typed
parameters) and as a machine API (``/api/queries/NAME?param=value``), one OpenAPI operation per
question with its parameters. Values are bound as RDF terms by the engine, never pasted into SPARQL."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from pyoxigraph import NamedNode

from coalition_kg.queries.catalog import CannedQuery, load_catalog
from coalition_kg.queries.engine import ask, select
from coalition_kg.queries.labels import label_map
from coalition_kg.queries.params import LOOKUP_CLASSES, ParameterError
from coalition_kg.queries.results import Answer, term_json
from coalition_kg.queries.evidence import row_quotes
from coalition_kg.serve.answer_views import RowEvidence, answer_table, network, shown, timeline
from coalition_kg.serve.protocol import ProtocolError
from coalition_kg.serve.server import PoolEndpoint, Server
from coalition_kg.serve.sparql_router import in_pool
from coalition_kg.serve.templating import page

DOWNLOADS = {"csv": "text/csv", "tsv": "text/tab-separated-values", "srj": "application/sparql-results+json",
             "xml": "application/sparql-results+xml"}
CHOICES_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?label ?class WHERE { ?entity a ?class . OPTIONAL { ?entity skos:prefLabel ?label } }
ORDER BY ?label ?entity
"""


class Cell(BaseModel):
    """One value of a row: as in the W3C SPARQL JSON results, with the readable label of an IRI."""

    type: str
    value: str
    label: str | None = None
    datatype: str | None = None
    lang: str | None = None


class ApiAnswer(BaseModel):
    """The answer to a canned question."""

    query: str
    parameters: dict[str, str]
    variables: list[str]
    rows: list[dict[str, Cell]]
    stopped_after: int | None = None


class QuestionSummary(BaseModel):
    name: str
    summary: str
    description: str
    parameters: list[dict[str, Any]]
    page: str
    api: str


def server_of(request: Request) -> Server:
    return request.app.state.server


def answer_question(server: Server, query: CannedQuery, given: Mapping[str, str]) -> tuple[Answer, dict[str, str]]:
    """The answer and the labels of its IRIs; a bad value is a 400 that names the parameter."""
    answer = _asked(server, query, given)
    return answer, label_map(PoolEndpoint(server), _iris(answer))


def answer_with_evidence(server: Server, query: CannedQuery, given: Mapping[str, str]) -> tuple[Answer, dict[str, str], list[RowEvidence]]:
    """The answer, the names of its IRIs (its properties' and classes' too) and of its sources,
    and the evidence of each row."""
    endpoint = PoolEndpoint(server)
    answer = _asked(server, query, given)
    quotes = row_quotes(endpoint, answer)
    labels = label_map(endpoint, [*_iris(answer), *(iri for row in quotes for quote in row for iri in (quote.fact, quote.document))])
    labels = {**server.vocabulary.labels, **labels}
    return answer, labels, [shown(row, labels) for row in quotes]


def _asked(server: Server, query: CannedQuery, given: Mapping[str, str]) -> Answer:
    try:
        return ask(PoolEndpoint(server), query, {name: value for name, value in given.items() if value != ""})
    except ParameterError as error:
        raise ProtocolError(400, str(error)) from None


def _iris(answer: Answer) -> list[str]:
    return [term.value for row in answer.terms() for term in row if isinstance(term, NamedNode)]


def api_answer(query: CannedQuery, answer: Answer, labels: dict[str, str]) -> ApiAnswer:
    rows = []
    for row in answer.terms():
        cells = {}
        for name, term in zip(answer.variables, row):
            if term is not None:
                entry = term_json(term)
                cells[name] = Cell(type=str(entry["type"]), value=str(entry["value"]), label=labels.get(term.value) if isinstance(term, NamedNode) else None,
                                   datatype=entry.get("datatype"), lang=entry.get("xml:lang"))
        rows.append(cells)
    parameters = {p.name: row[answer.variables.index(p.name)].value
                  for p in query.params for row in answer.terms()[:1]
                  if p.name in answer.variables and row[answer.variables.index(p.name)] is not None}
    return ApiAnswer(query=query.name, parameters=parameters, variables=list(answer.variables), rows=rows,
                     stopped_after=answer.stopped_after)


def choices(server: Server, class_iri: str) -> list[tuple[str, str]]:
    """(IRI, label) of every entity of a class, for a picker."""
    answer = select(PoolEndpoint(server), CHOICES_QUERY, {"class": NamedNode(class_iri)})
    return [(row[0].value, row[1].value if row[1] is not None else row[0].value) for row in answer.solutions]


async def question_page(request: Request, name: str) -> Response:
    """The page of one question: its description, the form, and the answer for the values given."""
    server = server_of(request)
    query = server.vocabulary.queries[name]
    given = {p.name: request.query_params[p.name] for p in query.params if p.name in request.query_params}
    pickers = {p.name: await in_pool(choices, server, LOOKUP_CLASSES[p.type]) for p in query.params if p.type in LOOKUP_CLASSES}
    values = {p.name: given.get(p.name, "" if p.default is None else str(p.default)) for p in query.params}
    error, table, events, graph = "", None, [], ([], [])
    missing = [p.name for p in query.params if p.required and not values[p.name]]
    if not missing:
        try:
            answer, labels, evidence = await in_pool(answer_with_evidence, server, query, values)
            table = answer_table(answer, labels, evidence)
            events, graph = timeline(answer, labels), network(answer, labels)
        except ProtocolError as failure:
            error = failure.message
    download = urlencode({key: value for key, value in values.items() if value})
    return page("question.html", query=query, values=values, pickers=pickers, error=error, table=table,
                events=events, nodes=graph[0], edges=graph[1], download=download, missing=missing,
                path=f"/id/query/{name}")


def build_router(queries_dir: Path) -> APIRouter:
    """The catalog's routes: the listing page, the API's listing, and one API operation per question."""
    router = APIRouter()
    queries = load_catalog(queries_dir)

    @router.get("/queries", include_in_schema=False)
    async def catalog_page(request: Request) -> Response:
        return page("catalog.html", queries=queries)

    @router.get("/api/queries", response_model=list[QuestionSummary], tags=["questions"])
    async def listing() -> list[QuestionSummary]:
        """The canned questions: name, summary, parameters."""
        return [QuestionSummary(name=q.name, summary=q.summary, description=q.description, page=f"/id/query/{q.name}",
                                api=f"/api/queries/{q.name}",
                                parameters=[p._asdict() for p in q.params]) for q in queries]

    for query in queries:
        router.add_api_route(
            f"/api/queries/{query.name}", _operation(query), methods=["GET"], response_model=ApiAnswer,
            summary=query.summary, description=query.description, tags=["questions"], name=f"query-{query.name}",
            responses={400: {"description": "a parameter value is missing, unknown or not of its type"}},
        )
    return router


def _operation(query: CannedQuery):
    """The API operation of one question: its parameters are the operation's query parameters."""

    async def operation(request: Request, **values: str | None) -> Response:
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ProtocolError(400, f"unknown parameter '{unknown[0]}' for {query.name}; it takes: {', '.join(sorted(known))}")
        server = server_of(request)
        format_name = values.pop("format", None) or "json"
        answer, labels = await in_pool(answer_question, server, query, {k: v for k, v in values.items() if v is not None})
        if format_name in DOWNLOADS:
            body = answer.to("json" if format_name == "srj" else format_name)
            return Response(body, media_type=DOWNLOADS[format_name],
                            headers={"Content-Disposition": f'attachment; filename="{query.name}.{format_name}"'})
        document = api_answer(query, answer, labels).model_dump(exclude_none=True)
        headers = {"Content-Disposition": f'attachment; filename="{query.name}.json"'} if request.query_params.get("download") else {}
        return JSONResponse(document, headers=headers)

    known = {parameter.name for parameter in query.params} | {"format", "download"}
    parameters = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    for parameter in query.params:
        default = Query(... if parameter.required else parameter.default, description=f"{parameter.description} ({parameter.type})".strip())
        parameters.append(inspect.Parameter(parameter.name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                            annotation=str if parameter.required else str | None))
    parameters.append(inspect.Parameter(
        "format", inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
        default=Query(None, pattern="^(json|csv|tsv|srj|xml)$", description="json (default), csv, tsv, srj (SPARQL JSON) or xml"),
    ))
    operation.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    operation.__name__ = f"query_{query.name.replace('-', '_')}"
    return operation
