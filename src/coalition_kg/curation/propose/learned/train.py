"""Training the learned model on the development half: ``make model`` (``python -m
coalition_kg.curation.propose.learned.train``) writes ``model.json``.

Each pair of :mod:`.pairs` is labelled from the annotation: the state sends the personnel when
the curator records a deployment of that state whose evidence is the pair's sentence; its status
is that deployment's. Each mention of :mod:`.partners` is labelled with the role of the
partnership the curator records for it from its sentence, or ``none``. Only
``tests/propose_articles/dev`` is read (never ``test``). scikit-learn fits the logistic
regressions (a development dependency: the package only reads the weights)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from coalition_kg.core.paths import PROJECT_DIR
from coalition_kg.curation.propose import read_article
from coalition_kg.curation.propose.learned.model import MODEL_FILE
from coalition_kg.curation.propose.learned.pairs import Pair, features, pairs, status_features
from coalition_kg.curation.propose.learned.partners import NONE, ROLES, Partner, partner_features, partners

DEVELOPMENT = PROJECT_DIR / "tests" / "propose_articles" / "dev"
CORPUS = PROJECT_DIR / "tests" / "propose_articles" / "corpus"
#: How strongly the weights are kept small (scikit-learn's ``C``, chosen by cross-validation on
#: the development half: ``python -m benchmarks.propose_learned``).
REGULARIZATION = 0.5
THRESHOLD = 0.5


@dataclass
class Labelled:
    """An article's pairs, each with the status of the deployment the annotation gives for it
    (``None``: the state does not send those personnel in that sentence), and its mentions, each
    with the role of the partnership the annotation gives for it (``none``: no partner there)."""

    pairs: list[tuple[Pair, str | None]]
    partners: list[tuple[Partner, str]]


def labelled(article: Path, data_dir: Path = CORPUS) -> Labelled:
    """The article's pairs and mentions, labelled from its annotation."""
    facts = yaml.safe_load(article.with_suffix(".yaml").read_text(encoding="utf-8"))["facts"] or []
    deployments = [(fact["state"], _words(fact["evidence"]), fact.get("status") or "", fact["deployment_kind"])
                   for fact in facts if fact["kind"] == "deployment"]
    partnerships = [(fact["partner"], _words(fact["evidence"]), fact["partner_role"])
                    for fact in facts if fact["kind"] == "partnership" and fact["partner_role"] in ROLES]
    result = Labelled([], [])
    for context in read_article(article, data_dir)[3]:
        sentence = _words(context.span.text)
        said = [(state, status, kind) for state, evidence, status, kind in deployments if _same(evidence, sentence)]
        sentence_pairs = list(pairs(context))
        for pair in sentence_pairs:
            result.pairs.append((pair, _status(pair, said, sentence_pairs)))
        for partner in partners(context):
            result.partners.append((partner, next((role for ref, evidence, role in partnerships
                                                   if ref == partner.ref and _same(evidence, sentence)), NONE)))
    return result


def _same(evidence: str, sentence: str) -> bool:
    """Whether the evidence is the sentence (the parser may cut a sentence the curator quotes whole)."""
    return evidence in sentence or sentence in evidence


def _status(pair: Pair, said: list[tuple[str, str, str]], sentence_pairs: list[Pair]) -> str | None:
    """The status of the deployment the curator records for the pair's state from its sentence, of
    the pair's kind of personnel; of another kind only when no other personnel word of the
    sentence is of that kind (the curator's word for the kind may differ from the sentence's)."""
    vocabulary = pair.context.article.vocabulary
    own = [(status, vocabulary.resolve("deployment-kind", recorded).slug) for state, status, recorded in said
           if state == pair.state]
    named = {other.kind.slug for other in sentence_pairs if other.hit != pair.hit}
    return next((status for status, recorded in own if recorded == pair.kind.slug), None) or next(
        (status for status, recorded in own if recorded not in named), None)


def _words(text: str) -> str:
    return " ".join(text.split())


def fit(articles: Iterable[Path], regularization: float = REGULARIZATION, threshold: float = THRESHOLD) -> dict:
    """The model trained on ``articles``, as ``deployments.json`` holds it."""
    return fit_labelled({article.stem: labelled(article) for article in articles}, regularization, threshold)


def fit_labelled(articles: dict[str, Labelled], regularization: float = REGULARIZATION,
                 threshold: float = THRESHOLD) -> dict:
    """The models trained on the labelled pairs and mentions of each article (by name)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [row for name in sorted(articles) for row in articles[name].pairs]
    mentions = [row for name in sorted(articles) for row in articles[name].partners]
    sender = _fit(DictVectorizer(sparse=False), LogisticRegression(C=regularization, max_iter=2000),
                  [features(pair) for pair, _ in rows], ["true" if status else "false" for _, status in rows])
    sent = [(pair, status) for pair, status in rows if status]
    status = _fit(DictVectorizer(sparse=False), LogisticRegression(C=regularization, max_iter=2000),
                  [status_features(pair) for pair, _ in sent], [status for _, status in sent])
    partner = _fit(DictVectorizer(sparse=False), LogisticRegression(C=regularization, max_iter=2000),
                   [partner_features(mention) for mention, _ in mentions], [role for _, role in mentions])
    return {"trained_on": sorted(articles), "pairs": len(rows), "sent": len(sent), "mentions": len(mentions),
            "partners": sum(role != NONE for _, role in mentions), "regularization": regularization,
            "threshold": threshold, "sender": sender, "status": status, "partner": partner}


def _fit(vectorizer, model, rows: list[dict[str, float]], labels: list) -> dict:
    model.fit(vectorizer.fit_transform(rows), labels)
    names = vectorizer.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        column = [round(float(model.coef_[k, j]), 5) for k in range(model.coef_.shape[0])]
        if any(column):
            weights[str(name)] = column
    return {"classes": [str(c) for c in model.classes_],
            "intercepts": [round(float(b), 5) for b in model.intercept_], "weights": weights}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    model = fit(sorted(DEVELOPMENT.glob("*.txt")))
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {model['pairs']} pairs from {len(model['trained_on'])} articles, "
          f"{model['sent']} sent; {model['mentions']} mentions, {model['partners']} partners")
    return 0


if __name__ == "__main__":
    sys.exit(main())
