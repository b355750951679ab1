"""The learned models' weights, read from ``model.json`` (written by :mod:`.train` from the
development half of the annotated articles): how likely a state sends a sentence's personnel, the
deployment's status, and which partner of the mission an organization or state is."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: The weights shipped with the package.
MODEL_FILE = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression: one weight per feature and an intercept for each class."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """Each class's probability: the logistic of its score when there are two classes (the
        second is the positive one), else the softmax of the scores."""
        scores = list(self.intercepts)
        for name, value in features.items():
            for k, weight in enumerate(self.weights.get(name, ())):
                scores[k] += weight * value
        if len(self.classes) == 2:
            positive = 1.0 / (1.0 + math.exp(-scores[0]))
            return {self.classes[0]: 1.0 - positive, self.classes[1]: positive}
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        return {name: e / sum(exps) for name, e in zip(self.classes, exps)}

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(tuple(data["classes"]), tuple(data["intercepts"]),
                   {name: tuple(values) for name, values in data["weights"].items()})


@dataclass(frozen=True)
class LearnedModel:
    """Who sends (``sender``: does the state send the personnel word's deployment), how far it got
    (``status``) and who partners the mission in what role (``partner``), with the probability
    from which a deployment or a partnership is proposed."""

    sender: LinearModel
    status: LinearModel
    partner: LinearModel
    threshold: float

    @classmethod
    def from_dict(cls, data: dict, threshold: float | None = None) -> LearnedModel:
        return cls(LinearModel.from_dict(data["sender"]), LinearModel.from_dict(data["status"]),
                   LinearModel.from_dict(data["partner"]), data["threshold"] if threshold is None else threshold)


@cache
def load(path: Path = MODEL_FILE) -> LearnedModel:
    return LearnedModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
