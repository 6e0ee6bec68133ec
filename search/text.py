"""
Words as the search sees them, in one place for the index, the queries and the highlighting.

A word is folded (lower case, no accents: readers type « sante » on phone keyboards) and, in
the languages Snowball knows, stemmed (« médecins » and « médecin » are one word). PostgreSQL
does the same with its own Snowball stemmers and `unaccent` (see search.backends); SQLite
indexes the words this module gives it.
"""

import re
import unicodedata
from functools import cache
from html import unescape
from pathlib import Path

import snowballstemmer
from django.conf import settings
from django.utils.html import format_html, format_html_join, strip_tags

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


def stems(folded_words, language):
    stemmer = _stemmer(language)
    return stemmer.stemWords(folded_words) if stemmer else list(folded_words)


def indexed(text, language):
    """The text as the SQLite index holds it: its stems, in order, separated by spaces."""
    return " ".join(stems(words(text), language))


def plain(html):
    """The text of staff HTML, for the index and the snippets."""
    return " ".join(unescape(strip_tags(html)).split())


def query_languages(language):
    """The reader's language, then French: pages fall back to it, and many readers know the
    French words of their procedures (« titre de séjour », « récépissé »)."""
    return list(dict.fromkeys([language, settings.LANGUAGE_CODE]))


def _hits(matches, wanted, language):
    """The positions of the words (regex matches) whose stem is wanted."""
    hits = set()
    for code in query_languages(language):
        found = stems([fold(match[0]) for match in matches], code)
        hits.update(i for i, stem in enumerate(found) if stem in wanted)
    return hits


def coverage(text, wanted, language):
    """The share of the words of a text that the query wanted: 1 for a title that is all query."""
    matches = list(WORD.finditer(text))
    return len(_hits(matches, wanted, language)) / len(matches) if matches else 0


def highlight(text, wanted, language, length=None):
    """Escape `text` and mark the words whose stem is in `wanted`, around the first of them.

    With `length`, cut a window of about that many characters (a snippet); otherwise keep it
    all (a title). Returns safe HTML.
    """
    matches = list(WORD.finditer(text))
    hits = _hits(matches, wanted, language)
    start, end = 0, len(text)
    if length and len(text) > length:
        first = matches[min(hits)].start() if hits else 0
        start = max(0, text.rfind(" ", 0, max(0, first - length // 3)) + 1) if first else 0
        end = text.find(" ", start + length)
        end = len(text) if end == -1 else end
    parts, position = [], start
    for i, match in enumerate(matches):
        if i in hits and start <= match.start() and match.end() <= end:
            parts.append(("", text[position : match.start()]))
            parts.append(("mark", match[0]))
            position = match.end()
    parts.append(("", text[position:end]))
    html = format_html_join(
        "",
        "{}",
        ((format_html("<mark>{}</mark>", part) if tag else part,) for tag, part in parts),
    )
    return format_html("{}{}{}", "… " if start > 0 else "", html, " …" if end < len(text) else "")
