"""Text from the fact base as Anki card HTML that shows it literally.

HTML escaping is not enough on a card: Anki reads its own syntax in field text too.
``{{c2::…}}`` would start another cloze card, ``{{Field}}`` a template reference and
``[sound:x.mp3]`` a media tag. Braces and square brackets become character references,
which look the same on the card but which Anki's parsers never see.
"""

from __future__ import annotations

from html import escape

_ANKI_SYNTAX = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})


def card_text(text: str) -> str:
    escaped = escape(text)
    # most text has no brace or bracket, and a lookup table costs a lookup per character
    if "{" in escaped or "}" in escaped or "[" in escaped or "]" in escaped:
        return escaped.translate(_ANKI_SYNTAX)
    return escaped
