"""Each database's own search index (search.backends reads them).

SQLite: FTS5 tables. `search_fts` holds the stems of each entry (written by search.backends) and
loses a row when its entry is deleted (trigger); `search_word_trigrams` indexes the words'
trigrams for corrections, kept in step with search_word by triggers.

PostgreSQL: the `unaccent` and `pg_trgm` extensions; a text search configuration per language
that removes accents before stemming; the entries' `document` tsvector and its GIN index; a
trigram index on the words.

A later migration that rebuilds search_entry or search_word on SQLite (Django copies the table
to alter it) drops their triggers: tests/search/test_index.py checks that they are there.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, also, tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER search_entry_deleted AFTER DELETE ON search_entry BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
    END""",
    """CREATE VIRTUAL TABLE search_word_trigrams USING fts5(
        folded, language UNINDEXED, content = 'search_word', content_rowid = 'id',
        tokenize = 'trigram'
    )""",
    """CREATE TRIGGER search_word_added AFTER INSERT ON search_word BEGIN
        INSERT INTO search_word_trigrams (rowid, folded, language)
        VALUES (new.id, new.folded, new.language);
    END""",
    """CREATE TRIGGER search_word_deleted AFTER DELETE ON search_word BEGIN
        INSERT INTO search_word_trigrams (search_word_trigrams, rowid, folded, language)
        VALUES ('delete', old.id, old.folded, old.language);
    END""",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER search_word_deleted",
    "DROP TRIGGER search_word_added",
    "DROP TABLE search_word_trigrams",
    "DROP TRIGGER search_entry_deleted",
    "DROP TABLE search_fts",
]

# Base language → PostgreSQL's Snowball dictionary (search.backends.POSTGRES_CONFIGS).
STEMMED = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian"}
POSTGRES = [
    *(
        f"""CREATE TEXT SEARCH CONFIGURATION bienvenue_{code} (COPY = {name});
        ALTER TEXT SEARCH CONFIGURATION bienvenue_{code}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {name}_stem"""
        for code, name in STEMMED.items()
    ),
    """CREATE TEXT SEARCH CONFIGURATION bienvenue_simple (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION bienvenue_simple
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple""",
    "ALTER TABLE search_entry ADD COLUMN document tsvector",
    "CREATE INDEX search_entry_document ON search_entry USING gin (document)",
    "CREATE INDEX search_word_folded_trgm ON search_word USING gin (folded gin_trgm_ops)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX search_word_folded_trgm",
    "ALTER TABLE search_entry DROP COLUMN document",
    *(f"DROP TEXT SEARCH CONFIGURATION bienvenue_{code}" for code in [*STEMMED, "simple"]),
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, ()):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS}),
        ),
    ]
