-- staging.paragraphs: one row per body paragraph, in reading order
-- (paragraph_index is 0-based); char_start/char_end locate it in raw.articles.raw_text.
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column paragraph_index: position of the paragraph in the body, 0-based, without gaps
-- @column text: the paragraph's normalised text
-- @column char_start: offset of the paragraph's first character in raw.articles.raw_text; NULL when it cannot be located
-- @column char_end: offset just past its last character in raw.articles.raw_text; NULL when it cannot be located
select p.article_id, p.paragraph_index, p.text, p.char_start, p.char_end
from raw.parsed_paragraphs as p
where p.article_id in (select article_id from raw.articles)
