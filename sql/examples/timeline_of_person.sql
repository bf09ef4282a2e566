-- timeline_of_person: the events a person or group took part in, in date order,
-- with how many articles report each and which outlets.
-- A name matches in part and in any case ("smith" finds "Jane Smith"), among
-- the event's participants or, failing that, in its summary (role = 'mentioned').
-- @param person: a name, or part of one
-- @param min_sources (integer) = 1: only events reported by at least this many articles
select
    e.event_date,
    e.date_end,
    e.date_precision,
    e.event_type,
    e.summary,
    case when len(list_filter(e.participants, lambda p: contains(lower(p), lower(trim($person))))) > 0
         then 'participant' else 'mentioned' end as role,
    array_to_string(e.participants, ', ') as participants,
    e.source_count,
    string_agg(distinct coalesce(a.outlet, a.source_name), '; ' order by coalesce(a.outlet, a.source_name)) as outlets,
    e.event_id
from marts.events as e
left join marts.event_sources as s on s.event_id = e.event_id
left join staging.articles as a on a.article_id = s.article_id
where trim($person) <> ''
  and e.source_count >= $min_sources
  and (len(list_filter(e.participants, lambda p: contains(lower(p), lower(trim($person))))) > 0
       or contains(lower(e.summary), lower(trim($person))))
group by all
order by e.event_date nulls last, e.date_end nulls first, e.summary, e.event_id
