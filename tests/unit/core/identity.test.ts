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

  it('takes no name from the environment', () => {
    process.env.RINGSCOPE_USER = 'bob';
    try {
      expect(new InvestigatorIdentity().current()).toBe('demo-analyst');
    } finally {
      delete process.env.RINGSCOPE_USER;
    }
  });
});
