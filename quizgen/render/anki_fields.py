"""A planned note's fields as HTML: what each card asks, its answer, the sentence that supports it.

Every text from the fact base is escaped here. What a card shows on the back is kept
short for a phone: the answer, the one sentence of the source that supports it, and the
source's title; the fact and its wider passages wait behind a collapsed <details>. Ids
stay in the hidden Key field.
"""

from __future__ import annotations

from quizgen.card_worth import shown_choices
from quizgen.deck_plan import SLOTS, PlannedNote
from quizgen.items import Item, answer_text
from quizgen.key_evidence import key_passages
from quizgen.phrases import contains_phrase
from quizgen.render.anki_notetype import CONTEXT_FIELD, FIELDS, KEY_FIELD, LABEL_FIELD, slot_fields
from quizgen.render.card_text import card_text
from quizgen.render.passages import passage_html, shown_quote, supporting_sentence

_BLANK = '<span class="qg-blank">[…]</span>'


def note_fields(note: PlannedNote) -> list[str]:
    """The note's fields in the note type's order; a slot without a card is left empty (no card)."""
    values = dict.fromkeys(FIELDS, "")
    values[LABEL_FIELD] = card_text(note.label)
    for slot in SLOTS:
        item = note.cards.get(slot.name)
        if item is not None:
            front, answer, support = slot_fields(slot.name)
            values[front], values[answer], values[support] = front_html(item), answer_html(item), support_html(item)
    values[CONTEXT_FIELD] = context_html(note)
    values[KEY_FIELD] = card_text(note.key)
    return list(values.values())


def front_html(item: Item) -> str:
    if item.type == "cloze" and item.cloze is not None:
        before, _, after = item.cloze
        # on the back, the sentence is shown again with the blank filled in (the answer) instead
        return f'<div class="qg-prompt qg-front-only">{card_text(before)}{_BLANK}{card_text(after)}</div>'
    if item.type == "true-false":
        prompt = f'<span class="qg-kicker">True or false?</span> {card_text(item.prompt)}'
    else:
        prompt = card_text(item.prompt)
    choices = "".join(f"<li>{card_text(choice)}</li>" for choice in shown_choices(item))
    listed = f'<ol class="qg-options qg-front-only">{choices}</ol>' if choices else ""
    return f'<div class="qg-prompt">{prompt}</div>{listed}'


def answer_html(item: Item) -> str:
    if item.type == "cloze" and item.cloze is not None:
        before, deleted, after = item.cloze
        return f'<span class="qg-filled">{card_text(before)}<b>{card_text(deleted)}</b>{card_text(after)}</span>'
    if item.type in ("matching", "ordering"):
        rows = "".join(f"<li>{card_text(left)} — {card_text(right)}</li>" for left, right in item.pairs)
        return f'<ol class="qg-rows">{rows}</ol>'
    return card_text(answer_text(item))


def support_html(item: Item) -> str:
    """The sentence that supports the answer and its source; for an item with no such sentence, the sources.
    Which came first shows each event's date above its sources."""
    timeline = "".join(f"<li>{card_text(when)} — {card_text(event)}</li>" for event, when in item.timeline)
    shown = f'<ol class="qg-rows">{timeline}</ol>' if timeline else ""
    return shown + _evidence_html(item)


def _evidence_html(item: Item) -> str:
    kept = key_passages(item)
    # the sentence of the evidence the key quotes ("Baku said …"), not of a passage cited only to date the fact
    found = supporting_sentence(item, [k.passage for k in kept])
    if found is not None:
        passage, sentence = found
        source = card_text(passage.source_short or passage.source_label)
        return f'<div class="qg-sentence">{sentence}</div><div class="qg-source">{source}</div>'
    if item.type == "true-false" and item.passages:
        passage = item.passages[0]
        return (f'<div class="qg-sentence">{shown_quote(passage, card_text)}</div>'
                f'<div class="qg-source">{card_text(passage.source_short or passage.source_label)}</div>')
    # the visible back names the publisher and date of the evidence the key quotes (not a text cited only to date
    # the fact); the folded passages below name every source in full
    quoted = [k.passage for k in kept]
    evidence = [k.passage for k in kept if k.answer_span] or (quoted if len(item.fact_ids) > 1 else quoted[:1]) \
        or list(item.passages)
    labels = dict.fromkeys(passage.source_short or passage.source_label for passage in evidence)
    return "".join(f'<div class="qg-source">{card_text(label)}</div>' for label in labels)


def context_html(note: PlannedNote) -> str:
    """The fact (or facts), the other ways its answers may be written, and every cited passage in its context."""
    first = next(iter(note.cards.values()))
    shows_statement = first.context and not note.multi_fact
    statement = f'<p class="qg-statement">{card_text(first.context)}</p>' if shows_statement else ""
    # other ways of writing an answer ("Khankendi"), not its parts: "United States" is no other form of "United States,
    # France and Russia", nor "400" of "more than 400 people wounded" (a marker's key accepts parts; a fold teaches)
    also = dict.fromkeys(alternative for item in note.cards.values() for alternative in item.alternatives
                         if not contains_phrase(item.answer, alternative))
    if also:
        statement += f'<p class="qg-also">Also written: {card_text("; ".join(also))}</p>'
    if shows_statement and first.other_accounts:
        # where the texts disagree, the other versions stand beside the fact: the card teaches one, never settles it
        statement += '<p class="qg-also">Other accounts:</p>' + "".join(
            f'<p class="qg-statement">{card_text(account)}</p>' for account in first.other_accounts)
    passages = {(p.source_id, p.start, p.end): p for item in note.cards.values() for p in item.passages}
    shown = "".join(f'<div class="qg-passage">{passage_html(p)}<div class="qg-source">{card_text(p.source_label)}</div>'
                    f"</div>" for p in passages.values())
    return statement + shown

