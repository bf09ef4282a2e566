-- staging.time_expressions: one row per date or time mention in the body, normalised with its precision.
select t.*
from raw.parsed_time_expressions as t
where t.article_id in (select article_id from raw.articles)
