-- intermediate.event_mentions: one row per event candidate (an event mention
-- in one article), with the keys the merge compares: normalised work and
-- venue keys, participant keys, and the period [period_start, period_end]
-- its date names (both NULL when the mention is undated). An undated mention
-- at a named occasion the same article dates ("performed at the Foo
-- Celebration" ... "the Foo Celebration (September 2001)") takes the
-- occasion's date, with date_status 'from_occasion'. A mention dated by
-- its article's publication ('from_publication') spans that day and the one
-- before: an outlet may publish the morning after.
with mentions as (
select
    c.candidate_id,
    c.article_id,
    c.claim_id,
    c.paragraph_index,
    c.event_type,
    c.trigger,
    c.action_text,
    c.participants,
    -- "'N Crowd" and "*N Crowd" are one key: lower-case letters and digits only
    coalesce((select list_sort(list(distinct k)) from (
        select regexp_replace(lower(unnest(c.participants)), '[^a-z0-9]+', '', 'g') as k) where k <> ''),
        []::varchar[]) as participant_keys,
    -- what the merge compares across articles: the last word of each name, since
    -- one article writes "Trump" where another writes "Donald Trump"
    coalesce((select list_sort(list(distinct k)) from (
        select regexp_replace(lower(list_last(string_split(trim(unnest(c.participants)), ' '))),
                              '[^a-z0-9]+', '', 'g') as k) where k <> ''),
        []::varchar[]) as participant_surnames,
    -- the words of what happened besides its verb ("paper" of "paper published
    -- online"): two outlets' mentions of one day's release share them
    list_distinct(list_filter(string_split(regexp_replace(lower(c.action_text), '[^a-z0-9]+', ' ', 'g'), ' '),
                              lambda w: len(w) >= 4 and w <> lower(c.trigger))) as action_words,
    c.work_title,
    c.container_title,
    c.venue,
    -- "Foo’s Bar", "FOO'S BAR" and "Foo's Bar" are one key: lower case, no
    -- apostrophes, other punctuation as single spaces
    nullif(trim(regexp_replace(regexp_replace(lower(c.work_title), '[''’‘]', '', 'g'),
                               '[^a-z0-9]+', ' ', 'g')), '') as work_key,
    nullif(trim(regexp_replace(regexp_replace(lower(c.venue), '[''’‘]', '', 'g'),
                               '[^a-z0-9]+', ' ', 'g')), '') as venue_key,
    c.event_date,
    c.date_end,
    c.date_precision,
    c.date_status,
    c.time_text,
    c.evidence_text,
    -- an event dated by its article's publication ('from_publication': the
    -- lede's "has dropped its investigation") may have happened the day before
    case when c.date_status = 'from_publication' then c.event_date - 1 else c.event_date end as period_start,
    case
        when c.event_date is null then null
        when c.date_end is not null then c.date_end
        when c.date_precision = 'day' then c.event_date
        when c.date_precision = 'month' then last_day(c.event_date)
        else make_date(year(c.event_date), 12, 31)
    end as period_end,
    a.published_at,
    a.outlet
from staging.event_candidates as c
left join staging.articles as a using (article_id)
where c.event_date is null or c.date_precision in ('day', 'month', 'year')
),
occasion_dates as (
    -- one date per named occasion and article: the most precise, then the earliest
    select article_id, venue_key,
           arg_min(struct_pack(event_date, date_end, date_precision, time_text, period_start, period_end),
                   (case date_precision when 'day' then 0 when 'month' then 1 else 2 end, event_date)) as d
    from mentions
    where event_type = 'occasion' and venue_key is not null and event_date is not null
    group by article_id, venue_key
)
select
    m.* replace (
        coalesce(m.event_date, o.d.event_date) as event_date,
        coalesce(m.date_end, o.d.date_end) as date_end,
        coalesce(m.date_precision, o.d.date_precision) as date_precision,
        case when m.event_date is null and o.d is not null then 'from_occasion' else m.date_status end
            as date_status,
        coalesce(m.time_text, o.d.time_text) as time_text,
        coalesce(m.period_start, o.d.period_start) as period_start,
        coalesce(m.period_end, o.d.period_end) as period_end
    )
from mentions as m
left join occasion_dates as o
  on m.event_date is null and o.article_id = m.article_id and o.venue_key = m.venue_key
