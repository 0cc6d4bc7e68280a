import { AuditLog } from '../audit/audit-log';
import type { InvestigationConfig } from '../config';
import { ScoringOutbox } from '../scoring/scoring-outbox';
import { FileInvestigationStore } from '../store/file-investigation-store';
import type { InvestigationStore } from '../store/investigation-store';
import { BlacklistOverlay } from './blacklist-overlay';
import { CaseService } from './case-service';
import type { GraphWriteBack } from './graph-write-back';

/** The investigation services one core runs, over one store. */
export interface Investigation {
  cases: CaseService;
  audit: AuditLog;
  outbox: ScoringOutbox;
  close(): Promise<void>;
}

export interface InvestigationDependencies {
  /** Defaults to the file store in config.dataDir; the Neo4j mode passes its own. */
  store?: InvestigationStore;
  /** Defaults to an in-memory overlay for the embedded demo graph. */
  writeBack?: GraphWriteBack;
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
  const store = dependencies.store ?? new FileInvestigationStore({ dataDir: config.dataDir, now: dependencies.now });
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
    writeBack: dependencies.writeBack ?? new BlacklistOverlay(config.writeBack),
    teamLeads: config.teamLeads,
    now: dependencies.now,
    onDecisionQueued: () => outbox.kick(),
  });
  await cases.reconcileWriteBack();
  await outbox.recoverInterrupted();
  outbox.start();
  return {
    cases,
    audit: new AuditLog(store),
    outbox,
    close: async () => {
      await outbox.stop();
      await store.close();
    },
  };
}
