"""Plausibility checks (issue 20): a mission's host state is not its member, not the party of an
instrument that joins it, not a sender of personnel to it (violations); a register person whose
label is an office or a body, and one source's two deployments of one state and kind that
disagree with nothing to tell them apart, are warnings. Each message says what to do."""

from __future__ import annotations

from pathlib import Path

from coalition_kg import api

CASES = Path(__file__).parents[1] / "sparql_cases"


def report(name: str) -> tuple[list[str], bool]:
    result = api.validate([CASES / name])
    lines = [line.split(": ", 1)[1] for line in result.to_text().splitlines()[:-1]]
    return lines, result.conforms


def test_the_host_state_as_member_joining_party_or_sender_is_a_violation_that_says_what_to_do():
    lines, conforms = report("facts_host_state.yaml")
    assert not conforms
    assert lines == [
        "Violation: membership/hti-mss-haiti: state/HTI hosts this mission (a host-state partnership says so), so "
        "it is not its member: delete this membership, or correct 'member:' (or the partnership, if the mission is "
        "hosted elsewhere). (value: state/HTI)",
        "Violation: instrument/hti-adhesion: state/HTI hosts this mission, so it does not join it by adhesion, "
        "signature or ratification: delete this instrument, correct 'party:', or give the kind of act it is (such "
        "as status-of-forces-agreement). (value: state/HTI)",
        "Violation: deployment/hti-police: state/HTI hosts this mission, so it sends no personnel to it: delete this "
        "deployment or correct 'state:'; a host state's own forces are partners of the mission (partner_role: "
        "host-nation-force). (value: state/HTI)",
    ]


def test_two_deployments_that_disagree_with_nothing_to_tell_them_apart_are_a_warning():
    lines, conforms = report("facts_conflicting_deployments.yaml")
    assert conforms
    message = ("The same source gives another deployment of this state, mission and kind, {other}, with another "
               "size or status, and no ordinal or date tells the two apart: if they are one deployment, keep one "
               "fact; if two, give each its 'ordinal:' or 'date:'. (value: {other})")
    assert lines == [
        "Warning: deployment/gtm-military-police-a: " + message.format(other="deployment/gtm-military-police-b"),
        "Warning: deployment/gtm-military-police-b: " + message.format(other="deployment/gtm-military-police-a"),
    ]  # the second contingent has its own ordinal: no warning for it


def test_a_person_whose_label_is_an_office_is_a_warning():
    lines, conforms = report("register_office_as_person.yaml")
    assert conforms
    assert ("Warning: person/foreign-office: 'Foreign Office' reads as an office or a body, not a person's name: "
            "make it an org/ entry (kind: government-body, part_of its state) and refer to that, or give the "
            "person's own name. (value: \"Foreign Office\")") in lines


def test_the_project_data_is_plausible():
    result = api.validate()
    assert result.conforms and result.results == []
