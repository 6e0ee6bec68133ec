"""
Words as the search sees them, in one place for the index, the queries and the highlighting.

A word is folded (lower case, no accents: readers type « sante » on phone keyboards) and, in
the languages Snowball knows, stemmed (« médecins » and « médecin » are one word). PostgreSQL
does the same with its own Snowball stemmers and `unaccent` (see search.backends); SQLite
indexes the words this module gives it.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
from django.conf import settings
from django.utils.html import format_html, format_html_join

# Snowball's stemmers by base language, those that PostgreSQL has too (search.backends); a
# language without one is folded only, on both databases.
STEMMERS = {
    "ar": "arabic",
    "en": "english",
    "fr": "french",
    "ru": "russian",
}
# The stop words PostgreSQL's configurations drop (its Snowball lists, copied in stopwords/):
# SQLite drops them from queries too, so that « ma carte vitale » finds the same on both.
STOP_WORDS = {"en": "english", "fr": "french", "ru": "russian"}
WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 200


def base_language(language):
    return language.split("-")[0]


def fold(text):
    """Lower case without accents or other marks: « Sécu » → « secu »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def words(text):
    """The folded words of a text."""
    return WORD.findall(fold(text))


@cache
def _stemmer(language):
    name = STEMMERS.get(base_language(language))
    return snowballstemmer.stemmer(name) if name else None


@cache
def _stop_words(language):
    name = STOP_WORDS.get(base_language(language))
    if not name:
        return frozenset()
    path = Path(__file__).parent / "stopwords" / f"{name}.stop"
    # Compared with folded words, as PostgreSQL compares them after `unaccent`: an accented
    # stop word (« été ») is a word like any other, there and here.
    return frozenset(path.read_text(encoding="utf-8").split())


def is_stop_word(folded_word, language):
    return folded_word in _stop_words(language)


@lru_cache(maxsize=200_000)
def _stem(folded_word, language):
    """One word's stem, remembered: a page's words are stemmed once per process, not for every
    search that shows it (Snowball in pure Python takes microseconds a word)."""
    stemmer = _stemmer(language)
    return stemmer.stemWord(folded_word) if stemmer else folded_word


def stems(folded_words, language):
    return [_stem(word, language) for word in folded_words]


def indexed(text, language):
    """The text as the SQLite index holds it: its stems, in order, separated by spaces."""
    return " ".join(stems(words(text), language))


def query_languages(language):
    """The reader's language, then French: pages fall back to it, and many readers know the
    French words of their procedures (« titre de séjour », « récépissé »)."""
    return list(dict.fromkeys([language, settings.LANGUAGE_CODE]))


def _wanted(word, wanted, languages):
    folded = fold(word)
    return any(_stem(folded, code) in wanted for code in languages)


def coverage(text, wanted, language):
    """The share of the words of a text that the query wanted: 1 for a title that is all query."""
    found = WORD.findall(text)
    languages = query_languages(language)
    return sum(_wanted(word, wanted, languages) for word in found) / len(found) if found else 0


def highlight(text, wanted, language, length=None):
    """Escape `text` and mark the words whose stem is in `wanted`.

    With `length`, keep a window of about that many characters around the first of them (a
    snippet); otherwise all of it (a title). Returns safe HTML.
    """
    languages = query_languages(language)
    start, end = 0, len(text)
    if length and len(text) > length:
        first = next(
            (m.start() for m in WORD.finditer(text) if _wanted(m[0], wanted, languages)), 0
        )
        start = max(0, text.rfind(" ", 0, max(0, first - length // 3)) + 1) if first else 0
        end = text.find(" ", start + length)
        end = len(text) if end == -1 else end
    parts, position = [], start
    for match in WORD.finditer(text, start, end):
        if _wanted(match[0], wanted, languages):
            parts += [("", text[position : match.start()]), ("mark", match[0])]
            position = match.end()
    parts.append(("", text[position:end]))
    html = format_html_join(
        "",
        "{}",
        ((format_html("<mark>{}</mark>", part) if tag else part,) for tag, part in parts),
    )
    return format_html("{}{}{}", "… " if start > 0 else "", html, " …" if end < len(text) else "")
