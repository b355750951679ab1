"""Queries that call a SERVICE hidden behind the lexical devices of the SPARQL 1.1 grammar, for the
differential tests of the SERVICE check (hypothesis builds them), and Oxigraph as the oracle of
which of them really call out.

The devices: the keyword in any case or spelled with codepoint escapes (``\\u0053ERVICE``,
``\\U00000053ERVICE``, escapes inside it); the endpoint as a full IRI, an IRI holding escapes, a
prefixed name (with an escaped local name, ``ex:a\\#b``), a relative IRI against a BASE, or a
variable; comments, strings and escaped names before it on the same line (what a scanner takes
for the start of a comment); strings and comments around it that two readers end in different
places; ``VERSION``; the call nested in groups, OPTIONAL, MINUS, UNION, FILTER EXISTS, GRAPH and
subqueries; every query form.
"""

from __future__ import annotations

import pyoxigraph
from hypothesis import strategies as st

#: Spellings of the keyword: Oxigraph reads the plain ones; the escaped ones are SERVICE to the spec
#: (and so to other endpoints), a syntax error to Oxigraph. Drawn half and half.
KEYWORDS = ["SERVICE", "service", "SeRvIcE"]
ESCAPED_KEYWORDS = ["\\u0053ERVICE", "\\U00000053ERVICE", "SERV\\u0049CE", "\\u0073\\u0065rvice"]
SILENT = ["", " SILENT", " silent", " \\u0053ILENT"]
SEPARATORS = [" ", "\n", "\t", " # a comment }\n", "  #{ SELECT\r\n"]
#: What may come before the call in its group, on the same line: each has fooled a scanner.
PRELUDES = [
    "BIND(far:a\\#b AS ?a)",
    "BIND(<http://x/\\u0041#> AS ?b)",
    "BIND(<http://x/\\U00000041#> AS ?b2)",
    'BIND("# }" AS ?c)',
    "BIND('''} # { ''' AS ?d)",
    'BIND("\\u0022 # " AS ?e)',
    "BIND(far:\\#\\# AS ?f)",
    "# a comment { SERVICE\n",
]
#: What may stand on both sides of the call: each makes rdflib read the call as part of a string
#: or a comment that Oxigraph ends before it (an escaped quote, which the spec reads as a quote
#: and Oxigraph as a character of the string; eight hex digits after \\u, which rdflib reads as
#: one escape; a carriage return, which ends a comment for Oxigraph only).
SURROUNDINGS = [
    ("", ""),
    ('BIND(CONCAT("\\u0022, ") AS ?w1)', 'BIND(CONCAT(", \\u0022") AS ?w2)'),
    ("BIND(CONCAT('\\u0027, ') AS ?w1)", "BIND(CONCAT(', \\u0027') AS ?w2)"),
    ('BIND(CONCAT("\\u00000022, ") AS ?w1)', 'BIND(CONCAT(", \\u00000022") AS ?w2)'),
    ('BIND(CONCAT("""\\u0022\\u0022\\u0022, """) AS ?w1)', 'BIND(CONCAT(""", \\u0022\\u0022\\u0022""") AS ?w2)'),
    ("# a comment\r", "\n"),
]
WRAPPERS = ["{X}", "OPTIONAL { X }", "{ SELECT * WHERE { X } }", "FILTER EXISTS { X }", "MINUS { X }",
            "{ } UNION { X }", "GRAPH ?g { X }", "X"]
FORMS = ["SELECT * WHERE {G}", "ASK {G}", "CONSTRUCT { ?s ?p ?o } WHERE {G}", "DESCRIBE ?x WHERE {G}",
         "SELECT (COUNT(*) AS ?n) {G}"]


def endpoints(base: str) -> list[tuple[str, str]]:
    """Ways of naming ``base``'s endpoint: (prologue it needs, the term in the call)."""
    host = base.removeprefix("http://")
    escaped_host = "".join(f"\\u{ord(character):04X}" for character in host)
    return [
        ("", f"<{base}/x>"),
        ("", f"<{base}/\\u0078>"),
        ("", f"<http://{escaped_host}/x>"),
        (f"PREFIX ep: <{base}/> ", "ep:x"),
        (f"PREFIX ep: <{base}/> ", "ep:a\\#b"),
        (f"PREFIX ep: <{base}/> ", "ep:\\u0078"),
        (f"BASE <{base}/> ", "<x>"),
        ("", "?where"),
    ]


@st.composite
def hidden_service_query(draw: st.DrawFn, base: str) -> str:
    """One query that names a SERVICE at ``base``, disguised."""
    prologue, endpoint = draw(st.sampled_from(endpoints(base)))
    keyword = draw(st.sampled_from(KEYWORDS) | st.sampled_from(ESCAPED_KEYWORDS))
    call = f"{keyword}{draw(st.sampled_from(SILENT))}{draw(st.sampled_from(SEPARATORS))}{endpoint} {{ ?s ?p ?o }}"
    if endpoint == "?where":
        call = f"VALUES ?where {{ <{base}/x> }} {call}"
    preludes = " ".join(draw(st.lists(st.sampled_from(PRELUDES), max_size=3)))
    before, after = draw(st.sampled_from(SURROUNDINGS))
    group = f"{preludes} {before} {call} {after}"
    for wrapper in draw(st.lists(st.sampled_from(WRAPPERS), min_size=1, max_size=3)):
        group = wrapper.replace("X", group)
    version = draw(st.sampled_from(["", 'VERSION "1.2" ']))
    form = draw(st.sampled_from(FORMS)).replace("G", group)
    return f"{version}PREFIX far: <http://x/> {prologue}{form}"


def oxigraph_calls(text: str, hits: list) -> bool:
    """Whether Oxigraph, running ``text`` on an empty store with nothing in its way, calls out."""
    before = len(hits)
    try:
        results = pyoxigraph.Store().query(text)
        if not isinstance(results, pyoxigraph.QueryBoolean):
            list(results)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass
    return len(hits) > before
