"""What happens to a detected value, per entity type: the operator registry.

Text surgery is presidio-anonymizer's; the gateway decides each replacement beforehand
(placeholders come from the session's vault, which is async), and hands them to Presidio as
custom operators."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from .offline import quiet_content_loggers
from .resolve import Detection
from .rules import Action

_ANONYMIZER = AnonymizerEngine()
quiet_content_loggers()

Replacement = Callable[[str, str], str]  # (entity type, value) -> replacement text


def mask(entity_type: str, value: str) -> str:
    # Keep the last four characters of long numbers (cards, IBANs) for the user's recognition.
    keep = 4 if sum(c.isdigit() for c in value) >= 8 else 0
    return "*" * (len(value) - keep) + value[len(value) - keep:] if keep else "*" * len(value)


def operators_for(placeholders: Mapping[tuple[str, str], str], keyed_hash: Replacement) -> dict[Action, Replacement]:
    """`keyed_hash` is the tenant's HMAC under the gateway secret (`VaultFactory.keyed_hash`)."""
    return {
        "placeholder": lambda t, v: placeholders[(t, v)],
        "mask": mask,
        "hash": keyed_hash,
        "remove": lambda t, v: "",
    }


def apply(text: str, detections: Sequence[Detection], actions: Mapping[str, Action],
          operators: Mapping[Action, Replacement]) -> str:
    """Replace every detection whose action changes text; `keep` leaves the value in place."""
    changed = [d for d in detections if actions[d.type] in operators]
    if not changed:
        return text
    results = [RecognizerResult(d.type, d.start, d.end, d.score) for d in changed]
    configs = {
        d.type: OperatorConfig("custom", {"lambda": (lambda value, t=d.type: operators[actions[t]](t, value))})
        for d in changed
    }
    return _ANONYMIZER.anonymize(text=text, analyzer_results=results, operators=configs).text


def replace_whole(container: dict, key: str, entity_type: str, action: Action,
                  operators: Mapping[Action, Replacement], *, bare: bool = False) -> None:
    """A field that is one value, replaced whole; `remove` drops the field, `keep` leaves it.
    Providers refuse angle brackets and spaces in a participant name, so there (`bare`) a
    placeholder or keyed hash goes in as "PERSON_1"."""
    if action not in operators:
        return
    if action == "remove":
        del container[key]
        return
    replaced = operators[action](entity_type, container[key])
    container[key] = (replaced.strip("<>").replace(" ", "_") or entity_type) if bare else replaced
