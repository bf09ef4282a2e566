-- staging.articles: one row per article whose cleaning found body text.
-- Three dates are kept apart: published_at (the article's own date),
-- ingested_at (when we first stored it); event dates live in the marts.
-- @column article_id: stable id of the article content: the first 16 hex digits of its SHA-256 (same bytes, same id)
-- @column source_name: path of the file it came from, relative to the source folder (one of them when the same content arrived under several names: see raw.source_files)
-- @column title: headline found by cleaning; NULL when none was found
-- @column outlet: publication or site name (e.g. from the page's metadata or a dateline); NULL when unknown
-- @column author: byline name(s); NULL when unknown
-- @column published_at: when the article says it was published (not when it happened, not when we ingested it); NULL when unknown
-- @column published_source: which rule found published_at ('dateline', a meta tag name, ...); NULL when published_at is NULL
-- @column language: language code declared by the page (e.g. 'en'); NULL when not declared
-- @column content_kind: 'text' or 'html': how the file was cleaned
-- @column body_text: the cleaned article body: its paragraphs joined by a blank line
-- @column paragraph_count: number of body paragraphs (rows in staging.paragraphs)
-- @column content_sha256: SHA-256 of the file's bytes (hex)
-- @column encoding: text encoding the file was decoded from (utf-8, utf-16, windows-1252, ...)
-- @column ingested_at: when this content was first stored in raw.articles (our clock, not the article's)
-- @column parser_version: hash of the parsing code that produced these rows; a code change re-parses
select
    a.article_id,
    a.source_name,
    p.title,
    p.outlet,
    p.author,
    p.published_at,
    p.published_source,
    p.language,
    p.content_kind,
    p.body_text,
    p.paragraph_count,
    a.content_sha256,
    a.encoding,
    a.ingested_at,
    p.parser_version
from raw.articles as a
join raw.parsed_articles as p using (article_id)
where p.parse_status = 'ok'
