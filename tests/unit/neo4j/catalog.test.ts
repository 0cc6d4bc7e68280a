import { describe, expect, it } from 'vitest';
import { graphQueries, hopLimit, quoteName, renderQuery, statementsOf, typeAlternatives } from '../../../graph-queries/catalog';
import { DEFAULT_WRITE_BACK_TARGET } from '../../../main/core/cases/graph-write-back';
import { writeBackPlaceholders } from '../../../main/core/cases/neo4j-write-back';
import { DEMO_SCHEMA_MAPPING, identifierPlaceholders, mappingPlaceholders, validateMapping } from '../../../main/core/schema/schema-mapping';

describe('Cypher catalog', () => {
  it('backtick-quotes a name and doubles a backtick inside it, so the name cannot close the quote', () => {
    expect(quoteName('User')).toBe('`User`');
    expect(quoteName('Us`er) DETACH DELETE n //')).toBe('`Us``er) DETACH DELETE n //`');
  });

  it('refuses an empty name', () => {
    expect(() => quoteName('')).toThrow(/cannot be empty/);
  });

  it('joins relationship types as pattern alternatives', () => {
    expect(typeAlternatives([quoteName('A'), quoteName('B C')])).toBe('`A`|`B C`');
  });

  it('fills every placeholder and never sends one unfilled', () => {
    const entry = graphQueries['count-accounts'];
    expect(entry.placeholders).toEqual(['accountLabel']);
    expect(renderQuery(entry, { accountLabel: quoteName('User') })).toContain('MATCH (account:`User`)');
    expect(() => renderQuery(entry, {})).toThrow('Query count-accounts needs names for accountLabel');
  });

  it('uses in exploration queries only placeholders a validated schema mapping fills', () => {
    const mapping = validateMapping(DEMO_SCHEMA_MAPPING, {
      labels: ['User', 'Device', 'Phone', 'IPAddress', 'BankCard', 'Address', 'Email', 'Merchant'],
      relationshipTypes: ['USES_DEVICE', 'HAS_PHONE', 'USES_IP', 'HAS_CARD', 'LIVES_AT', 'HAS_EMAIL', 'TRANSFERRED_TO', 'PAID'],
      nodeProperties: {},
    });
    const writeBackNames = [DEFAULT_WRITE_BACK_TARGET, { mode: 'label', label: 'Blacklisted' } as const].flatMap((target) => Object.keys(writeBackPlaceholders(target)));
    // Filled by Neo4jGraphSource from validated names too: paths' linkTypes (only mapped types, quoted) and
    // maxHops (hopLimit), text search's label and property (the mapping's searchable label/property pairs, quoted).
    const perQueryNames = ['linkTypes', 'maxHops', 'label', 'property'];
    const fillable = new Set([...Object.keys(mappingPlaceholders(mapping)), ...Object.keys(identifierPlaceholders(mapping, 'phone') ?? {}), ...writeBackNames, ...perQueryNames]);
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
