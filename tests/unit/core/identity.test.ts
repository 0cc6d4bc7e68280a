import { describe, expect, it } from 'vitest';
import { InvestigatorIdentity } from '../../../main/core/identity';

describe('the investigator identity', () => {
  it('starts as the demo analyst and switches between the two demo identities on the embedded graph', () => {
    const identity = new InvestigatorIdentity();
    expect(identity.current()).toBe('demo-analyst');
    expect(identity.isDemo()).toBe(true);
    identity.useDemo('demo-lead');
    expect(identity.current()).toBe('demo-lead');
  });

  it('is the authenticated Neo4j user once connected, and refuses demo identities then', () => {
    const identity = new InvestigatorIdentity();
    identity.useAuthenticated('alice');
    expect(identity.current()).toBe('alice');
    expect(identity.isDemo()).toBe(false);
    expect(() => identity.useDemo('demo-lead')).toThrow('Demo identities cannot be used with a Neo4j store');
    identity.useEmbedded();
    expect(identity.current()).toBe('demo-analyst');
  });

  it('lets the server’s roles decide where it has them, and the keyring alone where it has none', () => {
    const identity = new InvestigatorIdentity();
    identity.useAuthenticated('alice', ['reader', 'fraud_lead']);
    expect(identity.holdsRole('alice', 'fraud_lead')).toBe(true);
    identity.useAuthenticated('bob', ['reader']);
    expect(identity.holdsRole('bob', 'fraud_lead')).toBe(false);
    identity.useAuthenticated('carol', null);
    expect(identity.holdsRole('carol', 'fraud_lead')).toBe(true);
  });

  it('takes no name from the environment', () => {
    process.env.RINGSCOPE_USER = 'bob';
    try {
      expect(new InvestigatorIdentity().current()).toBe('demo-analyst');
    } finally {
      delete process.env.RINGSCOPE_USER;
    }
  });
});
