"""What a person reads in a cell: names instead of IRIs, identifiers where they help."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from coalition_kg import query
from coalition_kg.core.namespaces import ID, ONTOLOGY
from coalition_kg.queries.cells import UNKNOWN, cell_rows, cell_text, identifier, numeric_columns, one_line

GTM, SIGNATURE = ID + "state/GTM", ID + "instrument-kind/signature"
LABELS = {GTM: "Guatemala", SIGNATURE: "signature of the agreement"}


def test_an_iri_shows_its_name() -> None:
    assert cell_text(NamedNode(SIGNATURE), "kind", LABELS) == "signature of the agreement"
    assert cell_text(NamedNode(GTM), "place", LABELS) == "Guatemala"


def test_where_the_row_shows_the_name_the_iri_shows_its_identifier() -> None:
    row = (NamedNode(GTM), Literal("Guatemala"), NamedNode(SIGNATURE))
    assert cell_rows(("state", "label", "kind"), [row], LABELS) == [["GTM", "Guatemala", "signature of the agreement"]]
    assert cell_rows(("organization", "organizationLabel"), [row[:2]], LABELS) == [["state/GTM", "Guatemala"]]


@pytest.mark.parametrize(
    ("iri", "column", "shown"),
    [
        (ID + "instrument/slv-signature", "instrument", "slv-signature"),
        (ID + "instrument/slv-signature", "fact", "instrument/slv-signature"),
        (ONTOLOGY + "Deployment", "type", "ckg:Deployment"),
        ("http://www.wikidata.org/entity/Q774", "value", "wd:Q774"),
        ("urn:x:y", "value", "urn:x:y"),
    ],
)
def test_an_iri_without_a_name_shows_its_short_form_without_the_kind_its_column_names(iri, column, shown) -> None:
    assert identifier(iri, column) == shown
    assert cell_text(NamedNode(iri), column, LABELS) == shown


def test_literals_blank_nodes_and_unknowns() -> None:
    row = (Literal("2024-08-03", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date")), BlankNode("b1"), None)
    assert cell_rows(("joined", "node", "rank"), [row], {}) == [["2024-08-03", "_:b1", UNKNOWN]]


def test_a_cell_is_one_line_and_carries_no_terminal_commands() -> None:
    assert one_line("Haiti’s security\n\tis  intertwined") == "Haiti’s security is intertwined"
    assert one_line("red \x1b[31mtext\x07") == "red \N{REPLACEMENT CHARACTER}[31mtext\N{REPLACEMENT CHARACTER}"
    assert one_line("שלום \u200f") == "שלום \u200f"  # format characters are text, not commands


def test_numbers_are_flagged_for_right_alignment() -> None:
    rows = [(Literal(1), Literal("a"), Literal("2023", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))),
            (None, Literal(2.5), None)]
    assert numeric_columns(("n", "mixed", "year"), rows) == [True, False, False]


def test_the_members_table_names_kinds_and_states(built: Path) -> None:
    answer = query("members", build_dir=built)
    both = "000_f53fdc1be9ced35d, 004_488f5bce62634bfc"
    assert answer.to("md").splitlines()[2:4] == [
        f"| 1 | SLV | El Salvador | signature of the agreement | 2024-08-03 | slv-signature | {both} | "
        "Guatemala and El Salvador, already contributors to the MSSM, have emphasized the importance of solidarity in "
        "tackling shared security concerns. \\| "
        "El Salvador signed the agreement on August 3, 2024, signaling its commitment to the mission. "
        "| Multinational Security Support Mission |",
        f"| 2 | JAM | Jamaica | instrument of adhesion | 2024-09-20 | jam-adhesion | {both} | "
        "The MSSM’s international makeup now includes personnel from Kenya, Jamaica, Belize, Guatemala, El Salvador, "
        "and other contributing nations. \\| "
        "Jamaica was the first to join, submitting its Instrument of Adhesion on September 20, 2024, followed shortly "
        "by the Bahamas on September 26, 2024. | Multinational Security Support Mission |",
    ]
    assert query("members", build_dir=built, labels=False).to("md").splitlines()[2].startswith(
        "| 1 | SLV | El Salvador | instrument-kind/signature | 2024-08-03 | slv-signature |"
    )
