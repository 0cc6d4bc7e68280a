import { ApiDispatcher } from './dispatcher';
import { createCoreHandlers } from './core-handlers';
import { generateDemoDataset } from './demo/generator';
import { DEFAULT_DEMO_OPTIONS, type GeneratorOptions } from './demo/dataset';
import { EmbeddedGraphSource } from './sources/embedded-source';
import type { GraphSource } from './sources/graph-source';
import { openInvestigation } from './cases/investigation';
import { resolveInvestigationConfig, type InvestigationConfig } from './config';

export interface CoreOptions {
  version: string;
  /** Demo graph size and seed for the embedded default. */
  demo?: Partial<GeneratorOptions>;
  /** Validate handler results against the contract (on in tests and server mode). */
  validateOutput?: boolean;
  /** Team leads, data directory, scoring endpoint; read from the environment when left out. */
  investigation?: InvestigationConfig;
  log?: (message: string) => void;
}

export interface RingScopeCore {
  dispatcher: ApiDispatcher;
  source: GraphSource;
  close(): Promise<void>;
}

/** Builds the core both shells run: the embedded demo graph unless a Neo4j connection is chosen. */
export async function createRingScopeCore(options: CoreOptions): Promise<RingScopeCore> {
  const dataset = generateDemoDataset({
    seed: options.demo?.seed ?? DEFAULT_DEMO_OPTIONS.seed,
    accounts: options.demo?.accounts ?? DEFAULT_DEMO_OPTIONS.accounts,
  });
  const source: GraphSource = EmbeddedGraphSource.fromDataset(dataset);
  const investigation = await openInvestigation(options.investigation ?? resolveInvestigationConfig(process.env), { log: options.log });
  const dispatcher = new ApiDispatcher(createCoreHandlers({ source, version: options.version, investigation }), {
    validateOutput: options.validateOutput,
    log: options.log,
  });
  const close = async () => {
    await investigation.close();
    await source.close();
  };
  return { dispatcher, source, close };
}
