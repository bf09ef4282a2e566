-- corroborated_facts: facts stated by at least two articles (marts.facts), most
-- widely reported first, with the outlets that state them and who is cited.
-- Lower min_sources to 1 to list every fact.
-- @param min_sources (integer) = 2: only facts stated by at least this many articles
select
    f.claim_text,
    f.predicate,
    f.work_title,
    f.number,
    f.chart,
    f.source_count,
    string_agg(distinct coalesce(a.outlet, a.source_name), '; ' order by coalesce(a.outlet, a.source_name)) as outlets,
    array_to_string(f.claimants, ', ') as claimants,
    f.fact_id
from marts.facts as f
left join staging.articles as a on list_contains(f.article_ids, a.article_id)
where f.source_count >= $min_sources
group by all
order by f.source_count desc, f.predicate, f.work_title nulls last, f.claim_text
