-- Audit: each event's source_count is the number of distinct articles in
-- marts.event_sources, and every source that gave a date gave one that
-- agrees with the event's (its period contains the event's first day, or lies inside it).
-- Returns one row per disagreement.
with counts as (
    select event_id, count(distinct article_id) as n from marts.event_sources group by event_id
)
select e.event_id, 'source_count' as problem, e.source_count as expected, c.n as found
from marts.events as e
left join counts as c using (event_id)
where c.n is distinct from e.source_count
union all
select s.event_id, 'date ' || cast(s.reported_date as varchar) || ' ' || s.reported_precision, null, null
from marts.event_sources as s
join marts.events as e using (event_id)
where s.reported_date is not null
  and not (
      -- the source's period contains the event's first day
      (s.reported_precision = 'day' and s.reported_date = e.event_date)
      or (s.reported_precision = 'month' and date_trunc('month', s.reported_date) = date_trunc('month', e.event_date))
      or (s.reported_precision = 'year' and year(s.reported_date) = year(e.event_date))
      -- or it is a range that starts where the event does, or holds its first day
      -- ("last week" for the memorial service a day of that week is given for)
      or s.reported_date = e.event_date
      or (s.reported_date_end is not null and s.reported_date <= e.event_date
          and e.event_date <= s.reported_date_end)
  )
