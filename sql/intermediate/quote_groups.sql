-- intermediate.quote_groups: one row per top-level quotation, with the key of
-- the utterance it belongs to: the smallest wording id among its wording and
-- the wordings matched to it, followed two hops so chains of partial wordings meet.
with edges as (
    select wording_id_a as w, wording_id_b as other from intermediate.quote_matches
    union all
    select wording_id_b, wording_id_a from intermediate.quote_matches
),
hop1 as (
    select q.wording_id, least(q.wording_id, coalesce(min(e.other), q.wording_id)) as key1
    from intermediate.quote_wordings as q
    left join edges as e on e.w = q.wording_id
    group by q.wording_id
),
hop2 as (
    select h.wording_id, least(h.key1, coalesce(min(n.key1), h.key1)) as quote_key
    from hop1 as h
    left join edges as e on e.w = h.wording_id
    left join hop1 as n on n.wording_id = e.other
    group by h.wording_id, h.key1
)
select t.quote_id, t.article_id, t.speaker, t.quote_text, t.words, t.wording_id, h.quote_key
from intermediate.quote_tokens as t
join hop2 as h using (wording_id)
