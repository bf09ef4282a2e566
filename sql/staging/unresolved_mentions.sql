-- staging.unresolved_mentions: one row per pronoun or short name that could not be resolved to a person.
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column stage: which step met it: 'entities' (an alias) or 'quotes' (a speaker mention)
-- @column paragraph_index: body paragraph it is in (0-based); NULL for the title
-- @column char_start: offset of the mention in the paragraph's (or title's) text
-- @column char_end: offset just past the mention
-- @column mention: the mention as written ('he', 'Smith', ...)
-- @column reason: why it was left unresolved: 'ambiguous', 'no_antecedent', 'not_a_known_name', ...
-- @column candidates: canonical names it could mean, when ambiguous; empty otherwise
select t.*
from raw.parsed_unresolved_mentions as t
where t.article_id in (select article_id from raw.articles)
