-- marts.events: one row per real-world event across all articles (the
-- curated timeline). An event is a cluster of mentions (see
-- intermediate.event_clusters) with at least one dated mention; it takes the
-- most precise agreed date, that of its representative mention. summary
-- names the work, its container, the venue and the main participants (with
-- no work or venue: what happened, as the representative mention says it).
-- @column event_id: deterministic id of the event (md5 of its type, work/venue/participants key and date)
-- @column event_type: kind of event (release, recording, writing, performance, death, award, chart_position, broadcast, collaboration, ...; see etl_gone.claims.EVENT_TYPES)
-- @column summary: one line naming the type, the work (and the album it is from), the venue and the main participants, and without a work what happened in the article's words
-- @column participants: canonical names of the people and groups taking part, most mentioned first (one spelling per name)
-- @column event_date: first day of the period the event's date names (the most precise date its sources agree on)
-- @column date_end: last day, for a range ('from October 2000 to August 2001'); else NULL
-- @column date_precision: 'day', 'month' or 'year'
-- @column source_count: distinct articles that report the event
-- @column mention_count: event mentions merged into it (one article may mention it twice)
-- @column first_reported_article_id: the article with the earliest published_at that reports it; NULL when no source has a publication date
-- @column first_outlet: outlet of that article; NULL when unknown
-- @column first_reported_at: its publication time; NULL when unknown
-- @column is_single_source: true when only one article reports the event
-- @column work_title: the work the event is about, as most sources write it; NULL when none
-- @column venue: where it happened, as most sources write it; NULL when not said
with members as (
    select k.event_id, k.root_id, m.*
    from intermediate.event_clusters as k
    join intermediate.event_mentions as m using (candidate_id)
),
work_counts as (
    select event_id, work_title, count(*) as n from members where work_title is not null group by all
),
works as (
    select event_id, arg_max(work_title, (n, len(work_title), work_title)) as work_title
    from work_counts group by event_id
),
container_counts as (
    select event_id, container_title, count(*) as n from members where container_title is not null group by all
),
containers as (
    select event_id, arg_max(container_title, (n, container_title)) as container_title
    from container_counts group by event_id
),
venue_counts as (
    select event_id, venue, count(*) as n from members where venue is not null group by all
),
venues as (
    select event_id, arg_max(venue, (n, len(venue), venue)) as venue from venue_counts group by event_id
),
named as (
    select event_id, p, regexp_replace(lower(list_last(string_split(trim(p), ' '))), '[^a-z0-9]+', '', 'g') as last_key
    from members, unnest(participants) as t(p)
),
full_names as (
    -- the one full name of an event that ends in a word: "Trump" in one article
    -- is the "Donald Trump" of another
    select event_id, last_key, min(p) as full_name
    from named where contains(trim(p), ' ')
    group by all having count(distinct p) = 1
),
participant_mentions as (
    -- one participant spelled two ways by two outlets ("'N Crowd", "*N Crowd") is one
    select n.event_id, coalesce(f.full_name, n.p) as participant,
           regexp_replace(lower(coalesce(f.full_name, n.p)), '[^a-z0-9]+', '', 'g') as participant_key
    from named as n
    left join full_names as f on f.event_id = n.event_id and f.last_key = n.last_key and not contains(trim(n.p), ' ')
),
spellings as (
    select event_id, participant_key, participant, count(*) as n from participant_mentions group by all
),
participant_counts as (
    select event_id, participant_key,
           arg_max(participant, (n, participant)) as participant, sum(n) as n
    from spellings
    where participant_key <> ''
    group by all
),
participants as (
    select event_id, list(participant order by n desc, participant) as participants
    from participant_counts group by event_id
),
grouped as (
    select
        event_id,
        count(distinct article_id)::integer as source_count,
        count(*)::integer as mention_count,
        arg_min(article_id, (published_at, article_id)) filter (where published_at is not null)
            as first_reported_article_id,
        arg_min(outlet, (published_at, article_id)) filter (where published_at is not null) as first_outlet,
        min(published_at) as first_reported_at
    from members
    group by event_id
),
roots as (
    select distinct m.event_id, m.event_type, m.event_date, m.date_end, m.date_precision, m.action_text
    from members as m
    where m.candidate_id = m.root_id
)
select
    r.event_id,
    r.event_type,
    -- 'performance: "Foo" at Bar Awards (Jane Doe, The Band)', 'death: Jane Doe', 'occasion: Bar Festival'
    r.event_type || ': ' || case
        when w.work_title is not null or v.venue is not null then
            concat_ws(' ',
                -- what happened there, unless a work says it ('incident: outage at Facebook',
                -- but 'release: "Foo"', 'occasion: Bar Festival')
                case when w.work_title is null
                          -- (where the venue is the event's frame, it says enough: 'performance: at AMAs')
                          and r.event_type not in ('occasion', 'performance', 'broadcast', 'award', 'nomination',
                                                   'chart_position', 'collaboration')
                          and lower(trim(r.action_text)) not in ('', r.event_type)
                          and not contains(lower(r.action_text), lower(v.venue))
                     then regexp_replace(trim(r.action_text), '\s+(?:at|in|on)$', '') end,
                '"' || w.work_title || '"',
                case when c.container_title <> w.work_title then 'from "' || c.container_title || '"' end,
                -- an occasion is its name, not something at it
                case when r.event_type = 'occasion' then v.venue else 'at ' || v.venue end)
            || coalesce(' (' || nullif(array_to_string(p.participants[1:3], ', '), '') || ')', '')
        -- 'decision: approved an extradition request (Jane Doe)': what happened, in the words of the
        -- mention the event is dated by ('decision: voted (FARC)'; but the type's own word,
        -- 'death: death', says nothing the type does not)
        when lower(trim(coalesce(r.action_text, ''))) not in ('', r.event_type) then
            r.action_text || coalesce(' (' || nullif(array_to_string(p.participants[1:3], ', '), '') || ')', '')
        else coalesce(nullif(array_to_string(p.participants[1:3], ', '), ''), 'unnamed')
    end as summary,
    coalesce(p.participants, []::varchar[]) as participants,
    r.event_date,
    r.date_end,
    r.date_precision,
    g.source_count,
    g.mention_count,
    g.first_reported_article_id,
    g.first_outlet,
    g.first_reported_at,
    g.source_count = 1 as is_single_source,
    w.work_title,
    v.venue
from roots as r
join grouped as g using (event_id)
left join works as w using (event_id)
left join containers as c using (event_id)
left join venues as v using (event_id)
left join participants as p using (event_id)
where r.event_date is not null
