-- marts.near_duplicates: one row per article that is a near-copy of an earlier
-- one (the same story syndicated under another outlet, or a re-saved page),
-- linked to its original with the similarity of their bodies. Flagged, never
-- merged: both stay in every other table.
-- @column article_id: the near-duplicate article
-- @column original_article_id: the earliest article it copies: published first (undated articles count as latest), then by file name, so a rebuild picks the same one
-- @column similarity: resemblance of the two bodies: shared 5-word shingles over all their shingles (Jaccard, estimated on a hash sample), 0 to 1
-- @column outlet: outlet of the near-duplicate (staging.articles.outlet); NULL when unknown
-- @column original_outlet: outlet of the original; NULL when unknown
-- @column same_outlet: true when both carry the same known outlet (a re-saved page rather than syndication)
with sizes as (
    select article_id, count(*) as n from intermediate.article_shingles group by article_id
),
distinctive as (
    -- a shingle in very many articles is boilerplate of a site, not shared text
    select shingle from intermediate.article_shingles group by shingle having count(*) <= 200
),
pairs as (
    select a.article_id as a, b.article_id as b, count(*) as shared
    from intermediate.article_shingles as a
    join intermediate.article_shingles as b on a.shingle = b.shingle and a.article_id < b.article_id
    where a.shingle in (select shingle from distinctive)
    group by a.article_id, b.article_id
),
scored as (
    select p.a, p.b, p.shared::double / (sa.n + sb.n - p.shared) as similarity
    from pairs as p
    join sizes as sa on sa.article_id = p.a
    join sizes as sb on sb.article_id = p.b
    where p.shared::double / (sa.n + sb.n - p.shared) >= 0.5
),
ranked as (
    -- not ingested_at: a rebuild from the same files must pick the same original
    select article_id, outlet,
           (coalesce(published_at, timestamp '9999-12-31'), source_name, article_id) as seniority
    from staging.articles
),
links as (
    -- in each pair the junior article is the copy
    select case when ra.seniority < rb.seniority then s.b else s.a end as article_id,
           case when ra.seniority < rb.seniority then s.a else s.b end as original_article_id,
           s.similarity,
           least(ra.seniority, rb.seniority) as original_seniority
    from scored as s
    join ranked as ra on ra.article_id = s.a
    join ranked as rb on rb.article_id = s.b
)
select
    l.article_id,
    arg_min(l.original_article_id, l.original_seniority) as original_article_id,
    round(arg_min(l.similarity, l.original_seniority), 3) as similarity,
    any_value(d.outlet) as outlet,
    arg_min(o.outlet, l.original_seniority) as original_outlet,
    coalesce(any_value(d.outlet) = arg_min(o.outlet, l.original_seniority), false) as same_outlet
from links as l
join ranked as d on d.article_id = l.article_id
join ranked as o on o.article_id = l.original_article_id
group by l.article_id
