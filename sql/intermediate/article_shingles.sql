-- intermediate.article_shingles: one row per article and sampled 5-word shingle
-- of its body (a quarter of all shingles, chosen by hash, so the sample of two
-- copies of one text is the same sample and their overlap estimates their
-- resemblance at a quarter of the cost).
-- Only the first 20,000 characters of a body are shingled: plenty to tell a
-- copy, and bounded work and memory for a 35 MB article.
with tokens as (
    select article_id, regexp_extract_all(lower(left(body_text, 20000)), '[\pL\pN]+') as t
    from staging.articles
),
shingles as (
    select article_id,
           unnest(list_transform(range(1, len(t) - 3), lambda i: hash(array_to_string(t[i:i + 4], ' ')))) as shingle
    from tokens
    where len(t) >= 5
)
select distinct article_id, shingle
from shingles
where shingle % 4 = 0
