-- marts.facts: one row per fact (a predicate about a work, with its chart
-- position when it has one), however many outlets state it and in whatever
-- words; a fact stated by two or more articles is corroborated.
-- @column fact_id: deterministic id of the fact (md5 of predicate, work, number and chart)
-- @column predicate: normalised action ('release', 'write', 'chart', ...)
-- @column work_title: the work the fact is about (longest spelling); NULL for a chart position whose work no claim names
-- @column number: the chart position or ranking; NULL when the fact has none
-- @column chart: the chart of the position; NULL when none
-- @column object: who or what the action was for or with, as most claims say; NULL when none
-- @column claim_text: one wording of the fact (the longest)
-- @column source_count: distinct articles that state it
-- @column wording_count: claims that state it
-- @column is_corroborated: true when two or more articles state it
-- @column article_ids: the articles that state it
-- @column claim_ids: the claims that state it (staging.claims.claim_id)
-- @column claimants: who asserts it, when someone does (NULL when only the outlets' own voice)
select
    md5(concat_ws('|', predicate, work_key, cast(number as varchar), chart_key)) as fact_id,
    predicate,
    arg_max(work_title, (len(work_title), work_title)) filter (where work_title is not null) as work_title,
    number,
    arg_max(chart, (len(chart), chart)) filter (where chart is not null) as chart,
    mode(object order by object) filter (where object is not null) as object,
    arg_max(claim_text, (len(claim_text), claim_text)) as claim_text,
    count(distinct article_id)::integer as source_count,
    count(*)::integer as wording_count,
    count(distinct article_id) >= 2 as is_corroborated,
    list(distinct article_id order by article_id) as article_ids,
    list(claim_id order by claim_id) as claim_ids,
    list(distinct claimant order by claimant) filter (where claimant is not null) as claimants
from intermediate.claim_keys
group by predicate, work_key, number, chart_key
