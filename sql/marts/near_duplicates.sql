-- marts.near_duplicates: one row per article that is a near-copy of an earlier
-- one (the same story syndicated under another outlet, or a re-saved page),
-- linked to its original with the similarity of their bodies. Flagged, never
-- merged: both stay in every other table.
-- @column article_id: the near-duplicate article
-- @column original_article_id: the earliest article it copies: published first (undated articles count as latest), then by file name, so a rebuild picks the same one
-- @column similarity: resemblance of the two bodies: shared 5-word shingles over all their shingles (Jaccard, estimated on a hash sample of the first 20,000 characters), 0.5 to 1
-- @column outlet: outlet of the near-duplicate (staging.articles.outlet); NULL when unknown
-- @column original_outlet: outlet of the original; NULL when unknown
-- @column same_outlet: true when both carry the same known outlet (a re-saved page rather than syndication)
with ranked as (
    -- not ingested_at: a rebuild from the same files must pick the same original
    select article_id, outlet,
           (coalesce(published_at, timestamp '9999-12-31'), source_name, article_id) as seniority
    from staging.articles
),
holdings as (
    select s.article_id, s.shingle, r.seniority
    from intermediate.article_shingles as s
    join ranked as r using (article_id)
),
sizes as (
    select article_id, count(*) as n from holdings group by article_id
),
first_holders as (
    select shingle, arg_min(article_id, seniority) as first_holder_id from holdings group by shingle
),
candidates as (
    -- Each shingle of an article votes for the most senior article holding it:
    -- a copy's shingles vote for its original. Only articles with a tenth of
    -- the votes are compared in full, so the work grows with the number of
    -- shingles, not with the square of the number of copies of a story.
    select h.article_id, f.first_holder_id as original_article_id
    from holdings as h
    join first_holders as f using (shingle)
    join sizes as sz using (article_id)
    where f.first_holder_id <> h.article_id
    group by h.article_id, f.first_holder_id, sz.n
    having count(*) * 10 >= sz.n
),
scored as (
    select c.article_id, c.original_article_id,
           count(*)::double / (any_value(sa.n) + any_value(sb.n) - count(*)) as similarity
    from candidates as c
    join intermediate.article_shingles as a on a.article_id = c.article_id
    join intermediate.article_shingles as b on b.article_id = c.original_article_id and b.shingle = a.shingle
    join sizes as sa on sa.article_id = c.article_id
    join sizes as sb on sb.article_id = c.original_article_id
    group by c.article_id, c.original_article_id
    having count(*)::double / (any_value(sa.n) + any_value(sb.n) - count(*)) >= 0.5
)
select
    s.article_id,
    arg_min(s.original_article_id, o.seniority) as original_article_id,
    round(arg_min(s.similarity, o.seniority), 3) as similarity,
    any_value(d.outlet) as outlet,
    arg_min(o.outlet, o.seniority) as original_outlet,
    coalesce(any_value(d.outlet) = arg_min(o.outlet, o.seniority), false) as same_outlet
from scored as s
join ranked as d on d.article_id = s.article_id
join ranked as o on o.article_id = s.original_article_id
group by s.article_id
