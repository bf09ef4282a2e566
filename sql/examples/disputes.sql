-- disputes: accounts that disagree, one row per side, with the outlet, title and
-- publication date of the article that carries it.
-- claimant is NULL when the article states the claim in its own voice.
-- @param topic = '': only disputes whose topic contains this text, any case (empty: all)
select
    d.dispute_id,
    d.topic,
    count(*) over (partition by d.dispute_id) as sides,
    d.claimant,
    d.claim_text,
    a.outlet,
    a.published_at,
    a.title,
    d.article_id
from marts.disputes as d
left join staging.articles as a on a.article_id = d.article_id
where contains(lower(coalesce(d.topic, '')), lower(trim($topic)))
order by d.dispute_id, a.published_at nulls last, d.claimant nulls first, d.article_id
