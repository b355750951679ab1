"""What the learned step of ``coalition-kg propose`` adds on articles it was not trained on:
cross-validation on the development half (``python -m benchmarks.propose_learned``).

The development articles are split into five folds (sorted names, shuffled with
``random.Random(20)``); for each fold the models are trained on the other four and the fold's
articles are proposed and scored as ``make eval`` scores them: by the rules alone, with the
learned statuses only, and with the whole learned step (statuses, deployments, partnerships) at
each regularization and threshold asked for. The rules were tuned on these articles, so what they
find here is more than they find on unseen text; the difference the learned step makes is the
figure to read. The test half is not read."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from benchmarks import propose_eval
from coalition_kg.curation.propose import learned
from coalition_kg.curation.propose.learned import train
from coalition_kg.curation.propose.learned.model import LearnedModel
from coalition_kg.curation.propose.vocabulary import read_vocabulary

FOLDS = 5


def folds(articles: list[Path], count: int = FOLDS) -> list[list[Path]]:
    shuffled = sorted(articles)
    random.Random(20).shuffle(shuffled)
    return [shuffled[k::count] for k in range(count)]


#: The rows besides the models of each ``(C, threshold)``: the learned step left out entirely, and
#: only its statuses (no deployment or partnership of its own: a threshold no probability reaches).
RULES_ALONE, STATUSES_ONLY = (0.0, -1.0), (0.0, 1.01)


def cross_validate(regularizations: list[float], thresholds: list[float]) -> dict[tuple[float, float], dict]:
    """``{(C, threshold): summary}``, with :data:`RULES_ALONE` and :data:`STATUSES_ONLY`."""
    vocabulary = read_vocabulary()
    articles = sorted(train.DEVELOPMENT.glob("*.txt"))
    labelled = {article.stem: train.labelled(article) for article in articles}
    results: dict[tuple[float, float], list] = {}
    shipped = learned.load, learned.statuses, learned.deployments, learned.partnerships
    try:
        for fold in folds(articles):
            learned.statuses, learned.deployments, learned.partnerships = (
                lambda *_: None, lambda *_: [], lambda *_: [])
            results.setdefault(RULES_ALONE, []).extend(_evaluate(fold, vocabulary))
            learned.statuses, learned.deployments, learned.partnerships = shipped[1:]
            rest = {name: rows for name, rows in labelled.items() if name not in {a.stem for a in fold}}
            for c in regularizations:
                data = train.fit_labelled(rest, c)
                for threshold in [*thresholds] + ([1.01] if c == regularizations[0] else []):
                    model = LearnedModel.from_dict(data, threshold)
                    learned.load = lambda model=model: model
                    key = STATUSES_ONLY if threshold > 1 else (c, threshold)
                    results.setdefault(key, []).extend(_evaluate(fold, vocabulary))
    finally:
        learned.load, learned.statuses, learned.deployments, learned.partnerships = shipped
    return {key: propose_eval.report(rows)["groups"]["dev"] for key, rows in results.items()}


def _evaluate(articles: list[Path], vocabulary) -> list:
    found = []
    for article in articles:
        reference = propose_eval.yaml.safe_load(article.with_suffix(".yaml").read_text(encoding="utf-8"))
        added = propose_eval.yaml.safe_load(article.with_suffix(".register.yaml").read_text(encoding="utf-8"))
        found.append(propose_eval._result(article, "dev", propose_eval.CORPUS, propose_eval._facts(reference["facts"]),
                                          [entry["id"] for entry in added["entities"] or []], vocabulary))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regularization", type=float, nargs="+", default=[train.REGULARIZATION])
    parser.add_argument("--threshold", type=float, nargs="+", default=[train.THRESHOLD])
    args = parser.parse_args(argv)
    print(f"{'learned step':<18} {'precision':>9} {'recall':>7} {'deployment P/R':>15} {'membership P/R':>15} "
          f"{'partnership P/R':>15} {'edits':>6}")
    for (c, threshold), group in sorted(cross_validate(args.regularization, args.threshold).items()):
        kinds, overall = group["per_kind"], group["overall_facts"]
        name = {RULES_ALONE: "rules alone", STATUSES_ONLY: "+ statuses"}.get((c, threshold), f"C={c} p>={threshold}")
        print(f"{name:<18} {overall['precision']:>9.3f} {overall['recall']:>7.3f} "
              f"{kinds['deployment']['precision']:>7.3f}/{kinds['deployment']['recall']:.3f} "
              f"{kinds['membership']['precision']:>7.3f}/{kinds['membership']['recall']:.3f} "
              f"{kinds['partnership']['precision']:>7.3f}/{kinds['partnership']['recall']:.3f} "
              f"{group['edits_per_article']:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
