// Upstream results: the communities a batch job (GDS, Spark) wrote on the accounts, ranked on the
// server so only $limit rows reach RingScope: by the highest upstream risk score among each one's
// members (then size), or by size. Only numbers count as scores; an unreadable score is unknown.
MATCH (account:{{accountLabel}})
WHERE account.{{accountCommunityProperty}} IS NOT NULL
WITH account.{{accountCommunityProperty}} AS community,
     CASE WHEN account.{{accountRiskScoreProperty}} IS :: INTEGER | FLOAT THEN toFloat(account.{{accountRiskScoreProperty}}) END AS score
WITH community, count(*) AS size, max(score) AS score
WHERE size >= $minSize
RETURN community, size, score
ORDER BY CASE WHEN $rankBy = 'size' THEN size ELSE 0 END DESC, coalesce(score, -1.0) DESC, size DESC, toString(community)
LIMIT $limit
