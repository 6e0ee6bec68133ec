"""
The database's own search, behind one interface: `write(entries)`, `match(groups, …)` and
`candidates(words, …)`. Each runs one statement, whatever the size of the content.

- PostgreSQL: a `document` tsvector per entry (title A, text B, French D) built with a text
  search configuration per language that removes accents (`unaccent`) and stems (Snowball);
  a GIN index; `pg_trgm` finds the words closest to a mistyped one.
- SQLite: an FTS5 table of the stems search.text gives (the same Snowball stemmers), ranked by
  bm25; an FTS5 trigram table finds the words closest to a mistyped one.

The tables, columns, configurations and extensions are created by search's migrations.

A query is a list of groups that must all match; a group is a list of alternatives (the typed
words and their synonyms), each a phrase: a list of folded words.
"""

from django.db import connection

from .models import Entry, Word
from .text import base_language, indexed, query_languages, stems

# PostgreSQL configurations created by migration 0002, by base language.
POSTGRES_CONFIGS = {
    "ar": "bienvenue_ar",
    "en": "bienvenue_en",
    "fr": "bienvenue_fr",
    "ru": "bienvenue_ru",
}
POSTGRES_SIMPLE = "bienvenue_simple"
CANDIDATES = 20  # close words compared per mistyped word


def postgres_config(language):
    return POSTGRES_CONFIGS.get(base_language(language), POSTGRES_SIMPLE)


class SQLiteSearch:
    def write(self, entries):
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, text, also) VALUES (%s, %s, %s, %s)",
                [
                    (
                        entry.pk,
                        indexed(entry.title, entry.language),
                        indexed(entry.text, entry.language),
                        indexed(entry.also, "fr"),
                    )
                    for entry in entries
                ],
            )

    def _expression(self, groups, language):
        parts = []
        for group in groups:
            alternatives = {
                " ".join(stems(phrase, code))
                for phrase in group
                for code in query_languages(language)
            }
            parts.append("(" + " OR ".join(f'"{a}"' for a in sorted(alternatives)) + ")")
        return " AND ".join(parts)

    def match(self, groups, language, limit):
        expression = self._expression(groups, language)
        return list(
            Entry.objects.raw(
                """
                SELECT e.*, e.id IN (
                    SELECT rowid FROM search_fts WHERE search_fts MATCH %s
                ) AS title_match
                FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid
                WHERE search_fts MATCH %s AND e.language = %s
                ORDER BY title_match DESC, e.kind, bm25(search_fts, 2.0, 1.0, 0.2), e.title
                LIMIT %s
                """,
                [f"{{title}} : ({expression})", expression, language, limit],
            )
        )

    def candidates(self, folded_words, language):
        languages = query_languages(language)
        marks = ", ".join(["%s"] * len(languages))
        selects, params = [], []
        for i, folded in enumerate(folded_words):
            trigrams = {folded[n : n + 3] for n in range(len(folded) - 2)}
            selects.append(
                f"""SELECT {i} AS i, id, word, folded FROM search_word WHERE id IN (
                    SELECT rowid FROM search_word_trigrams
                    WHERE search_word_trigrams MATCH %s AND language IN ({marks})
                    ORDER BY rank LIMIT {CANDIDATES}
                )"""
            )
            params += [" OR ".join(f'"{t}"' for t in sorted(trigrams)), *languages]
        return _by_word(Word.objects.raw(" UNION ALL ".join(selects), params), folded_words)


class PostgresSearch:
    def write(self, entries):
        languages = sorted({entry.language for entry in entries})
        cases = " ".join("WHEN %s THEN %s" for _code in languages)
        config = f"(CASE language {cases} END)::regconfig"
        params = [value for code in languages for value in (code, postgres_config(code))]
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                UPDATE search_entry SET document =
                    setweight(to_tsvector({config}, title), 'A')
                    || setweight(to_tsvector({config}, text), 'B')
                    || setweight(to_tsvector(%s::regconfig, also), 'D')
                WHERE id = ANY(%s)
                """,
                [*params, *params, postgres_config("fr"), [entry.pk for entry in entries]],
            )

    def _expression(self, groups, language):
        sql, params = [], []
        for group in groups:
            alternatives = []
            for phrase in group:
                for code in query_languages(language):
                    alternatives.append("phraseto_tsquery(%s::regconfig, %s)")
                    params += [postgres_config(code), " ".join(phrase)]
            sql.append("(" + " || ".join(alternatives) + ")")
        return " && ".join(sql), params

    def match(self, groups, language, limit):
        expression, params = self._expression(groups, language)
        return list(
            Entry.objects.raw(
                f"""
                WITH q AS (SELECT {expression} AS query)
                SELECT e.id, e.kind, e.object_id, e.language, e.url, e.title, e.context,
                    e.text, e.also, ts_filter(e.document, '{{a}}') @@ q.query AS title_match
                FROM search_entry e, q
                WHERE e.language = %s AND e.document @@ q.query
                ORDER BY title_match DESC, e.kind, ts_rank(e.document, q.query) DESC, e.title
                LIMIT %s
                """,
                [*params, language, limit],
            )
        )

    def candidates(self, folded_words, language):
        return _by_word(
            Word.objects.raw(
                f"""
                SELECT c.id, t.i - 1 AS i, c.word, c.folded
                FROM unnest(%s::text[]) WITH ORDINALITY AS t(typed, i)
                CROSS JOIN LATERAL (
                    SELECT id, word, folded FROM search_word
                    WHERE language = ANY(%s) AND folded %% t.typed
                    ORDER BY folded <-> t.typed LIMIT {CANDIDATES}
                ) c
                """,
                [list(folded_words), query_languages(language)],
            ),
            folded_words,
        )


def _by_word(rows, folded_words):
    """{typed word: [Word, …]} from rows that carry the index `i` of the typed word."""
    found = {folded: [] for folded in folded_words}
    for row in rows:
        found[folded_words[row.i]].append(row)
    return found


def backend():
    return PostgresSearch() if connection.vendor == "postgresql" else SQLiteSearch()
