-- intermediate.article_shingles: one row per article and sampled 5-word shingle
-- of its body (a quarter of all shingles, chosen by hash, so the sample of two
-- copies of one text is the same sample and their overlap estimates their
-- resemblance at a quarter of the cost).
-- Shingles are taken within paragraphs, from the paragraphs that start in the
-- first 20,000 characters of the body: plenty to tell a copy, and a paragraph
-- row is small, so the work streams in bounded memory (whole bodies as token
-- lists took ~1 GB at 10,000 articles; a 35 MB article took more than that).
with paragraphs as (
    select article_id, text,
           -- where the paragraph starts in the body (paragraphs are joined by a blank line)
           sum(length(text) + 2) over (partition by article_id order by paragraph_index) - length(text) - 2
               as body_offset
    from staging.paragraphs
),
tokens as (
    select article_id, regexp_extract_all(lower(left(text, 20000)), '[\pL\pN]+') as t
    from paragraphs
    where body_offset < 20000
),
shingles as (
    -- the five token lists offset by one, zipped: each struct is one shingle.
    -- (Not a lambda slicing t by index: that copies t for every token, which
    -- took 128 s instead of 7 s on 10,000 articles.)
    select article_id,
           unnest(list_transform(list_zip(t[1:-5], t[2:-4], t[3:-3], t[4:-2], t[5:-1]),
                                 lambda s: hash(concat_ws(' ', s[1], s[2], s[3], s[4], s[5])))) as shingle
    from tokens
    where len(t) >= 5
)
select distinct article_id, shingle
from shingles
where shingle % 4 = 0
