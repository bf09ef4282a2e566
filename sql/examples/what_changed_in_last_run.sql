-- what_changed_in_last_run: what one run did (by default the latest): its counts,
-- then each article content it stored and each file it rejected.
-- Contents and rejections are those stamped between the run's start and end
-- (raw.articles.ingested_at, raw.rejected_files.rejected_at); a run that found
-- nothing new lists only its counts.
-- @param run_id = '': a run_id from meta.runs (empty: the latest run)
with run as (
    select *
    from meta.runs
    where run_id = $run_id or trim($run_id) = ''
    order by started_at desc
    limit 1
),
changes as (
    select
        0 as section,
        'run ' || r.status as change,
        r.source_root as item,
        format('{} files seen: {} new, {} changed, {} unchanged, {} rejected; {} articles parsed; marts {}',
               r.files_seen, r.files_new, r.files_changed, r.files_unchanged, r.files_rejected,
               r.articles_parsed, case when r.models_rebuilt then 'rebuilt' else 'unchanged' end) as detail,
        r.started_at as happened_at,
        r.run_id
    from run as r
    union all
    select
        1,
        'article stored',
        a.source_name,
        coalesce(s.title, '(no title found)') || coalesce(' (' || s.outlet || ')', ''),
        a.ingested_at,
        r.run_id
    from raw.articles as a
    join run as r on a.ingested_at between r.started_at and coalesce(r.finished_at, a.ingested_at)
    left join staging.articles as s on s.article_id = a.article_id
    union all
    select
        2,
        'file rejected',
        f.source_name,
        f.stage || ': ' || f.reason,
        f.rejected_at,
        r.run_id
    from raw.rejected_files as f
    join run as r on f.rejected_at between r.started_at and coalesce(r.finished_at, f.rejected_at)
)
select change, item, detail, happened_at, run_id
from changes
order by section, happened_at, item
