-- staging.quotes: one row per quotation (a quote inside a quote has parent_quote_id).
select t.*
from raw.parsed_quotes as t
where t.article_id in (select article_id from raw.articles)
