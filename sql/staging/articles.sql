-- staging.articles: one row per article whose cleaning found body text.
-- Three dates are kept apart: published_at (the article's own date),
-- ingested_at (when we first stored it); event dates live in the marts.
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
