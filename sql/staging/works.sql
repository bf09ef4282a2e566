-- staging.works: one row per title of a work (song, album, show, headline) written in quotation marks.
-- @column title_id: deterministic id of the title mention
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column paragraph_index: body paragraph it is in (staging.paragraphs.paragraph_index, 0-based)
-- @column char_start: offset of the title (without its marks) in the paragraph's text
-- @column char_end: offset just past the title in the paragraph's text
-- @column title: the title of the work, without quotation marks
-- @column work_kind: the word that says what it is ('song', 'album', 'show', ...); NULL when the text does not say
-- @column parent_quote_id: the quotation the title appears in (staging.quotes.quote_id); NULL when outside quotes
select t.*
from raw.parsed_works as t
where t.article_id in (select article_id from raw.articles)
