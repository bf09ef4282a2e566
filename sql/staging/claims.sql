-- staging.claims: one row per factual claim (a sentence or clause), with its claimant.
-- @column claim_id: deterministic id of the claim
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column paragraph_index: the text it was read from: the body paragraph (staging.paragraphs.paragraph_index) when source_block = 'body', else the block's position among the article's captions (or embed labels), 0-based
-- @column char_start: offset of the claim in the paragraph's text
-- @column char_end: offset just past the claim in the paragraph's text
-- @column claim_text: the sentence or clause that makes the claim
-- @column claimant: who asserts it: the speaker of quoted words or the subject of a reporting verb (canonical name); NULL when the article states it in its own voice
-- @column claim_kind: 'outlet_voice' (the article's own words), 'quoted' (inside a quotation) or 'reported' (someone said / told / believes)
-- @column subject: who or what the claim is about or, for a cause, who caused it; NULL when not found
-- @column predicate: normalised action ('release', 'write', 'chart', 'cause', ...); NULL for a claim with none recognised
-- @column object: what the predicate acts on, as written; NULL when none
-- @column topic: content words of what was caused (for predicate 'cause'); NULL otherwise
-- @column work_title: title of the work the claim is about (song, album, show, ...); NULL when none
-- @column number: a ranking or chart position ('#11', 'No. 11' give 11); NULL when none
-- @column chart: the chart the position is on; NULL when none
-- @column time_text: the date mention of the claim as written; NULL when it has none
-- @column time_value: its normalised value (see staging.time_expressions.value); NULL when none or unresolved
-- @column time_precision: 'day', 'month' or 'year'; NULL when no resolved date
-- @column date_start: first day of the claim's date; NULL when none
-- @column date_end: last day of the claim's date; NULL when none
-- @column source_block: what the claim was read from: 'body' (a body paragraph), 'caption' (a photo caption) or 'embed' (the label of an embedded clip: only named occasions); the last two are kept in staging.removed_blocks
-- @column death_count: how many people the clause says died ('killing 12 people', 'at least 15 people died', 'the death toll rose to 31'); NULL when it gives no number
-- @column answers_claim_id: the claim this one denies or contradicts, in the same article ('..., a prospect Doe denied', '..., but Doe has said ...', 'Doe denied Roe's claims', 'Doe, however, said ...', 'Doe called the claims false'); NULL for most claims
select t.*
from raw.parsed_claims as t
where t.article_id in (select article_id from raw.articles)
