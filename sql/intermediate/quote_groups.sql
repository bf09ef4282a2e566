-- intermediate.quote_groups: one row per top-level quotation, with the key of
-- the utterance it belongs to (the smallest quote_id among it and its matches,
-- followed two hops so chains of partial wordings meet).
with edges as (
    select quote_id_a as q, quote_id_b as other from intermediate.quote_matches
    union all
    select quote_id_b, quote_id_a from intermediate.quote_matches
),
hop1 as (
    select t.quote_id, least(t.quote_id, coalesce(min(e.other), t.quote_id)) as key1
    from intermediate.quote_tokens as t
    left join edges as e on e.q = t.quote_id
    group by t.quote_id
),
hop2 as (
    select h.quote_id, least(h.key1, coalesce(min(n.key1), h.key1)) as quote_key
    from hop1 as h
    left join edges as e on e.q = h.quote_id
    left join hop1 as n on n.quote_id = e.other
    group by h.quote_id, h.key1
)
select t.quote_id, t.article_id, t.speaker, t.quote_text, t.words, h.quote_key
from intermediate.quote_tokens as t
join hop2 as h using (quote_id)
