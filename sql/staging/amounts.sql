-- staging.amounts: one row per figure a claim states (a sum of money, a percentage, a duration, an age or a count).
-- @column amount_id: deterministic id of the figure
-- @column claim_id: the claim that states it (staging.claims.claim_id)
-- @column article_id: the article (raw.articles.article_id)
-- @column paragraph_index: the claim's paragraph_index (see staging.claims.source_block for what it indexes)
-- @column char_start: offset of the figure in the paragraph's text
-- @column char_end: offset just past the figure in the paragraph's text
-- @column amount_text: the figure as written ('$453 million', '19%', '15 seconds', '363 miners', '69')
-- @column value: its value (453000000, 19, 15, 363, 69)
-- @column unit: 'USD', 'GBP', 'EUR' and other currency codes ('$' alone is read as USD), 'percent', 'second' to 'decade' for durations, 'age', or 'count'
-- @column rounding: the step of its last written digit ('$1.2 billion': 100000000; '50.21': 0.01): two figures closer than half the coarser step agree
-- @column exactness: 'exact'; 'about' for a guess ('about', 'some', 'an estimated' before it); 'bound' for a bound, consistent with any figure on its side ('at least', 'more than', 'nearly', 'up to' before it)
-- @column counted: for a count, the noun counted ('miners'); NULL otherwise
-- @column about: the named person, organisation or thing (not a place) the figure belongs to (the nearest name before it in the clause that is not a source or a preposition's object; for an age, the name right after it, else before it); NULL when the clause names none
-- @column measure_words: stems of the content words beside the figure, which say what it measures ('fin' for 'fined $453 million', 'annual', 'salary' for 'a $787,637 annual salary')
select t.*
from raw.parsed_amounts as t
where t.article_id in (select article_id from raw.articles)
