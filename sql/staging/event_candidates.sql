-- staging.event_candidates: one row per mention of a real-world event in an article, before merging.
-- @column candidate_id: deterministic id of the event mention
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column claim_id: the claim that mentions the event (staging.claims.claim_id)
-- @column paragraph_index: the text it was read from: the body paragraph (staging.paragraphs.paragraph_index) when source_block = 'body', else the block's position among the article's captions (or embed labels), 0-based
-- @column char_start: offset of the trigger word in the paragraph's text (of the occasion's name, for event_type 'occasion')
-- @column char_end: offset just past the trigger word
-- @column event_type: kind of event (release, recording, performance, award, death, ..., occasion: a named occasion written with its date)
-- @column trigger: the word that signals the event, as written ('released', 'died')
-- @column participants: canonical names of the people and groups taking part
-- @column work_title: the work the event is about; NULL when none
-- @column container_title: the larger work the work belongs to (the album a single is 'off'); NULL when none
-- @column venue: where it happened (show, ceremony, place; for an occasion, its name); NULL when not said
-- @column event_date: first day of the period the clause's date names (the publication day for 'from_publication'); NULL when undated or the date could not be resolved
-- @column date_end: last day, for a range ('from October 2000 to August 2001'); else NULL
-- @column date_precision: 'day', 'month' or 'year'; NULL when undated
-- @column date_status: 'resolved', 'unresolved' (a relative date with nothing to resolve it against), 'none' (no date) or 'from_publication' (no date, but the news the lede reports in the present perfect, "Sweden has dropped its investigation": event_date is the article's publication day)
-- @column time_text: the date as written; NULL when none
-- @column evidence_text: the sentence that mentions the event
-- @column action_text: what happened, in the article's words: the trigger and what follows it, up to the clause's end or its date, at most 8 words ('approved an extradition request from the US'); a lone trigger is preceded by what it is about ('Swedish investigation shelved', 'Trump's call'); NULL for an occasion
-- @column source_block: what the mention was read from: 'body' (a body paragraph), 'caption' (a photo caption) or 'embed' (the label of an embedded clip: only named occasions are read there); the last two are kept in staging.removed_blocks
select t.*
from raw.parsed_event_candidates as t
where t.article_id in (select article_id from raw.articles)
