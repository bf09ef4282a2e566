-- staging.time_expressions: one row per date or time mention in the body, normalised with its precision.
-- @column time_expression_id: deterministic id of the date mention
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column paragraph_index: body paragraph it is in (staging.paragraphs.paragraph_index, 0-based)
-- @column char_start: offset of the mention in the paragraph's text (paragraph[char_start:char_end] = text)
-- @column char_end: offset just past the mention in the paragraph's text
-- @column text: the mention as written ('this Sunday', 'October 2000')
-- @column kind: date, month, year, range, decade, century, season, quarter, holiday, relative or recurring
-- @column value: normalised value: '2014-05-11', '2001-09', '2001', or a range '2000-10/2001-08'; NULL when it cannot be resolved
-- @column precision: 'day', 'month' or 'year'; NULL when unresolved
-- @column date_start: first day of the period the value names; NULL when unresolved
-- @column date_end: last day of that period; NULL when unresolved
-- @column anchor: what a relative mention was resolved against: 'publication_date', 'latest_full_date' (for an article without a publication date, the latest day it writes out in full), 'event' (an earlier date in the text), 'context_year'; NULL for absolute dates
-- @column anchor_text: the date mention used as anchor, as written, when anchor = 'event'
-- @column anchor_value: the anchor's normalised value
-- @column modifier: a qualifier of the date ('early', 'mid', 'late', 'the end of', 'nearly', ...); NULL when none
-- @column is_resolved: true when value is known
-- @column note: why the mention is unresolved ('no publication date', 'vague duration', ...); NULL when resolved
select t.*
from raw.parsed_time_expressions as t
where t.article_id in (select article_id from raw.articles)
