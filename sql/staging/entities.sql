-- staging.entities: one row per person or group named in an article, with its aliases.
select t.*
from raw.parsed_entities as t
where t.article_id in (select article_id from raw.articles)
