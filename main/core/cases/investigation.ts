import path from 'node:path';
import { ApiError, type AccountRef, type AuditEvent, type Case, type DemoIdentity, type OutboxEntry } from '../../api';
import { AuditLog } from '../audit/audit-log';
import type { InvestigationConfig } from '../config';
import { ScoringOutbox } from '../scoring/scoring-outbox';
import { FileInvestigationStore } from '../store/file-investigation-store';
import type { CommittedChange, InvestigationChange, InvestigationStore } from '../store/investigation-store';
import { Neo4jInvestigationStore } from '../store/neo4j-investigation-store';
import type { ValidatedMapping } from '../schema/schema-mapping';
import type { Neo4jClient } from '../sources/neo4j/neo4j-client';
import { BlacklistOverlay } from './blacklist-overlay';
import { CaseService, isBlacklistInEffect } from './case-service';
import type { GraphWriteBack } from './graph-write-back';
import { Neo4jWriteBack } from './neo4j-write-back';
import { InvestigatorIdentity } from '../identity';
import type { GraphSource } from '../sources/graph-source';
import { certifyDemoIdentities, loadDemoTeamKey } from '../trust/demo-team';
import { FileKeyVault, type KeyVault } from '../trust/key-vault';
import { publicKeyOf } from '../trust/signing';
import { TeamTrust, type Signer, type TeamTrustOptions } from '../trust/team-trust';
import { auditSignedPart, type AuditDraft } from '../audit/audit-chain';
import { readTeamPublicKey } from '../trust/team-key-file';

/** The investigation services one core runs, over one store at a time. */
export interface Investigation {
  cases: CaseService;
  audit: AuditLog;
  outbox: ScoringOutbox;
  /** Who is acting: a demo identity on the embedded graph, the authenticated Neo4j user otherwise. */
  identity: InvestigatorIdentity;
  /** Signing keys, the team keyring and who is a team lead. */
  trust: TeamTrust;
  /**
   * Moves cases, audit trail and outbox into this Neo4j database (RingScope's own labels, shared by
   * the team) and writes approvals back onto its accounts: called when the user connects to it.
   */
  useNeo4j(client: Neo4jClient, mapping: ValidatedMapping): Promise<void>;
  /** Switches between the two demo identities (embedded graph only); returns the new investigator. */
  useDemoIdentity(name: DemoIdentity): Promise<string>;
  /** Back to the local store and the embedded demo graph's overlay. */
  useEmbedded(): Promise<void>;
  /**
   * Brings the embedded graph's blacklist marks up to date with the local store, which other
   * RingScope processes on the same data directory also write (at most once per second).
   * Neo4j mode needs nothing: there the marks live in the graph itself.
   */
  refreshWriteBack(): Promise<void>;
  close(): Promise<void>;
}

export interface InvestigationDependencies {
  /** Defaults to the file store in config.dataDir; the Neo4j mode passes its own. */
  store?: InvestigationStore;
  /** Defaults to an in-memory overlay for the embedded demo graph. */
  writeBack?: GraphWriteBack;
  /** The investigation space used in Neo4j mode (default: the team's shared one); tests use their own. */
  neo4jSpace?: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  log?: (message: string) => void;
  /** Investigators' private keys: default 0600 files in <dataDir>/keys; the desktop passes its keychain. */
  keyVault?: KeyVault;
  /** The graph the submission snapshot is taken from; without one the snapshot holds the members only. */
  source?: Pick<GraphSource, 'subgraph' | 'subgraphQueries'>;
}

/**
 * Opens the store, re-applies approved blacklists to the graph, puts deliveries interrupted by
 * the last shutdown back in the queue and starts the outbox worker.
 */
export async function openInvestigation(config: InvestigationConfig, dependencies: InvestigationDependencies = {}): Promise<Investigation> {
  const embeddedStore = dependencies.store ?? new FileInvestigationStore({ dataDir: config.dataDir, now: dependencies.now });
  const embeddedWriteBack = dependencies.writeBack ?? new BlacklistOverlay(config.writeBack);
  const activeStore = new ActiveStore(embeddedStore);
  // The services write through this: every audit event a person causes is signed with their key.
  const store = new SigningStore(activeStore, (subject) => trust.signerFor(subject));
  const writeBack = new ActiveWriteBack(embeddedWriteBack);
  const outbox = new ScoringOutbox({
    store,
    endpoint: config.scoring.endpoint,
    backoff: config.scoring.backoff,
    fetch: dependencies.fetch,
    now: dependencies.now,
    random: dependencies.random,
    log: dependencies.log,
  });
  const audit = new AuditLog(store);
  const configuredTeamKey = config.teamKeyFile ? await readTeamPublicKey(config.teamKeyFile) : null;
  const demoTeamKey = configuredTeamKey ? null : await loadDemoTeamKey(config.dataDir);
  const embeddedTeamKey = configuredTeamKey ?? publicKeyOf(demoTeamKey ?? '');
  const trust = new TeamTrust({
    teamPublicKey: embeddedTeamKey,
    vault: dependencies.keyVault ?? new FileKeyVault(path.join(config.dataDir, 'keys')),
    auditTrail: keyringTrailOf(activeStore),
  });
  if (demoTeamKey) await certifyDemoIdentities(trust, demoTeamKey, new Date((dependencies.now ?? Date.now)()).toISOString());
  const identity = new InvestigatorIdentity();
  const cases = new CaseService({
    store,
    writeBack,
    trust,
    holdsLeadRole: (user) => !config.leadRole || identity.holdsRole(user, config.leadRole),
    snapshotOf: async (cluster) => {
      const source = dependencies.source;
      if (!source) return { nodes: [], edges: [], queries: [] };
      const nodeIds = [...cluster.accounts.map((a) => a.nodeId), ...cluster.identifierNodeIds];
      const subgraph = await source.subgraph(nodeIds, { includeSharedIdentifiers: true, signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS) });
      return { ...subgraph, queries: source.subgraphQueries?.(nodeIds, { includeSharedIdentifiers: true }) ?? [] };
    },
    now: dependencies.now,
    onDecisionQueued: () => outbox.kick(),
  });
  await cases.reconcileWriteBack();
  await outbox.recoverInterrupted();
  outbox.start();
  /**
   * Points the services at another store and write-back, then re-applies that store's approved
   * blacklists to the graph. On failure the previous store stays in use. Interrupted deliveries of
   * a shared store are not reset here: another RingScope may be delivering them; their lease expires.
   */
  const switchTo = async (nextStore: InvestigationStore, nextWriteBack: GraphWriteBack) => {
    const previous = { store: activeStore.current, writeBack: writeBack.current };
    activeStore.current = nextStore;
    writeBack.current = nextWriteBack;
    try {
      await cases.reconcileWriteBack();
    } catch (error) {
      activeStore.current = previous.store;
      writeBack.current = previous.writeBack;
      throw error;
    }
    if (previous.store !== embeddedStore && previous.store !== nextStore) await previous.store.close();
    outbox.kick();
  };
  let lastRefresh = Number.NEGATIVE_INFINITY;
  let latestRefresh: Promise<void> = Promise.resolve();
  const refreshWriteBack = async () => {
    const now = (dependencies.now ?? Date.now)();
    if (activeStore.current !== embeddedStore || !(embeddedWriteBack instanceof BlacklistOverlay)) return;
    // Reads in the same second wait for the refresh under way, so none of them sees the marks before it.
    if (now - lastRefresh < WRITE_BACK_REFRESH_MS) return latestRefresh;
    lastRefresh = now;
    latestRefresh = embeddedStore.listCases().then((cases) => {
      const inEffect = cases.filter(isBlacklistInEffect);
      embeddedWriteBack.resetTo(inEffect.map((item) => ({ caseId: item.id, accounts: item.cluster.accounts })));
    });
    return latestRefresh;
  };
  return {
    cases,
    refreshWriteBack,
    audit,
    outbox,
    identity,
    trust,
    useNeo4j: async (client, mapping) => {
      const [authenticated] = await client.read('current-user', {});
      if (!authenticated) throw new ApiError('unavailable', 'Neo4j did not say which user it authenticated', { reason: 'neo4j_user_unknown' });
      await switchTo(new Neo4jInvestigationStore({ client, space: dependencies.neo4jSpace, now: dependencies.now }), new Neo4jWriteBack({ client, mapping, target: config.writeBack }));
      // The demo team key never vouches for anyone in a real store.
      trust.useTeamKey(configuredTeamKey);
      identity.useAuthenticated(authenticated.user, authenticated.roles);
    },
    useEmbedded: async () => {
      await switchTo(embeddedStore, embeddedWriteBack);
      trust.useTeamKey(embeddedTeamKey);
      identity.useEmbedded();
    },
    useDemoIdentity: async (name) => {
      identity.useDemo(name);
      await trust.signerFor(name);
      return identity.current();
    },
    close: async () => {
      await outbox.stop();
      await store.close();
      if (activeStore.current !== embeddedStore) await embeddedStore.close();
    },
  };
}

/**
 * The team keyring's trail in a store. Its events are signed by the key they register (proof of
 * possession) or are certificates the team key signed, so they bypass SigningStore.
 */
export function keyringTrailOf(store: InvestigationStore): TeamTrustOptions['auditTrail'] {
  return { list: () => store.listAudit(), record: (draft) => store.commit({ audit: [draft] }) };
}

const WRITE_BACK_REFRESH_MS = 1_000;
/** How long a submission waits for the graph to give the snapshot of its cluster. */
const SNAPSHOT_TIMEOUT_MS = 60_000;

/** The store the services use now: swapped by useNeo4j / useEmbedded without rebuilding them. */
class ActiveStore implements InvestigationStore {
  constructor(public current: InvestigationStore) {}
  getCase(id: string): Promise<Case | null> {
    return this.current.getCase(id);
  }
  listCases(): Promise<Case[]> {
    return this.current.listCases();
  }
  listOutbox(): Promise<OutboxEntry[]> {
    return this.current.listOutbox();
  }
  listAudit(): Promise<AuditEvent[]> {
    return this.current.listAudit();
  }
  commit(change: InvestigationChange): Promise<CommittedChange> {
    return this.current.commit(change);
  }
  close(): Promise<void> {
    return this.current.close();
  }
}

/**
 * Signs each audit draft with its actor's key before the store seals it into the chain. RingScope's
 * own workers (actors named `ringscope:…`) hold no key: their events are covered by the chain alone.
 */
class SigningStore implements InvestigationStore {
  constructor(
    private readonly inner: InvestigationStore,
    private readonly signerFor: (subject: string) => Promise<Signer>,
  ) {}
  getCase(id: string): Promise<Case | null> {
    return this.inner.getCase(id);
  }
  listCases(): Promise<Case[]> {
    return this.inner.listCases();
  }
  listOutbox(): Promise<OutboxEntry[]> {
    return this.inner.listOutbox();
  }
  listAudit(): Promise<AuditEvent[]> {
    return this.inner.listAudit();
  }
  async commit(change: InvestigationChange): Promise<CommittedChange> {
    const audit: AuditDraft[] = [];
    for (const draft of change.audit ?? []) {
      if (draft.signature || draft.actor.startsWith(SYSTEM_ACTOR_PREFIX)) {
        audit.push(draft);
        continue;
      }
      const signer = await this.signerFor(draft.actor);
      const details = JSON.parse(JSON.stringify(draft.details ?? {})) as Record<string, unknown>;
      const signed = { ...draft, caseId: draft.caseId ?? null, details };
      audit.push({ ...signed, actorKey: signer.publicKey, signature: signer.sign(auditSignedPart(signed)) });
    }
    return this.inner.commit({ ...change, audit });
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

const SYSTEM_ACTOR_PREFIX = 'ringscope:';

/** The graph write-back matching the active store. */
class ActiveWriteBack implements GraphWriteBack {
  constructor(public current: GraphWriteBack) {}
  markBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void> {
    return this.current.markBlacklisted(accounts, caseId);
  }
  clearBlacklisted(accounts: readonly AccountRef[], caseId: string): Promise<void> {
    return this.current.clearBlacklisted(accounts, caseId);
  }
}
