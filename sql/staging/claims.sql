-- staging.claims: one row per factual claim (a sentence or clause), with its claimant.
select t.*
from raw.parsed_claims as t
where t.article_id in (select article_id from raw.articles)
