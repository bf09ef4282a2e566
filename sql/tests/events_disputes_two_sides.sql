-- Audit: a dispute has at least two sides from different claimants, the
-- article's own voice counting as one (or, for conflicting values, different
-- articles). Returns one row per lopsided dispute.
select dispute_id, count(*) as sides, count(distinct coalesce(claimant, '')) as claimants,
       count(distinct article_id) as articles
from marts.disputes
group by dispute_id
having count(*) < 2 or (count(distinct coalesce(claimant, '')) < 2 and count(distinct article_id) < 2)
