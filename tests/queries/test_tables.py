"""Tables for people: a terminal table fitted to its width by rich, Markdown, and HTML."""

from __future__ import annotations

import pytest

from coalition_kg.queries.tables import Layout, html_table, markdown_table, terminal_table

HEADER = ("rank", "state", "evidence")
ROWS = [
    ["1", "SLV", "El Salvador signed the agreement on August 3, 2024."],
    ["—", "KEN", "The MSSM’s international makeup now includes personnel from Kenya."],
]
NUMBERS = [True, False, False]


def test_without_a_width_each_row_is_one_line_and_numbers_are_right_aligned() -> None:
    assert terminal_table(HEADER, ROWS, right=NUMBERS) == Layout(
        "rank  state  evidence\n"
        "────  ─────  " + "─" * 66 + "\n"
        "   1  SLV    El Salvador signed the agreement on August 3, 2024.\n"
        "   —  KEN    The MSSM’s international makeup now includes personnel from Kenya.\n",
        "whole",
    )


def test_a_table_that_fits_is_left_whole() -> None:
    assert terminal_table(HEADER, ROWS, 79, NUMBERS) == terminal_table(HEADER, ROWS, None, NUMBERS)


def test_text_wraps_at_spaces_to_fit_and_identifiers_stay_whole() -> None:
    layout = terminal_table(HEADER, ROWS, 45, NUMBERS)
    assert layout == Layout(
        "rank  state  evidence\n"
        "────  ─────  ────────────────────────────────\n"
        "   1  SLV    El Salvador signed the agreement\n"
        "             on August 3, 2024.\n"
        "   —  KEN    The MSSM’s international makeup\n"
        "             now includes personnel from\n"
        "             Kenya.\n",
        "wrapped",
    )
    assert max(len(line) for line in layout.text.splitlines()) <= 45
    assert layout.hint(45) == "long text wrapped to fit 45 columns; --wide or --format md shows each row on one line"


def test_the_widest_text_column_wraps_first() -> None:
    header, rows = ("kind", "evidence"), [["signature of the agreement", "El Salvador signed the agreement on August 3."]]
    assert terminal_table(header, rows, 60).text == (
        "kind                        evidence\n"
        "──────────────────────────  ────────────────────────────────\n"
        "signature of the agreement  El Salvador signed the agreement\n"
        "                            on August 3.\n"
    )


def test_columns_that_cannot_fit_become_records_and_nothing_is_cut() -> None:
    layout = terminal_table(HEADER, ROWS, 30, NUMBERS)
    assert layout == Layout(
        "── row 1 ─────────────────────\n"
        "rank      1\n"
        "state     SLV\n"
        "evidence  El Salvador signed\n"
        "          the agreement on\n"
        "          August 3, 2024.\n"
        "── row 2 ─────────────────────\n"
        "rank      —\n"
        "state     KEN\n"
        "evidence  The MSSM’s\n"
        "          international makeup\n"
        "          now includes\n"
        "          personnel from\n"
        "          Kenya.\n",
        "records",
    )
    assert layout.hint(30) == "rows shown as records to fit 30 columns; --wide or --format md shows each row on one line"


def test_a_whole_table_needs_no_hint() -> None:
    assert terminal_table(HEADER, ROWS).hint(None) == ""


def test_wide_characters_take_two_columns() -> None:
    assert terminal_table(("name", "n"), [["北京", "1"], ["Lima", "22"]], right=[False, True]).text == (
        "name   n\n"
        "────  ──\n"
        "北京   1\n"
        "Lima  22\n"
    )


def test_an_empty_answer_keeps_its_header() -> None:
    assert terminal_table(("a", "b"), []).text == "a  b\n─  ─\n"


def test_markdown_escapes_pipes() -> None:
    assert markdown_table(("a", "b"), [["x | y", "z"]]) == "| a | b |\n| --- | --- |\n| x \\| y | z |\n"


@pytest.mark.parametrize("hostile", ['<script>alert("x")</script>', "a & b", "' onmouseover='x"])
def test_html_escapes_every_text_and_title(hostile: str) -> None:
    page = html_table(("a", hostile), [[hostile, "y"]], [[hostile, None]], [False, True], f"p: {hostile}", hostile)
    assert page == (
        '<table class="coalition-kg">\n'
        f"<caption>p: {_escaped(hostile)}</caption>\n"
        f"<thead><tr><th>a</th><th>{_escaped(hostile)}</th></tr></thead>\n"
        "<tbody>\n"
        f'<tr><td><span title="{_escaped(hostile)}">{_escaped(hostile)}</span></td>'
        '<td style="text-align: right">y</td></tr>\n'
        "</tbody></table>\n"
        f"<p>{_escaped(hostile)}</p>\n"
    )


def test_html_never_carries_markup_from_a_cell() -> None:
    page = html_table(("a",), [['<script>alert("x")</script>']])
    assert "<script>" not in page and "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>" in page


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")
