-- staging.unresolved_mentions: one row per pronoun or short name that could not be resolved to a person.
select t.*
from raw.parsed_unresolved_mentions as t
where t.article_id in (select article_id from raw.articles)
