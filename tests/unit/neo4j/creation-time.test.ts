import { describe, expect, it } from 'vitest';
import { epochMillisOf } from '../../../main/core/sources/neo4j/temporal-values';

const MAY_1_2024 = Date.UTC(2024, 4, 1, 8, 30);

describe('creation time read per value', () => {
  it.each([
    ['epoch milliseconds', MAY_1_2024, MAY_1_2024],
    ['epoch seconds', MAY_1_2024 / 1000, MAY_1_2024],
    ['epoch seconds as text', String(MAY_1_2024 / 1000), MAY_1_2024],
    ['an ISO date-time with offset', '2024-05-01T10:30:00+02:00', MAY_1_2024],
    ['an ISO date-time in UTC (a driver DateTime after bolt mapping)', '2024-05-01T08:30:00.000Z', MAY_1_2024],
    ['a local date-time (read as UTC, the same on every desktop)', '2024-05-01T08:30:00', MAY_1_2024],
    ['a date', '2024-05-01', Date.UTC(2024, 4, 1)],
  ])('reads %s', (_what, value, expected) => {
    expect(epochMillisOf(value)).toBe(expected);
  });

  it.each([
    ['missing', null],
    ['text that is no time', 'last tuesday'],
    ['an empty string', ''],
    ['a boolean', true],
    ['not a number', Number.NaN],
  ])('reads %s as unknown', (_what, value) => {
    expect(epochMillisOf(value)).toBeNaN();
  });
});
