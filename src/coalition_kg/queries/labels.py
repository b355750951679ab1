"""Readable names for the IRIs of an answer: what a table or a page shows instead of raw IRIs.

An entity's name is its ``skos:prefLabel`` in the graph, else its ``rdfs:label``, in English
or with no language tag. A concept of the ontology's schemes (an instrument kind, a
deployment status, a role...) is named by its ``skos:prefLabel`` in ``ontology/coalition.ttl``,
which the graph itself does not hold. One query per answer, over the answer's own IRIs;
an IRI with no name is left out, for the caller to show as it likes.

On the query path: standard library, pyoxigraph and the project's light modules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, RdfFormat

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.queries.engine import Endpoint, select

ONTOLOGY_FILE = ONTOLOGY_DIR / "coalition.ttl"
_PREF_LABEL = NamedNode(PREFIXES["skos"] + "prefLabel")
_LABELS_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?iri (MIN(?preferred) AS ?pref) (MIN(?plain) AS ?other) WHERE {
  VALUES ?iri { %s }
  { ?iri skos:prefLabel ?preferred } UNION { ?iri rdfs:label ?plain }
  FILTER(LANG(COALESCE(?preferred, ?plain)) IN ("", "en"))
}
GROUP BY ?iri
"""


def label_map(target: Endpoint, iris: Iterable[str], ontology_file: Path = ONTOLOGY_FILE) -> dict[str, str]:
    """The readable name of each IRI of ``iris`` that has one, found on ``target`` or among the concepts."""
    wanted = sorted(set(iris))
    concepts = concept_labels(ontology_file)
    names = {iri: concepts[iri] for iri in wanted if iri in concepts}
    others = [NamedNode(iri) for iri in wanted if iri not in concepts]
    if others:
        answer = select(target, _LABELS_QUERY % " ".join(map(str, others)), {})
        for iri, preferred, plain in answer.terms():
            label = preferred if preferred is not None else plain
            if isinstance(iri, NamedNode) and isinstance(label, Literal):
                names[iri.value] = label.value
    return names


@cache
def concept_labels(ontology_file: Path = ONTOLOGY_FILE) -> dict[str, str]:
    """The ``skos:prefLabel`` of every concept and scheme of the ontology, by IRI."""
    with ontology_file.open("rb") as stream:
        return {
            triple.subject.value: triple.object.value
            for triple in pyoxigraph.parse(stream, format=RdfFormat.TURTLE)
            if triple.predicate == _PREF_LABEL and isinstance(triple.subject, NamedNode)
            and isinstance(triple.object, Literal) and triple.object.language in (None, "en")
        }
