-- marts.disputes: one row per side of competing accounts (a side is one
-- claim). Six rules:
--   cause: claims that name who caused something (predicate 'cause') share
--     a topic word but name different causes ("it was A who gave him the
--     idea to go solo" / "he credits B as the reason he went solo");
--   value: claims of the same fact (predicate, work, chart) with different
--     numbers ("#11" / "No. 12");
--   toll: claims from different articles that mention one event (see
--     intermediate.event_clusters) with different numbers of dead
--     ("killing 12 people" / "at least 15 people died"), unless a floor
--     holds the other's count ("at least three" / "five") or they are more
--     than twice apart (a part and the whole);
--   answer: a claim that denies or contradicts another claimant's
--     (staging.claims.answers_claim_id: "others raised concerns about Doe
--     leaking, a prospect Doe denied"; "Roe suggested X, but Doe has said Y"),
--     or the article's own claim about the denier ("Doe was charged with
--     bribery. He has denied any wrongdoing.");
--     the answered claim, the answered claimant's claims just before it (their
--     account) and every claim answering it are its sides (an answer that is
--     already a side of competing causes stays there only);
--   date: different articles date an event that happens once to what it is
--     about (a birth, death or founding of a participant, a work's release)
--     so differently that the merge kept the dates apart ("died on June 25,
--     2009" / "died on June 26, 2009");
--   figure: different articles give one party's figure differently (see
--     staging.amounts: the same owner, unit and thing counted, and a word of
--     what is measured in common): "Barclays was fined $453 million" /
--     "Barclays was fined ... ($455 million ...)", "Lee Joon-seok, 69," /
--     "Lee Joon-seok, 68,". Figures within their rounding, a guess within a
--     tenth of a reading, bounds ("at least 37"), figures more than twice
--     apart (two facts, not one) and figures of an article that also gives
--     the other's are no dispute.
-- dispute_id is derived from the claims on all sides, topic says what is disputed.
-- @column dispute_id: deterministic id of the dispute (md5 of the ids of the claims on all its sides)
-- @column topic: what is disputed ('cause of: solo' for competing causes; predicate, work and chart for conflicting numbers; 'death toll of: ' and the event for conflicting numbers of dead; 'date of: ' and the event for conflicting dates; 'figure for: ', the owner and the unit or thing counted for conflicting figures; 'account of: ' and the answered claimant, or 'the article' for the article's own claim, for a denied or contradicted claim)
-- @column claimant: who makes this side's claim (canonical name); for a claim in the article's own voice, the outlet (NULL when the article names none)
-- @column claim_kind: how the claim is made: 'quoted', 'reported' or 'outlet_voice' (the article's own voice)
-- @column claim_text: the claim of this side
-- @column article_id: the article it is in (raw.articles.article_id)
-- @column claim_id: the claim (staging.claims.claim_id)
-- @column position: what this side says: the cause it names, its number, its number of dead, its date as written, its figure as written, or for an answered claim 'asserts' and for its answers 'denies' or 'contradicts'
-- @column outlet: outlet of the article; NULL when unknown
with causes as (
    select
        c.claim_id,
        c.subject,
        regexp_replace(lower(c.subject), '[^a-z0-9]+', '', 'g') as subject_key,
        regexp_replace(lower(c.claimant), '[^a-z0-9]+', '', 'g') as claimant_key,
        unnest(string_split(c.topic, ' ')) as word
    from staging.claims as c
    where c.predicate = 'cause' and c.claimant is not null and c.subject is not null and c.topic is not null
),
cause_pairs as (
    select a.word, a.claim_id as a_id, b.claim_id as b_id
    from causes as a
    join causes as b
      on a.word = b.word and a.subject_key <> b.subject_key and a.claimant_key <> b.claimant_key
),
cause_members as (
    select word, list(distinct claim_id order by claim_id) as members
    from (select word, a_id as claim_id from cause_pairs union select word, b_id from cause_pairs)
    group by word
),
cause_disputes as (
    select members, 'cause of: ' || string_agg(word, ' ' order by word) as topic
    from cause_members
    group by members
),
values_ as (
    select k.*
    from intermediate.claim_keys as k
    where k.number is not null
),
value_groups as (
    select predicate, work_key, chart_key, list(distinct claim_id order by claim_id) as members,
           min(work_title) as work_title, min(chart) as chart
    from values_
    group by predicate, work_key, chart_key
    having count(distinct number) > 1 and count(distinct article_id) > 1
),
value_disputes as (
    select members,
           concat_ws(' ', predicate || ':', '"' || work_title || '"', 'on ' || chart) as topic
    from value_groups
),
tolls as (
    -- how many died in one event, by the claims that mention it; a toll given
    -- as a bound ("at least 48", see staging.amounts) is a floor, not a count
    select k.event_id, c.claim_id, c.article_id, c.death_count,
           -- (the figure is found once per wording: a clause with two events is two claims)
           exists (select 1 from staging.amounts as x
                   join staging.claims as w on w.claim_id = x.claim_id
                   where w.article_id = c.article_id and w.source_block = c.source_block
                     and w.paragraph_index = c.paragraph_index and w.char_start = c.char_start
                     and w.char_end = c.char_end
                     and x.value = c.death_count and x.exactness = 'bound') as is_floor,
           concat_ws(' ', r.event_type, r.participants[1], 'on ' || cast(r.event_date as varchar)) as event_name
    from staging.claims as c
    join staging.event_candidates as m using (claim_id)
    join intermediate.event_clusters as k using (candidate_id)
    join intermediate.event_mentions as r on r.candidate_id = k.root_id
    where c.death_count is not null
),
toll_pairs as (
    -- two articles' tolls for one event that differ: two counts, two floors
    -- ("at least 12" / "at least 17": the reports differ), or a floor above
    -- the other's count ("at least 48" / "37 were killed"; "at least three" /
    -- "five" agree); more than twice apart they count two things ("killed 77
    -- people" / "a van bomb that killed eight")
    select x.claim_id as a_id, y.claim_id as b_id, x.event_name, x.event_id
    from tolls as x
    join tolls as y
      on x.event_id = y.event_id and x.article_id < y.article_id and x.death_count <> y.death_count
     and greatest(x.death_count, y.death_count) <= 2 * least(x.death_count, y.death_count)
    -- (a floor below the other's count holds it; two floors or two counts differ)
    where not (x.is_floor and not y.is_floor and x.death_count < y.death_count)
      and not (y.is_floor and not x.is_floor and y.death_count < x.death_count)
),
toll_disputes as (
    select list_sort(list_distinct(flatten(list([a_id, b_id])))) as members,
           'death toll of: ' || any_value(event_name) as topic
    from toll_pairs
    group by event_id
),
once as (
    -- events that happen once to what they are about: a birth, a death or a
    -- founding of the participant the sentence names first (in "Acme said
    -- it would buy Brightline, its largest deal since it was founded in
    -- 1998" the founding is not Brightline's), the release of a work;
    -- mentions that the merge kept apart are different dates for it
    select k.event_id, m.claim_id, m.article_id, m.event_type,
           case when m.event_type = 'release' then m.work_title else m.participants[1] end as about,
           case when m.event_type = 'release' then m.work_key
                else regexp_replace(lower(m.participants[1]), '[^a-z0-9]+', '', 'g') end as about_key
    from intermediate.event_mentions as m
    join intermediate.event_clusters as k using (candidate_id)
    where m.event_date is not null
      and (m.event_type in ('birth', 'death', 'founding') or (m.event_type = 'release' and m.work_key is not null))
),
date_disputes as (
    select list(distinct claim_id order by claim_id) as members,
           'date of: ' || event_type || ' of ' || min(about) as topic
    from once
    where about_key is not null and about_key <> ''
    group by event_type, about_key
    having count(distinct event_id) > 1 and count(distinct article_id) > 1
),
figures as (
    -- figures that belong to someone and say what they measure; a death
    -- toll is the toll rule's
    select x.*, c.death_count,
           regexp_extract(lower(x.about), '([a-z0-9]+)[^a-z0-9]*$', 1) as about_key
    from staging.amounts as x
    join staging.claims as c using (claim_id)
    where x.about is not null
),
figure_pairs as (
    -- one fact, two figures: the same owner, unit and thing counted, and
    -- words of what is measured in common (one for money, none for an age,
    -- two for the rest: a party's counts and percentages come in many
    -- guises), from different articles, apart by more than their rounding
    -- (and by more than a tenth when one is a guess; a bound is no reading)
    -- but not so far apart that they are two facts
    select x.claim_id as a_id, y.claim_id as b_id, x.amount_id as a_amount, y.amount_id as b_amount,
           x.about, x.about_key, x.unit, x.counted
    from figures as x
    join figures as y
      on x.unit = y.unit and x.about_key = y.about_key and x.article_id < y.article_id
     and x.counted is not distinct from y.counted
     and x.exactness <> 'bound' and y.exactness <> 'bound'
     and abs(x.value - y.value) > greatest(x.rounding, y.rounding) / 2
     and (x.exactness = 'exact' and y.exactness = 'exact'
          or abs(x.value - y.value) > 0.1 * greatest(x.value, y.value))
     and greatest(x.value, y.value) <= 2 * least(x.value, y.value)
    where len(list_intersect(x.measure_words, y.measure_words))
          >= case when x.unit = 'age' then 0 when regexp_matches(x.unit, '^[A-Z]{3}$') then 1 else 2 end
      and not (x.death_count is not null and y.death_count is not null)
      -- an article that also gives the other's figure agrees on it: the two differ as two facts
      -- ("$4 million in damages" / "$4 million in damages plus $3.4 million in profits")
      and not exists (select 1 from figures as z
                      where z.about_key = x.about_key and z.unit = x.unit
                        and ((z.article_id = y.article_id and abs(z.value - x.value) <= greatest(z.rounding, x.rounding) / 2)
                          or (z.article_id = x.article_id and abs(z.value - y.value) <= greatest(z.rounding, y.rounding) / 2)))
),
figure_members as (
    select min(about) as about, unit, counted, list_sort(list_distinct(flatten(list([a_id, b_id])))) as members,
           list_distinct(flatten(list([a_amount, b_amount]))) as amount_ids
    from figure_pairs
    group by about_key, unit, counted
),
figure_disputes as (
    select members, amount_ids, 'figure for: ' || about || ' (' || coalesce(counted, unit) || ')' as topic
    from figure_members
),
answers as (
    -- a claim, and the claims of other claimants that answer it
    select c.answers_claim_id as answered_id, c.claim_id, a.claimant as answered_claimant
    from staging.claims as c
    join staging.claims as a on a.claim_id = c.answers_claim_id
    -- the answered claim may be the article's own ("Doe was charged with
    -- bribery. He denied the charges.": the parser links those only when the
    -- article's claim names the denier)
    where c.claimant is not null and (a.claimant is null or c.claimant <> a.claimant)
      -- a side of competing causes is that dispute's, which knows what is disputed
      and c.claim_id not in (select unnest(members) from cause_disputes)
),
answered as (
    select distinct a.claim_id, a.article_id, a.source_block, a.paragraph_index, a.char_start, a.claimant
    from answers as x
    join staging.claims as a on a.claim_id = x.answered_id
),
accounts as (
    -- an answer takes on the account, not its last sentence ("... this sham has
    -- been debunked," Roe said. [...] "... blinded by hatred," Roe said. However,
    -- Doe told lawmakers ...): the answered claimant's claims from up to 4
    -- paragraphs before, back to the last claim of anyone else
    select d.claim_id as answered_id, c.claim_id
    from answered as d
    join staging.claims as c
      on c.article_id = d.article_id and c.source_block = d.source_block and c.claimant = d.claimant
     and c.paragraph_index >= d.paragraph_index - 4
     and (c.paragraph_index, c.char_start) < (d.paragraph_index, d.char_start)
    where not exists (
        select 1
        from staging.claims as o
        where o.article_id = d.article_id and o.source_block = d.source_block
          and o.claimant is not null and o.claimant <> d.claimant
          and (o.paragraph_index, o.char_start) > (c.paragraph_index, c.char_start)
          and (o.paragraph_index, o.char_start) < (d.paragraph_index, d.char_start)
    )
    -- a clause with two events is two claims of one wording: one side
    qualify row_number() over (partition by d.claim_id, c.paragraph_index, c.char_start, c.char_end
                               order by c.claim_id) = 1
),
answer_disputes as (
    select list_sort(list_distinct(list(x.claim_id) || [x.answered_id] || any_value(coalesce(p.account, []))))
               as members,
           'account of: ' || coalesce(any_value(x.answered_claimant), 'the article') as topic
    from answers as x
    left join (select answered_id, list(claim_id) as account from accounts group by answered_id) as p
      using (answered_id)
    group by x.answered_id
),
disputes as (
    select members, topic, 'cause' as rule, null::varchar[] as amount_ids from cause_disputes
    union all
    select members, topic, 'value', null from value_disputes
    union all
    select members, topic, 'toll', null from toll_disputes
    union all
    select members, topic, 'date', null from date_disputes
    union all
    select members, topic, 'figure', amount_ids from figure_disputes
    union all
    select members, topic, 'answer', null from answer_disputes
)
select
    md5(array_to_string(d.members, ',')) as dispute_id,
    d.topic,
    -- the article's own voice is its outlet's ("Reuters put the fine at $453 million")
    coalesce(c.claimant, a.outlet) as claimant,
    c.claim_kind,
    c.claim_text,
    c.article_id,
    c.claim_id,
    case d.rule when 'cause' then c.subject when 'value' then cast(c.number as varchar)
                when 'date' then c.time_text
                when 'answer' then case when c.answers_claim_id is null then 'asserts'
                                        when regexp_matches(c.claim_text, '\b(?:den(?:y|ies|ied|ying)|disput|reject|dismiss|refut|contest)')
                                        then 'denies' else 'contradicts' end
                -- a figure dispute's side: the claim's figure in the dispute
                when 'figure' then (select min(x.amount_text) from staging.amounts as x
                                    where x.claim_id = c.claim_id and list_contains(d.amount_ids, x.amount_id))
                else cast(c.death_count as varchar) end as position,
    a.outlet
from disputes as d, unnest(d.members) as u(claim_id)
join staging.claims as c using (claim_id)
left join staging.articles as a using (article_id)
-- a clause with two events is two claims of one wording: one side
qualify row_number() over (partition by dispute_id, c.article_id, c.source_block, c.paragraph_index,
                                        c.char_start, c.char_end, c.claimant order by c.claim_id) = 1
