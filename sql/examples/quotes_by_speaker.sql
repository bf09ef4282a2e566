-- quotes_by_speaker: what a person is quoted saying, each utterance once, with
-- the outlets that carry it and whether their wordings differ.
-- The name matches in part and in any case; an empty name lists every quote
-- whose speaker is known.
-- @param speaker: a speaker's name, or part of one
-- @param min_sources (integer) = 1: only utterances carried by at least this many articles
select
    q.speaker,
    q.quote_text,
    q.source_count,
    string_agg(distinct coalesce(a.outlet, a.source_name), '; ' order by coalesce(a.outlet, a.source_name)) as outlets,
    count(distinct v.quote_text) as wordings,
    coalesce(bool_or(v.possible_misquote), false) as possible_misquote,
    q.quote_key
from marts.quotes as q
left join marts.quote_variants as v on v.quote_key = q.quote_key
left join staging.articles as a on a.article_id = v.article_id
where contains(lower(q.speaker), lower(trim($speaker)))
  and q.source_count >= $min_sources
group by q.quote_key, q.speaker, q.quote_text, q.source_count
order by q.speaker, q.source_count desc, q.quote_text
