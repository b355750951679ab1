"""When two facts are the same fact: the same kind and the same key fields.

One definition serves three purposes: a draft keeps one candidate per fact, reuses the id of a
fact another source already states, and the evaluation (``make eval``) counts a proposed fact as
found when a curated one has the same key. Other fields (a deployment's size, an event's label,
a statement's occasion) are details of a fact, not what makes it the fact. A statement is its
quoted words: its speaker is a detail, which a draft leaves empty when the sentence names none.
"""

from __future__ import annotations

from collections.abc import Mapping

from coalition_kg.curation.propose.vocabulary import CONCEPT_FIELDS, Vocabulary

#: The fields that identify a fact of each kind.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "membership": ("member", "mission"),
    "instrument": ("party", "mission", "instrument_kind", "number", "date"),
    "deployment": ("state", "mission", "deployment_kind", "status"),
    "statement": ("text",),
    "post": ("holder", "organization", "role"),
    "event": ("agent", "mission", "event_kind", "date", "date_text"),
    "partnership": ("mission", "partner", "partner_role"),
    "name": ("entity", "label"),
    "ordinal-claim": ("subject", "mission", "rank"),
    "count-claim": ("mission", "count"),
}


def fact_key(kind: str, values: Mapping[str, str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """``(kind, value of each key field)``: words compared with their spaces collapsed, a concept
    by the slug its words resolve to in today's schemes (``troops`` and "soldiers" do not meet,
    but "host-nation force" and ``host-nation-force`` do)."""
    key = [kind]
    for name in KEY_FIELDS[kind]:
        value = " ".join(str(values.get(name) or "").split())
        if value and name in CONCEPT_FIELDS:
            value = vocabulary.resolve(CONCEPT_FIELDS[name], value).slug
        key.append(value)
    return tuple(key)


#: What identifies a fact that another source may state in other words: an instrument by its
#: number and kind (a resolution another article dates to the day), a post by holder and role.
IDENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "instrument": ("number", "instrument_kind", "mission"),
    "post": ("holder", "role"),
}


def identity_key(kind: str, values: Mapping[str, str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The key by which a draft reuses the id of a fact the graph holds: :data:`IDENTITY_FIELDS`
    where the fact gives them all (an instrument with a number), else :func:`fact_key`."""
    names = IDENTITY_FIELDS.get(kind)
    if not names or not all(values.get(name) for name in names):
        return fact_key(kind, values, vocabulary)
    key = ["identity", kind]
    for name in names:
        value = " ".join(str(values.get(name) or "").split())
        if name in CONCEPT_FIELDS:
            value = vocabulary.resolve(CONCEPT_FIELDS[name], value).slug
        key.append(value)
    return tuple(key)
