-- staging.removed_blocks: one row per block that cleaning kept out of the body
-- (title, byline, caption, credit, related link, banner, ...): the audit trail of
-- what was removed, by which rule, and where it sat in the raw text.
select b.article_id, b.block_index, b.label, b.rule, b.text, b.char_start, b.char_end
from raw.parsed_removed_blocks as b
where b.article_id in (select article_id from raw.articles)
