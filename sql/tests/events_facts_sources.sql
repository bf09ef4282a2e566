-- Audit: a fact's source_count is the number of its distinct articles, and a
-- corroborated fact has at least two. Returns one row per inconsistent fact.
select fact_id, source_count, len(article_ids) as articles, is_corroborated
from marts.facts
where source_count <> len(article_ids)
   or is_corroborated <> (source_count >= 2)
