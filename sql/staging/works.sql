-- staging.works: one row per title of a work (song, album, show, headline) written in quotation marks.
select t.*
from raw.parsed_works as t
where t.article_id in (select article_id from raw.articles)
