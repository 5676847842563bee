-- The knowledge store, built in one transaction from the articles in data/articles/ (see db/build.py).
-- Every table is rebuilt from scratch on each reload, so there are no migrations: an older
-- schema_version (PRAGMA user_version and meta.schema_version) simply triggers a rebuild.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,        -- 'schema_version', 'data_version', 'built_at'
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id     INTEGER PRIMARY KEY,
    file   TEXT NOT NULL UNIQUE,   -- file name relative to the articles directory
    title  TEXT NOT NULL,
    date   TEXT,                   -- 'YYYY-MM-DD' from the article's date line, if any
    source TEXT,
    sha256 TEXT NOT NULL
);

CREATE TABLE people (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,    -- canonical full name
    roles TEXT NOT NULL DEFAULT '[]'  -- JSON list: ["actor"], ["creator", "writer"], ...
);

CREATE TABLE characters (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,  -- fullest name seen: 'Nick Nelson'
    description TEXT                   -- the most informative one seen
);

CREATE TABLE "cast" (
    id           INTEGER PRIMARY KEY,
    character_id INTEGER NOT NULL REFERENCES characters(id),
    person_id    INTEGER NOT NULL REFERENCES people(id),
    is_returning INTEGER NOT NULL DEFAULT 1,  -- 0 when introduced as a new face
    seasons      TEXT NOT NULL DEFAULT '[]',  -- JSON list of season numbers, when known
    UNIQUE (character_id, person_id)
);

-- Other names an entity goes by: surname, first name, short character name, misspellings seen.
CREATE TABLE aliases (
    id           INTEGER PRIMARY KEY,
    alias        TEXT NOT NULL,
    person_id    INTEGER REFERENCES people(id),
    character_id INTEGER REFERENCES characters(id),
    CHECK ((person_id IS NULL) <> (character_id IS NULL))
);
CREATE INDEX aliases_alias ON aliases (alias COLLATE NOCASE);

CREATE TABLE events (
    id     INTEGER PRIMARY KEY,
    what   TEXT NOT NULL,          -- 'Season 2 premiere'
    kind   TEXT NOT NULL,          -- 'premiere', 'production_start', 'production_end', 'announcement', ...
    date   TEXT NOT NULL,          -- 'YYYY-MM-DD' or 'YYYY-MM'
    season INTEGER
);

CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES people(id),
    text       TEXT NOT NULL,
    norm       TEXT NOT NULL UNIQUE,              -- normalised text: the dedupe key
    article_id INTEGER NOT NULL REFERENCES articles(id)  -- the oldest article stating it
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);

-- Which articles state which fact. entity is one of: person, character, cast, event, quote.
CREATE TABLE mentions (
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (entity, entity_id, article_id)
) WITHOUT ROWID;

-- Full-text index over quote text. External content: the text lives once, in quotes.
-- The store is rebuilt, never updated in place, so the index is filled once with 'rebuild'.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The extraction cache (db/cache.py): one article's extracted facts (JSON, without its file name) under
-- the sha256 of its bytes and a fingerprint of the extractor's source. Carried from the old store into the
-- new one on each rebuild, so a reload extracts only new or changed articles. Not part of the knowledge:
-- a store built without it holds the same rows in every other table.
CREATE TABLE extract_cache (
    digest    TEXT NOT NULL,
    extractor TEXT NOT NULL,
    facts     TEXT NOT NULL,
    PRIMARY KEY (digest, extractor)
) WITHOUT ROWID;
