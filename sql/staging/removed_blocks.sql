-- staging.removed_blocks: one row per block that cleaning kept out of the body
-- (title, byline, caption, credit, related link, banner, ...): the audit trail of
-- what was removed, by which rule, and where it sat in the raw text.
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column block_index: position of the block among all blocks of the page, in reading order
-- @column label: what the block is: title, dek, byline, dateline, caption, credit, related_link, embed, call_to_action, site_chrome
-- @column rule: name of the cleaning rule that gave the label
-- @column text: the block's normalised text
-- @column char_start: offset of the block in raw.articles.raw_text (for HTML, of its element); NULL when it cannot be located
-- @column char_end: offset just past the block in raw.articles.raw_text; NULL when it cannot be located
select b.article_id, b.block_index, b.label, b.rule, b.text, b.char_start, b.char_end
from raw.parsed_removed_blocks as b
where b.article_id in (select article_id from raw.articles)
