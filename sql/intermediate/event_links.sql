-- intermediate.event_links: one row per ordered pair of event mentions that
-- may be the same real-world event (every mention is also linked to itself).
-- An incident (crash, attack, fire ...) links to another on the same day that
-- shares a word of what happened or a name, whatever venue each names.
-- Otherwise: same event_type; dates agree (one period contains the other, one side
-- is undated, or one is dated only by publication and the periods overlap);
-- and what they are about agrees:
--   both name a work      : the works match (equal, or one inside the other word by word)
--   else both name a venue : the venues match
--   neither names a work   : they share a participant (by the last word of the
--                            name: "Trump" in one article, "Donald Trump" in another),
--                            or, in one article, one of them names nothing and the
--                            other is the only one that day that names something,
--                            or, for a kind of event a story has once a day (a
--                            release, a launch, a ruling, a fire ...), both fall on the same
--                            day and share a word of what happened besides the verb
--                            ("paper published in Nature Astronomy" / "paper published online")
--   one names a work       : they share a participant and both are dated
with bare_days as (
    -- per article, kind and day: the mentions that name nothing (no participant,
    -- venue or work) and those that do
    select article_id, event_type, event_date,
           count(*) filter (where bare) as bare_count, count(*) filter (where not bare) as named_count
    from (select *, len(participant_surnames) = 0 and venue_key is null and work_key is null as bare
          from intermediate.event_mentions where date_precision = 'day')
    group by article_id, event_type, event_date
)
select
    a.candidate_id,
    b.candidate_id as other_id
from intermediate.event_mentions as a
left join bare_days as d
  on d.article_id = a.article_id and d.event_type = a.event_type and d.event_date = a.event_date
 and a.date_precision = 'day'
join intermediate.event_mentions as b
  on a.event_type = b.event_type
 and (a.period_start is null or b.period_start is null
      or (a.period_start <= b.period_start and b.period_end <= a.period_end)
      or (b.period_start <= a.period_start and a.period_end <= b.period_end)
      -- a day known only from publication agrees with any period it overlaps
      or ((a.date_status = 'from_publication' or b.date_status = 'from_publication')
          and a.period_start <= b.period_end and b.period_start <= a.period_end))
where a.candidate_id = b.candidate_id
   -- an accident or attack on one day: one outlet names the place, another
   -- what crashed ("derailed at Frankford Junction in Philadelphia" / "the crash
   -- of the New York-bound train ... Philadelphia"), whatever venue each names
   -- ("at the World Cup" / "at the Dunas arena")
   or (a.event_type = 'incident' and a.work_key is null and b.work_key is null
       and a.date_precision = 'day' and b.date_precision = 'day' and a.event_date = b.event_date
       and len(list_intersect(list_concat(a.action_words, a.participant_surnames),
                              list_concat(b.action_words, b.participant_surnames))) > 0)
   or case
        when a.work_key is not null and b.work_key is not null then
            a.work_key = b.work_key
            or contains(' ' || a.work_key || ' ', ' ' || b.work_key || ' ')
            or contains(' ' || b.work_key || ' ', ' ' || a.work_key || ' ')
        when a.venue_key is not null and b.venue_key is not null then
            a.venue_key = b.venue_key
            or contains(' ' || a.venue_key || ' ', ' ' || b.venue_key || ' ')
            or contains(' ' || b.venue_key || ' ', ' ' || a.venue_key || ' ')
        when a.work_key is null and b.work_key is null then
            len(list_intersect(a.participant_surnames, b.participant_surnames)) > 0
            -- a mention in one article that names nothing ("the shooting death of a
            -- bouncer ... early Sunday") is that article's one mention of the kind that
            -- day that does ("Bell died at Mercy Hospital shortly after 3 a.m."); with
            -- more of either they may be different events
            or (a.article_id = b.article_id and b.date_precision = 'day' and a.event_date = b.event_date
                and d.bare_count = 1 and d.named_count = 1
                and (len(a.participant_surnames) = 0 and a.venue_key is null)
                    <> (len(b.participant_surnames) = 0 and b.venue_key is null))
            or (a.event_type in ('release', 'launch', 'announcement', 'cancellation', 'decision', 'verdict',
                                 'investigation', 'acquisition', 'signing', 'election', 'founding', 'lawsuit',
                                 'incident', 'protest', 'discovery')
                and a.date_precision = 'day' and b.date_precision = 'day'
                and a.period_start <= b.period_end and b.period_start <= a.period_end
                and a.venue_key is null and b.venue_key is null
                and len(list_intersect(a.action_words, b.action_words)) > 0)
        else
            a.period_start is not null and b.period_start is not null
            and len(list_intersect(a.participant_surnames, b.participant_surnames)) > 0
      end
