-- Audit: every staging and mart row traces back to an article in raw.articles.
-- Returns one row per orphaned row.
with article_refs as (
    select 'staging.articles' as table_name, article_id from staging.articles
    union all select 'staging.paragraphs', article_id from staging.paragraphs
    union all select 'staging.removed_blocks', article_id from staging.removed_blocks
    union all select 'staging.quotes', article_id from staging.quotes
    union all select 'staging.claims', article_id from staging.claims
    union all select 'staging.amounts', article_id from staging.amounts
    union all select 'staging.time_expressions', article_id from staging.time_expressions
    union all select 'marts.event_sources', article_id from marts.event_sources
    union all select 'marts.disputes', article_id from marts.disputes
    union all select 'marts.quote_variants', article_id from marts.quote_variants
    union all select 'marts.near_duplicates', article_id from marts.near_duplicates
    union all select 'marts.near_duplicates', original_article_id from marts.near_duplicates
)
select r.table_name, r.article_id
from article_refs as r
where r.article_id is null or r.article_id not in (select article_id from raw.articles)
union all
-- an event or an utterance with no evidence row cannot be traced at all
select 'marts.events', e.event_id from marts.events as e
where e.event_id not in (select event_id from marts.event_sources)
union all
select 'marts.quotes', q.quote_key from marts.quotes as q
where q.quote_key not in (select quote_key from marts.quote_variants)
