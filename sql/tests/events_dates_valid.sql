-- Audit: every event in marts.events has a date of a known precision, its
-- range (if any) runs forwards, and its first day is the first day of its
-- period. Returns one row per broken event.
select event_id, event_type, event_date, date_end, date_precision
from marts.events
where event_date is null
   or date_precision not in ('day', 'month', 'year')
   or (date_end is not null and date_end < event_date)
   or (date_precision = 'month' and day(event_date) <> 1)
   or (date_precision = 'year' and (month(event_date) <> 1 or day(event_date) <> 1))
