"""Language-neutral naming helpers: splitting spec names into words, the three casings, ASCII
identifiers, and deterministic collision-free allocation. Each emitter module decides its own
reserved words and conventions on top of these; nothing here knows a target language."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable

# Characters that must never reach generated text: NUL, the bidi controls and marks that can
# make code read differently from how it runs (Trojan Source: embeddings, overrides, isolates,
# LRM/RLM, the Arabic letter mark), and the invisible format characters (zero-width spaces and
# joiners, word joiner, invisible operators, the deprecated format controls, the Mongolian vowel
# separator, interlinear annotation marks, BOM).
_INVISIBLE = dict.fromkeys(
    [
        *(0, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x2070),
        *range(0xFFF9, 0xFFFC),
    ]
)
# Typographic characters whose ASCII look-alike says the same in a comment.
_ASCII_LOOKALIKES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2009\u202f\u3000", " "),
    "\u2026": "...",
    "\u2022": "*",
    "\u00d7": "x",
    "\u2192": "->",
    "\u2190": "<-",
    "\u21d2": "=>",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
}
# Line breaks that Python, PHP or Dart may treat as ending a line comment.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

# Names Windows gives to devices: no file may have one as its name, whatever the extension
# (``nul.txt`` and ``NUL`` alike).
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)

_WORD = re.compile(
    r"[A-Z]+[0-9]*(?=[A-Z][a-z]|\b|_|$)|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*"
)


def clean_text(text: str) -> str:
    """Spec text made safe to place in any comment: invisible/bidi characters dropped, every
    line break spelled ``\\n``. Escaping for a particular comment or literal syntax is the
    emitter's job, on top of this."""
    if not text.isascii() or "\0" in text:  # NUL is the one invisible character in ASCII
        text = text.translate(_INVISIBLE)
    return _LINE_BREAKS.sub("\n", text)


def ascii_text(text: str, escape: Callable[[str], str]) -> str:
    """``text`` in ASCII, for a comment of a language whose output is ASCII only: typographic
    punctuation as its ASCII look-alike (curly quotes, dashes, ellipsis), letters without their
    accents (``café`` -> ``cafe``), and every other character as ``escape(char)`` gives it (so
    nothing is lost: ``\\u{4e2d}``)."""
    if text.isascii():
        return text
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(char)
        elif char in _ASCII_LOOKALIKES:
            out.append(_ASCII_LOOKALIKES[char])
        else:
            folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            printable = folded.isprintable() and folded.strip() == folded
            out.append(folded if folded and printable else escape(char))
    return "".join(out)


def ascii_fold(name: str) -> str:
    """``café`` -> ``cafe``, ``ﬁeld`` -> ``field``; characters with no ASCII form are dropped."""
    normal = unicodedata.normalize("NFKD", name.translate(_INVISIBLE))
    return normal.encode("ascii", "ignore").decode("ascii")


def words(name: str) -> list[str]:
    """Split a spec name into lower-case words: ``CreateRunRequest_tool-choice`` ->
    ``[create, run, request, tool, choice]``; ``HTTPStatus2xx`` -> ``[http, status2, xx]``;
    ``gpt-4o`` -> ``[gpt, 4o]``."""
    return list(_words(name))


# Loading and every target split the same few thousand names again and again (a property
# name per model): each is split once per process.
@functools.lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(ascii_fold(name)))


@functools.lru_cache(maxsize=1 << 16)
def snake(name: str) -> str:
    return "_".join(_words(name))


@functools.lru_cache(maxsize=1 << 16)
def pascal(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in _words(name))


def camel(name: str) -> str:
    result = pascal(name)
    return result[:1].lower() + result[1:]


def upper_snake(name: str) -> str:
    return snake(name).upper()


def name_key(name: str) -> str:
    """What a name is compared by where targets may spell it in any casing: its words, joined
    (``payment_intent``, ``PaymentIntent`` and ``paymentIntent`` are one name). A name with no
    words is compared as it is."""
    return "".join(_words(name)) or name


def join_name(parent: str, part: str) -> str:
    """``parent`` followed by ``part`` in Pascal case, without repeating the words that end the
    parent and begin the part: ``SepaDebit`` + ``sepa_debit_mandate`` is
    ``SepaDebitMandate``; a part made only of such words is added whole (``ChargeCustomer`` +
    ``customer`` is ``ChargeCustomerCustomer``: the shorter name is the parent's own)."""
    tail = _words(part)
    head = _words(parent)
    for size in range(min(len(head), len(tail) - 1), 0, -1):
        if head[-size:] == tail[:size]:
            tail = tail[size:]
            break
    return parent + "".join(w[:1].upper() + w[1:] for w in tail)


def is_windows_device(name: str) -> bool:
    """Whether Windows refuses ``name`` as a file or folder name because it is a device name
    (``CON``, ``nul``, ``com1``, ``LPT9``...), with or without an extension, in any case."""
    return _WINDOWS_DEVICE.match(name) is not None


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def fallback(name: str, identifier: str, prefix: str) -> str:
    """``identifier`` if it is usable, otherwise a deterministic name built from ``prefix``:
    names with no ASCII letters (``""``, ``"!"``, ``"μ"``) get a hash of the original, names
    that start with a digit get the prefix in front."""
    if not identifier:
        return f"{prefix}{short_hash(name)}"
    if identifier[0].isdigit():
        return f"{prefix}{identifier}"
    return identifier


def limit_length(identifier: str, original: str, max_length: int = 120) -> str:
    """Long names are cut and given a hash of the original, so they stay distinct and file
    names stay far below 255 bytes."""
    if len(identifier) <= max_length:
        return identifier
    return f"{identifier[: max_length - 9]}_{short_hash(original)}"


def _same(name: str) -> str:
    return name


class NameAllocator:
    """Gives each key a distinct identifier, deterministically.

    ``allocate(key, wanted)`` returns ``wanted`` if it is free (compared with ``fold``, e.g.
    ``str.casefold`` where a case-insensitive file system is involved), otherwise ``wanted_2``,
    ``wanted_3``... Calling it in a sorted order makes the result independent of input order.
    """

    def __init__(self, taken: Iterable[str] = (), fold: Callable[[str], str] | None = None) -> None:
        self._fold = fold or _same
        # names compared as they are (no fold) are copied in one step: thousands of allocators
        # start from the same large set of reserved words
        self._used = set(taken) if fold is None else {fold(name) for name in taken}
        self.names: dict[str, str] = {}

    def allocate(self, key: str, wanted: str, separator: str = "_") -> str:
        if key in self.names:
            return self.names[key]
        candidate = wanted
        n = 2
        while self._fold(candidate) in self._used:
            candidate = f"{wanted}{separator}{n}"
            n += 1
        self._used.add(self._fold(candidate))
        self.names[key] = candidate
        return candidate

    def allocate_first(self, key: str, candidates: Iterable[str], separator: str = "_") -> str:
        """The first of ``candidates`` that is free; when none is, the first one numbered (a
        number is the last resort)."""
        if key in self.names:
            return self.names[key]
        wanted = list(dict.fromkeys(candidates))
        for candidate in wanted:
            if self._fold(candidate) not in self._used:
                return self.allocate(key, candidate, separator)
        return self.allocate(key, wanted[0], separator)

    def is_free(self, name: str) -> bool:
        return self._fold(name) not in self._used
