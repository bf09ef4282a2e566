-- intermediate.quote_wordings: one row per distinct wording of a quotation
-- across all articles (a syndicated quote carried by a thousand articles is one
-- wording), with its words, its 3-word shingles and the speakers named for it.
select
    wording_id,
    min(tokens) as tokens,
    min(words) as words,
    list_distinct(list(speaker) filter (where speaker is not null)) as speakers,
    count(*) as quote_count
from intermediate.quote_tokens
group by wording_id
