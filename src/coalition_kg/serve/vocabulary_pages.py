"""The pages of the ontology, its concept schemes and concepts, and the canned questions' IRIs."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from coalition_kg.serve.negotiation import HTML, RESOURCE, Offer
from coalition_kg.serve.rdf_responses import graph_response
from coalition_kg.serve.resources import local_path
from coalition_kg.serve.templating import page
from coalition_kg.serve.vocabulary import Vocabulary


async def vocabulary_response(request: Request, iri: str, offer: Offer) -> Response:
    vocabulary: Vocabulary = request.app.state.vocabulary
    kind = vocabulary.kind(iri)
    if offer is not HTML:
        return graph_response(vocabulary.description(iri), offer)
    formats = [o for o in RESOURCE if o is not HTML]
    path = local_path(iri)
    if kind == "query":
        from coalition_kg.serve.catalog_router import question_page

        return await question_page(request, iri.rsplit("/", 1)[-1])
    if kind == "scheme":
        return page("scheme.html", scheme=vocabulary.scheme(iri), path=path, formats=formats)
    if kind == "concept":
        concept, scheme = vocabulary.concept(iri)
        return page("concept.html", concept=concept, scheme=scheme, path=path, formats=formats)
    return page("ontology.html", doc=vocabulary.documentation, path="/ontology", formats=formats)
