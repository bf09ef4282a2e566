-- intermediate.quote_matches: one row per pair of distinct wordings (a, b) that
-- are the same utterance in slightly different words: most words of the shorter
-- in the longer, and no two different named speakers. Candidates are only pairs
-- sharing a 3-word shingle that is not a common phrase, so the work grows with
-- the number of wordings, not with its square.
with shingles as (
    select
        w.wording_id,
        -- the token list zipped with itself offset by one and two (linear;
        -- see intermediate.article_shingles)
        unnest(list_transform(list_zip(w.tokens[1:-3], w.tokens[2:-2], w.tokens[3:-1]),
                              lambda s: s[1] || ' ' || s[2] || ' ' || s[3])) as shingle
    from intermediate.quote_wordings as w
    where len(w.tokens) >= 4
),
distinctive as (
    -- a shingle in very many wordings ("i don't know") says nothing
    select shingle from shingles group by shingle having count(distinct wording_id) <= 50
),
candidates as (
    select distinct a.wording_id as wording_id_a, b.wording_id as wording_id_b
    from shingles as a
    join shingles as b on a.shingle = b.shingle and a.wording_id < b.wording_id
    where a.shingle in (select shingle from distinctive)
)
select
    c.wording_id_a,
    c.wording_id_b,
    len(list_intersect(wa.words, wb.words))::double / least(len(wa.words), len(wb.words)) as containment
from candidates as c
join intermediate.quote_wordings as wa on wa.wording_id = c.wording_id_a
join intermediate.quote_wordings as wb on wb.wording_id = c.wording_id_b
where len(list_intersect(wa.words, wb.words))::double / least(len(wa.words), len(wb.words)) >= 0.6
  and (len(wa.speakers) = 0 or len(wb.speakers) = 0 or len(list_intersect(wa.speakers, wb.speakers)) > 0)
