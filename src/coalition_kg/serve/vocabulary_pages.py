"""The pages of the ontology, its concept schemes and concepts, and the canned questions' IRIs.

The ontology's page is the one the build wrote (:mod:`.documentation`, pyLODE's); a scheme's is
rendered as the build renders it, for the site it is asked of (live, or a static copy)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from coalition_kg.serve.documentation import built_page
from coalition_kg.serve.negotiation import HTML, RESOURCE, Offer
from coalition_kg.serve.rdf_responses import graph_response
from coalition_kg.serve.resources import local_path
from coalition_kg.serve.server import Server
from coalition_kg.serve.templating import page


async def vocabulary_response(request: Request, iri: str, offer: Offer) -> Response:
    server: Server = request.app.state.server
    vocabulary = server.vocabulary
    kind = vocabulary.kind(iri)
    if offer is not HTML:
        return graph_response(vocabulary.description(iri), offer)
    if kind == "query":
        from coalition_kg.serve.catalog_router import question_page

        return await question_page(request, iri.rsplit("/", 1)[-1])
    formats = [o for o in RESOURCE if o is not HTML]
    if kind == "concept":
        concept, scheme = vocabulary.concept(iri)
        return page("concept.html", concept=concept, scheme=scheme, path=local_path(iri), formats=formats)
    if kind == "scheme":  # rendered for this site, as the build rendered it for build/ontology/
        return page("scheme.html", scheme=vocabulary.scheme(iri), path=local_path(iri), formats=formats)
    built = built_page(server.settings.build_dir, iri, kind)
    return HTMLResponse(built.read_bytes(), headers={"Vary": "Accept"})
