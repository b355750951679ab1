"""The vocabularies coalition-kg uses, and the IRIs it mints.

Kept free of rdflib so that the query path (pyoxigraph only) can import it.
"""

from __future__ import annotations

ONTOLOGY = "https://w3id.org/coalition-kg/ontology#"
ID = "https://w3id.org/coalition-kg/id/"
WIKIDATA = "http://www.wikidata.org/entity/"

#: Prefixes written into every export and offered to every query.
PREFIXES: dict[str, str] = {
    "ckg": ONTOLOGY,
    "id": ID,
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": WIKIDATA,
}

#: One prefix per kind of minted IRI, so that exports read ``state:GTM`` rather than full IRIs.
#: (W3C ORG holds ``org:``, so organizations of the register read ``organization:oas``.)
MINTED_KINDS: dict[str, str] = {
    "mission": "mission", "state": "state", "organization": "org", "person": "person",
    "source": "source", "evidence": "evidence", "membership": "membership", "instrument": "instrument",
    "deployment": "deployment", "statement": "statement", "post": "post", "event": "event",
    "partnership": "partnership", "ordinal-claim": "ordinal-claim", "count-claim": "count-claim",
    "name": "name", "instrument-kind": "instrument-kind", "deployment-kind": "deployment-kind",
    "deployment-status": "deployment-status", "role": "role", "event-kind": "event-kind",
    "partner-role": "partner-role", "query": "query",
}
PREFIXES.update({prefix: f"{ID}{path}/" for prefix, path in MINTED_KINDS.items()})


def entity_iri(ref: str) -> str:
    """The IRI of an entity or fact written as ``kind/slug`` (e.g. ``state/GTM``)."""
    return ID + ref


def concept_iri(scheme: str, slug: str) -> str:
    """The IRI of a SKOS concept of the ontology (e.g. ``instrument-kind``, ``adhesion``)."""
    return f"{ID}{scheme}/{slug}"


def short_form(iri: str) -> str:
    """``state/GTM`` for a minted IRI, a prefixed name for a known vocabulary, else the IRI."""
    if iri.startswith(ID):
        return iri[len(ID):]
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and prefix != "id":
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
