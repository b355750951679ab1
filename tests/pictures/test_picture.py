"""Pictures of the views and of the timeline: produced, readable in size, labelled, and byte for byte stable."""

from __future__ import annotations

import io

import matplotlib.image
import pytest
from rdflib import Dataset

from coalition_kg.pictures.render import render

VIEWS = ("coalition", "entities", "provenance", "timeline")


@pytest.fixture(scope="module")
def pictures(project) -> dict[tuple[str, str], bytes]:
    return {(view, kind): render(view, kind, project.dataset) for view in VIEWS for kind in ("png", "svg")}


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_same_data_draws_the_same_bytes(project, pictures, view, kind):
    assert render(view, kind, project.dataset) == pictures[(view, kind)]


@pytest.mark.parametrize(
    ("view", "smallest_width", "smallest_height"),
    [("coalition", 1000, 1000), ("entities", 2500, 2000), ("provenance", 1200, 1100), ("timeline", 1300, 600)],
)
def test_pngs_are_large_enough_to_read(pictures, view, smallest_width, smallest_height):
    data = pictures[(view, "png")]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 50_000
    height, width, _ = matplotlib.image.imread(io.BytesIO(data), format="png").shape
    assert width >= smallest_width and height >= smallest_height
    assert b"Software" not in data[:2000]


def test_the_coalition_svg_carries_its_labels_legend_and_title_as_text(pictures):
    svg = pictures[("coalition", "svg")].decode()
    assert svg.startswith("<?xml")
    for text in (
        "Coalition: Multinational Security Support Mission — members, partners, officials",
        ">Guatemala<",
        ">Claudia Escobar<",
        ">2024-09-20<",
        "host-nation-force",
        "member (instrument, date)",
        "partner or supporter (role)",
        ">International organization<",
    ):
        assert text in svg, text
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_the_timeline_svg_marks_year_only_dates_and_lists_undated_facts(pictures):
    svg = pictures[("timeline", "svg")].decode()
    for text in (
        "UN Security Council Resolution 2699 (2023)",
        "2023 (year only)",
        "3 Aug 2024",
        "Bahamas: joined, instrument not named",
        "12 Dec 2024",
        "Kenya: member — no date of joining in the sources",
        "dated \"September\" only",
        "known to the month or year only",
    ):
        assert text.replace('"', "&quot;") in svg or text in svg, text


@pytest.mark.parametrize(
    ("view", "title"),
    [
        ("coalition", "Coalition: no mission — members, partners, officials"),
        ("entities", "Entity graph: entities and the facts that link them"),
        ("provenance", "Provenance: which source states facts about whom"),
        ("timeline", "Timeline: states joining the mission and other dated events"),
    ],
)
def test_a_dataset_with_nothing_to_show_still_draws_a_titled_page(view, title):
    svg = render(view, "svg", Dataset(default_union=True)).decode()
    assert f">{title}<" in svg
