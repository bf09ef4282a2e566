-- staging.event_candidates: one row per mention of a real-world event in an article, before merging.
select t.*
from raw.parsed_event_candidates as t
where t.article_id in (select article_id from raw.articles)
