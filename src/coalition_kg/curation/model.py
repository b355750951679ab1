"""The curated data model: which records a curator may write and what each field means in RDF.

One table drives the reader (which fields exist), the RDF mapping (which predicate
and term each field becomes), the documentation and the sentence a page titles each fact by.
Adding a fact kind or a field is a change here plus its SHACL shape; no other code changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from coalition_kg.core.namespaces import ONTOLOGY as CKG
from coalition_kg.core.namespaces import PREFIXES

ORG = PREFIXES["org"]
PROV = PREFIXES["prov"]
SKOS = PREFIXES["skos"]
DCTERMS = PREFIXES["dcterms"]
SCHEMA = PREFIXES["schema"]
RDFS = PREFIXES["rdfs"]


@dataclass(frozen=True)
class FieldSpec:
    """How one curated field becomes one triple ``(record, predicate, value)``.

    ``term`` is one of: ``ref`` (another entity or fact, written ``kind/slug``),
    ``concept`` (a slug of the SKOS scheme ``scheme``), ``date`` (ISO 8601 date,
    year-month or year), ``integer``, ``text`` (English prose), ``string`` (a name
    or code, no language), ``wikidata`` (a Q identifier), ``url`` (a web address).
    """

    predicate: str
    term: str
    scheme: str | None = None


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its class and its fields.

    ``shortcut`` names a direct triple that summarises the record, as W3C ORG
    does with ``org:memberOf`` for an ``org:Membership``: ``(subject field,
    predicate, object field)``, where the field ``@`` is the record itself.

    ``title`` is how a page titles a fact of this kind, with a sentence made of its values
    ("Guatemala joined the Multinational Security Support Mission by its instrument of adhesion,
    6 December 2024"): the first of its templates whose every value outside brackets is known.
    In a template, ``{field}`` is a field's value as a person reads it (an entity's name, a
    fact's own title, a concept's label, a date written out, a number), ``{field.other}`` the
    field ``other`` of the fact that ``field`` names, ``{field:nth}`` a number as an ordinal
    ("second"); a part in ``[...]`` is left out when a value in it is unknown.
    """

    rdf_class: str
    fields: dict[str, FieldSpec]
    shortcut: tuple[str, str, str] | None = None
    summary: str = ""
    title: tuple[str, ...] = ()


def ref(predicate: str) -> FieldSpec:
    """A field whose value names another entity or fact."""
    return FieldSpec(predicate, "ref")


DATE = FieldSpec(DCTERMS + "date", "date")
DATE_TEXT = FieldSpec(CKG + "dateText", "string")
MISSION = ref(CKG + "mission")
LABEL = FieldSpec(RDFS + "label", "text")

#: Fields every fact has besides its own; ``id``, ``kind`` and ``evidence`` are required.
COMMON_FACT_FIELDS = ("id", "kind", "evidence", "note")

FACT_KINDS: dict[str, RecordKind] = {
    "membership": RecordKind(
        CKG + "Membership",
        {
            "member": ref(ORG + "member"),
            "mission": ref(ORG + "organization"),
            "instrument": ref(CKG + "joinedBy"),
        },
        shortcut=("member", ORG + "memberOf", "mission"),
        summary="a state takes part in a mission, joined by an instrument when the source names it",
        title=("{member} joined {mission}[ by its {instrument.instrument_kind}][, {instrument.date}]",),
    ),
    "instrument": RecordKind(
        CKG + "LegalInstrument",
        {
            "instrument_kind": FieldSpec(CKG + "instrumentKind", "concept", "instrument-kind"),
            "label": LABEL,
            "number": FieldSpec(SCHEMA + "legislationIdentifier", "string"),
            "party": ref(CKG + "party"),
            "mission": MISSION,
            "date": DATE,
        },
        summary="a legal act concerning a mission: a resolution, a state's adhesion, signature or ratification, "
                "an agreement",
        title=(
            "{label}",
            "{instrument_kind} by {party}[ for {mission}][, {date}]",
            "Legal instrument by {party}[ for {mission}][, {date}]",
            "{instrument_kind}[ for {mission}][, {date}]",
        ),
    ),
    "deployment": RecordKind(
        CKG + "Deployment",
        {
            "state": ref(CKG + "deployingState"),
            "mission": MISSION,
            "deployment_kind": FieldSpec(CKG + "deploymentKind", "concept", "deployment-kind"),
            "status": FieldSpec(CKG + "deploymentStatus", "concept", "deployment-status"),
            "ordinal": FieldSpec(CKG + "ordinal", "integer"),
            "size": FieldSpec(CKG + "size", "integer"),
            "place": ref(CKG + "place"),
            "date": DATE,
            "date_text": DATE_TEXT,
        },
        summary="what a state sends or promises to a mission",
        title=(
            "[{ordinal:nth} contingent of ][{size} ]{deployment_kind} from {state} to {mission}[, {status}][ in {place}]"
            "[, {date}][, {date_text}]",
            "Deployment from {state} to {mission}[, {status}][ in {place}][, {date}][, {date_text}]",
        ),
    ),
    "statement": RecordKind(
        CKG + "Statement",
        {
            "speaker": ref(CKG + "speaker"),
            "speaker_description": FieldSpec(CKG + "speakerDescription", "text"),
            "on_behalf_of": ref(CKG + "onBehalfOf"),
            "mission": MISSION,
            "text": FieldSpec(SCHEMA + "text", "text"),
            "date": DATE,
            "occasion": ref(CKG + "occasion"),
        },
        summary="words quoted exactly, said by a person or by a state's officials",
        title=("{speaker}[ ({speaker_description})][ for {on_behalf_of}] said “{text}”[, {date}]",),
    ),
    "post": RecordKind(
        CKG + "Post",
        {
            "holder": ref(ORG + "heldBy"),
            "organization": ref(ORG + "postIn"),
            "role": FieldSpec(ORG + "role", "concept", "role"),
            "accredited_to": ref(CKG + "accreditedTo"),
        },
        shortcut=("holder", ORG + "holds", "@"),
        summary="an official holds a post in a state or organization",
        title=(
            "{holder}, {role} of {organization}[, accredited to {accredited_to}]",
            "{holder}, official of {organization}[, accredited to {accredited_to}]",
        ),
    ),
    "event": RecordKind(
        CKG + "Event",
        {
            "event_kind": FieldSpec(CKG + "eventKind", "concept", "event-kind"),
            "label": LABEL,
            "agent": ref(CKG + "agent"),
            "mission": MISSION,
            "date": DATE,
            "date_text": DATE_TEXT,
            "place": FieldSpec(SCHEMA + "location", "string"),
            "venue": ref(CKG + "venue"),
        },
        summary="something that happened concerning a mission: an announcement, a pledge, an arrival, a meeting",
        title=(
            "{label}[, {date}][, {date_text}]",
            "{event_kind} by {agent}[ at {venue}][ in {place}][, {date}][, {date_text}]",
            "{event_kind}[ concerning {mission}][ at {venue}][ in {place}][, {date}][, {date_text}]",
        ),
    ),
    "partnership": RecordKind(
        CKG + "Partnership",
        {
            "mission": MISSION,
            "partner": ref(CKG + "partner"),
            "partner_role": FieldSpec(CKG + "partnerRole", "concept", "partner-role"),
        },
        summary="a state, force or organization the mission works with, or that backs it",
        title=("{partner}, {partner_role} of {mission}", "{partner}, partner of {mission}"),
    ),
    "ordinal-claim": RecordKind(
        CKG + "OrdinalClaim",
        {
            "subject": ref(CKG + "claimAbout"),
            "mission": MISSION,
            "rank": FieldSpec(CKG + "claimedRank", "integer"),
        },
        summary='a source\'s claim that a state was the n-th to join ("the first to join")',
        title=("Claim: {subject} was the {rank:nth} to join {mission}",),
    ),
    "count-claim": RecordKind(
        CKG + "MemberCountClaim",
        {
            "mission": MISSION,
            "count": FieldSpec(CKG + "claimedCount", "integer"),
        },
        summary="a source's claim of how many states back a mission",
        title=("Claim: {count} states back {mission}",),
    ),
    "name": RecordKind(
        CKG + "NameUsage",
        {
            "entity": ref(CKG + "namedEntity"),
            "label": FieldSpec(SKOS + "altLabel", "string"),
        },
        shortcut=("entity", SKOS + "altLabel", "label"),
        summary="a source calls an entity by another name",
        title=("{entity} is also called “{label}”",),
    ),
}

#: Register entries: the class of each ``kind/`` prefix, and their optional fields.
ENTITY_CLASSES: dict[str, str] = {
    "mission": CKG + "Mission",
    "state": CKG + "State",
    "international-organization": CKG + "InternationalOrganization",
    "government-body": CKG + "GovernmentBody",
    "person": SCHEMA + "Person",
}
ENTITY_FIELDS: dict[str, FieldSpec] = {
    "label": FieldSpec(SKOS + "prefLabel", "text"),
    "wikidata": FieldSpec(SKOS + "exactMatch", "wikidata"),
    "part_of": ref(ORG + "subOrganizationOf"),
}
#: ``org/`` entries say which kind of organization they are.
ORGANIZATION_KINDS = ("international-organization", "government-body")
#: How register ids begin: ``state/<ISO 3166-1 alpha-3>``, ``org/<slug>``, ``person/<slug>``, ``mission/<slug>``.
REGISTER_PREFIXES = ("mission", "state", "org", "person")
ENTITY_KEYS = ("id", "kind", *ENTITY_FIELDS)

#: Source documents: class and metadata predicates.
SOURCE_CLASS = CKG + "SourceDocument"
REGISTER_CLASS = CKG + "EntityRegister"
#: What a source header may say of its document besides these, when it is known: schema.org's
#: terms for an article (a source document is a ``schema:Article``).
SOURCE_FIELDS: dict[str, FieldSpec] = {
    "date": FieldSpec(SCHEMA + "datePublished", "date"),
    "url": FieldSpec(SCHEMA + "url", "url"),
    "publisher": FieldSpec(SCHEMA + "publisher", "string"),
}
SOURCE_KEYS = ("id", "text", "label", "language", *SOURCE_FIELDS)


@dataclass(frozen=True)
class ProvenanceTerms:
    """The PROV-O terms that tie each fact to its source sentence."""

    derived_from: str = PROV + "wasDerivedFrom"
    qualified: str = PROV + "qualifiedDerivation"
    derivation: str = PROV + "Derivation"
    entity: str = PROV + "entity"
    evidence_class: str = CKG + "Evidence"
    sentence: str = CKG + "quotedSentence"
    note: str = SKOS + "editorialNote"


PROVENANCE = ProvenanceTerms()
