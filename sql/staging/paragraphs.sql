-- staging.paragraphs: one row per body paragraph, in reading order
-- (paragraph_index is 0-based); char_start/char_end locate it in raw.articles.raw_text.
select p.article_id, p.paragraph_index, p.text, p.char_start, p.char_end
from raw.parsed_paragraphs as p
where p.article_id in (select article_id from raw.articles)
