-- Audit: each article's paragraphs are numbered 0..n-1 with no gap, and
-- staging.articles.paragraph_count agrees. Returns one row per broken article.
select a.article_id, a.paragraph_count, count(p.paragraph_index) as paragraphs,
       max(p.paragraph_index) as max_index
from staging.articles as a
left join staging.paragraphs as p using (article_id)
group by a.article_id, a.paragraph_count
having count(p.paragraph_index) <> a.paragraph_count
    or coalesce(max(p.paragraph_index), -1) <> a.paragraph_count - 1
