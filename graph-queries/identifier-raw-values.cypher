// The stored (unmasked) identifier nodes behind $elementIds, for an evidence export whose exporter
// chose to include personal data (an audited choice). Only identifier labels of the mapping match.
MATCH (identifier)
WHERE elementId(identifier) IN $elementIds AND any(label IN labels(identifier) WHERE label IN $identifierLabels)
RETURN identifier
