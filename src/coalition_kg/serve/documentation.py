"""The ontology's documentation as HTML, written by the build into ``build/ontology/`` without
network, and served from there: ``index.html`` documents the ontology's classes and properties,
and each SKOS concept scheme has a page of its own (``<scheme>.html``) listing its concepts.

The ontology's page is pyLODE's (the OntPub profile): each class and property with its
description, superclasses, domains, ranges and what points to it. pyLODE is given the ontology
without its concept schemes: given them, it merges their titles and descriptions into the
ontology's header, and its VocPub profile (pyLODE 3) lists no concepts. So each scheme's page
comes from the project's own template, with the site's header, as the concepts' pages do.
Nor is it given the declarations of the terms reused from other vocabularies (which keep the
ontology in OWL 2 DL): given them, it documents ``org:Organization`` and the others as the
ontology's own.
"""

from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.serve.negotiation import HTML, RESOURCE
from coalition_kg.serve.resources import local_path
from coalition_kg.serve.templating import render
from coalition_kg.serve.vocabulary import ONTOLOGY_IRI, Scheme, Vocabulary

DOCS_FOLDER = "ontology"
ONTOLOGY_PAGE = "index.html"
FORMATS = [offer for offer in RESOURCE if offer is not HTML]

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


def documentation(ontology_file: Path) -> dict[str, bytes]:
    """The pages documenting ``ontology_file``, by file name in the documentation folder."""
    schemes = Vocabulary(ontology_file).schemes
    pages = {ONTOLOGY_PAGE: ontology_page(ontology_file, schemes)}
    for scheme in schemes:
        pages[scheme_page(scheme.iri)] = render(
            "scheme.html", scheme=scheme, path=local_path(scheme.iri), formats=FORMATS).encode("utf-8")
    return pages


def scheme_page(iri: str) -> str:
    """The file name of a concept scheme's page."""
    return iri.rsplit("/", 1)[-1] + ".html"


def built_page(build_dir: Path, iri: str, kind: str) -> Path:
    """The page of the ontology (or one of its terms) or of a concept scheme in a build folder."""
    return build_dir / DOCS_FOLDER / (scheme_page(iri) if kind == "scheme" else ONTOLOGY_PAGE)


def ontology_page(ontology_file: Path, schemes: list[Scheme]) -> bytes:
    """pyLODE's page of the ontology's classes and properties, under the site's header."""
    from rdflib import Graph, URIRef

    graph = Graph().parse(ontology_file, format="turtle")
    for scheme in schemes:
        for subject in (scheme.iri, *(concept.iri for concept in scheme.concepts)):
            graph.remove((URIRef(subject), None, None))
    for declaration in _reused_declarations(graph):
        graph.remove(declaration)
    with contextlib.redirect_stdout(io.StringIO()):  # pyLODE prints notes; standard output is the build's
        document = _ontpub()(ontology=graph)
        # Anchors named as the terms' IRIs end (ontology#Mission), where pyLODE would use their labels.
        document.fids.update({str(term): str(term)[len(PREFIXES["ckg"]):]
                              for term in set(graph.subjects()) if str(term).startswith(PREFIXES["ckg"])})
        html = document.make_html()
    header = render("documentation_header.html", schemes=schemes, path=local_path(ONTOLOGY_IRI), formats=FORMATS)
    return _with_landmarks(html.replace("<body>", "<body>\n" + header, 1)).encode("utf-8")


#: What pyLODE's page is given so that it reads as the site's other pages do, by keyboard and by a
#: screen reader too: a language, its content as the main landmark (the skip link's target), its
#: table of contents as navigation and its maker's mark as a complementary landmark.
LANDMARKS = (
    ("<html>", '<html lang="en">'),
    ('    <div id="content">', '    <main id="main" tabindex="-1"><div id="content">'),
    ('    </div>\n    <div id="pylode">', '    </div></main>\n    <aside id="pylode" aria-label="Made with pyLODE">'),
    ('    </div>\n    <div id="toc">', '    </aside>\n    <nav id="toc" aria-label="Table of contents">'),
    ("    </div>\n  </body>", "    </nav>\n  </body>"),
)


def _with_landmarks(html: str) -> str:
    """pyLODE's page with the :data:`LANDMARKS`; a pyLODE whose page differs is an error, not a page without them."""
    for found, replaced in LANDMARKS:
        if html.count(found) != 1:
            raise ValueError(f"pyLODE's page has {html.count(found)} times {found!r} where once was expected")
        html = html.replace(found, replaced)
    return html


def _reused_declarations(graph: Graph) -> list[tuple[Node, Node, Node]]:
    """The triples that declare a term of another vocabulary as a class or property."""
    from rdflib import OWL, RDF, URIRef

    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return [(term, RDF.type, kind) for kind in kinds for term in graph.subjects(RDF.type, kind)
            if isinstance(term, URIRef) and not str(term).startswith(PREFIXES["ckg"])]


def _ontpub() -> type:
    """pyLODE's OntPub profile. Importing pyLODE sets the root logger to DEBUG on standard error;
    that is undone."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from pylode import OntPub
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return OntPub
