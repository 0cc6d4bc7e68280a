import { describe, expect, it } from 'vitest';
import { graphQueries, hopLimit, quoteName, renderQuery, statementsOf, typeAlternatives } from '../../../graph-queries/catalog';
import { DEFAULT_WRITE_BACK_TARGET } from '../../../main/core/cases/graph-write-back';
import { writeBackPlaceholders } from '../../../main/core/cases/neo4j-write-back';
import { demoNames } from './demo-graph-names';
import { accountLinkPlaceholders, DEMO_SCHEMA_MAPPING, eventLinkPlaceholders, identifierPlaceholders, mappingPlaceholders, validateMapping } from '../../../main/core/schema/schema-mapping';

describe('Cypher catalog', () => {
  it('backtick-quotes a plain name', () => {
    expect(quoteName('User')).toBe('`User`');
    expect(quoteName('_created_at2')).toBe('`_created_at2`');
  });

  // Neo4j decodes \u0060 inside a backtick-quoted name, so doubling real backticks is not enough (finding H1).
  it.each([
    ['a backtick', 'Us`er) DETACH DELETE n //'],
    ['a \\u0060 escape', 'userId\\u0060 = accountId CREATE (:Pwned) WITH account, accountId WHERE account.\\u0060userId'],
    ['a backslash', 'user\\Id'],
    ['a space', 'user Id'],
    ['a non-ASCII letter', 'kundenNr\u00e4'],
    ['a leading digit', '1user'],
    ['an over-long name', 'a'.repeat(101)],
  ])('refuses to quote a name with %s', (_what, name) => {
    expect(() => quoteName(name)).toThrow(/plain name/);
  });

  it('refuses an empty name', () => {
    expect(() => quoteName('')).toThrow(/cannot be empty/);
  });

  it('joins relationship types as pattern alternatives', () => {
    expect(typeAlternatives([quoteName('A'), quoteName('B_C')])).toBe('`A`|`B_C`');
  });

  it('fills every placeholder and never sends one unfilled', () => {
    const entry = graphQueries['count-accounts'];
    expect(entry.placeholders).toEqual(['accountLabel']);
    expect(renderQuery(entry, { accountLabel: quoteName('User') })).toContain('MATCH (account:`User`)');
    expect(() => renderQuery(entry, {})).toThrow('Query count-accounts needs names for accountLabel');
  });

  it('uses in exploration queries only placeholders a validated schema mapping fills', () => {
    const mapping = validateMapping(
      {
        ...DEMO_SCHEMA_MAPPING,
        accountLinks: [{ relationshipType: 'TRANSFERRED_TO', directed: true, amountProperty: 'amount', timeProperty: null, weight: 0.5 }],
        eventLinks: [{ fromType: 'USES_DEVICE', eventLabel: 'Device', toType: 'USES_DEVICE', farEnd: { kind: 'account' as const }, amountProperty: null, timeProperty: null, weight: 0.5 }],
      },
      demoNames,
    );
    const linkNames = [...Object.keys(accountLinkPlaceholders(mapping, 0)), ...Object.keys(eventLinkPlaceholders(mapping, 0))];
    const writeBackNames = [DEFAULT_WRITE_BACK_TARGET, { mode: 'label', label: 'Blacklisted' } as const].flatMap((target) => Object.keys(writeBackPlaceholders(target)));
    // Path searches fill the chosen mapped link types and the hop bound (quoteName, hopLimit); the
    // prefix text search fills a mapped searchable label and property.
    const searchNames = ['linkTypes', 'maxHops', 'label', 'property'];
    // The payment-network seeding fills a transaction's receiver, a client or a merchant, from its own shape.
    const seedNames = ['receiverLabel', 'receiverIdProperty'];
    const fillable = new Set([...Object.keys(mappingPlaceholders(mapping)), ...Object.keys(identifierPlaceholders(mapping.identifiers[1])), ...writeBackNames, ...linkNames, ...searchNames, ...seedNames]);
    for (const entry of Object.values(graphQueries)) {
      expect(entry.placeholders.filter((placeholder) => !fillable.has(placeholder)), entry.name).toEqual([]);
    }
  });

  it('splits the constraints file into one statement per constraint, comments dropped', () => {
    const statements = statementsOf(graphQueries.constraints.text);
    expect(statements.length).toBe(9);
    expect(statements.every((statement) => statement.startsWith('CREATE CONSTRAINT') && !statement.includes(';'))).toBe(true);
  });

  it('makes a variable-length bound only from a whole number in range, so nothing else reaches the statement text', () => {
    expect(hopLimit(6, 10)).toBe('6');
    for (const bad of [0, 11, 2.5, Number.NaN]) expect(() => hopLimit(bad, 10)).toThrow('A hop limit must be a whole number from 1 to 10');
  });

  it('rejects parameters that do not fit the statement', () => {
    expect(graphQueries['neighbourhood-page'].params.safeParse({ elementId: 'x', offset: -1, limit: 10, transferType: null, paymentType: null }).success).toBe(false);
  });
});
