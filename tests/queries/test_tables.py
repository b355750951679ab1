"""Plain-text tables laid out for a terminal, and Markdown."""

from __future__ import annotations

from coalition_kg.queries.tables import render_markdown, render_table

HEADER = ("rank", "state", "evidence")
ROWS = [
    ["1", "state/SLV", "El Salvador signed the agreement on August 3, 2024."],
    ["—", "state/KEN", "The MSSM’s international makeup\nnow includes personnel from Kenya."],
]


def test_columns_are_aligned_and_integers_right_aligned() -> None:
    assert render_table(HEADER, ROWS) == (
        "rank  state      evidence\n"
        "────  ─────────  " + "─" * 66 + "\n"
        "   1  state/SLV  El Salvador signed the agreement on August 3, 2024.\n"
        "   —  state/KEN  The MSSM’s international makeup now includes personnel from Kenya.\n"
    )


def test_a_narrow_terminal_cuts_the_widest_column_first() -> None:
    assert render_table(HEADER, ROWS, width=40) == (
        "rank  state      evidence\n"
        "────  ─────────  ───────────────────────\n"
        "   1  state/SLV  El Salvador signed the…\n"
        "   —  state/KEN  The MSSM’s internation…\n"
    )


def test_columns_are_cut_down_to_twelve_characters() -> None:
    assert render_table(HEADER, ROWS, width=29) == (
        "rank  state      evidence\n"
        "────  ─────────  ────────────\n"
        "   1  state/SLV  El Salvador…\n"
        "   —  state/KEN  The MSSM’s …\n"
    )


def test_rows_too_wide_for_the_terminal_become_records() -> None:
    assert render_table(HEADER, ROWS, width=20) == (
        "── row 1 ───────────\n"
        "rank      1\n"
        "state     state/SLV\n"
        "evidence  El Salvador…\n"
        "── row 2 ───────────\n"
        "rank      —\n"
        "state     state/KEN\n"
        "evidence  The MSSM’s …\n"
    )


def test_markdown_escapes_pipes_and_keeps_cells_on_one_line() -> None:
    assert render_markdown(("a", "b"), [["x | y", "one\ntwo"]]) == (
        "| a | b |\n"
        "| --- | --- |\n"
        "| x \\| y | one two |\n"
    )


def test_an_empty_answer_keeps_its_header() -> None:
    assert render_table(("a", "b"), []) == "a  b\n─  ─\n"
