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
