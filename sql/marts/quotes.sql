-- marts.quotes: one row per distinct utterance across all outlets.
-- quote_text is the longest wording; speaker the most frequent named speaker;
-- source_count the distinct articles that carry it.
-- @column quote_key: id of the utterance: the smallest wording id (md5 of the normalised words) among its wordings, stable while those wordings stay
-- @column speaker: the most frequent named speaker among its wordings; NULL when no outlet names one
-- @column quote_text: the longest wording
-- @column source_count: distinct articles that carry it
-- @column wording_count: quotations (rows of staging.quotes) that are this utterance
-- @column speakers_disagree: true when outlets attribute it to different speakers
-- @column article_ids: the articles that carry it
select
    g.quote_key,
    mode(g.speaker order by g.speaker) filter (where g.speaker is not null) as speaker,
    arg_max(g.quote_text, (len(g.quote_text), g.quote_text)) as quote_text,
    count(distinct g.article_id)::integer as source_count,
    count(*)::integer as wording_count,
    count(distinct g.speaker)::integer > 1 as speakers_disagree,
    list(distinct g.article_id order by g.article_id) as article_ids
from intermediate.quote_groups as g
group by g.quote_key
