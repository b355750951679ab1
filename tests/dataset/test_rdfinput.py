"""RDF files read for ``validate``: N-Quads and N-Triples, whose lines are read here and parsed by
rdflib, give the dataset rdflib's own reader gives (the reference), with each error at its line;
a long literal does not make any format slow to read (timed in benchmarks/long_literal.py,
answered here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from coalition_kg.core.inputfiles import InputError
from coalition_kg.dataset.rdfinput import parse_rdf_file, read_rdf_files
from coalition_kg.dataset.rdfize import new_dataset, rdf11_term

CLI = Path(sys.executable).parent / "coalition-kg"
XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://ex.org/"
#: What rdflib's N-Quads reader was trusted with: every kind of term, escapes, graphs, line ends.
CORPUS = (
    "# a comment\n"
    f'<{EX}s> <{EX}p> "plain" .\n'
    f'<{EX}s> <{EX}p> "MSSM" .\n'
    f'<{EX}s> <{EX}p> "MSSM"^^<{XSD}string> .\n'
    f'<{EX}s> <{EX}q> "typed only"^^<{XSD}string> .\n'
    f'<{EX}s> <{EX}p> "bonjour"@fr .\n'
    f'<{EX}s> <{EX}p> "Hello"@en-US .\n'
    f'<{EX}s> <{EX}p> "01"^^<{XSD}integer> .\n'
    f'<{EX}s> <{EX}p> "1.50"^^<{XSD}decimal> .\n'
    f'<{EX}s> <{EX}p> "2024"^^<{XSD}gYear> .\n'
    f'<{EX}s> <{EX}p> "abc"^^<{XSD}integer> .\n'
    f'<{EX}s> <{EX}p> "custom"^^<{EX}dt> .\n'
    f'<{EX}s> <{EX}p> "esc \\t \\n \\r \\" \\\\ \\u00e9 \\U0001F600 \\b \\f" .\n'
    f'<{EX}s> <{EX}p> "raw é 😀" .\n'
    f'<{EX}\\u00e9> <{EX}p> <{EX}o\\u0041> .\n'
    f'<{EX}s>\t<{EX}p>\t"tabs"\t.\n'
    f'<{EX}s> <{EX}p> "" .\n'
    f'_:b1 <{EX}p> _:b2 .\n'
    f'_:b2 <{EX}p> "blank" .\n'
    f'_:b1 <{EX}p> "in g" <{EX}g> .\n'
    f'<{EX}s> <{EX}p> "twice in g2" <{EX}g2> .\n'
    f'<{EX}s> <{EX}p> "twice in g2" <{EX}g2> .\n'
    f'<{EX}s> <{EX}p> "default and g" .\n'
    f'<{EX}s> <{EX}p> "default and g" <{EX}g> .\n'
    f'<{EX}s> <{EX}p> "blank graph" _:g .\n'
    f'<{EX}s> <{EX}p> "crlf" .\r\n'
    f'<{EX}s> <{EX}p> "no final line break" .'
)


def rdflib_quads(text: str) -> set[tuple]:
    """The quads rdflib's own N-Quads reader gives, literals as the project writes them."""
    dataset = new_dataset()
    dataset.parse(data=text, format="nquads")
    return {(s, p, rdf11_term(o), g) for s, p, o, g in dataset.quads()}


def project_quads(path: Path) -> set[tuple]:
    return set(read_rdf_files([path]).quads)


def without_blank_nodes(quads: set[tuple]) -> set[tuple]:
    return {quad for quad in quads if not any(isinstance(term, BNode) for term in quad)}


def blank_node_graphs(quads: set[tuple]) -> dict[str, Graph]:
    """The triples that hold a blank node, by graph (a blank graph name counted as one name)."""
    graphs: dict[str, Graph] = {}
    for s, p, o, g in quads:
        if any(isinstance(term, BNode) for term in (s, o, g)):
            graphs.setdefault("blank" if isinstance(g, BNode) else str(g), Graph()).add((s, p, o))
    return graphs


@pytest.mark.parametrize("suffix", [".nq", ".nt"])
def test_the_lines_read_here_give_the_dataset_rdflib_gave(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    path.write_bytes(CORPUS.encode("utf-8"))
    expected, read = rdflib_quads(CORPUS), project_quads(path)

    assert len(read) == len(expected) == 24  # 26 statements: "MSSM" and "MSSM"^^xsd:string are one, the repeated quad one
    assert without_blank_nodes(read) == without_blank_nodes(expected)
    ours, theirs = blank_node_graphs(read), blank_node_graphs(expected)
    assert sorted(ours) == sorted(theirs) == ["blank", "http://ex.org/g", "urn:x-rdflib:default"]
    assert all(isomorphic(ours[name], theirs[name]) for name in ours)


def test_literals_keep_their_value_language_and_datatype(tmp_path: Path) -> None:
    path = tmp_path / "corpus.nt"
    path.write_text(CORPUS, encoding="utf-8")
    objects = {o for _, _, o, _ in read_rdf_files([path]).quads}
    assert {Literal("MSSM"), Literal("typed only"), Literal("bonjour", lang="fr"), Literal("")} <= objects
    assert [o for o in objects if isinstance(o, Literal) and o.datatype == URIRef(f"{XSD}string")] == []
    assert Literal("01", datatype=URIRef(f"{XSD}integer")) in objects
    assert Literal("abc", datatype=URIRef(f"{XSD}integer")) in objects  # ill-typed, kept for the shapes to judge
    assert Literal("esc \t \n \r \" \\ é 😀 \b \f") in objects
    assert URIRef(f"{EX}oA") in objects
    assert "en-US" in {o.language for o in objects if isinstance(o, Literal)}


def test_each_file_has_blank_nodes_of_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "a.nt", tmp_path / "b.nq"
    first.write_text(f'_:b1 <{EX}p> "a" .\n', encoding="utf-8")
    second.write_text(f'_:b1 <{EX}p> "b" .\n_:b1 <{EX}p> "c" .\n', encoding="utf-8")
    subjects = {o: s for s, _, o, _ in read_rdf_files([first, second]).quads}
    assert subjects[Literal("b")] == subjects[Literal("c")] != subjects[Literal("a")]


def error_for(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError) as raised:
        parse_rdf_file(path, new_dataset())
    return str(raised.value).removeprefix(str(path))


GOOD = f'<{EX}s> <{EX}p> "x" .\n'
EXPECTED = "; expected valid N-Triples"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD + f"<{EX}s> <{EX}p> GTM .\n",
         f":2: N-Triples syntax error: Unrecognised object type, in '<{EX}s> <{EX}p> GTM .'" + EXPECTED),
        (GOOD + GOOD + f'<{EX}s> <{EX}p> "y"\n# a comment\n\n' + GOOD,
         ":3: N-Triples syntax error: Failed to eat [ \\t]*\\.[ \\t]*(#.*)? at, "
         f"in '<{EX}s> <{EX}p> \"y\"'" + EXPECTED),
        (GOOD + f"<{EX}s> <{EX}p> <{EX}a> .\r<{EX}s> <{EX}p> GTM .\r\n",
         f":3: N-Triples syntax error: Unrecognised object type, in '<{EX}s> <{EX}p> GTM .'" + EXPECTED),
        (GOOD.replace("\n", "\r\n") * 3 + f"<{EX}s> <{EX}p> GTM .\r\n",
         f":4: N-Triples syntax error: Unrecognised object type, in '<{EX}s> <{EX}p> GTM .'" + EXPECTED),
        (GOOD + f"<{EX}s> <{EX}p> <{EX}a|b> .\n",
         f":2: '{EX}a|b' is not a valid IRI (Invalid IRI code point '|'); "
         "expected absolute IRIs as RDF 1.1 defines them (RFC 3987)"),
        ("# nothing but a comment\n", ": the file holds no triples; expected N-Triples data"),
    ],
    ids=["bare-word", "missing-dot-before-a-comment", "after-a-carriage-return", "crlf", "bad-iri", "no-triples"],
)
def test_a_syntax_error_names_the_line_and_the_text_found(tmp_path: Path, text: str, message: str) -> None:
    assert error_for(tmp_path, "bad.nt", text) == message


def test_an_error_in_a_long_line_is_one_short_line(tmp_path: Path) -> None:
    literal = "x" * 20_000_000
    message = error_for(tmp_path, "long.nq", GOOD + GOOD + f'<{EX}s> <{EX}p> "{literal}" GTM .\n')
    assert message == (
        ":3: N-Quads syntax error: Failed to eat [ \\t]*\\.[ \\t]*(#.*)? at GTM ., "
        f"in '<{EX}s> <{EX}p> \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'; expected valid N-Quads"
    )


@pytest.mark.parametrize("suffix", [".nt", ".nq", ".ttl", ".trig"])
def test_a_20_mb_literal_validates(tmp_path: Path, suffix: str) -> None:
    """The attack of issue 17 as written: one statement whose literal has 20,000,000 characters."""
    statement = f'<{EX}s> <http://www.w3.org/2000/01/rdf-schema#comment> "{"x" * 20_000_000}" .\n'
    path = tmp_path / f"long{suffix}"
    path.write_text(f"<{EX}g> {{ {statement} }}\n" if suffix == ".trig" else statement, encoding="utf-8")
    result = subprocess.run([str(CLI), "validate", str(path)], capture_output=True, text=True, timeout=300)
    assert (result.returncode, result.stdout, result.stderr) == (0, "conforms: 0 violation(s), 0 warning(s)\n", "")
    (literal,) = {o for _, _, o, _ in read_rdf_files([path]).quads}
    assert len(literal) == 20_000_000
