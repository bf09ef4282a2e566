-- intermediate.quote_tokens: one row per top-level quotation, with its words
-- (lower case, distinct) for matching the same utterance across outlets.
select
    q.quote_id,
    q.article_id,
    q.speaker,
    q.quote_text,
    list_distinct(regexp_extract_all(lower(replace(q.quote_text, '’', '''')), '[a-z0-9]+(?:''[a-z]+)?')) as words
from staging.quotes as q
where q.parent_quote_id is null
