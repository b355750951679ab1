"""The English words that signal each kind of fact, and the term each one stands for.

These are cues, not the vocabulary: a cue gives the *words* a value is named by ("signed" stands
for "signature", "soldiers" for "troops"), and :mod:`.vocabulary` looks those words up among the
labels of the ontology's schemes at run time. A concept's own labels are cues already (a scheme
that gains "formed police unit" is matched by that label with no change here); what is listed
below are the other words sources use. A term whose concept the schemes lack is kept and flagged.
"""

from __future__ import annotations

#: Words that refer back to the article's mission: "the mission", "this coalition".
MISSION_NOUNS = ("mission", "coalition", "initiative", "operation", "force", "deployment")
MISSION_DETERMINERS = ("the", "this", "that", "its")

#: A state joining a mission.
JOIN_WORDS = ("join", "joins", "joined", "joining", "member", "members", "adhered", "acceded",
              "contributor", "contributors", "contributing", "participant", "participants", "participating")
#: What members are called in a heading of a list: "Participating States (five): Nigeria, ...".
MEMBER_NOUNS = ("states", "countries", "nations", "members")
#: Verbs by which several states named together, or those a "whose" clause is said of, take
#: part: "Jamaica, the Bahamas and Belize contribute soldiers", "Ghana, whose troops have served".
SERVING_VERBS = ("serve", "contribute", "provide")
#: Verbs that place officers with a body ("seconded to the headquarters").
SECONDING_VERBS = ("second", "post", "attach", "assign")
#: Where staff officers serve: "on the Mission's staff", "at its headquarters".
STAFF_WORDS = ("staff", "headquarters")
#: Pronouns that open a relative clause and stand for the noun it is on: "Kenya, which leads the
#: mission", "Major X, who commands the company".
RELATIVE_PRONOUNS = ("which", "who", "that")
#: Words that open a list of what was just counted: "six ECOWAS Member States, namely Senegal, ...".
NAMELY = ("namely", "viz")
#: Nouns of personnel "from" states: "soldiers from Jamaica, the Bahamas and Belize guard the bases".
PERSONNEL_FROM = ("personnel", "troops", "contingents", "forces", "officers", "soldiers", "police", "gendarmes",
                  "carabineros", "constables", "sailors", "airmen", "marines", "units", "vessels")

#: Instrument kinds: words in a sentence -> the term of the kind. Longest match wins.
INSTRUMENT_CUES = {
    "instrument of adhesion": "instrument of adhesion", "adhesion": "instrument of adhesion",
    "adhered": "instrument of adhesion", "acceded": "instrument of adhesion",
    "accession": "instrument of adhesion",
    "signed": "signature", "signs": "signature", "signing": "signature", "signature": "signature",
    "ratified": "ratification", "ratifies": "ratification", "ratification": "ratification",
    "ratify": "ratification",
    "memorandum of understanding": "memorandum of understanding",
    "status-of-forces agreement": "status-of-forces agreement",
    "status of forces agreement": "status-of-forces agreement",
    # a status-of-mission agreement sets out the status of a mission's personnel in its host state, as
    # the scheme's status-of-forces agreement does: "the Status of Mission Agreement signed on 3 December"
    "status of mission agreement": "status-of-forces agreement",
    "status-of-mission agreement": "status-of-forces agreement",
    "extended the mandate": "mandate extension", "extends the mandate": "mandate extension",
    "renewed the mandate": "mandate extension", "renews the mandate": "mandate extension",
    "mandate extension": "mandate extension",
    "notice of withdrawal": "withdrawal notice", "withdrawal notice": "withdrawal notice",
}
#: Verbs by which a body extends a mission's mandate, and the nouns of what it extends.
RENEWING_VERBS = ("extend", "renew", "prolong")
MANDATE_NOUNS = ("mandate", "authorisation", "authorization")
#: The terms of instruments by which a state joins a mission (and so becomes a member).
JOINING_TERMS = ("instrument of adhesion", "signature", "ratification")
#: Cues that are instruments in their own right: a state signing *these* is not a signature of
#: the mission's agreement.
INSTRUMENT_NOUN_TERMS = ("memorandum of understanding", "status-of-forces agreement", "mandate extension")
#: Who adopts a resolution: words before "resolution" -> the term of the instrument kind.
RESOLUTION_BODIES = {"security council": "UN Security Council resolution",
                     "general assembly": "UN General Assembly resolution"}
#: A state that follows another's instrument on a later date ("followed by the Bahamas on ...").
FOLLOW_WORDS = ("followed", "follows", "then", "later")

#: What a state sends: words -> the term of the deployment kind. Longest match wins.
DEPLOYMENT_CUES = {
    "troops": "troops", "soldiers": "troops", "marines": "troops", "military contingent": "troops",
    "military personnel": "troops", "infantry": "troops", "battalion": "troops",
    "company": "troops", "companies": "troops", "platoon": "troops", "platoons": "troops",  # an army's units
    "military police": "military police",
    "police officers": "police", "police personnel": "police", "officers": "police",
    "police": "police", "gendarmes": "police", "carabineros": "police", "constables": "police", "policemen": "police",
    "policewomen": "police", "airmen": "troops", "airwomen": "troops",
    "formed police unit": "formed police unit", "formed police units": "formed police unit",
    "formed unit": "formed police unit", "formed units": "formed police unit",
    "staff officers": "staff officers", "liaison officers": "staff officers",
    "medical team": "medical team", "medical teams": "medical team", "medics": "medical team",
    "field hospital": "medical team", "field hospital team": "medical team",
    "medical evacuation helicopters": "medical evacuation helicopters",
    "medevac helicopters": "medical evacuation helicopters",
    "helicopters": "helicopters", "engineers": "engineers",
    **{f"{engineer} {unit}": "engineers" for engineer in ("engineer", "engineering")
       for unit in ("company", "companies", "unit", "units", "battalion", "platoon", "detachment", "squadron",
                    "contingent")},
    "personnel": "personnel", "sailors": "troops", "navy personnel": "troops", "naval personnel": "troops",
    "vessel": "equipment", "vessels": "equipment", "patrol vessel": "equipment", "patrol vessels": "equipment",
    "frigate": "equipment", "frigates": "equipment", "warship": "equipment", "warships": "equipment",
    "armoured vehicles": "armoured vehicles", "armored vehicles": "armoured vehicles",
    "navy detachment": "troops", "naval detachment": "troops", "army detachment": "troops",
    "patrol boat": "equipment", "patrol boats": "equipment", "patrol craft": "equipment", "ship": "equipment",
    "ships": "equipment", "naval vessels": "equipment", "offshore patrol vessel": "equipment",
    "military police officers": "military police", "military policemen": "military police",
    "police instructors": "individual police officers", "police advisers": "individual police officers",
    "police advisors": "individual police officers", "police trainers": "individual police officers",
    "police mentors": "individual police officers", "individual police officers": "individual police officers",
    "servicemen": "troops", "service members": "troops", "army personnel": "troops", "paratroopers": "troops",
    "doctors": "medical team", "nurses": "medical team", "medical staff": "medical team",
    "civilian experts": "civilian staff", "civilian personnel": "civilian staff",
}
#: Kinds of deployment counted by the craft: a ship or an aircraft named in the singular is one.
CRAFT_KINDS = ("equipment", "aircraft")
#: Their nouns that are the same in the plural.
SAME_IN_PLURAL = ("aircraft", "craft")
#: Nouns that carry a deployment when its kind is given by a word before them ("a Military
#: Police contingent") or not at all, and their plurals ("the Zambian and Malawian contingents").
DEPLOYMENT_UNITS = ("contingent", "unit", "team", "battalion", "company", "detachment", "platoon",
                    "contingents", "units", "teams", "battalions", "detachments", "platoons")

#: How far a deployment had got: words -> the term of the deployment status.
STATUS_CUES = {
    "pledged": "pledged", "pledge": "pledged", "pledges": "pledged", "promised": "pledged",
    "promise": "pledged", "promises": "pledged", "offered": "pledged", "offers": "pledged",
    "committed": "committed", "committing": "committed", "commit": "committed",
    "commits": "committed", "decided": "committed", "agreed": "committed", "approved": "committed",
    "will": "committed", "would": "committed",
    "arrived": "arrived", "arrive": "arrived", "arrives": "arrived", "arrival": "arrived",
    "landed": "arrived", "welcomed": "arrived", "reached": "arrived", "deployed": "arrived",
    "dispatched": "arrived", "sent": "arrived",
    "includes": "serving", "include": "serving", "serving": "serving",
    "serve": "serving", "serves": "serving",
}

#: Titles of posts: words -> the term of the role. Longest match wins.
ROLE_CUES = {
    "president": "president", "prime minister": "prime minister",
    "head of government": "head of government", "head of state": "head of state",
    "foreign minister": "foreign minister", "minister of foreign affairs": "foreign minister",
    "foreign affairs minister": "foreign minister", "foreign secretary": "foreign minister",
    "defence minister": "defence minister", "defense minister": "defence minister",
    "minister of defence": "defence minister", "minister of defense": "defence minister",
    "minister of national defence": "defence minister", "minister of the armed forces": "defence minister",
    "armed forces minister": "defence minister",
    "minister": "minister",
    "ambassador": "ambassador", "high commissioner": "ambassador",
    "permanent representative": "permanent representative",
    "force commander": "force commander", "commander": "commander", "commanding officer": "commander",
    "police commissioner": "police commissioner", "commissioner": "commissioner",
    "secretary-general": "secretary-general", "secretary general": "secretary-general",
    "special representative": "special representative", "envoy": "envoy",
    "special envoy": "special envoy", "spokesperson": "spokesperson", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "commissioner of police": "police chief",
    "chief of general staff": "chief of defence", "chief of the general staff": "chief of defence",
    "chief of staff of the armed forces": "chief of defence", "secretary of state": "secretary of state",
    "chief of defence staff": "chief of defence", "chief of the defence staff": "chief of defence",
    "chief of defence force": "chief of defence", "chief of the defence force": "chief of defence",
    "interior minister": "interior minister", "minister of the interior": "interior minister",
    "minister of interior": "interior minister", "home affairs minister": "interior minister",
    "minister of home affairs": "interior minister", "security minister": "security minister",
    "minister of security": "security minister", "minister of public security": "security minister",
    "minister of internal security": "security minister", "minister of national security": "security minister",
    "national security minister": "security minister", "public security minister": "security minister",
    "interior cabinet secretary": "interior minister", "cabinet secretary for the interior": "interior minister",
    "cabinet secretary for interior": "interior minister",
    "minister for foreign affairs": "foreign minister", "minister of external affairs": "foreign minister",
    "external affairs minister": "foreign minister", "minister for defence": "defence minister",
    "defence secretary": "defence minister", "defense secretary": "defence minister",
    "inspector general of police": "police chief", "inspector-general of police": "police chief",
    "police chief": "police chief", "chief of police": "police chief", "national police chief": "police chief",
    "director general of police": "police chief", "director-general of police": "police chief",
}
#: Words before a title that make its holder a deputy, not the holder of the post named.
DEPUTY_WORDS = ("deputy", "vice", "assistant")
#: Ranks and courtesy titles before a name, not part of it: "Corporal Andre Lewis".
HONORIFICS = ("mr", "mrs", "ms", "dr", "corporal", "sergeant", "private", "captain", "lieutenant", "major",
              "colonel", "general", "commander", "inspector", "superintendent", "officer", "deputy",
              "hon", "honourable", "honorable", "me", "mme", "maître", "maitre", "begum", "excellency", "his",
              "her", "h.e", "sir", "dame", "professor", "prof", "brigadier", "admiral", "vice", "rear", "chief",
              "squadron", "ambassador", "lic", "licdo", "licda", "ing", "abg", "alhaji", "alhaja", "ratu", "commandant",
              "comisionado", "amb", "cop")  # "Hon. Dr. Zuhura ...", "Me Carlos ..."
#: (Maître), "Her Excellency", "Licdo. Rogelio ..." (Licenciado), "Ing." (Ingeniero), "Abg." (Abogado),
#: "Alhaji" (a Muslim elder), "Ratu" (a Fijian chief), "Amb." (Ambassador), "COP" (Commissioner of Police)
#: Titles that head a police force when "of the ... Police" follows ("Director General of the
#: Haitian National Police"): cues of posts only then.
POLICE_HEADS = {"director general": "director general", "director-general": "director general",
                "inspector general": "inspector general", "inspector-general": "inspector general"}
POLICE_WORDS = ("police", "gendarmerie")
#: A mission's own posts, which curators record in the state of their holder.
MISSION_POSTS = ("force-commander", "head-of-mission", "police-commissioner")
#: Verbs by lemma whose object held the post before its subject: "succeeds X as force commander".
SUCCEEDING_VERBS = ("succeed", "replace", "relieve")
#: Units a contingent commander leads: "Major X, who commands the company".
UNIT_NOUNS = ("contingent", "company", "unit", "platoon", "detachment", "battalion", "squadron", "group", "team",
              "troops", "rotation")
#: Titles that are also ranks: right before a name ("Commissioner Godfrey Otieno") they hold no post.
RANKS = ("commander", "commissioner")
#: Words between a state's name and a title that leave the post the state's: "Guinea-Bissau's former Minister".
TITLE_TIMES = ("former", "then", "new", "current", "outgoing", "incoming", "acting", "interim")
#: The words of a minister's portfolio, as governments name them (see :mod:`.titles`).
PORTFOLIO_WORDS = frozenset({
    "affairs", "foreign", "external", "trade", "international", "cooperation", "co-operation", "regional",
    "integration", "worship", "diaspora", "relations", "justice", "public", "security", "national", "interior",
    "home", "internal", "administration", "order", "safety", "defence", "defense", "armed", "forces", "service",
    "veterans", "legal", "immigration", "labour", "labor", "development", "finance", "planning", "citizenship",
    "police", "coordination", "policing", "border", "borders", "territorial", "local", "government",
})
#: The role a portfolio's words give, in order: a minister "of Defence and National Service" is
#: the defence minister before anything else.
PORTFOLIO_ROLES = (
    ("defence minister", frozenset({"defence", "defense", "armed", "veterans"})),
    ("foreign minister", frozenset({"foreign", "external"})),
    ("interior minister", frozenset({"interior", "home", "security", "order", "safety", "internal", "policing"})),
)
#: Roles of envoys: the organization or state after "to" is where they are accredited.
ACCREDITED_ROLES = ("ambassador", "permanent representative", "envoy", "special envoy")

#: The most words a portfolio lists on after a comma ("Minister for Foreign Affairs, International
#: Cooperation and Communities of Guinea-Bissau").
PORTFOLIO_WORDS_LISTED = 8

#: Nouns of the state that leads a mission, after "lead": "Kenya, the lead nation".
LEADING_STATE_NOUNS = ("nation", "country", "state")
#: Possessive pronouns that stand for an entity named before: "commended Kenya for its leadership".
POSSESSIVE_PRONOUNS = ("its", "their")
#: How many words from "lead nation" its state may be named: "Kenya, as lead nation", "Kenya,
#: the mission's lead nation", "Lead nation: Republic of Kenya".
LEAD_NATION_REACH = 5

#: Verbs that introduce a quotation.
SPEECH_VERBS = ("said", "says", "say", "stated", "states", "remarked", "added", "told", "declared",
                "noted", "emphasized", "emphasised", "stressed", "explained", "warned", "insisted",
                "affirmed", "commented", "according", "replied", "responded", "answered", "wrote", "recalled",
                "argued", "acknowledged", "assured")
#: Verbs by lemma of making an agreement: "an agreement signed in Lomé between ...".
SIGNING_VERBS = ("sign", "conclude", "agree", "reach")
#: A state's services and the kind of personnel a unit "of" them is ("a company of the Tanzania
#: People's Defence Force"), longest first.
SERVICE_KINDS = {"defence force": "troops", "defense force": "troops", "armed forces": "troops", "army": "troops",
                 "navy": "troops", "marines": "troops", "air force": "troops", "police": "police",
                 "gendarmerie": "police", "constabulary": "police"}
#: Words right before a name that give it as a name: "its French initials, MMAS", "call it the MSMM".
CALLING_WORDS = ("initials", "acronym", "abbreviation", "call", "calls", "called", "it", "name", "named", "dubbed")
#: Words around a demonym that make it a language, not a state: "translated from French", "known
#: in Spanish as", "its Portuguese acronym", "French-speaking officers".
LANGUAGE_VERBS = ("translated", "translation", "known", "written", "published", "speak", "speaks", "spoke",
                  "spoken", "called", "taught", "interpreted")
LANGUAGE_NOUNS = ("acronym", "initials", "abbreviation", "name", "language", "translation", "version",
                  "speakers", "-speaking", "lessons", "classes", "interpreters", "interpreter", "original", "text",
                  "edition")
#: Words before quotation marks that make them a name or a title, not words said.
NAMING_WORDS = ("hereinafter", "headlined", "titled", "entitled", "dubbed", "nicknamed")
#: Words after quotation marks that make them a term being defined ("“Host State” means ...").
DEFINING_WORDS = ("means", "shall", "refers")
#: Who speaks for a state without a name: "U.S. officials", "the Kenyan government".
SPEAKING_BODIES = ("officials", "official", "government", "spokesperson", "spokesman", "ministry",
                   "authorities", "embassy", "delegation")
#: Pronouns: a quote attributed to one names no speaker in its own sentence.
PRONOUNS = ("he", "she", "they", "it", "we", "i")
#: The fewest words of a quotation that names no speaker which can be a statement: fewer are a
#: name, a title or a phrase held at a distance ("survival French").
FEWEST_WORDS_SAID = 4
#: Occasions words are said at ("said during the event", "told reporters at the airport"): the
#: article's last event, on the last day the article gives before them.
OCCASION_NOUNS = ("event", "ceremony", "parade", "meeting", "summit", "session", "conference", "signing",
                  "handover", "farewell", "vote", "debate", "sitting", "gathering", "airport",
                  "scene", "chamber", "arrivals", "briefing", "tarmac", "apron", "quayside")
#: Verbs of a host greeting a mission's arrivals ("welcomed them on the tarmac").
GREETING_LEMMAS = ("welcome", "greet", "receive")
#: Words for the people a host greets besides its personnel nouns: "welcomed them", "the new arrivals".
ARRIVING_PEOPLE = ("them", "him", "her", "arrivals")
#: Words of people coming home, whom their own state greets ("the returning crew").
HOMECOMING_WORDS = ("returning", "returned", "home")
#: Statuses of personnel that are in the mission's area.
PRESENT_STATUSES = ("arrived", "serving")
#: Statuses of an act done on a day ("landed on 4 May", "left in June").
DONE_STATUSES = ("arrived", "withdrawn")
#: "said at the ceremony", "after the signing", "during the debate": when words were said.
OCCASION_PREPOSITIONS = ("at", "after", "during", "on")

#: Words of a meeting, which an organization named in its sentence holds ("Forum leaders, meeting
#: in Honiara, endorse ..."), and which happens where a dateline's report is filed, on its day
#: ("briefed ministers in Dakar").
MEETING_WORDS = ("summit", "meeting", "meet", "brief", "ceremony", "conference", "session")
#: Events: words -> the term of the event kind. An event needs a time or a venue of its own.
EVENT_CUES = {
    "announcement": "announcement", "announced": "announcement", "announces": "announcement",
    "pledge": "pledge", "ceremony": "ceremony", "parade": "ceremony", "summit": "meeting",
    "signing ceremony": "signing ceremony", "meeting": "meeting", "met": "meeting", "meets": "meeting",
    "briefed": "meeting", "visit": "visit", "visited": "visit", "visits": "visit",
}
#: Events a curator records as another fact, or not at all: an arrival is the deployment that
#: arrived; an attack on the mission is told by the deployments it shows serving, and the
#: words around it name who condemns it, not who did it.
EVENTS_TOLD_OTHERWISE = ("arrival", "attack")
#: The verbs of events (their lemmas); the other cues are nouns: "pledged" is no event, the
#: deployment's status.
EVENT_VERBS = ("announce", "meet", "brief", "visit")

#: Partnerships: words -> the term of the partner role.
BACKER_CUES = ("backed", "authorized", "authorised", "mandated", "endorsed")
#: Nouns of backing a mission: "reaffirmed their backing for the Mission".
BACKING_NOUNS = ("backing", "endorsement", "authorization", "authorisation")
SUPPORTER_CUES = ("support", "supports", "supported", "supporting")
FUNDER_CUES = ("funded", "funds", "fund", "funding", "financed", "finances", "financing", "bankrolled")
HOST_FORCE_CUES = ("alongside", "bolster", "bolsters", "assist", "assists", "support", "supports",
                   "train", "trains", "with", "reinforce", "reinforces", "help", "helps")
PARTNER_TERMS = {"backer": "backer", "supporter": "supporter", "funder": "funder",
                 "host state": "host state", "host government": "host government",
                 "host force": "host-nation force"}

#: Claims about the coalition: "the fifth nation to back", "five countries".
CLAIM_NOUNS = ("nation", "nations", "country", "countries", "state", "states", "member", "members")
CLAIM_VERBS = ("join", "back", "support", "sign", "ratify", "contribute", "commit", "adhere", "deploy")

#: How the head word of a new organization's name tells its kind.
ORGANIZATION_HEADS = {
    "mission": "mission", "operation": "mission", "force": "mission",
    "police": "government-body", "ministry": "government-body", "government": "government-body",
    "army": "government-body", "forces": "government-body", "guard": "government-body",
    "parliament": "government-body", "senate": "government-body", "congress": "government-body",
    "organization": "international-organization", "organisation": "international-organization",
    "union": "international-organization", "community": "international-organization",
    "council": "international-organization", "nations": "international-organization",
    "bank": "international-organization", "commission": "international-organization",
    "assembly": "international-organization", "alliance": "international-organization",
    "fund": "international-organization", "agency": "international-organization",
    "secretariat": "international-organization", "office": "international-organization",
}
#: Words that make a force several states' own, a mission, though a state names its place
#: ("Lake Chad Stabilization Force", "Multinational Joint Task Force"), unlike "Royal Bahamas Defence Force".
JOINT_FORCE_WORDS = ("stabilization", "stabilisation", "multinational", "joint", "regional", "intervention",
                     "standby", "peace", "peacekeeping", "support", "security", "coalition", "international")
#: Small words inside a multi-word name: "Organization *of* American States".
NAME_CONNECTORS = ("of", "for", "and", "the", "on", "in", "de")

#: The head words of an international organization's name that need no acronym to be found:
#: "the European Union", "the Pacific Islands Forum".
ORGANIZATION_NAME_HEADS = ("union", "community", "organization", "organisation", "alliance", "league", "bank")

#: Words for the holders of the same post in other states: "met his Jamaican counterpart, X".
COUNTERPART_WORDS = ("counterpart", "counterparts")

#: Words of offices and bodies: a name with one of them is never a person's ("the Foreign
#: Office said", "the Ministry of Home Affairs said", "State House").
BODY_WORDS = frozenset({
    "ministry", "ministries", "department", "office", "council", "assembly", "police", "government",
    "commission", "secretariat", "senate", "house", "parliament", "congress", "presidency", "agency",
    "force", "forces", "army", "navy", "guard", "embassy", "court", "committee", "cabinet", "bureau",
    "affairs", "foreign", "defence", "defense", "national", "security", "interior", "home", "justice",
    "state", "states", "republic", "kingdom", "union", "community", "organization", "organisation",
    "mission", "nations", "united", "international", "headquarters", "airport", "palace", "wire",
    "news", "press", "service", "services", "authority", "authorities", "directorate",
    "opposition", "party", "coalition", "ecowas", "caricom",
})
#: The words of the titles above: cut from the front of a name ("Foreign Minister", "Commissioner").
ROLE_WORDS = frozenset(word for title in ROLE_CUES for word in title.replace("-", " ").split()) | {
    "deputy", "vice", "chief", "acting", "senior", "general", "secretary", "director", "head",
    "inspector", "colonel", "senator", "representative", "chairman", "chairwoman", "chair"}
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
#: Nouns of a definite description that refers to the article's main state: "the West African
#: country", "the island nation", "the government".
STATE_NOUNS = ("country", "nation", "island", "islands", "archipelago", "republic", "kingdom", "federation",
               "government")
#: Demonyms that also name a language: "published in French" names no state.
LANGUAGES = ("French", "Spanish", "Portuguese", "English", "Dutch", "Arabic", "Italian", "German")
#: The head nouns of organizations' names that stand for them alone: "the Community" (SADC, ECOWAS).
ORGANIZATION_NOUNS = ("Community", "Union", "Forum", "Organization", "Organisation", "Alliance")
#: Verbs that give a post to their object: "the Council appointed X as Force Commander".
APPOINTING_VERBS = ("appoint", "name", "designate", "nominate")
#: Whose country a letter's or a speech's "my Government", "our country" is: the speaker's, the main state.
FIRST_PERSON_POSSESSIVES = ("my", "our")
#: Lower-case words that may open such a description: "the landlocked country".
DESCRIBING_WORDS = ("landlocked",)

#: Verbs by lemma -> the status of the deployment they govern; the auxiliaries then decide
#: ("will arrive" is committed, "could send" pledged).
STATUS_VERBS = {
    "pledge": "pledged", "promise": "pledged", "offer": "pledged", "propose": "pledged",
    "commit": "committed", "decide": "committed", "agree": "committed", "approve": "committed",
    "authorize": "committed", "authorise": "committed", "replace": "arrived", "prepare": "committed",
    "arrive": "arrived", "land": "arrived", "reach": "arrived", "welcome": "arrived", "dispatch": "arrived",
    "send": "arrived", "deploy": "arrived", "fly": "arrived", "reinforce": "arrived", "provide": "arrived",
    "supply": "arrived", "lend": "arrived", "donate": "arrived",
    "serve": "serving", "contribute": "serving", "have": "serving", "include": "serving", "lead": "serving",
    "comprise": "serving", "stay": "serving", "remain": "serving", "keep": "serving",
    "touch": "arrived", "relieve": "arrived", "return": "withdrawn", "dock": "arrived", "berth": "arrived",
    "moor": "arrived",
    "guard": "serving", "protect": "serving", "operate": "serving", "man": "serving", "maintain": "serving",
    "number": "serving",
    "withdraw": "withdrawn", "repatriate": "withdrawn", "pull": "withdrawn",
}
#: Words after a deployment's noun that send it on its way: "the troops bound for the mission".
BOUND_WORDS = ("bound", "headed", "destined")
#: Words whose clause is to come: "45 staff officers, due to arrive in November".
FUTURE_HEADS = ("due", "expected", "scheduled", "set")
#: Words that make an act a rumour: "reports that ... would send", "is reported to be preparing".
RUMOUR_LEMMAS = ("report", "rumour", "rumor", "speculation")
RUMOUR_ADVERBS = ("reportedly", "allegedly", "supposedly")
#: Verbs that deny what they govern: "has ruled out sending troops", "refused to send".
DENYING_VERBS = ("rule", "refuse", "deny", "reject", "decline")
#: Subjects that deny their verb: "none of them has signed", "nothing is signed".
NEGATIVE_PRONOUNS = ("none", "nothing", "nobody", "neither")
#: What a state signs that is not the mission's agreement, so no signature that joins it: "signed
#: a memorandum", "the decree, signed on 12 June", "an exchange of letters signed in Nairobi".
SIGNED_OTHER_NOUNS = ("memorandum", "decree", "exchange", "letter", "letters", "papers", "law", "bill", "order",
                      "contract", "anything")
#: Lemmas of speech verbs: a date they govern is when something was said.
SPEECH_LEMMAS = ("say", "state", "announce", "tell", "add", "declare", "note", "report", "confirm", "insist",
                 "stress", "emphasize", "emphasise", "warn", "explain", "remark", "reply", "respond", "answer",
                 "write", "recall", "argue", "acknowledge", "assure", "describe", "thank", "remind", "deny",
                 "welcome")
#: Nouns of one official of a state: "one Kenyan officer said", "a Jamaican corporal said".
OFFICIAL_NOUNS = ("officer", "official", "officials", "corporal", "soldier", "sergeant", "captain", "commander",
                  "spokesman", "spokeswoman", "spokesperson", "diplomat", "source", "minister", "envoy",
                  "representative", "delegate")

#: Verbs by lemma whose subject becomes a partner of the mission, and the role it takes: a backer
#: acts on the mission itself ("has authorized the force"), a funder gives money, a logistics
#: provider transport or supplies, a trainer trains.
PARTNER_VERBS = {"authorize": "backer", "authorise": "backer", "endorse": "backer", "back": "backer",
                 "mandate": "backer", "fund": "funder", "finance": "funder", "bankroll": "funder",
                 "pay": "funder", "give": "funder", "provide": "funder", "donate": "funder", "pledge": "funder",
                 "train": "trainer", "meet": "funder", "cover": "funder", "contribute": "funder",
                 "fly": "logistics provider", "airlift": "logistics provider"}
#: Nouns of those who train others: "a course given by instructors of the French Gendarmerie".
INSTRUCTOR_NOUNS = ("instructors", "trainers")
#: Verbs of carrying personnel: their subject may be a carrier, not the sender ("flew the sailors to Pemba").
CARRYING_VERBS = ("fly", "airlift", "ferry", "carry", "transport")
#: Nouns of money given: a verb whose object holds one gives it ("announced $60 million in funding").
FUNDING_NOUNS = ("funding", "financing")
MONEY_WORDS = ("dollars", "euros", "pounds", "francs", "shillings", "million", "billion", "money", "funding",
               "funds", "grant", "salaries", "cheques")
#: What a mission costs, and the verbs by which someone bears it: "Australia and New Zealand meet
#: most of the mission's costs", "the European Union pays the troop allowances".
COST_WORDS = ("cost", "costs", "allowances", "bills", "expenses")
COST_VERBS = ("meet", "cover", "pay")
#: Verbs of funding: with those of paying costs, whoever pays for a mission's fuel or airlift
#: funds it, it does not provide them.
FUNDING_VERBS = ("fund", "finance", "bankroll")
#: Words of working together in the field: "joint patrols with the Haitian National Police".
JOINT_WORK_WORDS = ("joint", "jointly", "patrol", "patrols", "patrolled", "patrolling")
#: Participles by which an organization creates a mission: "established by the African Union",
#: "set up by the Southern African Development Community".
FOUNDING_WORDS = ("established", "created", "launched", "up")
#: What a state puts into a mission's fund: "their contributions to the trust fund", "made new payments".
CONTRIBUTION_NOUNS = ("contribution", "contributions", "payment", "payments", "cheques", "checks", "donation",
                      "donations", "grant", "grants")
#: Nouns of those who give to a fund: "the fund's two largest donors", "whose main contributors".
DONOR_NOUNS = ("donors", "donor", "contributors", "contributor", "funders")
#: The words of a mission's fund: "the Mission's trust fund", "the UN-administered trust fund".
FUND_WORDS = ("fund", "funds")
LOGISTICS_WORDS = ("airlift", "transport", "logistics", "fuel", "supplies", "flights", "ships", "base")
TRAINEE_WORDS = ("cadets", "recruits", "officers", "police", "soldiers", "troops", "personnel", "forces", "teams",
                 "crews", "sappers", "engineers", "gendarmes", "sailors", "marines", "contingent", "contingents")
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

#: Words that make a clause hypothetical: "once the agreement was signed", "if parliament approves".
HYPOTHETICAL_MARKS = ("once", "if", "when", "until", "unless", "before", "after", "whether")
#: Words that open a condition on an act: "could consider sending staff officers if requested".
CONDITION_MARKS = ("if", "unless")
#: Nouns that refer back to an agreement already named: "The agreement was signed at State House".
AGREEMENT_NOUNS = ("agreement", "accord", "memorandum", "instrument", "deal", "pact", "treaty")
#: Prepositions of what an agreement is about: "the Agreement ... on the Status of Uruguayan Personnel".
ABOUT_WORDS = ("on", "concerning", "regarding")
#: Slugs of instruments that are agreements in their own right (see INSTRUMENT_NOUN_TERMS).
INSTRUMENT_NOUN_SLUGS = ("memorandum-of-understanding", "status-of-forces-agreement", "bilateral-agreement")
#: A state's bodies whose acts are instruments: the nouns of the subject -> the instrument kind.
STATE_BODY_ACTS = {
    ("parliament", "house", "senate", "assembly", "congress", "legislature", "lawmakers", "deputies", "mps"):
        "parliamentary approval",
    ("court", "judge", "judges", "tribunal"): "court ruling",
    ("cabinet",): "executive decree",
}
#: Nouns of a body's assent: "the approval of the National Assembly", "Parliament gave its consent".
ASSENT_NOUNS = ("approval", "consent", "concurrence", "authorisation", "authorization")
#: The kinds of a body's act that such a noun may name.
ASSENTING_KINDS = ("parliamentary approval", "executive decree")
#: A state's acts cited by their number ("Decree No. 2026-1874", "Law No. 2026-31") -> the instrument kind.
NUMBERED_ACTS = {"decree": "executive decree", "law": "parliamentary approval",
                 "legislative decree": "parliamentary approval"}  # a congress's decree (Brazil, Peru)
#: The verbs by which each body acts.
STATE_BODY_VERBS = {"parliamentary approval": ("approve", "authorize", "authorise", "endorse", "vote", "back"),
                    "court ruling": ("rule", "allow", "block", "uphold", "quash", "clear"),
                    "executive decree": ("approve", "authorize", "authorise", "endorse")}
#: What a parliament or a court acts on when its act concerns the mission.
PARTICIPATION_WORDS = ("deployment", "participation", "contingent", "troops", "soldiers", "officers", "police",
                       "personnel", "mission", "force")
#: Verbs by which states found a mission, and so become its members.
FOUNDING_VERBS = ("launch", "create", "establish", "form", "found")
#: Lemmas of an organization's decision that authorises or founds a mission ("set up" too).
FOUNDING_DECISION_VERBS = ("authorise", "authorize", "establish", "create")
#: Words after a host state's force that say it works with the mission: "would work alongside".
#: Prepositions of those a deployment works beside, who are not deployed by its verb.
BESIDE = ("beside", "alongside", "with", "among", "against")
ALONGSIDE = ("alongside", "with", "together", "jointly")
#: Verbs of a deployment's movement that give no status of their own: with "will" they are a
#: commitment ("will follow in March"); a deployment noun under another verb ("would carry
#: supplies", "will repair police stations") is no deployment.
#: Words before a demonym that make it a region's: "Central American", "West African".
REGION_WORDS = ("central", "latin", "north", "south", "west", "east", "northern", "southern", "western", "eastern",
                "sub-saharan", "pan")
#: "Both countries", "the two states": the states named last, as many as counted.
PLURAL_STATE_NOUNS = ("countries", "states", "nations", "governments")
#: Nouns of a deployment's going home: "the return home of the police contingent".
WITHDRAWAL_NOUNS = {noun: "withdrawn" for noun in ("return", "withdrawal", "withdrawals", "repatriation",
                                                   "drawdown")}
#: Verbs of setting off: "left for Haiti" is on the way, committed, not arrived.
DEPARTING_VERBS = ("leave", "depart", "sail", "head", "set")
MOVING_VERBS = ("come", "follow", "leave", "sail", "travel", "go", "join", "bring", "rotate", "move", "head", "begin",
                "start", "complete", "number", "total", "form", "be")
#: Verbs by which a state or body provides something to the mission: said in the passive with
#: "by", of materiel or transport, they make it a logistics provider.
LENDING_VERBS = ("provide", "supply", "lend", "donate")
#: What a state provides that is people, not materiel: "escorts provided by soldiers".
PEOPLE_PROVIDED = (*TRAINEE_WORDS, *DEPLOYMENT_UNITS, "escorts", "instructors", "trainers", "advisers", "advisors",
                   "staff", "doctors", "nurses", "medics")
#: Verbs of providing: said in the present ("Kenya supplies the largest contingent"), what a state
#: provides is serving, not newly arrived (unlike verbs of movement: a timeline's or a headline's
#: "Tanzania and South Africa send troops" is an arrival).
PROVIDING_VERBS = ("provide", "supply", "lend")
#: Prepositions of the means that carries a deployment: "on a chartered aircraft", "aboard the ship".
CARRIED_BY = ("aboard", "on", "onboard")
#: Nouns of such a means: whoever owns or lays it on carries for the mission ("aboard an aircraft
#: chartered by the United States", "on a Royal Australian Air Force C-130").
CARRIER_NOUNS = ("aircraft", "plane", "planes", "airliner", "jet", "ship", "vessel", "craft", "flight", "flights",
                 "charter", "helicopter", "helicopters")
#: Verbs that say what something is made of: serving as the clause's verb ("the mission comprises
#: troops from ..."), no status of their own as a participle ("the reinforcements, comprising ...").
COMPOSITION_VERBS = ("include", "comprise")
#: Verbs whose object leaves as their subject arrives: "the troops will relieve a contingent".
REPLACING_VERBS = ("replace", "relieve")
#: A relief said with "take": its particle or object -> the preposition before what it replaces
#: ("took over from Guatemalan army engineers", "take the place of 190 officers").
TAKING_OVER = {"over": "from", "place": "of"}
#: Auxiliaries of an act only thought possible: "could send" is a pledge, "may withdraw" nothing.
TENTATIVE_AUXILIARIES = ("could", "may", "might", "can")
#: Auxiliaries and heads of a relief still to come: "will relieve the first", "is due to relieve it".
UNDONE_MARKS = ("will", "would", "shall", "'ll", "to", "could", "may", "might", "can", "should")
#: Verbs of a deployment that goes on: serving, even when they are said of the future ("will stay
#: until the mission ends", "will keep two vessels with the mission").
CONTINUING_VERBS = ("stay", "remain", "keep", "continue")
#: Units of a stay that, counted after "after", end it: "landed after eight months in Pemba".
STAY_LENGTHS = ("month", "year", "week")
#: Adverbs that make an arrival a presence: "had already been deployed", "are currently deployed".
ONGOING_WORDS = ("already", "currently", "still", "now")
#: Verbs of the work a serving unit does: "Jamaican soldiers patrol a market street". Said in the
#: present, they tell that it serves, but not its size or when it came; the date they carry is the
#: work's. Said in the past ("a platoon that had held the stretch"), they tell of one gone.
ACTIVITY_VERBS = ("patrol", "hold", "escort", "staff")
