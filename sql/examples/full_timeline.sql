-- full_timeline: every event of marts.events in date order, with its participants,
-- how many articles report it and which outlets.
-- Undated events come last.
-- @param since (date) = 0001-01-01: only events whose period ends on or after this day
-- @param until (date) = 9999-12-31: only events that start on or before this day
-- @param include_undated (boolean) = true: also list events with no date
-- @param min_sources (integer) = 1: only events reported by at least this many articles
select
    e.event_date,
    e.date_end,
    e.date_precision,
    e.event_type,
    e.summary,
    array_to_string(e.participants, ', ') as participants,
    e.source_count,
    string_agg(distinct coalesce(a.outlet, a.source_name), '; ' order by coalesce(a.outlet, a.source_name)) as outlets,
    e.event_id
from marts.events as e
left join marts.event_sources as s on s.event_id = e.event_id
left join staging.articles as a on a.article_id = s.article_id
where e.source_count >= $min_sources
  and (
      (e.event_date <= $until and coalesce(e.date_end, e.event_date) >= $since)
      or (e.event_date is null and $include_undated)
  )
group by all
order by e.event_date nulls last, e.date_end nulls first, e.summary, e.event_id
