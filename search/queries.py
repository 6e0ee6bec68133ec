"""
One search over the guide's pages, places and routes, as forgiving as readers need: accents
and case ignored, word forms stemmed, synonyms that staff keep, and a correction when a typing
mistake finds nothing. A constant number of queries, whatever the size of the content:
synonyms 1, matches 1; when nothing matches, known words 1, close words 1, and when a word is
corrected, synonyms and matches again 2 (tests/search/test_search.py counts them).
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .backends import backend
from .models import MAX_MISSED_QUERY, MissedSearch, Synonym, Word
from .text import (
    SNIPPET_LENGTH,
    coverage,
    highlight,
    is_stop_word,
    query_languages,
    stems,
    words,
)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_RESULTS = 30
MAX_SYNONYM_WORDS = 4  # the longest reader's phrase a synonym replaces
MIN_TYPO_LENGTH = 4  # shorter words are too ambiguous to correct
MIN_SIMILARITY = 0.75  # how close a word must be to the typed one to replace it


@dataclass
class Results:
    query: str
    hits: list = field(default_factory=list)
    corrected: str = ""  # the query as corrected, when the typed words found nothing


def clean_query(raw):
    """Return the query as the reader meant it: no control characters, a sane length."""
    text = "".join(char if char.isprintable() else " " for char in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(query, language, limit=MAX_RESULTS):
    typed = words(query)[:MAX_WORDS]
    if not typed:
        return Results(query)
    engine = backend()
    groups = _groups(typed, language)
    hits = engine.match(groups, language, limit) if groups else []
    corrected = ""
    if not hits:
        fixes = _corrections(typed, language, engine)
        if fixes:
            fixed = [fixes.get(word, word) for word in typed]
            groups = _groups(words(" ".join(fixed)), language)
            hits = engine.match(groups, language, limit) if groups else []
            corrected = " ".join(fixed) if hits else ""
    wanted = _stems(groups, language)
    typed_stems = _stems([[group[0]] for group in groups], language)
    for hit in hits:
        hit.title_html = highlight(hit.title, wanted, language)
        hit.snippet = highlight(hit.text, wanted, language, SNIPPET_LENGTH)
    # Among titles that match: the reader's own words before synonyms (« hospital »: the page
    # « Hospital and A&E » before the CHU), then places, then the title that is most the query
    # (« Titre de séjour et préfecture » before « Sans titre de séjour : l'AME »); the
    # database's rank otherwise.
    hits.sort(
        key=lambda hit: (
            not hit.title_match,
            hit.title_match and not coverage(hit.title, typed_stems, language),
            hit.kind,
            -coverage(hit.title, wanted, language) if hit.title_match else 0,
        )
    )
    return Results(query, hits, corrected)


def _stems(groups, language):
    return {
        stem
        for group in groups
        for phrase in group
        for code in query_languages(language)
        for stem in stems(phrase, code)
    }


def _groups(typed, language):
    """Each typed word, or the longest phrase staff gave synonyms for, with its synonyms."""
    phrases = {
        " ".join(typed[start:end])
        for start in range(len(typed))
        for end in range(start + 1, min(start + MAX_SYNONYM_WORDS, len(typed)) + 1)
    }
    meanings = {}
    synonyms = Synonym.objects.filter(language__in=query_languages(language), folded__in=phrases)
    for synonym in synonyms:
        meanings.setdefault(synonym.folded, []).extend(
            meaning for meaning in map(words, synonym.meanings()) if meaning
        )
    groups, start = [], 0
    while start < len(typed):
        for end in range(min(start + MAX_SYNONYM_WORDS, len(typed)), start, -1):
            phrase = " ".join(typed[start:end])
            if phrase in meanings or end == start + 1:
                groups.append([typed[start:end], *meanings.get(phrase, [])])
                start = end
                break
    # A lone stop word (« ma », « the ») matches anything: PostgreSQL drops it, and so here.
    languages = query_languages(language)
    return [
        group
        for group in groups
        if len(group) > 1
        or len(group[0]) > 1
        or not all(is_stop_word(group[0][0], code) for code in languages)
    ]


def _similarity(typed, word):
    return SequenceMatcher(None, typed, word.folded).ratio()


def _corrections(typed, language, engine):
    """{typed word: the published word it most likely meant}, for words the guide lacks."""
    languages = query_languages(language)
    known = set(
        Word.objects.filter(language__in=languages, folded__in=typed).values_list(
            "folded", flat=True
        )
    )
    unknown = [
        word
        for word in dict.fromkeys(typed)
        if word not in known and len(word) >= MIN_TYPO_LENGTH and not word.isdigit()
    ]
    if not unknown:
        return {}
    fixes = {}
    for word, candidates in engine.candidates(unknown, language).items():
        ranked = sorted(candidates, key=lambda c: (-_similarity(word, c), len(c.word), c.word))
        if ranked and _similarity(word, ranked[0]) >= MIN_SIMILARITY:
            fixes[word] = ranked[0].word
    return fixes


def record_miss(query, language):
    """Count a search that found nothing: its words, its language, the day; nothing else."""
    if not words(query):
        return  # punctuation: nothing to write a page about
    text = " ".join(query.lower().split())[:MAX_MISSED_QUERY]
    key = {"query": text, "language": language, "day": timezone.localdate()}
    if MissedSearch.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MissedSearch.objects.create(**key)
    except IntegrityError:  # another reader, at the same moment
        MissedSearch.objects.filter(**key).update(count=F("count") + 1)
