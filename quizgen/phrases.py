"""Comparing wording: case and typography unified, words and their stems, whole-phrase matching.

An answer typed or templated is checked against a printed passage with these: the texts hold
curly quotes, dashes and no-break spaces that a typed answer does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_STOPWORDS = frozenset([
    "a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "by", "from", "with", "as", "its", "it",
    "is", "was", "were", "be", "been", "that", "this", "these", "those", "or", "who", "which", "what", "when",
    "where", "how", "his", "her", "their", "our", "your", "into", "over", "under", "than", "then", "also",
])


def normalise(text: str) -> str:
    """Casefold and unify the characters that vary between a typed answer and a printed text."""
    if text.isascii():
        # most text: NFKC and the typography table change nothing, and ASCII casefold is lower
        return " ".join(text.lower().split())
    return _normalise_unicode(text)


@lru_cache(maxsize=65536)
def _normalise_unicode(text: str) -> str:
    return " ".join(_unified_characters(text).split())


def _unified_characters(text: str) -> str:
    """``normalise`` but for its white space, which stays as it is."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # a replace per character present: str.translate with a table looks every character up, six times slower
    for typographic, plain in _TYPOGRAPHY:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


_TYPOGRAPHY: tuple[tuple[str, str], ...] = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                                            ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "))


_WORD = re.compile(r"[\w']+")


def words(text: str) -> list[str]:
    return words_of_normalised(normalise(text))


def words_of_normalised(text: str) -> list[str]:
    """``words`` of a text already normalised."""
    return _WORD.findall(text)


def words_of_all(texts: Sequence[str]) -> list[str]:
    """The ``words`` of every text, in one call on the texts joined (no word runs across a line break). The
    joined text is not kept in the cache of short ones, nor are its spaces folded: no word holds a space."""
    joined = "\n".join(texts)
    return _WORD.findall(joined.lower() if joined.isascii() else _unified_characters(joined))


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOPWORDS and not w.isdigit() and len(w) > 2]


def stem(word: str) -> str:
    # "Azerbaijani" reads as "Azerbaijan", "brokered" as "broker": a crude prefix stem is
    # enough to tell whether a passage speaks of the answer's words
    return word[:6]


def words_appear_in(answer: str, passage: str) -> bool:
    """Every content word of the answer (by stem) occurs in the passage."""
    wanted = content_words(answer)
    if not wanted:
        return normalise(answer) in normalise(passage)
    present = {stem(w) for w in words(passage)}
    return all(stem(w) in present for w in wanted)


def contains_phrase(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` as whole words, ignoring case and typography."""
    return phrase_in(normalise(haystack), needle)


def phrase_in(text: str, needle: str) -> bool:
    """``contains_phrase`` for a haystack already normalised: one text checked for many phrases is normalised once."""
    return normalised_phrase_in(text, normalise(needle))


def normalised_phrase_in(text: str, phrase: str) -> bool:
    """``phrase_in`` for a phrase already normalised too: one phrase looked for in many texts is normalised once."""
    if not phrase:
        return False
    at = text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        # a whole-word match: no letter or digit runs on at either side
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(phrase, at + 1)
    return False


def slug(text: str) -> str:
    """A name as a fact id spells it: "Samvel Shahramanyan" is samvel-shahramanyan."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


# a person's name of two or three capitalised words ("Samvel Shahramanyan", "Luis Moreno Ocampo")
_PERSONAL_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}")
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def surname(name: str) -> str | None:
    """The surname a marker accepts alone for a person's name ("Shahramanyan"); none for a name with a particle
    ("Ursula von der Leyen") or a suffix ("Jr."), whose last word alone is no answer."""
    if not _PERSONAL_NAME.fullmatch(name) or name.split()[-1] in _NAME_SUFFIXES:
        return None
    return name.split()[-1]
