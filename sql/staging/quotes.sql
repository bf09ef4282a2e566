-- staging.quotes: one row per quotation (a quote inside a quote has parent_quote_id;
-- one that runs over several paragraphs has a row per paragraph, linked by continues_quote_id).
-- Scare quotes (one to three words set off inside a sentence with no verb of
-- speech before them: the so-called "deal", critics dubbed it "the Squad";
-- and words a sentence speaks of rather than reports: a numbered heading
-- '7. "The Giuliani problem"', a subject '"Become a leader" sounds hard', a
-- list item 'corporations, "creators," and people') are not utterances;
-- they stay in raw.parsed_quotes with quote_type 'scare'.
-- A few words after a speaker's verb ('Doe called it "a disgrace"') are a
-- partial quote.
-- @column quote_id: deterministic id of the quotation (article, paragraphs and offsets)
-- @column article_id: the article (raw.articles.article_id: first 16 hex digits of the SHA-256 of its content)
-- @column paragraph_index: body paragraph of the quoted words (0-based)
-- @column char_start: offset of the first quoted word (after the mark) in the text of paragraph_index
-- @column char_end: offset just past the last quoted word (before the mark) in the same paragraph
-- @column quote_text: the words inside the quotation marks, without the marks
-- @column speaker: canonical name of who said it (a full name, not 'he'); NULL when unknown
-- @column speaker_mention: the speaker as written near the quote ('he', a surname, 'a spokeswoman'); NULL when none
-- @column speaker_source: how the speaker was found: cue_after, cue_before, previous_quote, colon_subject, repeated_quote (words quoted earlier in the article with a speaker), discourse, nested_cue, lyric_context, none
-- @column cue: the reporting verb or phrase ('said', 'told', 'according to'); NULL when none
-- @column medium: where it was said, when the article says ('told reporters', 'in an interview with ...'); NULL when not said
-- @column quote_type: 'speech', 'partial' (a fragment inside a sentence), 'scare' (one to three words, or words spoken of) or 'lyric'
-- @column parent_quote_id: for a quote inside a quote, the enclosing quotation's quote_id; NULL for a top-level quote
-- @column depth: nesting depth: 0 for a top-level quote, 1 inside another, ...
-- @column is_closed: false when the closing quotation mark was never found (the quote runs to the paragraph's end)
-- @column mark: the opening quotation mark as written
-- @column continues_quote_id: for a quotation over several paragraphs (a row per paragraph), the row of the paragraph before that this one continues; NULL for a quotation's first row
select t.*
from raw.parsed_quotes as t
where t.article_id in (select article_id from raw.articles)
  and t.quote_type <> 'scare'

