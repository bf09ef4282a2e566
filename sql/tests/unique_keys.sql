-- Audit: every table's key is unique. Returns one row per duplicated key.
select 'raw.articles' as table_name, article_id as key_value, count(*) as n
from raw.articles group by article_id having count(*) > 1
union all
select 'staging.articles', article_id, count(*) from staging.articles group by article_id having count(*) > 1
union all
select 'staging.paragraphs', article_id || '#' || paragraph_index, count(*)
from staging.paragraphs group by article_id, paragraph_index having count(*) > 1
union all
select 'staging.quotes', quote_id, count(*) from staging.quotes group by quote_id having count(*) > 1
union all
select 'staging.claims', claim_id, count(*) from staging.claims group by claim_id having count(*) > 1
union all
select 'staging.amounts', amount_id, count(*) from staging.amounts group by amount_id having count(*) > 1
union all
select 'marts.events', event_id, count(*) from marts.events group by event_id having count(*) > 1
union all
select 'marts.quotes', quote_key, count(*) from marts.quotes group by quote_key having count(*) > 1
