"""The learned filter's model: linear heads over sparse features, stored as JSON inside the package.

Inference is a sparse dot product in plain Python, so coding needs no machine-learning library;
``make train`` (``python -m bilateral.coding.learned.train``) fits the heads with scikit-learn and
writes ``data/filter/model.json``. The file records the hash of its training data and the figures
it reached on the ``check`` split, so a test can tell when the model is stale.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from bilateral.coding.learned.features import Features

MODEL_RESOURCE = ("bilateral.data.filter", "model.json.gz")


@dataclass(frozen=True, slots=True)
class LinearHead:
    """A linear classifier: one weight per (feature, class); two classes share one sigmoid score."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> weight per class (one weight for a binary head)
    intercept: tuple[float, ...]

    @property
    def binary(self) -> bool:
        return len(self.classes) == 2

    def probabilities(self, features: Features) -> dict[str, float]:
        """The probability of each class."""
        scores = list(self.intercept)
        weights = self.weights
        for name, value in features.items():
            w = weights.get(name)
            if w is not None:
                for k, wk in enumerate(w):
                    scores[k] += wk * value
        if self.binary:
            p = _sigmoid(scores[0])
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def best(self, features: Features, allowed: frozenset[str] | None = None) -> tuple[str, float]:
        """The most probable class (among ``allowed``, when given) and its probability."""
        probs = self.probabilities(features)
        pool = {c: p for c, p in probs.items() if allowed is None or c in allowed} or probs
        label = max(pool, key=pool.__getitem__)
        return label, probs[label]

    def to_json(self) -> dict[str, Any]:
        return {"classes": list(self.classes), "intercept": list(self.intercept),
                "weights": {k: list(v) for k, v in self.weights.items()}}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> LinearHead:
        return cls(tuple(obj["classes"]), {k: tuple(v) for k, v in obj["weights"].items()}, tuple(obj["intercept"]))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class FilterModel:
    """The heads of the filter and what they were trained on.

    ``quad`` heads (``"1"`` .. ``"4"``) give the probability that the candidate pair carries an event
    of that QuadClass; ``status``, ``channel`` and ``root`` give an event's status, channel and CAMEO root.
    """

    quad: dict[str, LinearHead]
    status: LinearHead
    channel: LinearHead
    root: LinearHead
    threshold: float  # the default keep threshold on a quad probability
    meta: dict[str, Any] = field(default_factory=dict)  # training data hash, check figures, settings

    def to_json(self) -> dict[str, Any]:
        return {
            "quad": {q: h.to_json() for q, h in self.quad.items()},
            "status": self.status.to_json(), "channel": self.channel.to_json(), "root": self.root.to_json(),
            "threshold": self.threshold, "meta": self.meta,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> FilterModel:
        return cls(
            quad={q: LinearHead.from_json(h) for q, h in obj["quad"].items()},
            status=LinearHead.from_json(obj["status"]), channel=LinearHead.from_json(obj["channel"]),
            root=LinearHead.from_json(obj["root"]), threshold=float(obj["threshold"]), meta=obj.get("meta", {}),
        )

    def save(self, path: Path) -> None:
        data = json.dumps(self.to_json(), separators=(",", ":"), sort_keys=True).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0: the same model gives the same bytes
        path.write_bytes(gzip.compress(data, mtime=0))

    @classmethod
    def load(cls, path: Path | None = None) -> FilterModel:
        """The packaged model (or the one at ``path``)."""
        if path is None:
            raw = resources.files(MODEL_RESOURCE[0]).joinpath(MODEL_RESOURCE[1]).read_bytes()
        else:
            raw = path.read_bytes()
        return cls.from_json(json.loads(gzip.decompress(raw)))
