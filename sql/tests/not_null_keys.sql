-- Audit: no key column is NULL. Returns one row per table with NULL keys.
select 'raw.articles' as table_name, count(*) as null_keys from raw.articles
where article_id is null or content_sha256 is null having count(*) > 0
union all
select 'staging.articles', count(*) from staging.articles where article_id is null having count(*) > 0
union all
select 'staging.paragraphs', count(*) from staging.paragraphs
where article_id is null or paragraph_index is null having count(*) > 0
union all
select 'staging.quotes', count(*) from staging.quotes
where quote_id is null or article_id is null or paragraph_index is null having count(*) > 0
union all
select 'staging.claims', count(*) from staging.claims where claim_id is null or article_id is null having count(*) > 0
union all
select 'staging.amounts', count(*) from staging.amounts where amount_id is null or claim_id is null or article_id is null having count(*) > 0
union all
select 'staging.time_expressions', count(*) from staging.time_expressions where article_id is null having count(*) > 0
union all
select 'marts.events', count(*) from marts.events where event_id is null or event_type is null having count(*) > 0
union all
select 'marts.quotes', count(*) from marts.quotes where quote_key is null having count(*) > 0
union all
select 'marts.event_sources', count(*) from marts.event_sources
where event_id is null or article_id is null having count(*) > 0
