"""Deployments and partnerships the rules miss, proposed by models learned from the annotated
articles.

The rules read the sentence shapes they were written for, and on text nobody tuned them for they
miss most senders told another way ("Suriname, whose platoon of military police arrived", "the
East African country's two hundred police officers reached the capital"). Here every personnel
word of a sentence is paired with each state that may send it (:mod:`.pairs`), and every
organization, body or state it names may be a partner of the mission (:mod:`.partners`); logistic
regressions over their place in the sentence's structure (:mod:`.model`, trained by :mod:`.train`
on the development half only) say how likely the state sends the personnel and with what status,
and in which role the mention partners the mission. What the rules did not propose is proposed
when the model is confident, flagged for the curator to check.

Part of :mod:`coalition_kg.curation.propose`: reads its contexts, returns candidates."""

from __future__ import annotations

from coalition_kg.curation.propose.candidate import Candidate
from coalition_kg.curation.propose.context import Context
from coalition_kg.curation.propose.entities import Mention
from coalition_kg.curation.propose.learned.model import LearnedModel, load
from coalition_kg.curation.propose.learned.pairs import Pair, features, pairs, status_features
from coalition_kg.curation.propose.learned.partners import NONE, partner_features, partners
from coalition_kg.curation.propose.rules.forces import UNSAID_STATUS, deployment_details, deployment_hits

DEPLOYMENT_RULE = "deployment.learned"
PARTNERSHIP_RULE = "partnership.learned"


def deployments(context: Context, found: list[Candidate]) -> list[Candidate]:
    """The deployments of the sentence the model is confident of, of states the rules gave none
    anywhere in the article and of personnel the rules gave no sender: one per state, from its
    most likely personnel word."""
    model = load()
    told = {c.text("state") for c in found if c.kind == "deployment"}
    kinds = {c.text("deployment_kind") for c in found if c.kind == "deployment" and c.sentence is context.sentence}
    best: dict[str, tuple[float, Pair]] = {}
    for pair in pairs(context):
        if pair.state in told or pair.kind.slug in kinds:
            continue  # the rules gave this sender a deployment already, or gave these personnel a sender
        sends = model.sender.probabilities(features(pair))["true"]
        if sends >= model.threshold and sends > best.get(pair.state, (0.0, None))[0]:
            best[pair.state] = (sends, pair)
    return [_deployment(context, pair, sends, model) for sends, pair in best.values()]


def statuses(context: Context, found: list[Candidate]) -> None:
    """Give the rules' deployments of the sentence whose words tell no status the one the model
    finds likeliest ("- Fiji: 52 police officers" in a list of contributors: serving), flagged."""
    model = load()
    vocabulary = context.article.vocabulary
    said = [c for c in found if c.kind == "deployment" and c.sentence is context.sentence]
    unsaid = [c for c in said if "status" not in c.fields and not any(
        other is not c and other.text("state") == c.text("state")
        and other.text("deployment_kind") == c.text("deployment_kind") for other in said)]
    sentence_pairs = list(pairs(context)) if unsaid else []
    for candidate in unsaid:  # not one of two the sentence tells apart: "left ... and were relieved by"
        pair = next((p for p in sentence_pairs if p.state == candidate.text("state")
                     and p.kind.slug == candidate.text("deployment_kind")), None)
        if pair is None:
            continue
        likely = model.status.probabilities(status_features(pair))
        status = _likeliest(likely)
        candidate.fields["status"] = vocabulary.resolve("deployment-status", status)
        guess = (f"the sentence does not say how far the deployment got; 'status:' is the learned model's "
                 f"guess ({likely[status]:.2f} that it is {status}): check it")
        candidate.flags = [flag for flag in candidate.flags if flag != UNSAID_STATUS] + [guess]


def _deployment(context: Context, pair: Pair, sends: float, model: LearnedModel) -> Candidate:
    likely = model.status.probabilities(status_features(pair))
    status = _likeliest(likely)
    sender = pair.mention or Mention(pair.state, "STATE", pair.hit.start, pair.hit.start, "")
    said = context.article.vocabulary.resolve("deployment-status", status)
    [(_, details, dated)] = deployment_details(context, pair.hit, deployment_hits(context), [sender], pair.verb, said)
    fields = {"state": pair.state, "mission": context.mission, "deployment_kind": pair.kind, "status": said,
              **details}
    flag = (f"proposed by the learned model, not a rule: {sends:.2f} that {pair.state} sends the "
            f"'{pair.hit.text}', {likely[status]:.2f} that it is {status}; check 'state:' and 'status:'")
    return Candidate("deployment", fields, context.sentence, DEPLOYMENT_RULE, round(sends, 2), [flag, *dated])


def partnerships(context: Context, found: list[Candidate], members: set[str]) -> list[Candidate]:
    """The partners of the mission in the sentence the model is confident of, among those the
    rules gave no partnership from this sentence and that are not its members (a partner may
    have another role elsewhere: "voted to back the mission" and "wired $20 million to its fund")."""
    model = load()
    told = {c.text("partner") for c in found if c.kind == "partnership" and c.sentence is context.sentence} | members
    proposed = []
    for partner in partners(context):
        if partner.ref in told:
            continue
        roles = model.partner.probabilities(partner_features(partner))
        role = _likeliest(roles)
        if role != NONE and roles[role] >= model.threshold:
            told.add(partner.ref)
            fields = {"mission": context.mission, "partner": partner.ref,
                      "partner_role": context.article.vocabulary.resolve("partner-role", role)}
            flag = (f"proposed by the learned model, not a rule: {roles[role]:.2f} that {partner.ref} is the "
                    f"mission's {role}; check 'partner:' and 'partner_role:'")
            proposed.append(Candidate("partnership", fields, context.sentence, PARTNERSHIP_RULE,
                                      round(roles[role], 2), [flag]))
    return proposed


def _likeliest(probabilities: dict[str, float]) -> str:
    """The most likely class; of equally likely ones, the first by name (drafts are reproducible)."""
    return max(sorted(probabilities), key=probabilities.__getitem__)
