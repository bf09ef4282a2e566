-- intermediate.claim_keys: one row per claim that states a checkable fact
-- (a predicate about a named work, or a chart position), with normalised
-- keys: the same fact worded differently by two outlets ("#11" / "No. 11 on
-- the Billboard Hot 100 chart") gets the same keys.
with keyed as (
    select
        c.claim_id,
        c.article_id,
        c.claimant,
        c.claim_kind,
        c.claim_text,
        c.predicate,
        c.work_title,
        c.object,
        c.number,
        c.chart,
        nullif(trim(regexp_replace(regexp_replace(lower(c.work_title), '[''’‘]', '', 'g'),
                                   '[^a-z0-9]+', ' ', 'g')), '') as work_key,
        -- "the Billboard Hot 100 chart" and "Billboard Hot 100" are one chart
        nullif(regexp_replace(trim(regexp_replace(regexp_replace(lower(c.chart), '[''’‘]', '', 'g'),
                                                  '[^a-z0-9]+', ' ', 'g')), '^the | charts?$', '', 'g'), '')
            as chart_key
    from staging.claims as c
    where c.predicate is not null
      and c.predicate <> 'cause'
      and (c.work_title is not null or c.number is not null)
),
-- a chart claim that names no work ("it hit No. 11 on ...") is about the one
-- work other claims put at that position on that chart, when there is one
only_work as (
    select predicate, chart_key, number, min(work_key) as work_key
    from keyed
    where number is not null and work_key is not null
    group by all
    having count(distinct work_key) = 1
)
select
    k.claim_id,
    k.article_id,
    k.claimant,
    k.claim_kind,
    k.claim_text,
    k.predicate,
    k.work_title,
    k.object,
    k.number,
    k.chart,
    coalesce(k.work_key, o.work_key) as work_key,
    k.chart_key
from keyed as k
left join only_work as o
  on k.work_key is null
 and o.predicate = k.predicate
 and o.number = k.number
 and o.chart_key is not distinct from k.chart_key
where coalesce(k.work_key, o.work_key) is not null or k.number is not null
