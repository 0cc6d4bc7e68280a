import type { AccountRef, AuditEvent, Case, OutboxEntry } from '../../api';
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

/** The investigation services one core runs, over one store at a time. */
export interface Investigation {
  cases: CaseService;
  audit: AuditLog;
  outbox: ScoringOutbox;
  /**
   * Moves cases, audit trail and outbox into this Neo4j database (RingScope's own labels, shared by
   * the team) and writes approvals back onto its accounts: called when the user connects to it.
   */
  useNeo4j(client: Neo4jClient, mapping: ValidatedMapping): Promise<void>;
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
}

/**
 * Opens the store, re-applies approved blacklists to the graph, puts deliveries interrupted by
 * the last shutdown back in the queue and starts the outbox worker.
 */
export async function openInvestigation(config: InvestigationConfig, dependencies: InvestigationDependencies = {}): Promise<Investigation> {
  const embeddedStore = dependencies.store ?? new FileInvestigationStore({ dataDir: config.dataDir, now: dependencies.now });
  const embeddedWriteBack = dependencies.writeBack ?? new BlacklistOverlay(config.writeBack);
  const store = new ActiveStore(embeddedStore);
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
  const cases = new CaseService({
    store,
    writeBack,
    teamLeads: config.teamLeads,
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
    const previous = { store: store.current, writeBack: writeBack.current };
    store.current = nextStore;
    writeBack.current = nextWriteBack;
    try {
      await cases.reconcileWriteBack();
    } catch (error) {
      store.current = previous.store;
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
    if (store.current !== embeddedStore || !(embeddedWriteBack instanceof BlacklistOverlay)) return;
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
    audit: new AuditLog(store),
    outbox,
    useNeo4j: (client, mapping) =>
      switchTo(new Neo4jInvestigationStore({ client, space: dependencies.neo4jSpace, now: dependencies.now }), new Neo4jWriteBack({ client, mapping, target: config.writeBack })),
    useEmbedded: () => switchTo(embeddedStore, embeddedWriteBack),
    close: async () => {
      await outbox.stop();
      await store.close();
      if (store.current !== embeddedStore) await embeddedStore.close();
    },
  };
}

const WRITE_BACK_REFRESH_MS = 1_000;

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
