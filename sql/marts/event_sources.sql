-- marts.event_sources: one row per event mention that backs an event in
-- marts.events: which article, which claim, the sentence, and the date as
-- that article gave it (reported_date NULL when it gave none we could resolve).
-- @column event_id: the event (marts.events.event_id)
-- @column article_id: the article that mentions it (raw.articles.article_id)
-- @column claim_id: the claim that mentions it (staging.claims.claim_id)
-- @column candidate_id: the event mention (staging.event_candidates.candidate_id)
-- @column evidence_text: the sentence that mentions the event
-- @column trigger: the word that signals the event, as written
-- @column time_text: the date as this article wrote it; NULL when it gave none
-- @column reported_date: first day of the date this article gave; NULL when none or unresolved
-- @column reported_date_end: last day of that date when it is a range ("last week"); NULL otherwise
-- @column reported_precision: precision of that date; NULL when none
-- @column date_status: 'resolved', 'unresolved' (relative, nothing to resolve it against), 'none', 'from_occasion' (undated where it is read, dated by the named occasion it took place at, dated elsewhere in the article) or 'from_publication' (the news of the lede, undated and in the present perfect: "has dropped its investigation"; dated by the article's publication)
select
    k.event_id,
    m.article_id,
    m.claim_id,
    m.candidate_id,
    m.evidence_text,
    m.trigger,
    m.time_text,
    -- a date read off the article's publication is not one the article gave
    case when m.date_status <> 'from_publication' then m.event_date end as reported_date,
    case when m.date_status <> 'from_publication' then m.date_end end as reported_date_end,
    case when m.date_status <> 'from_publication' then m.date_precision end as reported_precision,
    m.date_status
from intermediate.event_clusters as k
join intermediate.event_mentions as m using (candidate_id)
where k.event_id in (select event_id from intermediate.event_clusters as r
                     join intermediate.event_mentions as rm on rm.candidate_id = r.root_id
                     where rm.event_date is not null)
