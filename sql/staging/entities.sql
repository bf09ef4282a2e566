-- staging.entities: one row per person or group named in an article, with its aliases.
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column entity_id: deterministic id of the entity within its article
-- @column canonical_name: the fullest name the article uses for it (the name other tables use for speakers, claimants, participants)
-- @column entity_kind: 'person', 'group', 'organization', 'event', 'work' or 'other'
-- @column aliases: every other way the article writes it (surname, nickname, possessive, ...)
-- @column mention_count: how many times the article mentions it, under any name
-- @column first_text_index: where it is first mentioned: 0 is the title when the article has one, then the body paragraphs in order
select t.*
from raw.parsed_entities as t
where t.article_id in (select article_id from raw.articles)
