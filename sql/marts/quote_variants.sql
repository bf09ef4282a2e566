-- marts.quote_variants: one row per outlet's wording of an utterance, with
-- what it adds to or drops from the chosen wording; real differences (words
-- added or dropped, another speaker) are flagged as possible misquotes.
-- @column quote_key: the utterance (marts.quotes.quote_key)
-- @column quote_id: this wording's quotation (staging.quotes.quote_id)
-- @column article_id: the article carrying this wording
-- @column speaker: the speaker this article gives; NULL when it names none
-- @column quote_text: this article's wording
-- @column words_added: words of this wording missing from the chosen (longest) wording
-- @column words_dropped: words of the chosen wording missing from this one
-- @column possible_misquote: true when another outlet carries the utterance and this wording adds words or names another speaker
with chosen as (
    select
        quote_key,
        arg_max(words, (len(quote_text), quote_text)) as chosen_words,
        mode(speaker order by speaker) filter (where speaker is not null) as chosen_speaker,
        count(distinct article_id) as sources
    from intermediate.quote_groups
    group by quote_key
)
select
    g.quote_key,
    g.quote_id,
    g.article_id,
    g.speaker,
    g.quote_text,
    list_filter(g.words, lambda w: not list_contains(c.chosen_words, w)) as words_added,
    list_filter(c.chosen_words, lambda w: not list_contains(g.words, w)) as words_dropped,
    c.sources > 1 and (
        len(list_filter(g.words, lambda w: not list_contains(c.chosen_words, w))) > 0
        or g.speaker is distinct from c.chosen_speaker
    ) as possible_misquote
from intermediate.quote_groups as g
join chosen as c using (quote_key)
