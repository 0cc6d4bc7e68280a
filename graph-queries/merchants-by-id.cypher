// Merchants whose business id is one of $ids; one paid through event nodes ($eventPayments) counts its payers too.
MATCH (merchant:{{merchantLabel}})
WHERE merchant.{{merchantIdProperty}} IN $ids
RETURN merchant AS node, COUNT { MATCH (merchant)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } + COUNT { MATCH (merchant:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(payer:{{accountLabel}}) WHERE any(link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(merchant)) RETURN DISTINCT payer } AS degree
LIMIT $limit
