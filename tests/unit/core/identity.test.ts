import { describe, expect, it } from 'vitest';
import { resolveInvestigator } from '../../../main/core/identity';

describe('the investigator identity', () => {
  it('uses RINGSCOPE_USER when it is set', () => {
    expect(resolveInvestigator({ RINGSCOPE_USER: '  lead.maria ' }, () => 'ana')).toBe('lead.maria');
  });

  it('falls back to the operating-system account', () => {
    expect(resolveInvestigator({}, () => 'ana')).toBe('ana');
    expect(resolveInvestigator({ RINGSCOPE_USER: '   ' }, () => 'ana')).toBe('ana');
  });

  it('says "unknown" when the OS cannot name the account', () => {
    expect(
      resolveInvestigator({}, () => {
        throw new Error('ENOENT: no passwd entry');
      }),
    ).toBe('unknown');
  });
});
