-- intermediate.quote_matches: one row per pair of quotations (a, b), from
-- different articles, that are the same utterance in slightly different words:
-- same speaker (or one unknown) and most words of the shorter one in the longer.
with pairs as (
    select
        a.quote_id as quote_id_a,
        b.quote_id as quote_id_b,
        len(list_intersect(a.words, b.words)) as shared,
        least(len(a.words), len(b.words)) as shorter
    from intermediate.quote_tokens as a
    join intermediate.quote_tokens as b
      on a.article_id <> b.article_id
     and a.quote_id < b.quote_id
     and (a.speaker = b.speaker or a.speaker is null or b.speaker is null)
    where len(a.words) >= 4 and len(b.words) >= 4
)
select quote_id_a, quote_id_b, shared::double / shorter as containment
from pairs
where shared::double / shorter >= 0.6
