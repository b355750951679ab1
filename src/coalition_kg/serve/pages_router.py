"""The pages: the home page, a page for every minted IRI at its own path with content negotiation
(HTML, Turtle, JSON-LD, N-Triples; by ``Accept`` or by suffix), the ad-hoc SPARQL page, the
published JSON-LD context, and the 404 page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pyoxigraph import NamedNode

from coalition_kg.core.namespaces import MINTED_KINDS, PREFIXES, short_form
from coalition_kg.curation.model import ENTITY_CLASSES, SOURCE_CLASS
from coalition_kg.dataset.context import context_document
from coalition_kg.queries.engine import select
from coalition_kg.queries.labels import label_map
from coalition_kg.serve.negotiation import GRAPHS, HTML, RESOURCE, NotAcceptable, by_suffix, negotiate
from coalition_kg.serve.protocol import ProtocolError
from coalition_kg.serve.rdf_responses import graph_response, text_error
from coalition_kg.serve.answer_views import AnswerTable, answer_table
from coalition_kg.serve.resources import Value, iri_of, resource_page, value_of
from coalition_kg.serve.sentences import counted, plural, singular
from coalition_kg.serve.server import PoolEndpoint, Server
from coalition_kg.serve.sparql_router import in_pool, run_job
from coalition_kg.serve.templating import page
from coalition_kg.serve.vocabulary import ONTOLOGY_IRI, Vocabulary
from coalition_kg.serve.worker import Picture, Run

router = APIRouter()
#: The SPARQL page's example: the project's prefixes need no declaration there.
EXAMPLE_QUERY = """SELECT ?state ?joined WHERE {
  ?membership org:member ?state ;
      org:organization mission:mss-haiti ;
      ckg:joinedBy/dcterms:date ?joined .
}
ORDER BY ?joined
"""
#: The prefixes the SPARQL page lists: the vocabularies', then one per kind of minted IRI.
VOCABULARY_PREFIXES = [(prefix, namespace) for prefix, namespace in PREFIXES.items() if prefix not in MINTED_KINDS]
#: The classes the home page lists the members of, in this order.
HOME_CLASSES = (*(ENTITY_CLASSES[kind] for kind in ("mission", "state", "international-organization", "government-body", "person")),
                SOURCE_CLASS)
ENTITIES_QUERY = f"""
SELECT ?entity ?class WHERE {{
  VALUES ?class {{ {" ".join(f"<{iri}>" for iri in HOME_CLASSES)} }}
  ?entity a ?class .
}}
ORDER BY ?class ?entity
LIMIT 2000
"""


def state(request: Request) -> tuple[Server, Vocabulary]:
    server: Server = request.app.state.server
    return server, server.vocabulary


@router.get("/", include_in_schema=False)
async def home(request: Request) -> Response:
    server, vocabulary = state(request)

    def gather() -> list[tuple[str, list[Value]]]:
        endpoint = PoolEndpoint(server)
        rows = select(endpoint, ENTITIES_QUERY, {}).solutions
        names = label_map(endpoint, [row[0].value for row in rows])
        members: dict[str, list[Value]] = {}
        for entity, rdf_class in rows:
            members.setdefault(rdf_class.value, []).append(value_of(entity, names))
        return [(_group_heading(vocabulary.labels.get(rdf_class, short_form(rdf_class))), sorted(members[rdf_class], key=_by_name))
                for rdf_class in HOME_CLASSES if rdf_class in members]

    groups = await in_pool(gather)
    counts = [counted(count, singular(name)) for name, count in server.manifest.get("counts", {}).items()]
    return page("home.html", manifest=server.manifest, counts=counts, groups=groups, queries=list(vocabulary.queries.values()))


def _group_heading(label: str) -> str:
    noun = plural(label)
    return noun[:1].upper() + noun[1:]


def _by_name(value: Value) -> tuple[str, str]:
    return value.text.casefold(), value.text


@router.get("/context.jsonld", include_in_schema=False)
async def context() -> Response:
    return Response(context_document(), media_type="application/ld+json")


async def sparql_page(request: Request) -> Response:
    """The page for ad-hoc SPARQL: the project's prefixes preloaded, results shown with labels."""
    server, _ = state(request)
    text = request.query_params.get("query") or EXAMPLE_QUERY
    answer, error = None, ""
    if "query" in request.query_params:
        job = Run(text, None, limit=min(server.settings.row_limit, 1000), prefixes=PREFIXES, ad_hoc=True,
                  base_iri=str(request.url_for("sparql")))
        try:
            answer = await run_job(server, job)
        except ProtocolError as failure:
            error = failure.message
    table = await in_pool(labelled_table, server, answer) if answer is not None else None
    return page("sparql.html", query=text, table=table, error=error, prefixes=VOCABULARY_PREFIXES,
                minted=list(MINTED_KINDS))


router.add_api_route("/query", sparql_page, methods=["GET"], include_in_schema=False)


def labelled_table(server: Server, answer) -> AnswerTable:
    """An answer as a table of named values (a graph as subject, predicate, object)."""
    if not hasattr(answer, "variables"):
        answer = answer.as_solutions()
    names = label_map(PoolEndpoint(server), answer.iris())
    return answer_table(answer, {**server.vocabulary.labels, **names})


@router.get("/ontology", include_in_schema=False)
@router.get("/ontology{suffix}", include_in_schema=False)
async def ontology(request: Request, suffix: str = "") -> Response:
    return await resource(request, "ontology" + suffix)


@router.get("/id/{path:path}", include_in_schema=False)
async def identified(request: Request, path: str) -> Response:
    return await resource(request, "id/" + path)


@router.get("/pictures/{path:path}.svg", include_in_schema=False)
async def picture(request: Request, path: str) -> Response:
    """The neighbourhood of a resource, drawn (the picture on its page)."""
    server, vocabulary = state(request)
    iri = iri_of(path)
    try:
        NamedNode(iri)
    except ValueError:
        return text_error(404, f"no picture is drawn of /{path}: it is not an IRI of this site")
    try:
        svg = await run_job(server, Picture(iri, vocabulary.labels))
    except ProtocolError as error:
        return text_error(error.status, error.message)
    if svg is None:
        return text_error(404, f"nothing is known of <{iri}>, so no picture is drawn of it")
    return Response(svg, media_type="image/svg+xml")


async def resource(request: Request, path: str) -> Response:
    """The resource at ``path`` as the client asks: by suffix, else by Accept."""
    server, vocabulary = state(request)
    bare, offer = by_suffix(path, RESOURCE)
    iri = iri_of(bare)
    try:
        NamedNode(iri)
    except ValueError:
        return await not_found(request, None)
    if offer is None:
        try:
            offer = negotiate(request.headers.get("accept"), RESOURCE)
        except NotAcceptable as error:
            return text_error(406, str(error))
    if vocabulary.holds(iri):
        from coalition_kg.serve.vocabulary_pages import vocabulary_response

        return await vocabulary_response(request, iri, offer)
    if offer is not HTML:
        answer = await run_job(server, Run("DESCRIBE ?entity WHERE {}", {"entity": NamedNode(iri)}, limit=server.settings.row_limit))
        if not answer.triples:
            return text_error(404, f"nothing is known of <{iri}>")
        return graph_response(answer.triples, offer)
    try:
        found = await in_pool(resource_page, iri, PoolEndpoint(server), vocabulary.labels, vocabulary.queries["conflicts"])
    except ProtocolError as error:
        return text_error(error.status, error.message)
    if found is None:
        return await not_found(request, None)
    return page("resource.html", page=found, path="/" + bare, formats=[o for o in RESOURCE if o is not HTML])


async def not_found(request: Request, _error: object) -> Response:
    """404: a page for browsers, one line for others."""
    try:
        offer = negotiate(request.headers.get("accept"), (HTML, *GRAPHS))
    except NotAcceptable:
        offer = None
    if offer is HTML:
        return page("not_found.html", status=404, path=request.url.path)
    return text_error(404, f"nothing is served at {request.url.path}")


__all__ = ["ONTOLOGY_IRI", "not_found", "router", "sparql_page"]
