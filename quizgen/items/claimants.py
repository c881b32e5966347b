"""Who makes a claim, by sort: a text the learner read, a person, or a named group.

"Who says so?" is only fair when its options are of one sort: three texts beside a text,
people beside a person. A question whose claimant is none of these ("unattributed
assessments reported by …", "reports cited by …") asks for a phrase the learner never met
as a name, so it is not asked at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quizgen.items.likeness import stems
from quizgen.model import Fact, PersonFact, Source
from quizgen.phrases import content_words, normalise, stem, words

# words that name a text's genre rather than the text ("the Azad Archives guide", "Al Jazeera's live blog")
_GENRE = frozenset(stem(w) for w in ("guide", "essay", "blog", "live", "tracker", "article", "report", "page",
                                     "site", "photo"))

ClaimantKind = tuple[str, str]  # (sort, what identifies the claimant): ("text", "aj-live"), ("person", "peskov")


def text_vocabulary(source: Source) -> frozenset[str]:
    """The words that name one of the texts (``vocabulary`` of its title and publisher)."""
    return vocabulary(f"{source.title} {source.publisher}", source.publisher)


def vocabulary(label: str, publisher: str) -> frozenset[str]:
    """The words that name a text: its title's and publisher's, and the publisher's initials ("CFR")."""
    return frozenset(set(stems(label)) | {initials(publisher)})


def initials(publisher: str) -> str:
    """A publisher's initials, as a text names it ("Council on Foreign Relations, Center for …" is "cfr")."""
    return "".join(w[0] for w in publisher.split(",")[0].split() if w[:1].isupper()).lower()


def names_the_text(claimant: str, text_words: frozenset[str]) -> bool:
    """"the CFR Global Conflict Tracker" names the text whose words (``vocabulary``) these are."""
    named = stems(claimant) - _GENRE
    return bool(named) and named <= text_words


def calls_a_text(phrase: str, text_words: frozenset[str]) -> bool:
    """"the Azad Archives guide" is a text by its genre and its words; "Armenians" is no text, whatever a
    title holds."""
    return bool(stems(phrase) & _GENRE) and names_the_text(phrase, text_words)


class Claimants:
    """The sort of every claimant of a fact base, so that options of one sort can be offered."""

    def __init__(self, facts: Sequence[Fact], sources: Mapping[str, Source]) -> None:
        self._vocabularies = {source_id: text_vocabulary(source) for source_id, source in sources.items()}
        self._people = _PeopleByName([fact for fact in facts if isinstance(fact, PersonFact)])
        self.kinds: dict[str, ClaimantKind] = {}
        for fact in facts:
            if not fact.according_to:
                continue
            key = normalise(fact.according_to)
            if key in self.kinds:
                continue  # the first fact that sorts a claimant decides its sort: another could only be ignored
            kind = self._kind_of(fact)
            if kind is not None:
                self.kinds[key] = kind

    def kind(self, fact: Fact) -> ClaimantKind | None:
        """The sort of the fact's claimant, or None where the text names no one the learner could name."""
        return self.kinds.get(normalise(fact.according_to or "")) if fact.according_to else None

    def _kind_of(self, fact: Fact) -> ClaimantKind | None:
        claimant = fact.according_to
        if not claimant:
            return None
        parts = [part for part in claimant.split(" and ") if part.strip()]
        texts = [self._text(part, fact) for part in parts]
        if all(texts):
            return ("text", texts[0] or "") if len(parts) == 1 else ("texts", normalise(claimant))
        person = self._people.first_in(claimant)
        if person is not None:
            return ("person", person.id) if len(parts) == 1 else ("group", normalise(claimant))
        passages = " ".join(citation.quote for citation in fact.citations)
        name = claimant.split(",")[0].strip()
        head = content_words(name)
        present = {stem(w.removesuffix("'s")) for w in words(passages)}  # "NASA's estimate" names NASA
        if not head or sum(stem(w) in present for w in head) * 2 < len(head):
            return None
        if "," in claimant and len(parts) == 1 and all(w[:1].isupper() for w in name.split()):
            return ("person", normalise(name))  # "Kamala Mammadova, resident of Baku": a person the base has no card of
        return ("group", normalise(claimant))

    def _text(self, claimant: str, fact: Fact) -> str | None:
        """The cited text the claimant names ("the CFR Global Conflict Tracker"), if it names one."""
        for citation in fact.citations:
            if names_the_text(claimant, self._vocabularies.get(citation.source, frozenset())):
                return citation.source
        return None


class _PeopleByName:
    """The people of a fact base by name: the first (in the base's order) whose name a claimant holds as a whole
    phrase (``contains_phrase``), found by looking up the claimant's phrases rather than trying every person's
    name, which made sorting the claimants of a large base quadratic."""

    def __init__(self, people: Sequence[PersonFact]) -> None:
        self._first: dict[str, tuple[int, PersonFact]] = {}
        for index, person in enumerate(people):
            phrase = normalise(person.name)
            if phrase:  # an empty name is in no claimant (``contains_phrase``)
                self._first.setdefault(phrase, (index, person))
        self._lengths = sorted({len(phrase) for phrase in self._first})

    def first_in(self, claimant: str) -> PersonFact | None:
        text = normalise(claimant)
        size = len(text)
        found: tuple[int, PersonFact] | None = None
        # a whole phrase starts where no letter or digit runs on before it and ends where none runs on after it
        for start in range(size):
            if start and text[start - 1].isalnum():
                continue
            for length in self._lengths:
                end = start + length
                if end > size:
                    break
                if end < size and text[end].isalnum():
                    continue
                hit = self._first.get(text[start:end])
                if hit is not None and (found is None or hit[0] < found[0]):
                    found = hit
        return found[1] if found is not None else None
