-- intermediate.quote_tokens: one row per top-level quotation, with its words
-- in order (lower case, straight apostrophes) and its wording: those words
-- joined, so that the same words with other punctuation or marks are equal.
select
    q.quote_id,
    q.article_id,
    q.speaker,
    q.quote_text,
    t.tokens,
    list_distinct(t.tokens) as words,
    md5(array_to_string(t.tokens, ' ')) as wording_id
from staging.quotes as q,
     lateral (select regexp_extract_all(lower(replace(q.quote_text, '’', '''')), '[a-z0-9]+(?:''[a-z]+)?')
              as tokens) as t
where q.parent_quote_id is null
