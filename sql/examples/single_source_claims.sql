-- single_source_claims: what only one article says: the claims behind facts
-- (marts.facts) and events (marts.events) that no other article reports, with
-- who makes each claim and where. Worth checking before repeating.
-- claimant is NULL when the article states the claim in its own voice.
-- @param kind = '': 'fact' or 'event' to list only that kind (empty: both)
with single_facts as (
    select
        'fact' as kind,
        f.predicate || coalesce(': "' || f.work_title || '"', '') as about,
        c.claim_text,
        c.claimant,
        c.article_id,
        cast(null as date) as event_date
    from marts.facts as f, unnest(f.claim_ids) as u(claim_id)
    join staging.claims as c on c.claim_id = u.claim_id
    where f.source_count = 1
),
single_events as (
    select
        'event' as kind,
        e.summary as about,
        coalesce(c.claim_text, s.evidence_text) as claim_text,
        c.claimant,
        s.article_id,
        e.event_date
    from marts.events as e
    join marts.event_sources as s on s.event_id = e.event_id
    left join staging.claims as c on c.claim_id = s.claim_id
    where e.source_count = 1
),
claims as (
    select * from single_facts
    union all
    select * from single_events
)
select distinct
    k.kind,
    k.about,
    k.event_date,
    k.claim_text,
    k.claimant,
    a.outlet,
    a.published_at,
    k.article_id
from claims as k
left join staging.articles as a on a.article_id = k.article_id
where trim($kind) = '' or k.kind = lower(trim($kind))
order by k.kind, k.event_date nulls last, k.about, k.claim_text
