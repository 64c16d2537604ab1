"""Names matched across naming conventions: one key per name, for everything that pairs the
names of one source with those of another (parity's models and fields, diff's property names
where a source shows language names instead of JSON keys, the code verdicts' generated types
and members).

``event_id``, ``eventId``, ``EventId``, ``EVENT_ID``, ``event_id_``, ``$event_id``,
``'event_id'`` all have the key ``eventid``; so have ``\\Ns\\Model\\EventId`` and
``package.model.EventId`` when the name is qualified (see :func:`name_key`).
"""

from __future__ import annotations

import functools

from generator.naming import words


def bare_name(name: str) -> str:
    """``\\Ns\\Model\\Pet`` -> ``Pet``, ``package.model.Pet`` -> ``Pet``."""
    for separator in ("\\", "."):
        name = name.rsplit(separator, 1)[-1]
    return name


@functools.lru_cache(maxsize=65536)
def name_key(name: str, *, qualified: bool) -> str:
    """A convention-free key: the lower-case ASCII letters and digits of the name's words
    (:func:`generator.naming.words`), so snake, camel and Pascal spellings, reserved-word
    escapes (``class_``, ``$class``, ``class$``), quotes and accents (``café`` is ``cafe``, as
    emitters spell it) give one key. A name with no ASCII letter or digit is its own key, so
    that ``μ`` and ``π`` stay apart.

    Policy: ``qualified`` says the name may carry a namespace or package prefix, which is
    dropped first: type names read from code or docs (``\\Ns\\Model\\Pet``,
    ``package.model.Pet``). Property and member names are not qualified: a ``.`` in a JSON key
    is part of the name.
    """
    return "".join(words(bare_name(name) if qualified else name)) or name


# Words SDKs add to a schema's name, or drop from it: `BatchResponse` (openai-php) and
# `Batch`, `BatchCreateParams` (openai-python) and `CreateBatchRequest`, `AssistantObject`
# and `Assistant`.
NOISE_WORDS = frozenset(
    {
        "object",
        "resource",
        "response",
        "request",
        "params",
        "param",
        "parameters",
        "body",
        "base",
        "streaming",
        "non",
    }
)
# Words that name one thing: `ModifyMessageRequest` and `MessageUpdateParams`.
SYNONYMS = {
    "modify": "update",
    "delete": "deleted",
    "retrieve": "get",
    "add": "create",
    "generate": "create",
}


@functools.lru_cache(maxsize=65536)
def loose_model_key(name: str) -> str:
    """A looser key for model names across SDKs (qualified, like :func:`name_key`): the
    words of the name with :data:`NOISE_WORDS` dropped at either end (the last word stays),
    as a sorted set, with a few synonyms unified (``modify`` is ``update``) and plurals made
    singular, so that ``BatchCreateParams`` and ``CreateBatchRequest`` both give
    ``batch create``. Parity pairs models by it only where the pairing is unambiguous."""
    found = words(bare_name(name))
    while len(found) > 1 and found[-1] in NOISE_WORDS:
        found.pop()
    while len(found) > 1 and found[0] in NOISE_WORDS:
        found.pop(0)
    return " ".join(sorted({singular(SYNONYMS.get(w, w)) for w in found})) or name


def singular(word: str) -> str:
    """``projects`` -> ``project`` (crudely, the same way on both sides of a comparison)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
