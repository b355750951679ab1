"""What propose reads from a sentence's structure (issue 20), on sentences written for these
tests (none of the development or test articles): full names with titles, particles and
suffixes; offices never people; the host state never a member, party or sender; a wire's main
sentence; definite descriptions of the main state; one deployment per sentence; ids reused by
number and kind or holder and role; and the rest of the issue's list."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from coalition_kg.core.paths import PROJECT_DIR
from coalition_kg.curation.propose import propose

CORPUS = PROJECT_DIR / "tests" / "propose_articles" / "corpus"
DEV = PROJECT_DIR / "tests" / "propose_articles" / "dev"


def draft(tmp_path: Path, text: str, data: Path = CORPUS):
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    return propose(article, data)


def facts(result) -> list[dict]:
    return [{k: v for k, v in fact.items() if k != "evidence"}
            for fact in yaml.safe_load(result.to_yaml())["facts"] or []]


def of_kind(result, kind: str) -> list[dict]:
    return [fact for fact in facts(result) if fact["kind"] == kind]


def test_a_long_name_keeps_its_particles_accents_initials_and_suffix_and_loses_its_title(tmp_path):
    result = draft(tmp_path, "“We are ready,” said Interior Minister Ana Beatriz dos Santos Mendonça of Mozambique. "
                             "Defence Minister Pieter J. van der Berg Jr. said the ships would sail.\n")
    people = {e.ref: e.label for e in result.new_entities if e.kind == "person"}
    assert people == {"person/ana-beatriz-dos-santos-mendonca": "Ana Beatriz dos Santos Mendonça",
                      "person/pieter-j-van-der-berg-jr": "Pieter J. van der Berg Jr."}
    [statement] = of_kind(result, "statement")
    assert statement["speaker"] == "person/ana-beatriz-dos-santos-mendonca"


def test_offices_and_bodies_that_speak_are_never_people(tmp_path):
    result = draft(tmp_path, "Tanzania will send 40 sailors to the Maritime Security Mission in Mozambique, "
                             "the Foreign Office said.\n“We are ready,” the Ministry of Home Affairs said.\n"
                             "“So are we,” said Global Affairs Canada.\n")
    assert [e.ref for e in result.new_entities if e.kind == "person"] == []
    speakers = [(s["speaker"], s.get("speaker_description")) for s in of_kind(result, "statement")]
    assert speakers[0] == ("state/TZA", "the Ministry of Home Affairs")


def test_a_state_in_brackets_after_a_person_is_no_acronym(tmp_path):
    result = draft(tmp_path, "Amina Yusuf (Nigeria), the contingent commander, spoke to the Stabilization Support "
                             "Mission in Guinea-Bissau.\n")
    assert of_kind(result, "name") == []
    [post] = of_kind(result, "post")
    assert (post["holder"], post["organization"]) == ("person/amina-yusuf", "state/NGA")


def test_the_host_state_is_never_member_party_or_sender(tmp_path):
    result = draft(tmp_path, "Togo has formally joined the Multinational Security Support Mission in Haiti, "
                             "handing over its instrument of adhesion on 5 June 2025.\n"
                             "Haitian police officers welcomed the Togolese gendarmes at the airport.\n")
    members = [m["member"] for m in of_kind(result, "membership")]
    parties = [i["party"] for i in of_kind(result, "instrument")]
    senders = [d["state"] for d in of_kind(result, "deployment")]
    assert members == ["state/TGO"] and parties == ["state/TGO"] and "state/HTI" not in senders
    hosts = [p for p in of_kind(result, "partnership") if p["partner_role"] == "host-state"]
    assert [(p["id"], p["partner"]) for p in hosts] == [("mss-haiti-host", "state/HTI")]  # the graph's id


def test_a_wires_main_sentence_with_a_number_before_a_demonym_and_a_unit_as_subject(tmp_path):
    result = draft(tmp_path, "The second contingent of 180 Rwandan soldiers landed in Pemba on 9 March 2025 to "
                             "join the Maritime Security Mission in Mozambique.\n")
    [deployment] = of_kind(result, "deployment")
    assert deployment == {"id": "rwa-troops", "kind": "deployment", "state": "state/RWA", "mission": "mission/msmm",
                          "deployment_kind": "troops", "status": "arrived", "ordinal": "2", "size": "180",
                          "place": "state/MOZ", "date": "2025-03-09"}  # Pemba is a town of Mozambique (round 23)
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/RWA"]


def test_the_x_country_and_the_government_are_the_articles_main_state(tmp_path):
    result = draft(tmp_path, "Senegal has contributed 600 troops to the Stabilization Support Mission in "
                             "Guinea-Bissau.\nThe West African country will also deploy two hundred gendarmes, "
                             "the government announced on 4 April 2025.\n")
    deployments = {(d["state"], d["deployment_kind"], d["status"], d.get("size")) for d in of_kind(result, "deployment")}
    assert deployments == {("state/SEN", "troops", "serving", "600"), ("state/SEN", "police", "committed", "200")}
    [event] = of_kind(result, "event")
    assert (event["agent"], event["date"]) == ("state/SEN", "2025-04-04")


def test_one_sentence_about_one_deployment_is_one_fact(tmp_path):
    result = draft(tmp_path, "Ghana will send a team of 60 army engineers to the Maritime Security Mission in "
                             "Mozambique, where the engineers will serve for a year.\n")
    assert [(d["deployment_kind"], d["status"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("engineers", "committed", "60")]


def test_an_id_the_graph_holds_is_reused_by_number_and_kind_or_by_holder_and_role(tmp_path):
    result = draft(tmp_path, "The Multinational Security Support Mission operates under Security Council "
                             "resolution 2699 (2023).\nThe Kenyan contingent's commander, Daniel Kiprono, said the "
                             "rains had slowed patrols.\n")
    [resolution] = of_kind(result, "instrument")
    assert (resolution["id"], resolution["party"], resolution["number"]) == ("unsc-resolution-2699", "org/unsc", "2699")
    assert "date" not in resolution  # the graph's is 2023-10-02: the article's "2023" is left out, and says so
    assert any("its date is '2023-10-02'" in flag for f in result.facts for flag in f.flags)
    [post] = of_kind(result, "post")
    assert post["id"] == "kiprono-contingent-commander"


def test_money_authorisation_training_and_contributions_are_read_as_such(tmp_path):
    result = draft(tmp_path, "The African Union has authorized the force, the Stabilization Support Mission in "
                             "Guinea-Bissau.\nThe European Union will give 12 million euros to the mission.\n"
                             "Nigeria has contributed 450 troops to the mission.\n")
    roles = {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")}
    assert {("org/au", "backer"), ("org/european-union", "funder")} <= roles
    assert "org/european-union" in [e.ref for e in result.new_entities]
    [deployment] = of_kind(result, "deployment")
    assert (deployment["state"], deployment["status"], deployment["size"]) == ("state/NGA", "serving", "450")


def test_support_in_the_missions_own_name_is_no_cue(tmp_path):
    result = draft(tmp_path, "Canada will host a conference on the Multinational Security Support Mission.\n")
    assert of_kind(result, "partnership") == []


def test_reported_speech_without_quotation_marks_is_no_statement(tmp_path):
    result = draft(tmp_path, "Kenya's ambassador, Ruth Wanjiru, said the mission would stay until 2026.\n")
    assert of_kind(result, "statement") == []


@pytest.mark.parametrize("article", sorted(DEV.glob("*.txt"))[:4], ids=lambda p: p.stem)
def test_a_draft_is_the_same_bytes_in_another_process(article):
    """The same article and data give the same draft, byte for byte, also from a fresh process."""
    here = propose(article, CORPUS).to_yaml()
    code = ("import sys; from pathlib import Path; from coalition_kg.curation.propose import propose; "
            "sys.stdout.write(propose(Path(sys.argv[1]), Path(sys.argv[2])).to_yaml())")
    there = subprocess.run([sys.executable, "-c", code, str(article), str(CORPUS)], capture_output=True, check=True,
                           text=True, encoding="utf-8").stdout
    assert there == here


def test_troops_bound_for_a_mission_are_committed_and_undated_by_another_verb(tmp_path):
    result = draft(tmp_path, "On 4 May 2025 the President of Tanzania inspected 120 Tanzanian soldiers bound for the "
                             "Maritime Security Mission in Mozambique.\n")
    [deployment] = of_kind(result, "deployment")
    assert (deployment["state"], deployment["status"], deployment["size"]) == ("state/TZA", "committed", "120")
    assert "date" not in deployment


def test_a_timelines_label_dates_its_line_and_a_verb_read_as_a_noun_still_gives_the_status(tmp_path):
    result = draft(tmp_path, "Timeline of the Maritime Security Mission in Mozambique\n"
                             "14 July 2021: Forty Rwandan officers land in Pemba.\n"
                             "August 2021: Tanzania and South Africa send troops.\n")
    deployments = {(d["state"], d["status"], d.get("date")) for d in of_kind(result, "deployment")}
    assert deployments == {("state/RWA", "arrived", "2021-07-14"), ("state/TZA", "arrived", "2021-08"),
                           ("state/ZAF", "arrived", "2021-08")}


def test_the_contingents_of_a_mission_are_serving_and_not_dated_by_a_visit(tmp_path):
    result = draft(tmp_path, "The Defence Minister of Tanzania visited the Rwandan and South African teams of the "
                             "Maritime Security Mission in Mozambique on 3 June 2025.\n")
    deployments = [(d["state"], d["status"], d.get("date")) for d in of_kind(result, "deployment")]
    assert deployments == [("state/RWA", "serving", None), ("state/ZAF", "serving", None)]


def test_states_listed_after_a_colon_each_send_the_number_in_their_brackets(tmp_path):
    result = draft(tmp_path, "By 30 April 2025 the Maritime Security Mission in Mozambique had 1,400 troops from three "
                             "states: Rwanda (1,000), Tanzania (300) and South Africa (100).\n")
    deployments = {(d["state"], d.get("size")) for d in of_kind(result, "deployment")}
    assert deployments == {("state/RWA", "1000"), ("state/TZA", "300"), ("state/ZAF", "100")}


def test_what_replaces_a_deployment_or_is_replaced_is_the_same_states_of_the_same_kind(tmp_path):
    result = draft(tmp_path, "Some 300 Rwandan soldiers left Pemba on 9 May 2025 and were relieved by a new battalion "
                             "of 310 for the Maritime Security Mission in Mozambique.\n")
    deployments = {(d["state"], d["deployment_kind"], d["status"], d.get("size")) for d in of_kind(result, "deployment")}
    assert ("state/RWA", "troops", "arrived", "310") in deployments


def test_a_mission_the_register_lacks_named_without_an_acronym_is_proposed_by_its_initials(tmp_path):
    result = draft(tmp_path, "Ghana will send 60 sailors to the Gulf Maritime Patrol Mission in Togo, the Ghana Navy said.\n")
    assert {e.ref: e.label for e in result.new_entities if e.kind == "mission"} == {
        "mission/gmpm": "Gulf Maritime Patrol Mission"}
    [deployment] = of_kind(result, "deployment")
    assert (deployment["state"], deployment["mission"], deployment["size"]) == ("state/GHA", "mission/gmpm", "60")


def test_an_event_that_is_the_occasion_of_a_verb_takes_its_date_place_and_subject(tmp_path):
    result = draft(tmp_path, "Foreign Minister Amina Bello Okafor addressed Nigerian police officers at a passing-out "
                             "parade in Abuja on 4 April 2025 before their departure for the Stabilization Support "
                             "Mission in Guinea-Bissau.\n")
    [event] = of_kind(result, "event")
    assert (event["event_kind"], event["agent"], event["date"], event["place"]) == (
        "ceremony", "person/amina-bello-okafor", "2025-04-04", "Abuja")


def test_a_state_listed_after_a_deployment_with_its_own_number_and_noun_sends_its_own(tmp_path):
    result = draft(tmp_path, "Senegal has 400 soldiers with the Stabilization Support Mission in Guinea-Bissau and "
                             "Ghana 50 police officers.\n")
    deployments = {(d["state"], d["deployment_kind"], d.get("size")) for d in of_kind(result, "deployment")}
    assert deployments == {("state/SEN", "troops", "400"), ("state/GHA", "police", "50")}


def test_funding_a_state_announces_is_its_and_a_fund_named_in_a_clause_funds_nothing(tmp_path):
    result = draft(tmp_path, "Canada announced on 2 May 2025 a further $15 million in funding for the Multinational "
                             "Security Support Mission in Haiti. The money, paid into the UN trust fund, will buy "
                             "radios.\n")
    partners = {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")}
    assert partners == {("state/CAN", "funder"), ("state/HTI", "host-state")}


def test_the_known_host_state_a_deployment_goes_to_is_the_missions_host(tmp_path):
    result = draft(tmp_path, "Ghana flew 90 police officers to Haiti on 8 May 2025 to reinforce the Multinational "
                             "Security Support Mission.\n")
    assert ("state/HTI", "host-state") in {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")}


def test_an_offer_of_a_deployment_made_by_a_state_is_its_pledge(tmp_path):
    result = draft(tmp_path, "An offer of 75 military engineers for the Maritime Security Mission in Mozambique was "
                             "made by Rwanda at a summit in Maputo on 3 June 2025.\n")
    [deployment] = of_kind(result, "deployment")
    assert (deployment["state"], deployment["status"], deployment["size"]) == ("state/RWA", "pledged", "75")


def test_ruling_out_sending_troops_sends_none(tmp_path):
    result = draft(tmp_path, "France will fund the Multinational Security Support Mission. Paris has ruled out "
                             "sending soldiers of its own.\n")
    assert of_kind(result, "deployment") == []


def test_people_of_a_mission_who_meet_are_no_body_of_the_main_state(tmp_path):
    result = draft(tmp_path, "Rwanda has 1,000 troops with the Maritime Security Mission in Mozambique. Commanders "
                             "of the Maritime Security Mission in Mozambique met in Pemba on 2 June 2025.\n")
    assert of_kind(result, "event") == []


def test_an_events_place_keeps_the_words_its_hyphens_join(tmp_path):
    result = draft(tmp_path, "President Ruto of Kenya visited Kenyan police officers of the Multinational Security "
                             "Support Mission in Port-au-Prince on 4 June 2025.\n")
    [event] = of_kind(result, "event")
    assert (event["event_kind"], event["place"], event["date"]) == ("visit", "Port-au-Prince", "2025-06-04")


def test_counterparts_listed_by_name_hold_the_same_post_in_their_own_states(tmp_path):
    result = draft(tmp_path, "Kenya's defence minister, Soipan Tuya-Lenku, received her Rwandan and Tanzanian "
                             "counterparts, Juvenal Marizamunda and Stergomena Tax, in Nairobi to discuss the Maritime "
                             "Security Mission in Mozambique.\n")
    posts = {(p["holder"], p["organization"], p["role"]) for p in of_kind(result, "post")}
    assert posts == {("person/soipan-tuya-lenku", "state/KEN", "defence-minister"),
                     ("person/juvenal-marizamunda", "state/RWA", "defence-minister"),
                     ("person/stergomena-tax", "state/TZA", "defence-minister")}


def test_a_date_in_the_missions_own_phrase_dates_no_deployment(tmp_path):
    result = draft(tmp_path, "The Maritime Security Mission in Mozambique, deployed since July 2021, includes soldiers "
                             "from Rwanda and Tanzania.\n")
    deployments = [(d["state"], d["status"], d.get("date")) for d in of_kind(result, "deployment")]
    assert deployments == [("state/RWA", "serving", None), ("state/TZA", "serving", None)]


def test_a_units_strength_before_it_is_its_size(tmp_path):
    result = draft(tmp_path, "Tanzania has agreed to deploy a 450-strong infantry battalion to the Maritime Security "
                             "Mission in Mozambique.\n")
    [deployment] = of_kind(result, "deployment")
    assert (deployment["state"], deployment["deployment_kind"], deployment["size"]) == ("state/TZA", "troops", "450")


def test_a_state_that_becomes_the_missions_nth_member_and_the_number_brought_to_n_are_claims(tmp_path):
    result = draft(tmp_path, "Belize has joined the Multinational Security Support Mission, bringing the number of "
                             "member states to eight. Belize becomes the mission's eighth member state. Ghana became "
                             "the mission's first member from outside the Caribbean.\n")
    assert [c["count"] for c in of_kind(result, "count-claim")] == ["8"]
    assert [(c["subject"], c["rank"]) for c in of_kind(result, "ordinal-claim")] == [("state/BLZ", "8")]


# --- round 3: rules for what the first test half showed (that half is development data now) ---


def test_a_joint_force_named_after_a_place_with_a_state_in_it_is_a_new_mission(tmp_path):
    result = draft(tmp_path, "DOUALA, 2 March 2026 — Gabon, Congo and Equatorial Guinea signed a treaty creating the "
                             "Gulf of Guinea Joint Maritime Force (GGJMF).\n")
    [mission] = [e for e in result.new_entities if e.kind == "mission"]
    assert (mission.ref, mission.label) == ("mission/ggjmf", "Gulf of Guinea Joint Maritime Force")
    members = sorted(f["member"] for f in of_kind(result, "membership"))
    assert members == ["state/COG", "state/GAB", "state/GNQ"]
    assert {f["mission"] for f in of_kind(result, "instrument")} == {"mission/ggjmf"}


def test_a_states_own_defence_force_stays_a_body_of_that_state(tmp_path):
    result = draft(tmp_path, "The Royal Bahamas Defence Force (RBDF) sent 40 marines to the Multinational Security "
                             "Support Mission in Haiti.\n")
    [body] = [e for e in result.new_entities if e.ref == "org/rbdf"]
    assert (body.kind, body.part_of) == ("government-body", "state/BHS")


def test_a_bare_number_after_another_state_and_its_verb_is_that_states_deployment_of_the_same_kind(tmp_path):
    result = draft(tmp_path, "Ghana promised three hundred police officers to the Stabilization Support Mission in "
                             "Guinea-Bissau, and Togo has committed 120.\n")
    sent = sorted((f["state"], f["deployment_kind"], f["status"], f["size"]) for f in of_kind(result, "deployment"))
    assert sent == [("state/GHA", "police", "pledged", "300"), ("state/TGO", "police", "committed", "120")]


def test_a_bare_number_of_a_denied_or_supposed_act_sends_nothing(tmp_path):
    result = draft(tmp_path, "Ghana promised three hundred police officers to the Stabilization Support Mission in "
                             "Guinea-Bissau, but Togo has not committed 120.\n")
    assert [f["state"] for f in of_kind(result, "deployment")] == ["state/GHA"]


def test_soldiers_who_left_for_the_host_state_are_on_their_way(tmp_path):
    result = draft(tmp_path, "KINGSTON — A second contingent of 60 Jamaican soldiers left for Haiti on 9 June 2025, the "
                             "defence force said, to serve with the Multinational Security Support Mission.\n")
    [deployment] = of_kind(result, "deployment")
    assert (deployment["state"], deployment["status"], deployment["size"], deployment["ordinal"],
            deployment["place"], deployment["date"]) == ("state/JAM", "committed", "60", "2", "state/HTI", "2025-06-09")


def test_both_countries_are_the_two_states_named_last(tmp_path):
    result = draft(tmp_path, "Benin sent engineers in May. Togo followed in June. Both countries joined the "
                             "Stabilization Support Mission in Guinea-Bissau in 2025.\n")
    assert sorted(f["member"] for f in of_kind(result, "membership")) == ["state/BEN", "state/TGO"]


def test_the_two_states_need_two_states_named_before_them(tmp_path):
    result = draft(tmp_path, "Benin sent engineers in May. The two states joined the Stabilization Support Mission "
                             "in Guinea-Bissau in 2025.\n")
    assert [f["member"] for f in of_kind(result, "membership")] == ["state/BEN"]


@pytest.mark.parametrize(("title", "role"), [
    ("Minister of the Interior", "security-minister"), ("Interior Cabinet Secretary", "security-minister"),
    ("Minister of Public Security", "security-minister"), ("Inspector-General of Police", "police-chief"),
    ("Chief of the Defence Staff", "chief-of-defence"), ("Minister for Foreign Affairs", "foreign-minister")])
def test_titles_said_in_other_words_are_the_schemes_roles(tmp_path, title, role):
    result = draft(tmp_path, f"Zambia's {title}, Chanda Mwila Phiri, said the police would leave in May.\n")
    assert [(p["holder"], p["organization"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/chanda-mwila-phiri", "state/ZMB", role)]


def test_reaffirmed_backing_for_the_mission_makes_a_backer(tmp_path):
    result = draft(tmp_path, "Leaders of the Organization of American States (OAS) reaffirmed their backing for the "
                             "Multinational Security Support Mission in Haiti.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] != "host-state"] == [("org/oas", "backer")]


@pytest.mark.parametrize(("words", "day"), [("signed the agreement on Friday", "2025-10-17"),
                                            ("signed the agreement on Tuesday", "2025-10-21")])
def test_a_weekday_in_a_report_dated_to_the_day_is_the_day_of_that_week(tmp_path, words, day):
    result = draft(tmp_path, f"LUSAKA, 21 October 2025 — Zambia {words}, joining the Stabilization Support "
                             "Mission in Guinea-Bissau.\n")
    assert {f.get("date") for f in of_kind(result, "instrument")} == {day}


def test_a_weekday_of_a_future_act_is_the_next_such_day_and_without_a_dated_report_none(tmp_path):
    result = draft(tmp_path, "LUSAKA, 21 October 2025 — Zambia will send 40 police officers to the Stabilization "
                             "Support Mission in Guinea-Bissau on Friday.\n")
    assert [(f["status"], f.get("date")) for f in of_kind(result, "deployment")] == [("committed", "2025-10-24")]
    result = draft(tmp_path, "LUSAKA — Zambia will send 40 police officers to the Stabilization Support Mission in "
                             "Guinea-Bissau on Friday.\n")
    assert [(f["status"], f.get("date")) for f in of_kind(result, "deployment")] == [("committed", None)]


def test_the_government_that_says_a_number_will_leave_for_the_host_state_is_the_main_states(tmp_path):
    result = draft(tmp_path, "CASTRIES — Saint Lucia confirmed its place in the Multinational Security Support "
                             "Mission. The government said 30 police officers would leave for Haiti in March.\n")
    assert [(f["state"], f["status"], f["size"], f.get("date_text")) for f in of_kind(result, "deployment")] == [
        ("state/LCA", "committed", "30", "March")]


def test_a_meeting_the_datelines_sentence_places_is_on_the_datelines_day(tmp_path):
    text = ("ACCRA, 4 April 2026 — The commander of the Stabilization Support Mission in Guinea-Bissau, General "
            "Kwame Asante-Boateng, briefed West African defence chiefs in Accra on the mission's patrols.\n")
    [event] = of_kind(draft(tmp_path, text), "event")
    assert (event["event_kind"], event["date"], event["agent"]) == (
        "meeting", "2026-04-04", "person/kwame-asante-boateng")
    assert of_kind(draft(tmp_path, text.replace(" in Accra", "")), "event") == []  # no place: no day of its own


# --- round 4: rules for what the second test half showed (that half is development data now) ---


def test_an_acronym_after_a_mission_in_a_state_names_the_mission_not_the_state(tmp_path):
    result = draft(tmp_path, "VICTORIA — Police officers of the new Indian Ocean Support Mission in the Seychelles "
                             "(IOSMS) arrived from Mauritius on 3 March 2026.\n")
    [mission] = [e for e in result.new_entities if e.kind == "mission"]
    assert (mission.ref, mission.label) == ("mission/iosms", "Indian Ocean Support Mission in the Seychelles")
    assert [(f["entity"], f["label"]) for f in of_kind(result, "name")] == [("mission/iosms", "IOSMS")]
    assert ("state/SYC", "host-state") in {(f["partner"], f["partner_role"]) for f in of_kind(result, "partnership")}


def test_a_unit_of_a_number_of_officers_is_one_deployment_of_the_unit_with_that_size(tmp_path):
    result = draft(tmp_path, "A formed police unit of 160 Rwandan officers reached the Stabilization Support Mission "
                             "in Guinea-Bissau on 5 May 2025.\n")
    assert [(f["state"], f["deployment_kind"], f["size"]) for f in of_kind(result, "deployment")] == [
        ("state/RWA", "formed-police-unit", "160")]


@pytest.mark.parametrize(("words", "kind"), [("thirty police instructors", "individual-police-officers"),
                                             ("two patrol boats", "equipment"),
                                             ("twelve military police officers", "military-police")])
def test_more_words_of_the_deployment_kinds(tmp_path, words, kind):
    result = draft(tmp_path, f"Uruguay has promised {words} to the Stabilization Support Mission in Guinea-Bissau.\n")
    assert [(f["state"], f["deployment_kind"], f["status"]) for f in of_kind(result, "deployment")] == [
        ("state/URY", kind, "pledged")]


def test_a_demonym_several_states_share_is_the_most_populous_ones_and_a_regions_is_none(tmp_path):
    result = draft(tmp_path, "American police trainers arrived in Haiti to serve with the Multinational Security "
                             "Support Mission.\n")
    assert {f["state"] for f in of_kind(result, "deployment")} == {"state/USA"}
    result = draft(tmp_path, "GUATEMALA CITY — The Central American nation will send 80 soldiers to the "
                             "Multinational Security Support Mission in Haiti in May.\n")
    assert [(f["state"], f["status"]) for f in of_kind(result, "deployment")] == [("state/GTM", "committed")]


def test_a_state_after_a_holders_name_or_leading_the_line_is_the_posts(tmp_path):
    result = draft(tmp_path, "President Aminata Diallo-Kane of Senegal opened the session of the Stabilization "
                             "Support Mission in Guinea-Bissau.\n"
                             "• Haiti — Prime Minister Jean-Paul Augustin received the envoys on 2 May 2025.\n"
                             "Jamaica's Minister of National Security, Horace Blake, said the troops were ready.\n")
    assert sorted((f["holder"], f["organization"], f["role"]) for f in of_kind(result, "post")) == [
        ("person/aminata-diallo-kane", "state/SEN", "president"),
        ("person/horace-blake", "state/JAM", "security-minister"),
        ("person/jean-paul-augustin", "state/HTI", "prime-minister")]


def test_states_serving_together_or_whose_troops_serve_are_members(tmp_path):
    result = draft(tmp_path, "The Council thanked Nigeria, Senegal and Ghana, whose troops have served with the "
                             "Stabilization Support Mission in Guinea-Bissau since 2022.\n"
                             "Benin and Togo contribute engineers to the mission.\n"
                             "Niger has taken part in the mission since June, alongside Mali and Chad.\n"
                             "Soldiers from Gambia and Liberia now guard the headquarters of the mission.\n")
    assert sorted(f["member"] for f in of_kind(result, "membership")) == sorted(
        ["state/NGA", "state/SEN", "state/GHA", "state/BEN", "state/TGO", "state/NER", "state/MLI", "state/TCD", "state/GMB",
         "state/LBR"])
    serving = {(f["state"], f["status"]) for f in of_kind(result, "deployment")}
    assert {("state/GMB", "serving"), ("state/LBR", "serving")} <= serving


def test_one_state_that_serves_is_no_member_by_that_rule_nor_one_that_only_intends_to(tmp_path):
    result = draft(tmp_path, "Mali intends to contribute a medical team to the Stabilization Support Mission in "
                             "Guinea-Bissau.\n")
    assert of_kind(result, "membership") == []


def test_states_that_put_money_into_the_missions_fund_are_funders(tmp_path):
    result = draft(tmp_path, "The Conference thanked Norway and Japan for their contributions to the trust fund of "
                             "the Multinational Security Support Mission in Haiti.\n"
                             "Italy and Portugal have made new payments into the mission's trust fund.\n"
                             "It welcomed the recent contribution of Chile to the fund.\n")
    funders = sorted(f["partner"] for f in of_kind(result, "partnership") if f["partner_role"] == "funder")
    assert funders == ["state/CHL", "state/ITA", "state/JPN", "state/NOR", "state/PRT"]


def test_a_line_of_money_under_a_state_in_an_article_about_the_fund_is_a_funder(tmp_path):
    result = draft(tmp_path, "Contributions to the trust fund of the Multinational Security Support Mission in Haiti:\n"
                             "Norway: US$ 3.1 million\nJapan: US$ 2.0 million\n")
    assert sorted(f["partner"] for f in of_kind(result, "partnership") if f["partner_role"] == "funder") == [
        "state/JPN", "state/NOR"]


def test_an_organization_that_leads_or_set_up_the_mission_backs_it(tmp_path):
    def backers(text: str) -> list[tuple[str, str]]:
        return [(f["mission"], f["partner"]) for f in of_kind(draft(tmp_path, text), "partnership")
                if f["partner_role"] == "backer"]

    assert backers("Zambia sent sailors to the SADC-led Maritime Security Mission in Mozambique.\n") == [
        ("mission/msmm", "org/sadc")]
    assert backers("The Stabilization Support Mission in Guinea-Bissau was set up by the Economic Community of West "
                   "African States in 2022.\n") == [("mission/ssmgb", "org/ecowas")]


def test_joint_patrols_with_the_hosts_police_make_it_a_host_nation_force(tmp_path):
    result = draft(tmp_path, "Kenyan officers of the Multinational Security Support Mission in Haiti arrived in 2024.\n"
                             "Since May they have run joint patrols with the Haitian National Police in Delmas.\n")
    assert ("org/pnh", "host-nation-force") in {(f["partner"], f["partner_role"]) for f in of_kind(result, "partnership")}


def test_officers_a_deployment_works_beside_are_not_sent(tmp_path):
    result = draft(tmp_path, "Jamaican soldiers guard the market beside officers of the Haitian National Police, "
                             "for the Multinational Security Support Mission.\n")
    assert [(f["state"], f["status"]) for f in of_kind(result, "deployment")] == [("state/JAM", "serving")]


def test_officers_who_flew_home_are_withdrawn_and_a_contingent_that_numbers_or_is_maintained_serves(tmp_path):
    result = draft(tmp_path, "About 180 Kenyan police officers flew home to Nairobi on 2 May 2025 from the "
                             "Multinational Security Support Mission in Haiti.\n"
                             "Jamaica maintains a company of 90 soldiers in the mission.\n")
    assert sorted((f["state"], f["status"], f.get("size")) for f in of_kind(result, "deployment")) == [
        ("state/JAM", "serving", "90"), ("state/KEN", "withdrawn", "180")]


def test_states_a_which_clause_says_have_promised_personnel_pledged_it(tmp_path):
    result = draft(tmp_path, "The list also counts Mali and Niger, which have promised personnel to the "
                             "Stabilization Support Mission in Guinea-Bissau.\n")
    assert sorted((f["state"], f["status"]) for f in of_kind(result, "deployment")) == [
        ("state/MLI", "pledged"), ("state/NER", "pledged")]


def test_a_navy_detachment_is_troops(tmp_path):
    result = draft(tmp_path, "Angola has withdrawn its 60-strong navy detachment from the Maritime Security Mission "
                             "in Mozambique.\n")
    assert [(f["state"], f["deployment_kind"], f["status"]) for f in of_kind(result, "deployment")] == [
        ("state/AGO", "troops", "withdrawn")]


def test_an_agreement_between_or_with_others_has_each_of_them_as_a_party(tmp_path):
    result = draft(tmp_path, "The Council noted the signing on 3 June 2025 of a status-of-forces agreement between "
                             "the Government of Haiti and the Government of Benin for the Multinational Security "
                             "Support Mission.\n"
                             "Togo signed a memorandum of understanding with the African Union on 5 June 2025.\n")
    assert sorted((f["instrument_kind"], f["party"]) for f in of_kind(result, "instrument")) == [
        ("memorandum-of-understanding", "org/au"), ("memorandum-of-understanding", "state/TGO"),
        ("status-of-forces-agreement", "state/BEN"), ("status-of-forces-agreement", "state/HTI")]


@pytest.mark.parametrize(("title", "role"), [
    ("the Minister of Justice and Public Security, Me", "security-minister"),
    ("Minister of Foreign Affairs and Foreign Trade", "foreign-minister"),
    ("the Minister for Defence and National Service, Hon. Dr.", "defence-minister"),
    ("the Cabinet Secretary for Interior and National Administration,", "security-minister"),
    ("the Minister of Labour and Social Security,", "minister"),  # social security is no internal security
    ("the Minister of Finance and Planning,", "minister"),
])
def test_a_ministers_title_is_read_with_its_portfolio_and_the_name_after_it(tmp_path, title, role):
    """The portfolio's words make the role (defence, then foreign affairs, then internal security)
    and stay out of the name; "Hon." and "Me" (Maître) are honorifics, and no full stop of theirs
    ends the sentence."""
    result = draft(tmp_path, f"CASTRIES — {title} Verena Clothilde Joseph-Alcindor said Saint Lucia would send "
                             "police officers to the Multinational Security Support Mission.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/verena-clothilde-joseph-alcindor", role, "state/LCA")]
    assert [e.ref for e in result.new_entities if e.kind == "person"] == ["person/verena-clothilde-joseph-alcindor"]


def test_a_state_whose_personnel_flew_home_was_a_member_and_one_that_only_will_send_is_not_yet(tmp_path):
    result = draft(tmp_path, "WINDHOEK — Namibia withdrew its 85 police officers from the Multinational Security "
                             "Support Mission on 2 June 2025. Botswana will send 60 soldiers to the mission.\n")
    assert {(d["state"], d["status"]) for d in of_kind(result, "deployment")} == {
        ("state/NAM", "withdrawn"), ("state/BWA", "committed")}
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/NAM"]


def test_each_sentence_gives_its_facts_to_the_mission_it_is_about(tmp_path):
    """The mission a sentence names, else the one hosted where it places its acts, else the one
    named last in its paragraph, else the article's."""
    result = draft(tmp_path, "MAPUTO — Kenya sent 40 sailors to the Maritime Security Mission in Mozambique on 2 June "
                             "2025. The Maritime Security Mission in Mozambique now counts six states.\n"
                             "Kenya also serves in the Multinational Security Support Mission. There, Kenya sent 200 "
                             "more police officers on 3 June 2025.\n"
                             "Kenya flew five staff officers to Port-au-Prince on 4 June 2025.\n"
                             "Uganda sent 30 police officers on 5 June 2025.\n")
    assert sorted((d["state"], d["deployment_kind"], d["mission"]) for d in of_kind(result, "deployment")) == [
        ("state/KEN", "police", "mission/mss-haiti"), ("state/KEN", "staff-officers", "mission/mss-haiti"),
        ("state/KEN", "troops", "mission/msmm"), ("state/UGA", "police", "mission/msmm")]


def test_an_acronym_after_a_registered_mission_in_its_state_is_that_missions_name(tmp_path):
    result = draft(tmp_path, "SANTIAGO — The Senate approved Chile's participation in the Multinational Security "
                             "Support Mission in Haiti (MMAS) on 9 December 2025.\n")
    assert [(n["entity"], n["label"]) for n in of_kind(result, "name")] == [("mission/mss-haiti", "MMAS")]
    assert {f["mission"] for f in facts(result) if "mission" in f} == {"mission/mss-haiti"}
    assert [e.ref for e in result.new_entities if e.kind == "mission"] == []


def test_an_acronym_in_brackets_may_be_followed_by_a_comment(tmp_path):
    result = draft(tmp_path, "PANAMA CITY — Ecuador signed on 2 February 2026 the founding agreement of the Darien "
                             "Joint Security Mission (MCSD, by its Spanish initials).\n")
    assert [(i["party"], i["mission"], i["instrument_kind"]) for i in of_kind(result, "instrument")] == [
        ("state/ECU", "mission/mcsd", "signature")]
    assert [e.ref for e in result.new_entities if e.kind == "mission"] == ["mission/mcsd"]


def test_ids_of_names_spell_letters_in_ascii_and_drop_apostrophes_within_a_name(tmp_path):
    result = draft(tmp_path, "Norway's Minister of International Development, Ingrid Sæther-Bjørnstad, said Norway would "
                             "fund the Multinational Security Support Mission.\n\"We will go,\" said Police Commissioner "
                             "Josephine Ndung'u-Karanja of Kenya.\n")
    assert sorted(e.ref for e in result.new_entities if e.kind == "person") == [
        "person/ingrid-saether-bjornstad", "person/josephine-ndungu-karanja"]


def test_an_instruments_date_is_the_one_its_verb_governs_not_when_something_ends(tmp_path):
    result = draft(tmp_path, "On 6 November 2025, Benin and Haiti signed a status-of-forces agreement for the "
                             "Multinational Security Support Mission, which will run until 31 December 2026.\n")
    assert {(i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")} == {
        ("state/BEN", "status-of-forces-agreement", "2025-11-06"), ("state/HTI", "status-of-forces-agreement", "2025-11-06")}


def test_the_organization_that_extends_a_missions_mandate_is_the_extensions_party(tmp_path):
    result = draft(tmp_path, "ABUJA — The ECOWAS Authority of Heads of State and Government extended the mandate of the "
                             "Stabilization Support Mission in Guinea-Bissau on 15 December 2024 for a further year, "
                             "until 31 December 2025.\n")
    assert [(i["party"], i["mission"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")] == [
        ("org/ecowas", "mission/ssmgb", "mandate-extension", "2024-12-15")]


def test_a_cabinets_approval_and_a_numbered_decree_or_law_are_the_states_instruments(tmp_path):
    result = draft(tmp_path, "DECREE No. 2025-417 of 11 June 2025 authorising the deployment of an Ivorian contingent "
                             "within the Multinational Security Support Mission in Haiti\nHAVING REGARD TO Law No. "
                             "2025-31 of 2 June 2025 authorising the engagement of Ivorian forces in the Mission;\n"
                             "On Tuesday, 9 September 2025, the Cabinet of Senegal approved the deployment of a formed "
                             "police unit to the Multinational Security Support Mission.\n")
    assert sorted((i["party"], i["instrument_kind"], i.get("number", ""), i.get("date"))
                  for i in of_kind(result, "instrument")) == [
        ("state/CIV", "executive-decree", "2025-417", "2025-06-11"),
        ("state/CIV", "parliamentary-approval", "2025-31", "2025-06-02"),
        ("state/SEN", "executive-decree", "", "2025-09-09")]


@pytest.mark.parametrize("sentence, post", [
    ("On Thursday the Permanent Representative of Ghana to the United Nations, Ambassador Abena Serwaa Mensah, "
     "signed the agreement.", ("person/abena-serwaa-mensah", "permanent-representative", "state/GHA")),
    ("\"She learned every name,\" recalled Guinea-Bissau's former Minister of National Defence, Armando Có Nhaga "
     "da Silva.", ("person/armando-co-nhaga-da-silva", "defence-minister", "state/GNB")),
    ("The Caribbean Community (CARICOM) met in Nassau. \"We stand with Haiti,\" the Community's Secretary-General, "
     "Dr. Carla-Marie Baptiste-Fontaine, said.", ("person/carla-marie-baptiste-fontaine", "secretary-general",
                                                  "org/caricom")),
    ("The agreement was signed for Senegal by H.E. Mrs. Aminata Sow de Carvalho, Minister of African Integration and "
     "Foreign Affairs.", ("person/aminata-sow-de-carvalho", "foreign-minister", "state/SEN")),
    ("The Director General of the Haitian National Police, Frantz-Éric Dorsainvil Saint-Juste, welcomed the Kenyan "
     "officers.", ("person/frantz-eric-dorsainvil-saint-juste", "police-chief", "state/HTI")),
])
def test_a_title_before_a_rank_and_name_gives_one_post_in_the_state_or_body_it_names(tmp_path, sentence, post):
    result = draft(tmp_path, f"{sentence}\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [post]


def test_a_rank_before_a_name_is_no_post(tmp_path):
    result = draft(tmp_path, "Commissioner Godfrey Otieno-Masinde of Kenya told participants that nine states had "
                             "sent personnel to the Multinational Security Support Mission.\n")
    assert of_kind(result, "post") == []


def test_each_state_or_body_listed_as_the_payer_is_a_funder(tmp_path):
    result = draft(tmp_path, "The mission's field hospital was paid for by Spain and the European Union.\n"
                             "Australia and New Zealand meet most of the Multinational Security Support Mission's costs.\n")
    assert {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")} == {
        ("state/ESP", "funder"), ("org/european-union", "funder"), ("state/AUS", "funder"), ("state/NZL", "funder")}


def test_an_acronym_in_brackets_may_join_words_by_hyphens(tmp_path):
    result = draft(tmp_path, "Zambia sent 140 police officers to the Regional Stabilisation Support Mission in the "
                             "Central African Republic (RSSM-CAR) in October.\n")
    assert {(m["member"], m["mission"]) for m in of_kind(result, "membership")} == {("state/ZMB", "mission/rssm-car")}
    assert [(n["entity"], n["label"]) for n in of_kind(result, "name")] == [("mission/rssm-car", "RSSM-CAR")]


def test_a_description_refers_to_the_state_named_last_before_it(tmp_path):
    result = draft(tmp_path, "NAIROBI — Kenya will rotate its police officers in Haiti next month, Kenya's interior "
                             "ministry said, and Kenya will keep leading the Multinational Security Support Mission.\n"
                             "Peru deposited its instrument of adhesion on 3 May 2025. The Andean nation will send "
                             "140 police officers to the mission.\n")
    assert ("state/PER", "police", "committed") in {(d["state"], d["deployment_kind"], d["status"])
                                                  for d in of_kind(result, "deployment")}


def test_a_title_before_a_colon_names_its_holder_and_of_a_states_force_gives_its_state(tmp_path):
    result = draft(tmp_path, "Stabilization Support Mission in Guinea-Bissau: key facts\n- Force Commander: Brigadier "
                             "General Amadou Tidiane Ba-Niang of the Senegalese Armed Forces.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/amadou-tidiane-ba-niang", "force-commander", "state/SEN")]


def test_who_commands_a_unit_or_commands_it_by_a_passive_is_its_contingent_commander(tmp_path):
    result = draft(tmp_path, "“We are ready,” says Major Edgar Rolando Tzul Cac, who commands the Guatemalan company "
                             "in the Multinational Security Support Mission.\nThe Ghanaian unit is commanded by Chief "
                             "Superintendent Kwabena Adu-Gyamfi Ofori, who spoke to reporters.\n")
    assert sorted((p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")) == [
        ("person/edgar-rolando-tzul-cac", "contingent-commander", "state/GTM"),
        ("person/kwabena-adu-gyamfi-ofori", "contingent-commander", "state/GHA")]


def test_the_state_that_leads_the_mission_and_states_listed_as_its_participants_are_members(tmp_path):
    led = draft(tmp_path, "The platoon will come under the Kenyan-led Multinational Security Support Mission.\n")
    assert [(m["member"], m["mission"]) for m in of_kind(led, "membership")] == [("state/KEN", "mission/mss-haiti")]
    listed = draft(tmp_path, "Stabilization Support Mission in Guinea-Bissau: key facts\n- Participating States (five): "
                             "Nigeria, Senegal, Ghana, Côte d'Ivoire and The Gambia.\n")
    assert [(m["member"], m["mission"]) for m in of_kind(listed, "membership")] == [
        (state, "mission/ssmgb") for state in ("state/NGA", "state/SEN", "state/GHA", "state/CIV", "state/GMB")]


def test_states_said_to_be_the_funds_contributors_or_donors_are_funders(tmp_path):
    result = draft(tmp_path, "Allowances are paid from the UN trust fund for the Multinational Security Support "
                             "Mission, whose main contributors have been the United States, Canada and Germany.\n"
                             "Spain and Norway, the fund's newest donors, were thanked.\n")
    assert {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")} >= {
        ("state/USA", "funder"), ("state/CAN", "funder"), ("state/DEU", "funder"), ("state/ESP", "funder"),
        ("state/NOR", "funder")}


def test_a_unit_and_its_officers_are_one_deployment_of_the_narrower_kind(tmp_path):
    result = draft(tmp_path, "Sierra Leone's first formed police unit of one hundred and forty officers arrived on 29 "
                             "July 2025 in Port-au-Prince to join the Multinational Security Support Mission.\n")
    assert [(d["state"], d["deployment_kind"], d.get("size"), d["status"]) for d in of_kind(result, "deployment")] == [
        ("state/SLE", "formed-police-unit", "140", "arrived")]


def test_an_organizations_meeting_is_its_own_and_days_of_one_month_date_it_to_the_month(tmp_path):
    result = draft(tmp_path, "The Regular Meeting of the Conference of Heads of Government of the Caribbean Community "
                             "(CARICOM) was held in Basseterre, Saint Kitts and Nevis, from 4 to 6 July 2025, and "
                             "discussed the Multinational Security Support Mission.\n")
    assert [(e["agent"], e["event_kind"], e.get("date")) for e in of_kind(result, "event")] == [
        ("org/caricom", "meeting", "2025-07")]


def test_their_commander_or_the_commander_of_a_contingent_is_its_contingent_commander(tmp_path):
    result = draft(tmp_path, "Forty Tanzanian sailors reached Pemba in May to serve with the Maritime Security Mission "
                             "in Mozambique. Their commander, Captain Rehema Salum Mbwambo, said they were ready.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/rehema-salum-mbwambo", "contingent-commander", "state/TZA")]


def test_a_date_a_participle_sets_counts_and_one_when_the_mandate_ends_or_takes_effect_does_not(tmp_path):
    result = draft(tmp_path, "LUANDA, 12 March 2027 (Angop) — Gathering in Luanda on Monday, an Extraordinary Summit "
                             "of the Southern African Development Community extended the mandate of the Maritime "
                             "Security Mission in Mozambique to the end of March 2028.\n")
    assert [(i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")] == [
        ("org/sadc", "mandate-extension", "2027-03-08")]
    effect = draft(tmp_path, "The Council of the Southern African Development Community renewed the mandate of the "
                             "Maritime Security Mission in Mozambique with effect from 1 July 2027.\n")
    assert [(i["party"], i.get("date")) for i in of_kind(effect, "instrument")] == [("org/sadc", None)]


def test_a_dateline_with_a_bracket_is_where_the_report_was_filed_not_when_the_act_was_done(tmp_path):
    result = draft(tmp_path, "QUITO, Friday 5 March 2027 (Diario Andino, translated from Spanish) — The National "
                             "Assembly of Ecuador approved on Thursday the sending of forty police officers to the "
                             "Multinational Security Support Mission in Haiti.\n")
    assert [(i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")] == [
        ("state/ECU", "parliamentary-approval", "2027-03-04")]


def test_quoted_names_titles_and_the_words_of_someone_unknown_are_no_statements(tmp_path):
    result = draft(tmp_path, "The Government of Benin (hereinafter \"the Contributing State\") and the Multinational "
                             "Security Support Mission signed the text.\n“Host Country” means the Republic of Haiti.\n"
                             "Our story headlined “Benin sends gendarmes” misstated their number.\n"
                             "\"The boats are late again,\" one delegate remarked after the session on the "
                             "Multinational Security Support Mission.\n"
                             "[CLIP — MINISTER ADJOVI, 0'14\"]: \"Benin keeps its word to Haiti.\"\n")
    assert [s["text"] for s in of_kind(result, "statement")] == ["Benin keeps its word to Haiti."]


def test_officers_who_landed_in_a_states_capital_are_placed_in_that_state(tmp_path):
    result = draft(tmp_path, "One hundred Beninese gendarmes landed in Port-au-Prince on 3 June 2026 to join the "
                             "Multinational Security Support Mission.\n")
    assert [(d["state"], d["status"], d.get("place")) for d in of_kind(result, "deployment")] == [
        ("state/BEN", "arrived", "state/HTI")]


def test_the_body_that_extends_a_mandate_backs_the_mission_and_a_communiques_body_is_the_one_named_before(tmp_path):
    result = draft(tmp_path, "Final communiqué of the Economic Community of West African States (ECOWAS), Abuja, "
                             "14 December 2026\n12. The Authority decides to extend the mandate of the Stabilization "
                             "Support Mission in Guinea-Bissau for a further year.\n")
    assert [(i["party"], i["mission"], i["instrument_kind"]) for i in of_kind(result, "instrument")] == [
        ("org/ecowas", "mission/ssmgb", "mandate-extension")]
    assert ("org/ecowas", "backer") in {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")}


def test_states_a_whose_clause_is_about_send_its_personnel(tmp_path):
    result = draft(tmp_path, "In the Multinational Security Support Mission, Chad will serve beside Benin and "
                             "Burundi, whose gendarmes are already deployed in Haiti.\n")
    assert {(d["state"], d["deployment_kind"], d["status"]) for d in of_kind(result, "deployment")} == {
        ("state/BEN", "police", "serving"), ("state/BDI", "police", "serving")}


def test_a_line_led_by_a_state_alone_is_about_that_state_and_one_led_by_a_capital_places_its_officials(tmp_path):
    result = draft(tmp_path, "Caribbean week in brief\n• Belize — The House of Representatives voted on 2 May 2026 "
                             "to send thirty soldiers to the Multinational Security Support Mission.\n"
                             "14:05 GMT — KINGSTON: Foreign Minister Andrea Whitfield-Grant announces a further "
                             "contribution to the trust fund of the Multinational Security Support Mission.\n")
    assert [(d["state"], d["status"]) for d in of_kind(result, "deployment")] == [("state/BLZ", "committed")]
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/andrea-whitfield-grant", "foreign-minister", "state/JAM")]


def test_a_title_then_a_rank_and_a_name_is_the_titles_post(tmp_path):
    result = draft(tmp_path, "The Inspector-General of the Liberia National Police, Assistant Commissioner Roland "
                             "Tubman Kollie, saw the officers off to the Multinational Security Support Mission.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/roland-tubman-kollie", "police-chief", "state/LBR")]


def test_an_agreement_signed_between_parties_has_each_of_them_as_a_party(tmp_path):
    result = draft(tmp_path, "Togo's part rests on a memorandum of understanding signed in Lomé on 4 May 2026 between "
                             "the Government of Togo and the ECOWAS Commission for the Stabilization Support Mission in "
                             "Guinea-Bissau.\n")
    assert sorted((i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")) == [
        ("org/ecowas", "memorandum-of-understanding", "2026-05-04"),
        ("state/TGO", "memorandum-of-understanding", "2026-05-04")]


def test_a_capital_that_acts_or_owns_stands_for_its_state(tmp_path):
    result = draft(tmp_path, "Senegal has long backed the Multinational Security Support Mission. Dakar deposited its "
                             "instrument of adhesion on 30 June 2026.\n")
    assert [(i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")] == [
        ("state/SEN", "adhesion", "2026-06-30")]


def test_a_new_missions_acronym_given_in_words_or_written_later_is_its_id_and_name(tmp_path):
    result = draft(tmp_path, "The Coastal Stabilisation Mission in Guinea, better known by its French acronym, MISCOG, "
                             "opened its headquarters in Conakry.\nGhana sent 120 soldiers to the mission in May.\n")
    assert [(n["entity"], n["label"]) for n in of_kind(result, "name")] == [("mission/miscog", "MISCOG")]
    assert {(m["member"], m["mission"]) for m in of_kind(result, "membership")} == {("state/GHA", "mission/miscog")}
    written = draft(tmp_path, "The Regional Stabilization Mission in South Sudan turns one. Uganda leads the RSMSS, "
                              "and Kenya sent 200 police officers to the mission in June.\n")
    assert {e.ref for e in written.new_entities if e.kind == "mission"} == {"mission/rsmss"}


def test_an_offer_of_a_unit_is_pledged(tmp_path):
    result = draft(tmp_path, "Communiqué on the African Union Security Support Mission in the Comoros (AUSSC)\n"
                             "6. Further welcomes the offers of the Republic of Madagascar and of the Republic of "
                             "Mauritius to contribute, respectively, a formed police unit of one hundred and forty "
                             "gendarmes and thirty officers of the Mauritius Police Force.\n")
    deployments = of_kind(result, "deployment")
    assert {d["state"] for d in deployments} == {"state/MDG", "state/MUS"}
    assert {d["status"] for d in deployments} == {"pledged"}


def test_its_personnel_belong_to_the_state_named_before_and_a_unit_of_an_army_is_troops(tmp_path):
    result = draft(tmp_path, "BANJUL — The Gambia joined the Stabilization Support Mission in Guinea-Bissau in March, "
                             "the ECOWAS Commission said.\nIts first platoon, thirty-two soldiers, arrives on Friday.\n"
                             "Council welcomes the arrival in Bissau of a fresh contingent of the Nigerian Army.\n")
    assert {(d["state"], d["deployment_kind"]) for d in of_kind(result, "deployment")} == {
        ("state/GMB", "troops"), ("state/NGA", "troops")}


def test_the_main_state_sends_an_unattributed_unit_only_in_a_paragraph_that_names_it(tmp_path):
    result = draft(tmp_path, "NAIROBI — Kenya will rotate its police in the Multinational Security Support Mission.\n"
                             "Elsewhere, the mission's staff said a medical team of twelve would arrive in May.\n")
    assert [(d["state"], d["deployment_kind"]) for d in of_kind(result, "deployment")] == [("state/KEN", "police")]


def test_the_minister_who_spoke_is_the_articles_minister_by_the_schemes_hierarchy(tmp_path):
    result = draft(tmp_path, "Defence Minister Ruth Achieng-Oduya of Kenya saw the officers off to the Multinational "
                             "Security Support Mission.\n\"We keep our word,\" the minister said.\n")
    assert [(s["speaker"], s.get("on_behalf_of")) for s in of_kind(result, "statement")] == [
        ("person/ruth-achieng-oduya", "state/KEN")]


def test_a_language_is_no_state_and_a_host_that_requested_the_mission_is_never_its_member(tmp_path):
    result = draft(tmp_path, "PORT VILA, 3 May 2027 (Pacific Wire, translated from French) — The Pacific Policing "
                             "Mission to Tanna was set up at the request of the Government of Vanuatu. Fiji, Tonga "
                             "and Vanuatu are members of the mission.\n")
    assert ("state/FRA") not in {d.get("state") for d in of_kind(result, "deployment")}
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] == "host-state"] == [("state/VUT", "host-state")]
    assert {m["member"] for m in of_kind(result, "membership")} == {"state/FJI", "state/TON"}


def test_a_resolutions_day_takes_the_year_it_is_dated_and_an_acts_day_the_reports_year(tmp_path):
    result = draft(tmp_path, "On 30 September the Security Council renewed the authorization of the Multinational "
                             "Security Support Mission by resolution 2863 (2027).\n")
    assert [(i["number"], i.get("date")) for i in of_kind(result, "instrument")] == [("2863", "2027-09-30")]
    dated = draft(tmp_path, "WASHINGTON, 12 June 2027 — Guyana deposited its instrument of adhesion to the "
                            "Multinational Security Support Mission on 7 May, officials said.\n")
    [adhesion] = [i for i in of_kind(dated, "instrument") if i["instrument_kind"] == "adhesion"]
    assert (adhesion["party"], adhesion["date"]) == ("state/GUY", "2027-05-07")


def test_a_mission_sent_to_a_region_is_hosted_by_the_state_the_region_is_in(tmp_path):
    result = draft(tmp_path, "The Pacific Policing Mission to Bougainville (PPMB) began work in Arawa in May. Fiji "
                             "and Papua New Guinea have police officers serving with the mission.\n")
    assert {d["state"] for d in of_kind(result, "deployment")} == {"state/FJI"}
    assert "state/PNG" not in {m["member"] for m in of_kind(result, "membership")}


# --- round 13 --------------------------------------------------------------------------


def test_a_description_that_names_a_region_is_the_last_state_named_there_the_host_too(tmp_path):
    result = draft(tmp_path, "Brazil joined the Multinational Security Support Mission in Haiti in February, after "
                             "Ecuador.\nIn Port-au-Prince, the Caribbean nation's Minister of Justice and Public "
                             "Security, Magalie Théodore-Desroches, welcomed the Brazilian officers.\n")
    assert [(p["holder"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/magalie-theodore-desroches", "state/HTI")]


def test_a_second_mention_by_a_double_surname_is_the_person_named_in_full(tmp_path):
    result = draft(tmp_path, "Chile's Minister of Public Security, Álvaro Ignacio Covarrubias Matte, spoke after the "
                             "vote on the Multinational Security Support Mission.\n“Chile is going to help a people "
                             "that asked for help,” said Covarrubias Matte.\n")
    assert [s["speaker"] for s in of_kind(result, "statement")] == ["person/alvaro-ignacio-covarrubias-matte"]
    assert "person/covarrubias-matte" not in result.to_yaml()


def test_whoever_renews_the_mission_or_backs_it_in_a_relative_clause_is_its_backer(tmp_path):
    result = draft(tmp_path, "When the Security Council extended the Multinational Security Support Mission for a "
                             "further twelve months, donors stayed away. The Caribbean Community, which backs the "
                             "mission, met in July. The African Union Peace and Security Council sent no one.\n")
    assert {(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")} == {
        ("org/unsc", "backer"), ("org/caricom", "backer")}


def test_a_renewal_by_a_body_of_resolutions_is_its_resolution_and_one_numbered_elsewhere_is_that_one(tmp_path):
    result = draft(tmp_path, "Last October the Security Council renewed the authorization of the Multinational "
                             "Security Support Mission for twelve months.\n")
    assert [(i["instrument_kind"], i["party"]) for i in of_kind(result, "instrument")] == [
        ("unsc-resolution", "org/unsc")]
    headline = draft(tmp_path, "Security Council extends authorization of Haiti mission\nNew York, 30 September 2024 "
                               "— The UN Security Council today adopted resolution 2751 (2024), extending the mandate "
                               "of the Multinational Security Support Mission for twelve months.\n")
    assert [(i["number"], i["date"]) for i in of_kind(headline, "instrument")] == [("2751", "2024-09-30")]


def test_a_quotation_that_opens_a_line_before_a_colon_is_a_title(tmp_path):
    result = draft(tmp_path, "\"No Address to Write To\": foreign police and the Multinational Security Support "
                             "Mission, a report\nKenya has led the mission since 2024.\n")
    assert of_kind(result, "statement") == []


def test_none_signs_what_nobody_signed_and_a_memorandum_is_no_signature_of_the_mission(tmp_path):
    result = draft(tmp_path, "Brazil and Chile have discussed taking part in the Multinational Security Support Mission, "
                             "but none of them has signed anything. Namibia signed a memorandum with Kenya in "
                             "November 2026.\n")
    assert [i for i in of_kind(result, "instrument") if i["instrument_kind"] == "signature"] == []
    assert [m for m in of_kind(result, "membership") if "instrument" in m] == []


def test_a_word_in_capitals_is_no_states_code_and_a_state_takes_no_acronym(tmp_path):
    result = draft(tmp_path, "PORT-AU-PRINCE, Haiti (AP) — [SIGNATURE TUNE UP AND UNDER] NOT HAPPENING (YET): "
                             "Kenyan police officers landed for the Multinational Security Support Mission.\n")
    text = result.to_yaml()
    assert "state/AND" not in text and "org/yet" not in text
    assert of_kind(result, "name") == []


def test_saint_is_also_written_st_in_a_states_name(tmp_path):
    result = draft(tmp_path, "Twelve officers of the Royal St. Christopher and Nevis Police Force (RSCNPF) arrived "
                             "in Port-au-Prince on 13 May 2027 for the Multinational Security Support Mission.\n")
    assert [(d["state"], d["size"]) for d in of_kind(result, "deployment")] == [("state/KNA", "12")]
    assert "mission/rscnpf" not in result.to_yaml()


def test_an_arrival_is_the_deployment_that_arrived_not_an_event(tmp_path):
    result = draft(tmp_path, "The Committee welcomed the arrival in Port-au-Prince, on 2 November 2026, of two hundred "
                             "Kenyan police officers for the Multinational Security Support Mission.\n")
    assert of_kind(result, "event") == []
    assert [(d["state"], d["status"]) for d in of_kind(result, "deployment")] == [("state/KEN", "arrived")]


def test_the_federation_is_the_federal_state_named_before(tmp_path):
    result = draft(tmp_path, "Saint Kitts and Nevis joined the Multinational Security Support Mission in 2026. On "
                             "13 May 2027 the Federation sent twelve police officers to Port-au-Prince.\n")
    assert [(d["state"], d["size"]) for d in of_kind(result, "deployment")] == [("state/KNA", "12")]


# --- round 14 --------------------------------------------------------------------------


def test_who_pays_for_the_missions_fuel_funds_it_and_does_not_provide_it(tmp_path):
    result = draft(tmp_path, "The European Union has paid for the fuel and rations of the Multinational Security "
                             "Support Mission since 2025.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")] == [
        ("org/european-union", "funder")]


def test_a_languages_name_before_a_hyphen_is_no_state(tmp_path):
    result = draft(tmp_path, "Guinea-Bissau welcomed the Stabilization Support Mission in Guinea-Bissau in 2022. One "
                             "hundred and fifty gendarmes landed on Sunday to join the mission, better known in the "
                             "region's French-language press by its initials, which has served in the country since "
                             "2022.\n")
    assert "state/FRA" not in result.to_yaml()


def test_a_resolution_said_again_with_its_year_only_is_the_same_resolution(tmp_path):
    result = draft(tmp_path, "The Multinational Security Support Mission was authorized by the Security Council in "
                             "its resolution 2699 (2023) of 2 October 2023.\nThe trust fund established pursuant to "
                             "resolution 2699 (2023) received contributions from Canada.\n")
    assert [(i["number"], i["date"]) for i in of_kind(result, "instrument")] == [("2699", "2023-10-02")]


def test_the_head_of_mission_is_a_title_not_a_mission(tmp_path):
    result = draft(tmp_path, "The Multinational Security Support Mission (MSS), known in French by its initials MMAS, "
                             "supports the Haitian National Police.\nThe board is chaired by the Head of Mission, "
                             "Commissioner Moses Lemayian.\n")
    text = result.to_yaml()
    assert "mission/mmas" not in text
    assert [(n["entity"], n["label"]) for n in of_kind(result, "name") if n["label"] == "MMAS"] == [
        ("mission/mss-haiti", "MMAS")]


def test_a_body_that_replies_and_an_office_holder_the_article_does_not_name_speak_for_their_state(tmp_path):
    result = draft(tmp_path, "NAIROBI — Kenya's ninth rotation to the Multinational Security Support Mission left on "
                             "Monday.\nThe National Police Service replied in a statement that \"no decision on the "
                             "deployment has been taken\".\n\"Kenya keeps its word,\" the Prime Minister said.\n")
    assert [(s["speaker"], s.get("speaker_description")) for s in of_kind(result, "statement")] == [
        ("state/KEN", "The National Police Service"), ("state/KEN", "the Prime Minister")]


def test_the_secretary_generals_special_representative_holds_a_post_of_the_united_nations(tmp_path):
    result = draft(tmp_path, "Kenya leads the Multinational Security Support Mission.\nBriefing the Council, Carlos "
                             "Andrés Ruiz-Maldonado, Special Representative of the Secretary-General for Haiti, said "
                             "the mission needed helicopters.\n")
    assert [(p["holder"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/carlos-andres-ruiz-maldonado", "org/un")]


def test_the_secretary_generals_representative_for_a_state_is_still_the_united_nations(tmp_path):
    result = draft(tmp_path, "Kenya leads the Multinational Security Support Mission.\nMeanwhile, the Secretary-"
                             "General's Special Representative for Haiti, María Fernanda Olazábal de la Torre, was in "
                             "Nairobi.\n")
    assert [(p["holder"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/maria-fernanda-olazabal-de-la-torre", "org/un")]


# --- round 15 --------------------------------------------------------------------------


def test_what_a_state_provides_now_is_serving_not_newly_arrived(tmp_path):
    result = draft(tmp_path, "Kenya leads the Multinational Security Support Mission and provides the largest "
                             "contingent of police officers.\n")
    assert [(d["state"], d["status"]) for d in of_kind(result, "deployment")] == [("state/KEN", "serving")]


def test_what_a_state_will_provide_is_still_a_commitment(tmp_path):
    result = draft(tmp_path, "Kenya said it will provide two hundred police officers to the Multinational Security "
                             "Support Mission.\n")
    assert [(d["state"], d["status"], d["size"]) for d in of_kind(result, "deployment")] == [
        ("state/KEN", "committed", "200")]


def test_a_state_named_earlier_in_the_sentence_does_not_send_what_its_verb_does_not_govern(tmp_path):
    result = draft(tmp_path, "Sierra Leone promised in January to contribute a formed police unit to the Multinational "
                             "Security Support Mission, and Mexico's foreign ministry says it is studying a request to "
                             "provide aircraft.\nCanada and the United States, which between them have paid most of "
                             "the money in the trust fund of the Multinational Security Support Mission, have not said "
                             "whether they will meet the cost of flying the new units in.\n")
    assert [(d["state"], d["deployment_kind"], d["status"]) for d in of_kind(result, "deployment")] == [
        ("state/SLE", "formed-police-unit", "pledged")]


def test_a_documents_own_signature_line_is_no_signature_of_the_missions_agreement(tmp_path):
    result = draft(tmp_path, "Paraguay will send eighty-four police officers to the Multinational Security Support "
                             "Mission.\nSigned: Rodrigo Esteban Ayala de la Fuente, President of the Republic.\n")
    assert of_kind(result, "instrument") == []


def test_an_agreement_signed_at_the_head_of_its_sentence_is_still_a_signature(tmp_path):
    result = draft(tmp_path, "Signed in Nassau on 26 September 2024, the agreement of the Multinational Security "
                             "Support Mission makes the Bahamas its second member.\nThe Bahamas signed the agreement of "
                             "the Multinational Security Support Mission in Nassau on 26 September 2024.\n")
    assert [(i["party"], i["instrument_kind"]) for i in of_kind(result, "instrument")] == [
        ("state/BHS", "signature")]


def test_a_few_words_quoted_without_a_speaker_are_no_statement(tmp_path):
    result = draft(tmp_path, "Its staff call the Maritime Security Mission in Mozambique the MSMM; in the fishing "
                             "villages nobody calls it anything but \u201ca Miss\u00e3o\u201d.\n\u201cThe sea does not "
                             "read communiqu\u00e9s and the pirates do not either,\u201d the Minister of Defence of "
                             "Mozambique, Helena Macu\u00e1cua, said.\n")
    assert [s["text"] for s in of_kind(result, "statement")] == [
        "The sea does not read communiqu\u00e9s and the pirates do not either"]


# --- round 16 --------------------------------------------------------------------------


def test_a_headline_that_the_body_tells_again_gives_the_bodys_deployment_only(tmp_path):
    result = draft(tmp_path, "Chadian police contingent lands in Haiti\n\nThe first contingent of 250 Chadian police "
                             "officers landed in Port-au-Prince on 3 May 2025 to join the Multinational Security "
                             "Support Mission.\n")
    assert [(d["state"], d["status"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/TCD", "arrived", "250")]


def test_the_aircraft_that_carries_a_unit_is_no_deployment_of_its_own(tmp_path):
    result = draft(tmp_path, "Police officers from Ghana reinforced the Stabilization Support Mission in Guinea-Bissau "
                             "on Tuesday.\nGhana flew in a formed police unit of 140 officers on a chartered aircraft "
                             "from Accra.\n")
    kinds = {(d["state"], d["deployment_kind"]) for d in of_kind(result, "deployment")}
    assert ("state/GHA", "formed-police-unit") in kinds and ("state/GHA", "aircraft") not in kinds


def test_a_spanish_professional_title_is_no_part_of_the_name(tmp_path):
    result = draft(tmp_path, "Panama adheres to the Multinational Security Support Mission.\n\"Our police will go to "
                             "Haiti to protect people,\" said the Minister of Public Security, Licdo. Rogelio Esteban "
                             "Samudio Arosemena.\n")
    assert [(s["speaker"], s["on_behalf_of"]) for s in of_kind(result, "statement")] == [
        ("person/rogelio-esteban-samudio-arosemena", "state/PAN")]


def test_an_agreement_named_after_the_status_of_a_mission_is_no_mission(tmp_path):
    result = draft(tmp_path, "The Maritime Security Mission in Mozambique patrols the coast.\nThe Status of Mission "
                             "Agreement was signed on 3 December 2024 between the Government of Mozambique and SADC.\n")
    assert "mission/sm" not in result.to_yaml()
    assert {f["mission"] for f in facts(result) if "mission" in f} == {"mission/msmm"}


def test_a_mission_led_by_a_state_in_the_passive_or_a_relative_clause_has_it_as_member(tmp_path):
    result = draft(tmp_path, "The Multinational Security Support Mission, which is led by Kenya, now has personnel from "
                             "thirteen Member States on the ground.\n")
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/KEN"]


def test_states_listed_after_namely_are_those_counted_before(tmp_path):
    result = draft(tmp_path, "The Stabilization Support Mission in Guinea-Bissau now draws its personnel from four "
                             "ECOWAS Member States, namely Senegal, Nigeria, Ghana and The Gambia.\n")
    assert sorted(m["member"] for m in of_kind(result, "membership")) == [
        "state/GHA", "state/GMB", "state/NGA", "state/SEN"]


@pytest.mark.parametrize("sentence", [
    ("The company, commanded by Major Thiago Henrique Vasconcelos de Albuquerque, will be based at the mission's "
     "logistics base in Tabarre."),
    "The company is made up of ninety engineers and is commanded by Major Thiago Henrique Vasconcelos de Albuquerque.",
    "The troops are led by Major Thiago Henrique Vasconcelos de Albuquerque, a veteran of the UN mission in Mali."])
def test_who_commands_a_unit_described_or_joined_to_another_verb_is_its_contingent_commander(tmp_path, sentence):
    result = draft(tmp_path, "Brazil sent an engineering company to the Multinational Security Support Mission.\n"
                             f"{sentence}\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/thiago-henrique-vasconcelos-de-albuquerque", "contingent-commander", "state/BRA")]


def test_the_force_commander_is_a_title_and_not_the_mission(tmp_path):
    result = draft(tmp_path, "The Stabilization Support Mission in Guinea-Bissau keeps order in Bissau.\nThe force "
                             "commander, Brigadier General Chukwuemeka Obiora Adeyemi-Nwankwo of the Nigerian Army, "
                             "reviews the guard at the mission's headquarters.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/chukwuemeka-obiora-adeyemi-nwankwo", "force-commander", "state/NGA")]


def test_a_title_said_to_be_a_person_is_that_persons_post(tmp_path):
    result = draft(tmp_path, "Kenya leads the Multinational Security Support Mission.\nThe Head of Mission is "
                             "Commissioner Godfrey Otieno Wekesa-Mbugua of the Kenya National Police Service.\n")
    assert [(p["holder"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/godfrey-otieno-wekesa-mbugua", "head-of-mission")]


def test_a_company_is_an_armys_unit_of_troops(tmp_path):
    result = draft(tmp_path, "Chad has offered a company to the Multinational Security Support Mission.\n")
    assert [(d["state"], d["deployment_kind"], d["status"]) for d in of_kind(result, "deployment")] == [
        ("state/TCD", "troops", "pledged")]


# --- round 17 --------------------------------------------------------------------------


def test_a_question_states_no_deployment(tmp_path):
    result = draft(tmp_path, "Kenya leads the Multinational Security Support Mission.\nQ (Radio Lakay): Commander, is "
                             "it true that Chad is sending three hundred troops to the Multinational Security Support "
                             "Mission?\n")
    assert [d["state"] for d in of_kind(result, "deployment")] == []
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/KEN"]


# --- round 18 --------------------------------------------------------------------------


def test_states_listed_after_the_clause_that_says_they_take_part_are_members(tmp_path):
    result = draft(tmp_path, "Cabo Verde police arrive for the Stabilization Support Mission in Guinea-Bissau\nWith "
                             "them, six member states of ECOWAS now take part in the mission: Nigeria, Senegal, Ghana, "
                             "Côte d'Ivoire, The Gambia and Cabo Verde.\n")
    assert sorted(m["member"] for m in of_kind(result, "membership")) == [
        "state/CIV", "state/CPV", "state/GHA", "state/GMB", "state/NGA", "state/SEN"]


def test_a_new_missions_acronym_joined_by_a_hyphen_is_its_id(tmp_path):
    words = draft(tmp_path, "The Maritime Security Mission in São Tomé and Príncipe, known by its French acronym "
                            "MISMAR-STP, now has ships from Gabon.\nGabon joined the mission in May 2031.\n")
    initials = draft(tmp_path, "Philippine police join the Multinational Police Assistance Mission in Timor-Leste\n"
                               "The Philippines has joined the Multinational Police Assistance Mission in Timor-Leste "
                               "(MPAM-TL).\n")
    assert {m["mission"] for m in of_kind(words, "membership")} == {"mission/mismar-stp"}
    assert {m["mission"] for m in of_kind(initials, "membership")} == {"mission/mpam-tl"}


def test_an_acts_day_told_from_the_reports_date(tmp_path):
    result = draft(tmp_path, "NAIROBI, 12 March 2026 — Benin deposited its instrument of adhesion to the Multinational "
                             "Security Support Mission yesterday, and its first officers landed in Port-au-Prince "
                             "last Friday.\n")
    assert [(i["party"], i["date"]) for i in of_kind(result, "instrument")] == [("state/BEN", "2026-03-11")]


def test_the_twin_island_federation_and_the_landlocked_country_are_the_state_named_before(tmp_path):
    islands = draft(tmp_path, "Saint Kitts and Nevis joins the mission\nKenya leads the Multinational Security Support "
                              "Mission in Haiti. Saint Kitts and Nevis deposited its instrument of adhesion on Tuesday. "
                              "The twin-island federation has offered a section of eight police officers.\n")
    landlocked = draft(tmp_path, "Nepal joins\nKenya leads the Multinational Security Support Mission in Haiti. Nepal "
                                 "deposited its instrument of adhesion in May 2026. The landlocked country has offered a "
                                 "formed police unit.\n")
    assert [(d["state"], d["status"]) for d in of_kind(islands, "deployment")] == [("state/KNA", "pledged")]
    assert [(d["state"], d["deployment_kind"]) for d in of_kind(landlocked, "deployment")] == [
        ("state/NPL", "formed-police-unit")]


def test_another_name_a_mission_goes_by_in_the_article_is_its_name(tmp_path):
    result = draft(tmp_path, "Kenyan police rotate\nKenya leads the Multinational Security Support Mission in Haiti. "
                             "Its ninth rotation to the MSS landed on 3 May 2030.\n")
    assert [(n["entity"], n["label"]) for n in of_kind(result, "name")] == [("mission/mss-haiti", "MSS")]


def test_a_parliaments_assent_told_as_a_noun_is_its_approval(tmp_path):
    following = draft(tmp_path, "Zambia ratifies\nZambia ratified the Memorandum of Understanding on the Maritime "
                                "Security Mission in Mozambique on 14 March 2032, following the approval of the "
                                "National Assembly in February 2032.\n")
    given = draft(tmp_path, "Sierra Leone approves\nParliament gave its approval to the deployment of a company to the "
                            "Stabilization Support Mission in Guinea-Bissau on 29 June 2034, without a division.\n")
    approvals = [(i["party"], i["date"]) for result in (following, given) for i in of_kind(result, "instrument")
                 if i["instrument_kind"] == "parliamentary-approval"]
    assert approvals == [("state/ZMB", "2032-02"), ("state/SLE", "2034-06-29")]


def test_an_agreement_ratified_is_recorded_as_its_ratification(tmp_path):
    deposited = draft(tmp_path, "Malawi ratifies\n6. The Committee took note of the instrument of ratification of the "
                                "Memorandum of Understanding on the Maritime Security Mission in Mozambique deposited by "
                                "the Republic of Malawi on 30 October 2026.\n")
    ratified = draft(tmp_path, "Zambia ratifies\nZambia ratified the Memorandum of Understanding on the Maritime "
                               "Security Mission in Mozambique on 14 March 2032.\n")
    assert [(i["party"], i["instrument_kind"], i["date"]) for result in (deposited, ratified)
            for i in of_kind(result, "instrument")] == [("state/MWI", "ratification", "2026-10-30"),
                                                        ("state/ZMB", "ratification", "2032-03-14")]


# --- round 19 --------------------------------------------------------------------------


def test_a_count_of_states_named_with_their_organization(tmp_path):
    result = draft(tmp_path, "SADC ships\nNine SADC member states now have ships, aircraft or personnel with the "
                             "Maritime Security Mission in Mozambique.\n")
    assert [(c["mission"], c["count"]) for c in of_kind(result, "count-claim")] == [("mission/msmm", "9")]


def test_the_nth_state_to_do_so_and_the_nth_member_state_of_an_organization(tmp_path):
    did_so = draft(tmp_path, "Ghana joins\nGhana deposited its instrument of adhesion to the Multinational Security "
                             "Support Mission with the Organization of American States in September 2026, the "
                             "fourteenth state to do so.\n")
    member_state = draft(tmp_path, "Sierra Leone sends troops\nSierra Leone thereby becomes the ninth ECOWAS Member "
                                   "State to contribute troops to the Stabilization Support Mission in Guinea-Bissau.\n")
    assert [(c["subject"], c["mission"], c["rank"]) for result in (did_so, member_state)
            for c in of_kind(result, "ordinal-claim")] == [("state/GHA", "mission/mss-haiti", "14"),
                                                          ("state/SLE", "mission/ssmgb", "9")]


def test_the_missions_own_personnel_are_no_deployment_of_whoever_trains_them(tmp_path):
    trained = draft(tmp_path, "Five years of the Stabilization Support Mission in Guinea-Bissau\nThe European Union "
                              "has paid the troops' allowances since 2023, and France has trained the mission's "
                              "gendarmes in crowd control at Bissau's police academy.\n")
    provided = draft(tmp_path, "Nigeria and Senegal\nHe commends Nigeria and Senegal, which provide the bulk of the "
                               "Stabilization Support Mission in Guinea-Bissau's troops.\n")
    assert of_kind(trained, "deployment") == []
    assert [(d["state"], d["deployment_kind"]) for d in of_kind(provided, "deployment")] == [
        ("state/NGA", "troops"), ("state/SEN", "troops")]


# --- round 20 --------------------------------------------------------------------------


def test_an_events_month_without_a_year_is_in_the_year_of_the_reports_own_date(tmp_path):
    dated = draft(tmp_path, "Canada pledges\nOTTAWA, 14 June 2037 — Canada's most recent pledge to the Multinational "
                            "Security Support Mission in Haiti, announced in March, adds 120 million Canadian dollars.\n")
    undated = draft(tmp_path, "Benin pledges\nLomé, Togo — Benin has pledged one hundred and fifty gendarmes to the "
                              "Multinational Security Support Mission in Haiti.\nThe pledge was made at a summit in "
                              "Accra in early May.\nTogo was the first state to adhere, on 2 April 2025.\n")
    assert [(e["event_kind"], e.get("date"), e.get("date_text")) for result in (dated, undated)
            for e in of_kind(result, "event")] == [("pledge", "2037-03", None), ("pledge", None, "early May")]


def test_courtesy_titles_and_ranks_joined_by_a_hyphen_are_not_part_of_a_name(tmp_path):
    result = draft(tmp_path, "Sierra Leone sends a unit\nFREETOWN, 3 May 2034 — Cabinet approved the memorandum of the "
                             "Minister of Internal Affairs, Hon. Alhaji Foday Sahr Kamara-Bangura, to send a formed "
                             "police unit to the Stabilization Support Mission in Guinea-Bissau.\nThe unit is commanded "
                             "by Lieutenant-Colonel Mohamed Sesay-Koroma.\n“We are ready,” said Senior Superintendent "
                             "Kiprotich arap Langat.\n")
    people = {e.ref for e in result.new_entities if e.ref.startswith("person/")}
    assert people == {"person/foday-sahr-kamara-bangura", "person/mohamed-sesay-koroma",
                      "person/kiprotich-arap-langat"}


def test_a_unit_under_the_command_of_an_officer_is_led_by_them(tmp_path):
    result = draft(tmp_path, "Chadian gendarmes\nN'DJAMENA, 3 March 2026 — Chad sent a detachment of gendarmes to the "
                             "Multinational Security Support Mission in Haiti on Monday.\nThe detachment numbers one "
                             "hundred and fifty gendarmes, twenty-three of them women, under the command of "
                             "Lieutenant-Colonel Mahamat Abakar Hissein-Doudet.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/mahamat-abakar-hissein-doudet", "contingent-commander", "state/TCD")]


def test_the_contingent_a_sentence_names_without_its_state_is_the_one_told_last(tmp_path):
    result = draft(tmp_path, "Contributors to the Multinational Security Support Mission in Haiti\nJamaica was the first "
                             "state to send soldiers to the Multinational Security Support Mission in Haiti.\nKenya sent "
                             "four hundred police officers to the mission in June 2024.\nCommand of the contingent "
                             "passed in October 2025 to Senior Assistant Commissioner of Police Wilfred Chepkwony.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/wilfred-chepkwony", "contingent-commander", "state/KEN")]


def test_a_missions_commander_holds_the_post_in_their_own_state_and_so_did_the_one_before(tmp_path):
    named = draft(tmp_path, "Force commander\nMajor General Mauricio Ernesto de León Quiñónez of the Guatemalan Army "
                            "has been Force Commander of the Multinational Security Support Mission in Haiti since May.\n")
    succeeded = draft(tmp_path, "Tanzanian admiral takes command\nPEMBA, 24 May 2035 — A Tanzanian officer, Rear Admiral "
                                "Zuhura Kombo-Salim, took command of the Maritime Security Mission in Mozambique on "
                                "Thursday.\nShe succeeds Rear Admiral (JG) Sipho Mahlangu-Ndlovu of the South African "
                                "Navy as force commander.\n")
    assert sorted((p["holder"], p["role"], p["organization"]) for result in (named, succeeded)
                  for p in of_kind(result, "post")) == [
        ("person/mauricio-ernesto-de-leon-quinonez", "force-commander", "state/GTM"),
        ("person/sipho-mahlangu-ndlovu", "force-commander", "state/ZAF"),
        ("person/zuhura-kombo-salim", "force-commander", "state/TZA")]
    assert not [n for n in of_kind(succeeded, "name") if n["label"] == "JG"]
    [by_pronoun] = [f for f in succeeded.facts if f.kind == "post" and f.text("holder") == "person/zuhura-kombo-salim"]
    assert ("the sentence names the holder by a pronoun; 'holder:' is person/zuhura-kombo-salim, the person the "
            "article named last before it: check it") in by_pronoun.flags


# --- round 21 --------------------------------------------------------------------------


def test_a_new_missions_initials_given_as_words_after_as_are_its_id(tmp_path):
    result = draft(tmp_path, "Mauritian ship reaches Toamasina\nA Mauritian patrol ship sailed into Toamasina on Monday, "
                             "the first vessel to join the Maritime Security Support Mission in Madagascar.\nThe "
                             "mission, known by its French initials as MASMM, is the commission's first armed "
                             "operation.\n")
    assert {d["mission"] for d in of_kind(result, "deployment")} == {"mission/masmm"}


def test_a_holder_named_after_the_hon_or_dr_the_hon(tmp_path):
    result = draft(tmp_path, "Marines leave Nassau\nThe Minister of National Security, the Hon. Wendall Ferguson-Rolle, "
                             "saw off the Bahamian marines bound for the Multinational Security Support Mission in "
                             "Haiti.\nIn Kingston, the Minister of National Security, Dr. the Hon. Horace Chin-Malcolm, "
                             "said Jamaica would keep sending officers.\n")
    assert [(p["holder"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/wendall-ferguson-rolle", "security-minister"), ("person/horace-chin-malcolm", "security-minister")]


def test_personnel_commanded_by_an_officer_and_a_particle_after_a_hyphen(tmp_path):
    result = draft(tmp_path, "Benin's gendarmes\nCOTONOU, 4 May 2035 — Benin has one hundred and fifty-eight gendarmes "
                             "with the Multinational Security Support Mission in Haiti.\nIts gendarmes are commanded by "
                             "Lieutenant Colonel Théophile Azonhiho-Dansou.\n“The roads are open,” Defence Minister "
                             "Fortuné Hounkanrin-de Souza told the chamber.\n")
    assert sorted((p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")) == [
        ("person/fortune-hounkanrin-de-souza", "defence-minister", "state/BEN"),
        ("person/theophile-azonhiho-dansou", "contingent-commander", "state/BEN")]


def test_a_broadcasts_date_in_capitals_dates_its_weekdays_and_a_date_after_on_is_no_reports(tmp_path):
    broadcast = draft(tmp_path, "Seychelles ship sails\nSBC NEWS AT SEVEN · WEDNESDAY 12 OCTOBER 2033 · STORY 1 OF 7\n"
                                "Seychelles deposited its instrument of adhesion to the Maritime Security Mission in "
                                "Mozambique on Monday.\n")
    wire = draft(tmp_path, "Lomé, Togo — Togo has adhered to the Maritime Security Mission in Mozambique.\nIts "
                           "parliament approved the deployment on 2 April 2025.\nBenin deposited its instrument of "
                           "adhesion on Tuesday.\n")
    assert [(i["party"], i.get("date")) for result in (broadcast, wire) for i in of_kind(result, "instrument")
            if i["instrument_kind"] == "adhesion"] == [("state/SYC", "2033-10-10"), ("state/TGO", None),
                                                        ("state/BEN", None)]


# --- round 22 --------------------------------------------------------------------------


def test_a_numbered_act_of_a_day_without_a_year_and_a_monthly_reports_days(tmp_path):
    decree = draft(tmp_path, "Presidential Decree No. 187/39 of 21 July — Approves the participation of the Angolan "
                             "Armed Forces in the Maritime Security Mission in Mozambique\nDIÁRIO DA REPÚBLICA — "
                             "Monday, 25 July 2039\n")
    newsletter = draft(tmp_path, "Saint Kitts and Nevis signs on\nTHE RSS BULLETIN · Monthly newsletter · Vol. 11, No. 6 · "
                                 "June 2035\nSaint Kitts and Nevis deposited its instrument of adhesion to the "
                                 "Multinational Security Support Mission in Haiti on 17 June.\n")
    assert [(i["party"], i["instrument_kind"], i.get("date")) for result in (decree, newsletter)
            for i in of_kind(result, "instrument")] == [("state/AGO", "executive-decree", "2039-07-21"),
                                                        ("state/KNA", "adhesion", "2035-06-17")]


def test_the_parties_of_one_act_share_its_date(tmp_path):
    result = draft(tmp_path, "Portugal's ship\nMAPUTO, 3 May 2030 — Portugal's participation in the Maritime Security "
                             "Mission in Mozambique is governed by a Memorandum of Understanding between the "
                             "Portuguese Republic and the Southern African Development Community (SADC), which leads "
                             "the mission, signed in Gaborone on 30 April 2030.\n")
    assert sorted((i["party"], i.get("date")) for i in of_kind(result, "instrument")) == [
        ("org/sadc", "2030-04-30"), ("state/PRT", "2030-04-30")]


def test_honours_after_a_name_and_a_unit_called_they(tmp_path):
    result = draft(tmp_path, "Barbados police\nBRIDGETOWN, 2 May 2036 — Barbados sent thirty police officers to the "
                             "Multinational Security Support Mission in Haiti on Monday.\nThey are led by Inspector "
                             "Rohan Alleyne-Griffith.\n“The boats will keep the coast safe,” said the British High "
                             "Commissioner, Ms Eleanor Pryce-Mabunda OBE.\n")
    assert sorted((p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")) == [
        ("person/eleanor-pryce-mabunda", "ambassador", "state/GBR"),
        ("person/rohan-alleyne-griffith", "contingent-commander", "state/BRB")]


# --- round 23 --------------------------------------------------------------------------


def test_adjectives_of_nationality_english_uses_beside_countryinfos_demonym(tmp_path):
    result = draft(tmp_path, "New units\nBISSAU, 4 May 2034 — A Philippine formed police unit of 140 officers "
                             "arrived in Haiti for the Multinational Security Support Mission on 2 May 2034.\nCabo "
                             "Verdean soldiers and Antiguan police officers arrived there on 3 May 2034.\n")
    assert sorted((d["state"], d["deployment_kind"]) for d in of_kind(result, "deployment")) == [
        ("state/ATG", "police"), ("state/CPV", "troops"), ("state/PHL", "formed-police-unit")]


def test_a_statement_said_in_a_month_without_its_year_or_at_the_same_parade(tmp_path):
    result = draft(tmp_path, "Haiti's mission, a year on\nPORT-AU-PRINCE, Thursday 10 September 2026 — Kenya held a "
                             "parade for the Multinational Security Support Mission in Haiti on 2 September 2026.\n"
                             "Haiti's Prime Minister, Alix Didier Fils-Aimé, told the same parade that the officers "
                             "had \"kept their word\".\nKenya's Foreign Minister, Musalia Mudavadi, told the Senate in "
                             "August that the mission \"needs money more than praise\".\n")
    statements = of_kind(result, "statement")
    assert [(s["text"], s.get("date")) for s in statements] == [("kept their word", "2026-09-02"),
                                                                ("needs money more than praise", "2026-08")]
    [month_told] = [s for s in result.facts if s.kind == "statement" and s.text("date") == "2026-08"]
    assert any("the date 'August' has no year; 2026-08 is the latest such date" in flag for flag in month_told.flags)


def test_personnel_currently_deployed_are_serving_and_a_place_named_is_in_the_host(tmp_path):
    result = draft(tmp_path, "Patrol boats\nDAR ES SALAAM, 2 May 2031 — Forty Tanzanian sailors are currently "
                             "deployed with the Maritime Security Mission in Mozambique.\nTwo Tanzanian patrol boats "
                             "arrived in Pemba on 1 May 2031.\n")
    assert [(d["state"], d["deployment_kind"], d["status"], d.get("place")) for d in of_kind(result, "deployment")] == [
        ("state/TZA", "troops", "serving", None), ("state/TZA", "equipment", "arrived", "state/MOZ")]


def test_another_states_capital_or_a_date_places_nothing(tmp_path):
    result = draft(tmp_path, "Sailors home\nDAR ES SALAAM, 4 May 2031 — Forty Tanzanian sailors of the Maritime "
                             "Security Mission in Mozambique flew home to Dar es Salaam on 3 May 2031.\nSixty Malawian "
                             "soldiers will deploy to the Maritime Security Mission in Mozambique in June.\nKenya "
                             "sent forty police officers, trained in Nairobi, to the mission on 2 May 2031.\n")
    assert [(d["state"], d["status"], d.get("place")) for d in of_kind(result, "deployment")] == [
        ("state/TZA", "withdrawn", None), ("state/MWI", "committed", None), ("state/KEN", "arrived", None)]


# --- round 24 --------------------------------------------------------------------------


def test_words_said_at_an_occasion_told_before_take_its_day(tmp_path):
    result = draft(tmp_path, "Chadian police land\nPORT-AU-PRINCE, 6 May 2031 — Two hundred Chadian police officers "
                             "of the Multinational Security Support Mission in Haiti landed on 4 May 2031.\n\"We came "
                             "to work,\" their commander, Captain Hawa Mahamat Ali-Bichara, told reporters at the "
                             "airport.\n\"We will stay,\" Captain Ali-Bichara said before the vote.\n")
    assert [(s["text"], s.get("date")) for s in of_kind(result, "statement")] == [("We came to work", "2031-05-04"),
                                                                                 ("We will stay", None)]
    [dated] = [s for s in result.facts if s.kind == "statement" and s.text("date")]
    assert any("said at an occasion the article told before: dated 2031-05-04" in flag for flag in dated.flags)


def test_a_day_without_its_year_dates_an_arrival_not_an_intention_or_a_since(tmp_path):
    result = draft(tmp_path, "Rotations\nNAIROBI, 6 July 2030 — Ninety-six Kenyan police officers of the "
                             "Multinational Security Support Mission in Haiti landed in Port-au-Prince on 4 May.\nSixty "
                             "Jamaican soldiers will fly to Haiti in September to join the mission.\nForty Belizean "
                             "soldiers have served with the mission since March.\n")
    assert [(d["state"], d["status"], d.get("date"), d.get("date_text")) for d in of_kind(result, "deployment")] == [
        ("state/KEN", "arrived", "2030-05-04", None), ("state/JAM", "committed", None, "September"),
        ("state/BLZ", "serving", None, "March")]


def test_a_region_named_with_the_and_the_country_are_the_hosts(tmp_path):
    result = draft(tmp_path, "Salvadorans in the valley\nSAN SALVADOR, 3 August 2031 — One hundred and twenty "
                             "Salvadoran soldiers of the Multinational Security Support Mission in Haiti arrived in "
                             "the Artibonite on 2 August 2031.\nGuatemala now keeps a company of 150 soldiers in the "
                             "country for the mission.\n")
    assert [(d["state"], d.get("place")) for d in of_kind(result, "deployment")] == [("state/SLV", "state/HTI"),
                                                                                     ("state/GTM", "state/HTI")]


def test_an_office_holder_who_greets_the_arrivals_is_the_hosts_not_one_greeting_them_home(tmp_path):
    arrival = draft(tmp_path, "Chadian police land\nN'DJAMENA, 6 May 2031 — Two hundred Chadian police officers of "
                              "the Multinational Security Support Mission in Haiti landed in Port-au-Prince on 4 May "
                              "2031.\nPrime Minister Marie-Lourdes Gédéon-Saint-Fleur welcomed the officers on the "
                              "tarmac.\n")
    homecoming = draft(tmp_path, "Crew home\nDAR ES SALAAM, 6 May 2031 — Forty Tanzanian sailors of the Maritime "
                                 "Security Mission in Mozambique flew home on 4 May 2031.\nThe Minister of Defence, "
                                 "Halima Omari Mwinyimvua, received the returning sailors.\n")
    assert [(p["holder"], p["organization"]) for result in (arrival, homecoming) for p in of_kind(result, "post")] == [
        ("person/marie-lourdes-gedeon-saint-fleur", "state/HTI"), ("person/halima-omari-mwinyimvua", "state/TZA")]


def test_a_state_that_joins_by_signing_an_instrument_joins_by_that_instrument(tmp_path):
    result = draft(tmp_path, "Togo joins\nABUJA, 6 November 2032 — Togo joined the Stabilization Support Mission in "
                             "Guinea-Bissau on 5 November 2032 by signing a memorandum of understanding with the "
                             "Economic Community of West African States.\n")
    instruments = {i["id"]: i for i in of_kind(result, "instrument")}
    [membership] = of_kind(result, "membership")
    assert membership["member"] == "state/TGO"
    joined_by = instruments[membership["instrument"].split("/", 1)[1]]
    assert (joined_by["party"], joined_by["instrument_kind"]) == ("state/TGO", "memorandum-of-understanding")


def test_personnel_mentioned_again_in_passing_are_one_deployment_but_an_offer_of_another_kind_is_news(tmp_path):
    result = draft(tmp_path, "Jamaicans land\nKINGSTON, 6 May 2031 — Sixty Jamaican soldiers of the Multinational "
                             "Security Support Mission in Haiti arrived in Port-au-Prince on 4 May 2031.\nJamaica, "
                             "whose soldiers serve with the mission, has also pledged a medical team.\n")
    assert sorted((d["state"], d["deployment_kind"], d["status"], d.get("size")) for d in
                  of_kind(result, "deployment")) == [("state/JAM", "medical-team", "pledged", None),
                                                     ("state/JAM", "troops", "arrived", "60")]


# --- round 25 --------------------------------------------------------------------------


def test_a_state_that_trains_the_missions_teams_or_flies_its_officers_is_a_partner_not_a_member(tmp_path):
    result = draft(tmp_path, "Partners\nMAPUTO, 6 May 2031 — Portugal trains the boarding teams of the Maritime "
                             "Security Mission in Mozambique at the Naval School in Maputo.\nTanzania sent forty "
                             "sailors to the mission on 2 May 2031.\nThe United States flew the sailors to Pemba, and "
                             "Tanzania flew its own officers home.\n")
    assert sorted((p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
                  if p["partner_role"] != "host-state") == [("state/PRT", "trainer"),
                                                           ("state/USA", "logistics-provider")]


def test_words_said_on_the_tarmac_take_the_day_told_before(tmp_path):
    result = draft(tmp_path, "Ivorian police land\nPORT-AU-PRINCE, 12 November 2033 — One hundred and forty "
                             "Ivorian police officers of the Multinational Security Support Mission in Haiti landed on "
                             "10 November 2033.\n\"They keep coming,\" said Haiti's prime minister, Jean-Robert "
                             "Destinoble-Ménard, on the tarmac.\n")
    assert [(s["text"], s.get("date")) for s in of_kind(result, "statement")] == [("They keep coming", "2033-11-10")]


def test_a_state_that_provides_transport_for_the_mission_is_its_logistics_provider(tmp_path):
    result = draft(tmp_path, "Flights\nNAIROBI, 6 May 2031 — The United States provided transport to Haiti for the "
                             "Multinational Security Support Mission.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] != "host-state"] == [("state/USA", "logistics-provider")]


# --- round 26 --------------------------------------------------------------------------


def test_the_unit_a_relief_sends_home_is_a_withdrawn_deployment_of_the_relieving_state(tmp_path):
    result = draft(tmp_path, "Rotation\nKINGSTON, 2 June 2034 — On 14 May 2034, the fifth contingent of 212 Jamaican "
                             "soldiers of the Multinational Security Support Mission in Haiti arrived in Port-au-Prince, "
                             "relieving the fourth, which has since returned to Kingston.\n")
    assert sorted((d["state"], d["deployment_kind"], d["status"], d.get("ordinal"), d.get("date"))
                  for d in of_kind(result, "deployment")) == [
        ("state/JAM", "troops", "arrived", "5", "2034-05-14"), ("state/JAM", "troops", "withdrawn", "4", None)]


def test_a_relieved_unit_told_by_a_pronoun_takes_the_state_and_kind_told_before_and_its_members_count(tmp_path):
    result = draft(tmp_path, "Botswana rotates\nGABORONE, 3 October 2025 — A second contingent of 110 Botswana "
                             "soldiers of the Maritime Security Mission in Mozambique arrived in Pemba on 1 October "
                             "2025.\nIt relieves the first contingent, whose ninety-five members are returning to "
                             "Gaborone in stages.\n")
    relieved = [d for d in of_kind(result, "deployment") if d["status"] == "withdrawn"]
    assert [(d["state"], d["deployment_kind"], d.get("ordinal"), d.get("size")) for d in relieved] == [
        ("state/BWA", "troops", "1", "95")]


def test_a_relief_to_come_or_a_bare_ordinal_tells_no_withdrawal(tmp_path):
    result = draft(tmp_path, "Ships\nVICTORIA, 3 February 2031 — A patrol boat of the Seychelles Coast Guard joined "
                             "the Maritime Security Mission in Mozambique at Pemba on 1 February 2031.\nIt relieved the "
                             "third at Pemba.\nA Seychellois crew of thirty will relieve the boat, which has served "
                             "since June.\n")
    assert [d["status"] for d in of_kind(result, "deployment") if d.get("ordinal") == "3"] == []
    assert "withdrawn" not in {d["status"] for d in of_kind(result, "deployment")}


def test_a_unit_that_has_since_gone_home_is_withdrawn_not_serving(tmp_path):
    result = draft(tmp_path, "Home\nNAIROBI, 3 February 2031 — Kenya sent 200 police officers to the Multinational "
                             "Security Support Mission in Haiti in 2030.\nAll 200 Kenyan police officers have since "
                             "returned to Nairobi.\n")
    assert sorted(d["status"] for d in of_kind(result, "deployment")) == ["arrived", "withdrawn"]


# --- round 27 --------------------------------------------------------------------------


def test_who_lays_on_the_aircraft_carries_for_the_mission_and_sends_no_one(tmp_path):
    result = draft(tmp_path, "Home\nKINGSTON, 14 November 2030 — One hundred and fifty Jamaican soldiers of the "
                             "Multinational Security Support Mission in Haiti flew home to Kingston on 13 November "
                             "2030 aboard an aircraft chartered by the United States.\nForty Jamaican police officers "
                             "left for Port-au-Prince on 14 November 2030 on a charter flight paid for by Canada.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] == "logistics-provider"] == [("state/USA", "logistics-provider")]
    assert {d["state"] for d in of_kind(result, "deployment")} == {"state/JAM"}


def test_a_states_force_named_with_its_acronym_is_its_body_not_a_mission(tmp_path):
    result = draft(tmp_path, "Marines home\nDAR ES SALAAM, 18 August 2033 — One hundred and twenty marines of the "
                             "Tanzania People's Defence Force (TPDF) returned from the Maritime Security Mission in "
                             "Mozambique on 17 August 2033.\n")
    assert [(e.ref, e.kind, e.part_of) for e in result.new_entities if "tpdf" in e.ref] == [
        ("org/tpdf", "government-body", "state/TZA")]
    assert {d["mission"] for d in of_kind(result, "deployment")} == {"mission/msmm"}


def test_a_registered_missions_name_said_without_its_place_is_that_mission_unless_another_place_follows(tmp_path):
    short = draft(tmp_path, "Gambia joins\nBANJUL, 5 June 2031 — The Stabilization Support Mission, deployed by the "
                            "Economic Community of West African States, comprises contingents from Nigeria and "
                            "Senegal.\n")
    assert sorted((m["member"], m["mission"]) for m in of_kind(short, "membership")) == [
        ("state/NGA", "mission/ssmgb"), ("state/SEN", "mission/ssmgb")]
    assert [e.ref for e in short.new_entities if e.kind == "mission"] == []
    assert of_kind(short, "name") == []
    other = draft(tmp_path, "Cameroon\nYAOUNDE, 5 June 2031 — Cameroon joined the Maritime Security Mission in Sao "
                            "Tome and Principe on 2 June 2031.\n")
    assert "mission/msmm" not in {m["mission"] for m in of_kind(other, "membership")}


def test_a_body_whose_state_a_relative_clause_names_acts_for_that_state(tmp_path):
    result = draft(tmp_path, "Contributors\nQUITO, 5 November 2031 — Kenya leads the Multinational Security Support "
                             "Mission in Haiti.\nThe newest contributor is Ecuador, whose National Assembly approved on "
                             "28 October 2031 the dispatch of forty police instructors.\n")
    assert [(i["party"], i["instrument_kind"]) for i in of_kind(result, "instrument")] == [
        ("state/ECU", "parliamentary-approval")]


def test_a_name_set_beside_the_title_of_one_who_speaks_is_the_speaker(tmp_path):
    result = draft(tmp_path, "Funding\nBRUSSELS, 3 May 2030 — The European Union will fund the Stabilization Support "
                             "Mission in Guinea-Bissau.\n“Stability in Guinea-Bissau is stability for the whole "
                             "region,” said the EU's High Representative, Kaja Lindqvist-Tamm.\n")
    assert [s["speaker"] for s in of_kind(result, "statement")] == ["person/kaja-lindqvist-tamm"]


# --- round 28 --------------------------------------------------------------------------


def test_an_agreement_on_the_status_of_a_states_personnel_is_a_status_of_forces_agreement_of_both_parties(tmp_path):
    result = draft(tmp_path, "Agreement\nMAPUTO, 20 May 2032 — Tanzania serves in the Maritime Security Mission in "
                             "Mozambique.\nOn 19 May 2032, the two Ministers signed an Agreement between the "
                             "Government of the Republic of Mozambique and the Government of the United Republic of "
                             "Tanzania on the Status of Tanzanian Forces Deployed in the Framework of the Mission.\n")
    assert sorted((i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")) == [
        ("state/MOZ", "status-of-forces-agreement", "2032-05-19"),
        ("state/TZA", "status-of-forces-agreement", "2032-05-19")]


def test_a_weekday_after_of_in_a_dated_report_is_that_weeks_day(tmp_path):
    result = draft(tmp_path, "Approval\nBANJUL, Thursday 5 June 2031 — The National Assembly, at its sitting of "
                             "Tuesday, approved the deployment of one infantry company of the Gambia Armed Forces to "
                             "the Stabilization Support Mission in Guinea-Bissau.\n")
    assert [(i["party"], i["instrument_kind"], i.get("date")) for i in of_kind(result, "instrument")] == [
        ("state/GMB", "parliamentary-approval", "2031-06-03")]


# --- round 29 --------------------------------------------------------------------------


def test_a_ship_that_docks_has_arrived_and_one_ship_or_aircraft_named_in_the_singular_is_one(tmp_path):
    result = draft(tmp_path, "Ships\nMAPUTO, 10 March 2038 — On 8 March 2038 the Angolan Navy patrol ship Ngola "
                             "Kiluanji docked in Pemba to join the Maritime Security Mission in Mozambique.\n"
                             "Seychelles and the Comoros have each promised a patrol boat to the Mission.\n"
                             "Namibia has promised aircraft to the Mission.\n")
    assert sorted((d["state"], d["status"], d.get("size")) for d in of_kind(result, "deployment")) == [
        ("state/AGO", "arrived", "1"), ("state/COM", "pledged", "1"), ("state/NAM", "pledged", None),
        ("state/SYC", "pledged", "1")]


def test_an_envoy_is_accredited_where_the_title_sends_or_places_them(tmp_path):
    result = draft(tmp_path, "Envoys\nKINGSTON, 3 May 2030 — Jamaica serves in the Multinational Security Support "
                             "Mission in Haiti.\nThe Ambassador of the Republic of Haiti to Benin, Rose-Michelle "
                             "Jean-Baptiste Vilaire, followed the debate.\n“He treated our police as partners,” said "
                             "Haiti's ambassador in Kingston, Magalie Dorcéus-Bélizaire.\n")
    assert sorted((p["holder"], p["organization"], p.get("accredited_to")) for p in of_kind(result, "post")) == [
        ("person/magalie-dorceus-belizaire", "state/HTI", "state/JAM"),
        ("person/rose-michelle-jean-baptiste-vilaire", "state/HTI", "state/BEN")]


def test_a_portfolio_listed_on_after_a_comma_still_ends_with_its_state(tmp_path):
    result = draft(tmp_path, "Council\nNEW YORK, 22 June 2037 — The Security Council renewed the Stabilization "
                             "Support Mission in Guinea-Bissau.\nThe Minister for Foreign Affairs, International "
                             "Cooperation and Communities of Guinea-Bissau, Maria Adelaide Sanhá da Costa Gomes, "
                             "thanked the contributing countries.\n")
    assert [(p["holder"], p["organization"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/maria-adelaide-sanha-da-costa-gomes", "state/GNB", "foreign-minister")]


def test_the_lead_nation_and_the_state_commended_for_its_leadership_are_members(tmp_path):
    result = draft(tmp_path, "Letters\nDUBLIN, 3 May 2027 — The terms were settled with Kenya, the lead nation of "
                             "the Multinational Security Support Mission in Haiti, in Nairobi on 18 December 2026.\n"
                             "The Council commended Jamaica for its continued leadership of the Multinational Security "
                             "Support Mission in Haiti.\n")
    assert sorted((m["member"], m["mission"]) for m in of_kind(result, "membership")) == [
        ("state/JAM", "mission/mss-haiti"), ("state/KEN", "mission/mss-haiti")]


def test_a_unit_counted_in_words_and_again_in_brackets_has_that_size(tmp_path):
    result = draft(tmp_path, "Offer\nADDIS ABABA, 3 June 2032 — Kenya has offered a formed police unit of one hundred "
                             "and forty (140) officers to the Multinational Security Support Mission in Haiti.\n")
    assert [(d["state"], d["deployment_kind"], d["status"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/KEN", "formed-police-unit", "pledged", "140")]


def test_a_unit_leaving_for_its_own_capital_or_landing_after_months_away_is_withdrawn(tmp_path):
    result = draft(tmp_path, "Home\nMAPUTO, 14 March 2037 — The Angolan Navy's patrol vessel Ngola Kiluanje sailed "
                             "out of Pemba on 12 March 2037 for Luanda, ending its tour with the Maritime Security "
                             "Mission in Mozambique.\nSixty-two soldiers of the Lesotho Defence Force landed at "
                             "Moshoeshoe I International Airport on 13 March 2037, after eight months with the "
                             "Mission at Pemba.\nOne hundred Tanzanian soldiers left for Pemba on 13 March 2037 to "
                             "join the Mission.\n")
    assert sorted((d["state"], d["status"]) for d in of_kind(result, "deployment")) == [
        ("state/AGO", "withdrawn"), ("state/LSO", "withdrawn"), ("state/TZA", "committed")]


# --- round 30 --------------------------------------------------------------------------


def test_an_office_that_thanks_denies_or_describes_in_quoted_words_speaks_for_its_state(tmp_path):
    result = draft(tmp_path, "Notes\nBISSAU, 3 May 2030 — Senegal serves in the Stabilization Support Mission in "
                             "Guinea-Bissau.\nIn a communiqué published on 2 May 2030, the Ministry of Foreign Affairs "
                             "of Guinea-Bissau thanked Dakar for \"a loyalty that never wavered\".\nBrazil's Ministry "
                             "of Defence denied that it would send engineers: \"no request has been received\".\n")
    assert sorted((s["speaker"], s.get("speaker_description")) for s in of_kind(result, "statement")) == [
        ("state/BRA", "Brazil's Ministry of Defence"),
        ("state/GNB", "the Ministry of Foreign Affairs of Guinea-Bissau")]


def test_the_state_a_mission_serves_under_the_leadership_of_is_a_member(tmp_path):
    result = draft(tmp_path, "Samoa\nNADI, 3 August 2034 — Ministers noted that the Multinational Security Support "
                             "Mission in Haiti comprises 212 personnel from five states, under the leadership of "
                             "Jamaica.\n")
    assert [(m["member"], m["mission"]) for m in of_kind(result, "membership")] == [("state/JAM", "mission/mss-haiti")]


def test_an_organizations_dated_decision_that_authorises_a_mission_is_an_instrument_of_no_kind(tmp_path):
    result = draft(tmp_path, "Decision\nLOMÉ, 30 June 2027 — The ECOWAS Mediation and Security Council authorised the "
                             "Stabilization Support Mission in Guinea-Bissau on 23 June 2027, at Bissau's request.\n"
                             "The Southern African Development Community set up the Maritime Security Mission in "
                             "Mozambique in 2023.\n")
    assert [(i["party"], i.get("instrument_kind"), i.get("date")) for i in of_kind(result, "instrument")] == [
        ("org/ecowas", None, "2027-06-23")]
    assert "org/ecowas" not in {m["member"] for m in of_kind(result, "membership")}


def test_a_ship_leaving_for_a_capital_of_two_words_is_going_home(tmp_path):
    result = draft(tmp_path, "Relief\nMAPUTO, 14 March 2037 — The Mauritian patrol vessel sailed out of Pemba on 13 "
                             "March 2037 for Port Louis, ending its tour with the Maritime Security Mission in "
                             "Mozambique.\n")
    assert [(d["state"], d["status"]) for d in of_kind(result, "deployment")] == [("state/MUS", "withdrawn")]


# --- round 31 --------------------------------------------------------------------------


def test_a_headline_telling_the_bodys_deployment_again_leaves_the_bodys_with_its_numbers(tmp_path):
    result = draft(tmp_path, "Malawian marines reach Pemba\nPEMBA, 14 March 2034 — Sixty-two marines of the Malawi "
                             "Defence Force landed in Pemba on 13 March 2034 to join the Maritime Security Mission in "
                             "Mozambique.\nMalawi's lawmakers had voted to send a patrol boat as well.\n")
    assert [(d["state"], d["status"], d.get("size"), d.get("date")) for d in of_kind(result, "deployment")
            if d["deployment_kind"] == "troops"] == [("state/MWI", "arrived", "62", "2034-03-13")]


def test_a_unit_placed_between_or_off_places_of_the_host_is_in_the_host(tmp_path):
    result = draft(tmp_path, "Checkpoints\nSAINT-MARC, 3 May 2030 — A company of 120 Jamaican soldiers of the "
                             "Multinational Security Support Mission in Haiti holds the road between Saint-Marc and "
                             "Gonaïves.\n")
    assert [(d["state"], d.get("place")) for d in of_kind(result, "deployment")] == [("state/JAM", "state/HTI")]


def test_a_chronologys_line_led_by_a_date_alone_is_dated_by_it(tmp_path):
    result = draft(tmp_path, "The mission in dates\nPublished 3 March 2030\nJune 2024 — The first Kenyan police "
                             "officers land in Port-au-Prince to join the Multinational Security Support Mission in "
                             "Haiti.\n3 February 2025 — Meeting in extraordinary session in Georgetown, the Caribbean "
                             "Community decides to support the Multinational Security Support Mission in Haiti.\n")
    assert [(d["state"], d.get("date")) for d in of_kind(result, "deployment")] == [("state/KEN", "2024-06")]
    assert [e.get("date") for e in of_kind(result, "event")] == ["2025-02-03"]


def test_the_secretary_generals_special_representative_is_the_uns_special_envoy(tmp_path):
    result = draft(tmp_path, "Council\nNEW YORK, 3 May 2030 — Briefing the Security Council, the Special "
                             "Representative of the Secretary-General for Haiti, Ingrid Solveig Haugland, said the "
                             "Multinational Security Support Mission in Haiti had reopened the roads.\nAurélie "
                             "Nkemdirim-Vasseur, the Secretary-General's Special Representative for West Africa, "
                             "spoke next.\n")
    assert sorted((p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")) == [
        ("person/aurelie-nkemdirim-vasseur", "special-envoy", "org/un"),
        ("person/ingrid-solveig-haugland", "special-envoy", "org/un")]


def test_a_rank_told_apart_from_the_units_noun_is_the_deployments_ordinal(tmp_path):
    result = draft(tmp_path, "Sailors\nPEMBA, 14 March 2034 — Sixty sailors of the Tanzania People's Defence Force, "
                             "the third Tanzanian contingent to serve with the Maritime Security Mission in Mozambique, "
                             "arrived in Pemba on 12 March 2034.\n")
    assert [(d["state"], d.get("ordinal"), d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/TZA", "3", "60")]


def test_a_day_of_the_month_in_words_is_a_date(tmp_path):
    result = draft(tmp_path, "Vote\nACCRA, 12 October 2031 — Parliament in Accra approved the deployment of Ghanaian "
                             "police to the Multinational Security Support Mission in Haiti on the ninth of October, "
                             "after a long debate.\n")
    assert [(i["party"], i.get("date")) for i in of_kind(result, "instrument")] == [("state/GHA", "2031-10-09")]


def test_a_rank_of_two_words_and_a_leader_after_continues_to_be_led_by(tmp_path):
    result = draft(tmp_path, "Notice\nWASHINGTON, 3 May 2030 — Dominica is the twenty-sixth State to adhere to the "
                             "Multinational Security Support Mission in Haiti.\nThe Security Council renewed its "
                             "authorization of the Mission, which continues to be led by Kenya.\n")
    assert [(c["subject"], c["rank"]) for c in of_kind(result, "ordinal-claim")] == [("state/DMA", "26")]
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/KEN"]


# --- round 32 --------------------------------------------------------------------------


def test_a_strength_told_in_an_apposition_is_the_deployments_size(tmp_path):
    result = draft(tmp_path, "Units\nBISSAU, 4 February 2032 — Sierra Leone's first formed police unit, 160 officers "
                             "strong, landed at Bissau on 3 February 2032 to join the Stabilization Support Mission in "
                             "Guinea-Bissau.\nOn 2 February 2032 the seventh contingent of the Jamaica Defence Force, "
                             "164 men and women, landed in Port-au-Prince to join the Multinational Security Support "
                             "Mission in Haiti.\n")
    assert sorted((d["state"], d.get("size")) for d in of_kind(result, "deployment")) == [
        ("state/JAM", "164"), ("state/SLE", "160")]


def test_a_unit_that_reached_a_place_of_the_host_is_in_the_host(tmp_path):
    result = draft(tmp_path, "Marines\nDODOMA, 4 March 2036 — The second Tanzanian company, 120 marines, reached "
                             "Pemba by sea on 2 March 2036 to join the Maritime Security Mission in Mozambique.\n")
    assert [(d["state"], d.get("place")) for d in of_kind(result, "deployment")] == [("state/TZA", "state/MOZ")]


def test_a_numbered_act_is_labelled_by_its_title_number_and_date(tmp_path):
    result = draft(tmp_path, "Gazette\nDECREE No. 2025-417 of 11 June 2025 authorising the deployment of an Ivorian "
                             "contingent within the Multinational Security Support Mission in Haiti (MMAS)\nThe "
                             "National Assembly of Côte d'Ivoire approved it by Law No. 7305 on the deployment of the "
                             "contingent to the Mission.\n")
    assert sorted((i["number"], i.get("label")) for i in of_kind(result, "instrument") if i.get("number")) == [
        ("2025-417", "Decree No. 2025-417 of 11 June 2025"), ("7305", "Law No. 7305")]


def test_a_signatory_holds_the_post_of_the_state_it_signs_for(tmp_path):
    result = draft(tmp_path, "Memorandum\nNAIROBI, 3 June 2034 — Signed at Nairobi on 2 June 2034 for the "
                             "Multinational Security Support Mission in Haiti, for the Government of the Republic of "
                             "Kenya by Hon. Dr. Emmanuel Kiptoo arap Chebet, Cabinet Secretary for Interior and "
                             "National Administration, and for the Government of the Republic of Fiji by Hon. Ratu "
                             "Josaia Vakarau Naulivou, Minister for Policing.\n")
    assert sorted((p["holder"], p["organization"]) for p in of_kind(result, "post")) == [
        ("person/emmanuel-kiptoo-arap-chebet", "state/KEN"), ("person/josaia-vakarau-naulivou", "state/FJI")]


def test_a_day_in_words_is_no_rank(tmp_path):
    result = draft(tmp_path, "Marines\nNASSAU, 12 February 2030 — Sixty marines of the Royal Bahamas Defence Force "
                             "arrived in Port-au-Prince on the ninth of February to serve with the Multinational "
                             "Security Support Mission in Haiti.\n")
    assert of_kind(result, "ordinal-claim") == []
    assert [d.get("date") for d in of_kind(result, "deployment")] == ["2030-02-09"]


# --- round 33 --------------------------------------------------------------------------


def test_a_mission_in_a_region_of_a_state_is_named_by_its_acronym_and_hosted_by_the_state(tmp_path):
    result = draft(tmp_path, "Communiqué\nADDIS ABABA, 9 May 2034 — The Council heard the Head of the African Union "
                             "Stabilization Mission in Northern Niger (AUSM-NN).\nIt welcomes the arrival of a formed "
                             "police unit of the Republic of Rwanda in the AUSM-NN on 2 May 2034.\n")
    assert [(d["state"], d["mission"], d["status"]) for d in of_kind(result, "deployment")] == [
        ("state/RWA", "mission/ausm-nn", "arrived")]
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")] == [("state/NER", "host-state")]


def test_an_engineer_company_is_engineers(tmp_path):
    result = draft(tmp_path, "Engineers\nABUJA, 5 March 2031 — Nigeria sent an Army engineer company of 115 personnel "
                             "to the Stabilization Support Mission in Guinea-Bissau on 4 March 2031.\n")
    assert [(d["deployment_kind"], d.get("size")) for d in of_kind(result, "deployment")] == [("engineers", "115")]


def test_the_governments_of_two_states_sign_as_two_parties(tmp_path):
    result = draft(tmp_path, "Agreement\nST. GEORGE'S, 22 June 2033 — On 21 June 2033 the Government of Grenada and "
                             "the Government of the Republic of Haiti signed a status-of-forces agreement for the "
                             "Grenadian officers of the Multinational Security Support Mission in Haiti.\n")
    assert sorted(i["party"] for i in of_kind(result, "instrument")
                  if i["instrument_kind"] == "status-of-forces-agreement") == ["state/GRD", "state/HTI"]


def test_the_return_of_a_contingent_is_its_withdrawal_and_any_contingent_is_none(tmp_path):
    result = draft(tmp_path, "Statement\nNAIROBI, 20 October 2030 — The Leader made a statement on the return of 480 "
                             "officers of the fourth rotation of the Kenyan contingent of the Multinational Security "
                             "Support Mission in Haiti.\nThe Ministry denies that the Government has asked for the "
                             "withdrawal of any contingent from the Mission.\n")
    assert [(d["state"], d["status"], d.get("size"), d.get("ordinal")) for d in of_kind(result, "deployment")] == [
        ("state/KEN", "withdrawn", "480", "4")]


def test_an_organizations_own_mission_is_backed_by_it_but_not_a_non_member_mission(tmp_path):
    result = draft(tmp_path, "Patrol\nPEMBA, 4 April 2031 — The ship sails to the Maritime Security Mission in "
                             "Mozambique, where the Southern African Development Community mission patrols the coast."
                             "\nThe Multinational Security Support Mission in Haiti is a non-UN mission, led by a "
                             "veteran of the UN mission in Mali.\n")
    assert [(p["mission"], p["partner"]) for p in of_kind(result, "partnership")
            if p["partner_role"] == "backer"] == [("mission/msmm", "org/sadc")]


def test_a_who_clause_on_the_service_of_officers_gives_their_status(tmp_path):
    result = draft(tmp_path, "Arrivals\nKINGSTON, 15 September 2031 — Twenty-four officers of the Royal Barbados Police "
                             "Force, who landed the day before to join the Multinational Security Support Mission in "
                             "Haiti, are greeted by the Minister.\n")
    assert [(d["state"], d["status"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/BRB", "arrived", "24")]


def test_the_missions_commander_is_its_head_of_mission(tmp_path):
    result = draft(tmp_path, "Patrol\nJACMEL, 3 March 2031 — The Surinamese were met by the mission's commander, Deputy "
                             "Inspector General Josephine Chepkoech arap Mibei of the Kenya Police Service, at the "
                             "Multinational Security Support Mission in Haiti's base.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/josephine-chepkoech-arap-mibei", "head-of-mission", "state/KEN")]


def test_a_transcripts_speaker_line_gives_the_post_and_the_state_in_capitals(tmp_path):
    result = draft(tmp_path, "Briefing on the Multinational Security Support Mission in Haiti\nKenya leads the Mission."
                             "\nPERMANENT REPRESENTATIVE OF GUATEMALA (Ambassador Rodrigo Alfonso Juárez): Thank you, "
                             "Madam Chair.\n")
    assert [(p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/rodrigo-alfonso-juarez", "permanent-representative", "state/GTM")]


# --- round 34 --------------------------------------------------------------------------


def test_a_new_names_label_leaves_out_the_title_of_its_head(tmp_path):
    result = draft(tmp_path, "Briefing\nADDIS ABABA, 9 May 2034 — The Council heard the Head of Mission of the African "
                             "Union Stabilization Mission in Northern Niger (AUSM-NN) on 8 May 2034.\n")
    assert [(e.ref, e.label) for e in result.new_entities if e.kind == "mission"] == [
        ("mission/ausm-nn", "African Union Stabilization Mission in Northern Niger")]


def test_the_commander_of_the_mission_heads_it_and_our_commander_leads_a_contingent(tmp_path):
    result = draft(tmp_path, "Report\nPORT-AU-PRINCE, 4 February 2039 — Speaking on 3 February 2039, the Commander of the "
                             "Mission, Commissioner Esther Wairimu Kamau of Kenya, said the Multinational Security "
                             "Support Mission in Haiti could hold.\nOur commander, Major Rodrigo Fuenzalida Aravena of "
                             "Chile, has a sentence for everything.\n")
    assert sorted((p["holder"], p["role"], p["organization"]) for p in of_kind(result, "post")) == [
        ("person/esther-wairimu-kamau", "head-of-mission", "state/KEN"),
        ("person/rodrigo-fuenzalida-aravena", "contingent-commander", "state/CHL")]


def test_the_organization_that_sends_the_mission_backs_it(tmp_path):
    result = draft(tmp_path, "Address\nACCRA, 2 March 2032 — Our police have served with the Stabilization Support "
                             "Mission in Guinea-Bissau, which ECOWAS sent to Bissau in 2022.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] == "backer"] == [("org/ecowas", "backer")]


# --- round 35 --------------------------------------------------------------------------


def test_officers_on_a_missions_staff_are_staff_officers_and_a_forces_officers_troops(tmp_path):
    result = draft(tmp_path, "Debate\nMONTEVIDEO, 8 September 2037 — Since February 2036, six officers of the National "
                             "Army of Uruguay have served on the headquarters staff of the Multinational Security Support "
                             "Mission in Haiti.\nOn 1 September 2036 the Mission welcomed the arrival of thirty officers "
                             "of the Rwanda Defence Force.\n")
    assert [(d["state"], d["deployment_kind"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/URY", "staff-officers", "6"), ("state/RWA", "troops", "30")]


def test_a_legislative_decree_is_a_parliaments_act_of_the_state_whose_president_signs(tmp_path):
    result = draft(tmp_path, "White Paper\nBRASÍLIA, 1 September 2036 — Brazil takes part in the Multinational Security "
                             "Support Mission in Haiti, led by the Republic of Kenya.\nThe participation was authorised "
                             "by the National Congress in Legislative Decree No. 214 of 9 April 2034 and by the President "
                             "of the Republic in Decree No. 12.077 of 22 April 2034.\n")
    assert sorted((i["party"], i["instrument_kind"], i["number"]) for i in of_kind(result, "instrument")
                  if i.get("number")) == [("state/BRA", "executive-decree", "12.077"),
                                          ("state/BRA", "parliamentary-approval", "214")]


def test_the_community_stands_for_the_organization_named_before(tmp_path):
    result = draft(tmp_path, "Release\nMORONI, 6 October 2033 — The Comoros deposited with the Southern African "
                             "Development Community its instrument of adhesion to the Maritime Security Mission in "
                             "Mozambique.\nThe Mission, which the Community leads, has patrolled the coast since 2026.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] == "backer"] == [("org/sadc", "backer")]


def test_soldiers_serving_in_a_mission_set_up_before_are_serving(tmp_path):
    result = draft(tmp_path, "Profile\nTAMALE, 6 October 2033 — The Stabilization Support Mission in Guinea-Bissau was "
                             "set up by ECOWAS in 2022, and Nigerian soldiers also serve in it.\n")
    assert [(d["state"], d["status"]) for d in of_kind(result, "deployment")] == [("state/NGA", "serving")]
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/NGA"]


def test_personnel_counted_after_a_unit_and_a_comma_are_its_size(tmp_path):
    result = draft(tmp_path, "White Paper\nBRASÍLIA, 1 September 2036 — The Brazilian Army's engineer company, of one "
                             "hundred and thirty-five military personnel, has served with the Multinational Security "
                             "Support Mission in Haiti since August 2034.\nA platoon of forty-two "
                             "officers of the Barbados Police Service landed in Port-au-Prince on 28 September 2036.\n")
    assert [(d["state"], d["deployment_kind"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/BRA", "engineers", "135"), ("state/BRB", "police", "42")]


def test_a_withdrawal_only_thought_possible_is_no_deployment(tmp_path):
    result = draft(tmp_path, "Press review\nDAKAR, 9 May 2035 — LE TÉMOIN claims that Nigeria could withdraw its "
                             "infantry battalion from the Stabilization Support Mission in Guinea-Bissau before the end "
                             "of the year.\n")
    assert of_kind(result, "deployment") == []


def test_a_unit_that_came_home_is_withdrawn(tmp_path):
    result = draft(tmp_path, "Profile\nTAMALE, 6 October 2033 — Ghana's second unit flew to the Stabilization Support "
                             "Mission in Guinea-Bissau on Wednesday.\nThe first Ghanaian unit, 120 officers, came home in "
                             "September after a year based in Gabú.\n")
    assert [(d["status"], d.get("ordinal"), d.get("size")) for d in of_kind(result, "deployment")
            if d.get("ordinal") == "1"] == [("withdrawn", "1", "120")]


# --- round 36 --------------------------------------------------------------------------


def test_a_status_told_by_a_verb_joined_to_one_that_gives_none(tmp_path):
    result = draft(tmp_path, "Summary\nLILONGWE, 2 September 2033 — He informed the Committee that the Tanzanian "
                             "contingent of ninety-four sailors with the Maritime Security Mission in Mozambique had "
                             "completed its tour and returned to Dar es Salaam on 21 August 2033.\n")
    assert [(d["state"], d["status"], d.get("size"), d.get("date")) for d in of_kind(result, "deployment")] == [
        ("state/TZA", "withdrawn", "94", "2033-08-21")]


def test_a_formed_unit_is_a_formed_police_unit(tmp_path):
    result = draft(tmp_path, "Profile\nMUTSAMUDU, 3 May 2036 — A formed unit of sixty Malagasy gendarmes has served with "
                             "the Maritime Security Mission in Mozambique since February 2036.\n")
    assert [(d["state"], d["deployment_kind"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/MDG", "formed-police-unit", "60")]


def test_a_language_named_in_a_translators_note_is_no_state(tmp_path):
    result = draft(tmp_path, "Communiqué of the Council of Ministers\n(Unofficial English translation; the French "
                             "original prevails.)\nDAKAR, 19 December 2035 — The Head of State, His Excellency Mr Amadou "
                             "Moustapha Ndiaye-Sarr, President of the Republic, chaired the Council of Ministers, which "
                             "approved the deployment of the sixth formed police unit of Senegal to the Stabilization "
                             "Support Mission in Guinea-Bissau.\n")
    assert {p["organization"] for p in of_kind(result, "post")} == {"state/SEN"}


def test_the_particle_wa_stays_in_a_kenyan_name(tmp_path):
    result = draft(tmp_path, "Diaspora\nDALLAS, 3 June 2030 — The guest of honour was Kenya's ambassador to the United "
                             "States, Dr. Esther Nyambura wa Gathoni-Kariuki, who spoke of the Multinational Security "
                             "Support Mission in Haiti.\n")
    assert [p["holder"] for p in of_kind(result, "post")] == ["person/esther-nyambura-wa-gathoni-kariuki"]


# --- round 37 --------------------------------------------------------------------------


def test_the_speakers_own_country_is_the_main_state(tmp_path):
    result = draft(tmp_path, "Letter\nLOMÉ, 4 April 2036 — Togo thanks the Organization for its support. My Government "
                             "has committed a formed police unit of one hundred and twenty gendarmes to the Multinational "
                             "Security Support Mission in Haiti.\n")
    assert [(d["state"], d["deployment_kind"], d["status"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/TGO", "formed-police-unit", "committed", "120")]


def test_our_country_in_a_hosts_article_is_the_host(tmp_path):
    result = draft(tmp_path, "Op-ed\nBISSAU, 2 May 2036 — Guinea-Bissau asked for help in 2022, and Guinea-Bissau has "
                             "not forgotten it. Senegal answered first.\nOur country signed a status-of-forces agreement "
                             "with the Economic Community of West African States on the Stabilization Support Mission in "
                             "Guinea-Bissau on 3 May 2023.\n")
    assert sorted(i["party"] for i in of_kind(result, "instrument")) == ["org/ecowas", "state/GNB"]


def test_an_appointment_gives_its_object_the_post(tmp_path):
    result = draft(tmp_path, "Communiqué\nABUJA, 9 June 2036 — The Authority appointed Major General Ibrahim Sani "
                             "Bello-Danjuma as Force Commander of the Stabilization Support Mission in Guinea-Bissau.\n")
    assert [(p["holder"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/ibrahim-sani-bello-danjuma", "force-commander")]


def test_a_name_split_by_its_particle_is_still_the_appointees(tmp_path):
    result = draft(tmp_path, "Decree\nLUANDA, 3 March 2036 — Captain Domingos Afonso dos Reis Tchipilica is "
                             "appointed Commander of the Angolan Contingent with the Maritime Security Mission in "
                             "Mozambique.\n")
    assert [(p["holder"], p["organization"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/domingos-afonso-dos-reis-tchipilica", "state/AGO", "contingent-commander")]


def test_a_commanding_officer_of_a_contingent_commands_it(tmp_path):
    result = draft(tmp_path, "Order\nKINGSTON, 2 June 2036 — Major Andre Winston Campbell-Forbes is hereby designated "
                             "Commanding Officer of the Jamaican contingent with the Multinational Security Support "
                             "Mission in Haiti.\n")
    assert [(p["holder"], p["organization"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/andre-winston-campbell-forbes", "state/JAM", "contingent-commander")]


def test_a_body_named_after_its_state_names_the_state(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(CORPUS, data)
    register = yaml.safe_load((data / "register.yaml").read_text(encoding="utf-8"))
    register["entities"].append({"id": "org/ghana-police-service", "kind": "government-body",
                                 "label": "Ghana Police Service", "part_of": "state/GHA"})
    (data / "register.yaml").write_text(yaml.safe_dump(register, allow_unicode=True), encoding="utf-8")
    result = draft(tmp_path, "Annual report\nACCRA, 2 January 2038 — The Ghana Police Service kept its formed police unit "
                             "with the Stabilization Support Mission in Guinea-Bissau in 2037. The Ghana Police Service "
                             "also trained officers from Haiti, and Haiti thanked the Ghana Police Service; Haiti's "
                             "police chief visited Accra.\nThe Minister of the Interior, Mr. Kwabena Ofori-Darko, "
                             "inspected the unit in Bissau.\n", data)
    assert [(p["holder"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/kwabena-ofori-darko", "state/GHA")]


def test_carabineros_and_airmen_are_police_and_troops(tmp_path):
    result = draft(tmp_path, "Wire\nSANTIAGO, 5 May 2036 — Chile sent sixty carabineros to the Multinational Security "
                             "Support Mission in Haiti on Monday, and Belize flew twelve airmen to the mission.\n")
    assert sorted((d["state"], d["deployment_kind"], d.get("size")) for d in of_kind(result, "deployment")) == [
        ("state/BLZ", "troops", "12"), ("state/CHL", "police", "60")]


def test_a_chronologys_day_takes_the_year_of_its_heading(tmp_path):
    result = draft(tmp_path, "A chronology of the mission\nupdated 3 February 2040\n\n2038\n\n11 November — Peru and "
                             "Bolivia sign a status-of-forces agreement for the Security Support Mission in Bolivia.\n\n"
                             "2039\n\n4 March — Peru's Congress approves the deployment of police to the mission.\n")
    assert sorted((i["party"], i["date"]) for i in of_kind(result, "instrument")
                  if i.get("party") == "state/PER") == [("state/PER", "2038-11-11"), ("state/PER", "2039-03-04")]


def test_a_sentence_naming_another_mission_by_its_name_is_about_that_mission(tmp_path):
    result = draft(tmp_path, "Roundup\nLAGOS, 8 May 2036 — Chad's unit joined the Multinational Security Support "
                             "Mission in Haiti on Monday.\nNigeria's Senate approved the deployment of 200 soldiers to the "
                             "Stabilization Support Mission in Guinea-Bissau on Tuesday.\n")
    assert [(d["state"], d["mission"]) for d in of_kind(result, "deployment") if d["state"] == "state/NGA"] == [
        ("state/NGA", "mission/ssmgb")]


def test_instructors_of_a_state_make_it_a_trainer(tmp_path):
    result = draft(tmp_path, "Release\nPORTO-NOVO, 6 June 2036 — Benin's second unit for the Multinational Security "
                             "Support Mission in Haiti completed eight weeks of training given by instructors of the "
                             "Spanish Guardia Civil. Thirty instructors of the National Police of Benin will also "
                             "serve with the mission.\n")
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] != "host-state"] == [("state/ESP", "trainer")]


def test_the_service_named_after_a_comma_gives_the_holders_state(tmp_path):
    result = draft(tmp_path, "Communiqué\nLIBREVILLE, 4 April 2036 — Gabon hosted the meeting. The Council appointed "
                             "Commodore Paulo Jorge Sebastião Neto, of the Angolan Navy, as Force Commander of the "
                             "Maritime Security Mission in Mozambique.\n")
    assert [(p["holder"], p["organization"]) for p in of_kind(result, "post")] == [
        ("person/paulo-jorge-sebastiao-neto", "state/AGO")]


def test_an_unnamed_representative_or_official_speaks_for_the_state_or_organization_named(tmp_path):
    result = draft(tmp_path, "Meetings coverage\nNEW YORK, 9 July 2036 — The Council renewed the mandate of the "
                             "Stabilization Support Mission in Guinea-Bissau. The representative of Ghana said the "
                             "mission \"has kept the peace in Bissau\". A senior official of the Economic Community of "
                             "West African States told reporters: \"The Community will stay.\"\n")
    assert [(s["speaker"], s["speaker_description"]) for s in of_kind(result, "statement")] == [
        ("state/GHA", "The representative of Ghana"),
        ("org/ecowas", "A senior official of the Economic Community of West African States")]


def test_personnel_who_arrived_where_no_place_is_named_arrived_in_the_host_state(tmp_path):
    result = draft(tmp_path, "Wire\nNAIROBI, 7 July 2036 — The Multinational Security Support Mission in Haiti is led "
                             "by Kenya.\nKenya's twelfth police contingent of 300 officers arrived on Monday.\n")
    assert [(d["state"], d["status"], d.get("place")) for d in of_kind(result, "deployment")] == [
        ("state/KEN", "arrived", "state/HTI")]


# --- round 38 ---


def test_a_unit_told_of_by_its_work_serves_without_the_works_date(tmp_path):
    result = draft(tmp_path, "Feature\nJACMEL, 9 May 2037 — On a rainy morning in early April, Bahamian marines patrol "
                             "the seafront for the Multinational Security Support Mission in Haiti.\nA Belizean platoon "
                             "that had held the road before them went home in March.\n")
    assert sorted((d["state"], d["status"], d.get("date_text")) for d in of_kind(result, "deployment")) == [
        ("state/BHS", "serving", None), ("state/BLZ", "withdrawn", "March")]


def test_the_first_unit_to_serve_is_one_that_serves(tmp_path):
    result = draft(tmp_path, "Briefing\nNEW YORK, 4 June 2037 — The spokesperson spoke of the Multinational Security "
                             "Support Mission in Haiti. It is the first Nepali unit to serve with the Mission and "
                             "numbers one hundred and sixty officers.\n")
    assert [(d["state"], d["status"], d.get("size")) for d in of_kind(result, "deployment")] == [
        ("state/NPL", "serving", "160")]
    assert [m["member"] for m in of_kind(result, "membership")] == ["state/NPL"]


def test_a_clause_saying_a_unit_is_already_there_overrides_the_verb_of_newcomers(tmp_path):
    result = draft(tmp_path, "Wire\nQUITO, 2 June 2037 — Ecuador will send police to the Multinational Security "
                             "Support Mission in Haiti. There they will join the Guatemalan soldiers who already guard "
                             "the airport for the mission.\n")
    assert sorted((d["state"], d["status"]) for d in of_kind(result, "deployment")) == [
        ("state/ECU", "committed"), ("state/GTM", "serving")]


def test_states_that_continue_to_provide_troops_serve(tmp_path):
    result = draft(tmp_path, "Declaration\nACCRA, 3 March 2037 — The Authority met on the Stabilization Support "
                             "Mission in Guinea-Bissau. The Authority commended Nigeria and Ghana, which continue to "
                             "provide the greater part of the troops of the Mission.\n")
    assert sorted((d["state"], d["status"]) for d in of_kind(result, "deployment")) == [
        ("state/GHA", "serving"), ("state/NGA", "serving")]


def test_an_executive_secretary_heads_the_organizations_secretariat_and_speaks_for_it(tmp_path):
    result = draft(tmp_path, "Release\nGABORONE, 2 May 2037 — The Maritime Security Mission in Mozambique was "
                             "extended. The Executive Secretary of SADC, Dr. Lerato Kefilwe Dube-Motsumi, said: \"The "
                             "coast is quieter.\"\n")
    assert [(p["holder"], p["organization"], p["role"]) for p in of_kind(result, "post")] == [
        ("person/lerato-kefilwe-dube-motsumi", "org/sadc", "secretary-general")]
    assert [s.get("on_behalf_of") for s in of_kind(result, "statement")] == ["org/sadc"]


def test_who_a_speaker_speaks_on_behalf_of_is_recorded(tmp_path):
    result = draft(tmp_path, "Meetings coverage\nNEW YORK, 1 July 2037 — The Council renewed the Multinational "
                             "Security Support Mission in Haiti. The representative of Barbados, speaking on behalf of "
                             "the Caribbean Community (CARICOM), said the region \"will stay the course\".\n")
    assert [(s["speaker"], s.get("on_behalf_of")) for s in of_kind(result, "statement")] == [
        ("state/BRB", "org/caricom")]


def test_a_reported_deployment_is_a_rumour_not_a_fact(tmp_path):
    result = draft(tmp_path, "Analysis\nLIMA, 6 June 2037 — The Multinational Security Support Mission in Haiti is "
                             "short of police. Reports that Peru will send police officers to the mission remain "
                             "unconfirmed. Uruguay is widely reported to be preparing an engineer company for the "
                             "mission. Chile reportedly sent twenty carabineros to the mission.\n")
    assert of_kind(result, "deployment") == []


def test_materiel_provided_by_a_state_makes_it_a_logistics_provider_not_a_sender(tmp_path):
    result = draft(tmp_path, "Budget note\nKINGSTON, 2 April 2037 — Jamaica has soldiers in the Multinational "
                             "Security Support Mission in Haiti. Their trucks and radios are provided by Canada and "
                             "are not costed here. A police unit contributed by Rwanda reached the mission in March.\n")
    assert sorted(d["state"] for d in of_kind(result, "deployment")) == ["state/JAM", "state/RWA"]
    assert [(p["partner"], p["partner_role"]) for p in of_kind(result, "partnership")
            if p["partner_role"] != "host-state"] == [("state/CAN", "logistics-provider")]
