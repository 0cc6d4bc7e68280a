import path from 'node:path';
import { ApiDispatcher } from './dispatcher';
import { createCoreHandlers } from './core-handlers';
import { generateDemoDataset } from './demo/generator';
import { DEFAULT_DEMO_OPTIONS, type GeneratorOptions } from './demo/dataset';
import { EmbeddedGraphSource } from './sources/embedded-source';
import type { GraphSource } from './sources/graph-source';
import { ActiveGraphSource } from './sources/active-source';
import { ConnectionService } from './connections/connection-service';
import type { SecretStore } from './secrets';
import { openInvestigation } from './cases/investigation';
import { BlacklistOverlay } from './cases/blacklist-overlay';
import { resolveInvestigationConfig, type InvestigationConfig } from './config';
import { RingService } from './rings/ring-service';
import { EvidenceService } from './evidence/evidence-service';
import { SecretStoreKeyVault } from './trust/key-vault';

export interface CoreOptions {
  version: string;
  /** Demo graph size and seed for the embedded default. */
  demo?: Partial<GeneratorOptions>;
  /** Validate handler results against the contract (on in tests and server mode). */
  validateOutput?: boolean;
  /** Team leads, data directory, scoring endpoint; read from the environment when left out. */
  investigation?: InvestigationConfig;
  /** Keeps saved Neo4j passwords (desktop keychain); absent in browser mode, where none are stored. */
  secrets?: SecretStore;
  log?: (message: string) => void;
}

export interface RingScopeCore {
  dispatcher: ApiDispatcher;
  source: GraphSource;
  /** Evidence packages; the HTTP shell serves their downloads from its exports folder. */
  evidence: EvidenceService;
  /** Who every call acts as right now: shells pass it to the dispatcher, never a name of their own. */
  currentUser(): string;
  close(): Promise<void>;
}

/** Builds the core both shells run: the embedded demo graph unless a Neo4j connection is chosen. */
export async function createRingScopeCore(options: CoreOptions): Promise<RingScopeCore> {
  const dataset = generateDemoDataset({
    seed: options.demo?.seed ?? DEFAULT_DEMO_OPTIONS.seed,
    accounts: options.demo?.accounts ?? DEFAULT_DEMO_OPTIONS.accounts,
  });
  const investigationConfig = options.investigation ?? resolveInvestigationConfig(process.env);
  // Approved cases mark accounts through this overlay; the embedded source shows the marks.
  const writeBack = new BlacklistOverlay(investigationConfig.writeBack);
  const source = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(dataset, writeBack));
  const investigation = await openInvestigation(investigationConfig, {
    log: options.log,
    writeBack,
    source,
    keyVault: options.secrets ? new SecretStoreKeyVault(options.secrets) : undefined,
  });
  const connections = new ConnectionService({ dataDir: investigationConfig.dataDir, secrets: options.secrets ?? null, active: source, investigation });
  const evidence = new EvidenceService({
    source,
    cases: investigation.cases,
    audit: investigation.audit,
    exportsDir: path.join(investigationConfig.dataDir, 'exports'),
    appVersion: options.version,
    trust: investigation.trust,
  });
  const dispatcher = new ApiDispatcher(createCoreHandlers({ source, version: options.version, investigation, connections, rings: new RingService({ source }), evidence }), {
    validateOutput: options.validateOutput,
    log: options.log,
  });
  const close = async () => {
    await investigation.close();
    await source.close();
  };
  return { dispatcher, source, evidence, currentUser: () => investigation.identity.current(), close };
}
