-- intermediate.event_clusters: one row per event mention, with the mention
-- that represents its event (root_id) and the event's id.
-- Mentions of one period linked through each other are one component. Each
-- mention points at the most precise mention it is linked to, or the first of
-- its component (dated before undated, then the shortest period, then the
-- earliest, then the smallest id); pointers are followed to the end. A
-- pointer goes to a more precise mention, so a year-level date joins the day
-- inside it, an undated mention joins a dated one, and two days of one year
-- are never joined through it; or to an earlier one of the same precision,
-- so two outlets' publication days ('from_publication', a two-day period)
-- join on the earlier day, and a day an article states wins over both.
with recursive
same_period_links as (
    select l.candidate_id, l.other_id
    from intermediate.event_links as l
    join intermediate.event_mentions as a on a.candidate_id = l.candidate_id
    join intermediate.event_mentions as b on b.candidate_id = l.other_id
    where a.period_start = b.period_start and a.period_end = b.period_end
),
reach(candidate_id, label) as (
    -- mentions of one period joined through others of that period are one
    -- event ("the July 25 call" with Trump, with Morrison, with Trump and
    -- Morrison): each mention reaches the smaller ids of its component
    select candidate_id, candidate_id from intermediate.event_mentions
    union
    select l.other_id, r.label
    from reach as r
    join same_period_links as l on l.candidate_id = r.candidate_id
    where r.label < l.other_id
),
component_links as (
    select candidate_id, min(label) as other_id from reach group by candidate_id
),
parents as (
    -- an aggregate, not a ranking window: it keeps one row per mention in
    -- memory instead of sorting every link
    select
        l.candidate_id,
        arg_min(l.other_id, ((o.period_start is null),
                             coalesce(date_diff('day', o.period_start, o.period_end), 0),
                             o.period_start, o.candidate_id)) as parent_id
    from (select candidate_id, other_id from intermediate.event_links
          union all
          select candidate_id, other_id from component_links) as l
    join intermediate.event_mentions as o on o.candidate_id = l.other_id
    group by l.candidate_id
),
walk(candidate_id, node, depth) as (
    select candidate_id, parent_id, 0 from parents
    union all
    select w.candidate_id, p.parent_id, w.depth + 1
    from walk as w
    join parents as p on p.candidate_id = w.node
    where p.parent_id <> w.node and w.depth < 64
),
roots as (
    select candidate_id, arg_max(node, (depth, node)) as root_id from walk group by candidate_id
),
keyed as (
    select
        r.candidate_id,
        r.root_id,
        -- the event id: its type, what it is about and its date, so that it
        -- stays the same when more articles about it arrive
        md5(concat_ws('|', m.event_type,
                      coalesce(m.work_key, m.venue_key, array_to_string(m.participant_keys, ',')),
                      coalesce(cast(m.period_start as varchar), 'undated:' || m.candidate_id),
                      cast(m.period_end as varchar))) as base_id
    from roots as r
    join intermediate.event_mentions as m on m.candidate_id = r.root_id
)
select
    candidate_id,
    root_id,
    -- two different events with the same type, key and date keep apart
    case when count(distinct root_id) over (partition by base_id) > 1
         then md5(base_id || '|' || root_id) else base_id end as event_id
from keyed
