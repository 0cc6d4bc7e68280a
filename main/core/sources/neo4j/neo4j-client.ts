/**
 * RingScope's only use of the neo4j-driver session API: runs catalogued statements in READ or WRITE
 * access mode (so `neo4j://` routing sends reads to followers), converts every record at the bolt
 * mapping boundary, cancels on an AbortSignal by closing the session, and turns driver failures into
 * classified ApiErrors.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as BoltRecord, type Session } from 'neo4j-driver';
import { ApiError } from '../../../api';
import { graphQueries, renderQuery, type QueryName, type QueryParams, type QueryRow, type QuotedName } from '../../../../graph-queries/catalog';
import { classifyNeo4jError, checkServerVersion, type ConnectionContext } from '../../connections/connection-errors';
import { plainRecord } from './bolt-mapping';

export interface Neo4jConnectionOptions {
  uri: string;
  user: string;
  password: string;
  /** null = the server's default database. */
  database: string | null;
}

export interface QueryOptions {
  /** Placeholder values (quoted names) for statements with {{placeholders}}. */
  names?: Readonly<Record<string, QuotedName>>;
  signal?: AbortSignal;
  /** Server-side transaction timeout; the server stops the query after it. */
  timeoutMs?: number;
}

/** Runs catalogued statements inside one open transaction (see Neo4jClient.writeTransaction). */
export interface CatalogTransaction {
  run<N extends QueryName>(name: N, params: QueryParams<N>, names?: Readonly<Record<string, QuotedName>>): Promise<QueryRow<N>[]>;
}

export interface ServerInfo {
  version: string;
  edition: string;
  database: string;
}

const DEFAULT_READ_TIMEOUT_MS = 60_000;

/** Top-level integer parameters (limit, offset, batch sizes) must reach Cypher as integers, not floats. */
function boltParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value as number) : value]));
}

/** Validates the parameters, runs the statement in `tx` and validates every row against the catalog. */
async function runCatalogued<N extends QueryName>(
  tx: ManagedTransaction,
  name: N,
  params: QueryParams<N>,
  names: Readonly<Record<string, QuotedName>> | undefined,
): Promise<QueryRow<N>[]> {
  const entry = graphQueries[name];
  const result = await tx.run(renderQuery(entry, names), boltParams(entry.params.parse(params) as Record<string, unknown>));
  return result.records.map((record) => parseRow(name, record));
}

/**
 * A record as the catalog's typed row. A team graph can hold values of unexpected types; those
 * become a message naming the query and the field, never a stack of validation output.
 */
function parseRow<N extends QueryName>(name: N, record: BoltRecord): QueryRow<N> {
  const parsed = graphQueries[name].row.safeParse(plainRecord(record));
  if (parsed.success) return parsed.data as QueryRow<N>;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
  throw new ApiError('unavailable', `Neo4j returned data RingScope cannot read (${name}: ${problems}). Check the schema mapping on the Connect screen.`, { reason: 'graph_data_unreadable', params: { query: name } });
}

export class Neo4jClient {
  private constructor(
    private readonly driver: Driver,
    readonly connection: ConnectionContext,
  ) {}

  /** Opens a driver for the URI (bolt, neo4j routing, +s / +ssc encryption taken from the scheme). */
  static open(options: Neo4jConnectionOptions): Neo4jClient {
    let driver: Driver;
    const context = { uri: options.uri, database: options.database };
    try {
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
        connectionTimeout: 10_000,
        connectionAcquisitionTimeout: 20_000,
        maxTransactionRetryTime: 10_000,
        userAgent: 'RingScope',
        disableLosslessIntegers: false,
      });
    } catch (error) {
      throw new ApiError('invalid_input', `Cannot use ${options.uri}: ${error instanceof Error ? error.message : String(error)}`, { reason: 'neo4j_uri_invalid', params: { uri: options.uri } });
    }
    return new Neo4jClient(driver, context);
  }

  /** Connects, authenticates, opens the database and checks the server is Neo4j 5 or newer. */
  async verify(signal?: AbortSignal): Promise<ServerInfo> {
    // One connection attempt without the driver's retries, so a wrong host or scheme fails in
    // seconds instead of after the retry budget of a transaction.
    await this.driver.getServerInfo({ database: this.connection.database ?? undefined }).catch((error: unknown) => {
      throw classifyNeo4jError(error, this.connection);
    });
    const [component] = await this.read('server-components', {}, { signal, timeoutMs: 15_000 });
    if (!component) throw new ApiError('unavailable', `Neo4j at ${this.connection.uri} did not report its version.`, { reason: 'neo4j_version_unknown', params: { server: this.connection.uri } });
    checkServerVersion(component.version);
    return { version: component.version, edition: component.edition, database: this.connection.database ?? 'default' };
  }

  /** Runs a catalogued read statement and returns its rows, typed and validated by the catalog. */
  async read<N extends QueryName>(name: N, params: QueryParams<N>, options: QueryOptions = {}): Promise<QueryRow<N>[]> {
    return this.run(name, params, 'READ', options);
  }

  /** Runs a catalogued write statement in a WRITE session (sent to the leader in a cluster). */
  async write<N extends QueryName>(name: N, params: QueryParams<N>, options: QueryOptions = {}): Promise<QueryRow<N>[]> {
    return this.run(name, params, 'WRITE', options);
  }

  /**
   * Runs `work` as one WRITE transaction: its statements commit together or not at all. The driver
   * retries transient failures (deadlocks, leader switches), so `work` may run again and must only
   * write through `tx`. An error thrown by `work` rolls everything back.
   */
  async writeTransaction<T>(work: (tx: CatalogTransaction) => Promise<T>, options: Pick<QueryOptions, 'timeoutMs'> = {}): Promise<T> {
    return this.withSession('WRITE', undefined, { closeOnAbort: true }, (session) =>
      session.executeWrite((tx) => work({ run: (name, params, names) => runCatalogued(tx, name, params, names) }), {
        timeout: options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
      }),
    );
  }

  /** Runs literal statement text in a WRITE session (multi-statement files such as constraints.cypher). */
  async writeStatement(text: string, signal?: AbortSignal): Promise<void> {
    await this.withSession('WRITE', signal, { closeOnAbort: true }, (session) => session.executeWrite((tx) => tx.run(text)));
  }

  /**
   * Streams a read statement's rows to `onRow` as they arrive, without holding the whole result.
   * Returns the rows seen. Stops early (cancelling the rest of the result on the server) when
   * `onRow` returns false or the signal aborts; an abort then rejects with a `cancelled` ApiError.
   * Not retried: a retry would deliver rows twice.
   */
  async stream<N extends QueryName>(
    name: N,
    params: QueryParams<N>,
    onRow: (row: QueryRow<N>) => boolean | void,
    options: QueryOptions = {},
  ): Promise<number> {
    const entry = graphQueries[name];
    const text = renderQuery(entry, options.names);
    const parsedParams = boltParams(entry.params.parse(params) as Record<string, unknown>);
    // The loop below notices an abort at the next row and cancels the result itself; closing the
    // session on abort as well would cancel it twice, and neo4j-driver 6 then hands the next
    // session a connection with a stray DISCARD ("cannot be handled by a session in the READY state").
    return this.withSession('READ', options.signal, { closeOnAbort: false }, async (session) => {
      const result = session.run(text, parsedParams, { timeout: options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS });
      let rows = 0;
      for await (const record of result) {
        if (options.signal?.aborted) break;
        rows++;
        // The catalog's row schema is the contract; parsing is cheap next to the network read.
        if (onRow(parseRow(name, record)) === false) break;
      }
      return rows;
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<N extends QueryName>(name: N, params: QueryParams<N>, mode: 'READ' | 'WRITE', options: QueryOptions): Promise<QueryRow<N>[]> {
    const config = { timeout: options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS };
    return this.withSession(mode, options.signal, { closeOnAbort: true }, (session) =>
      mode === 'READ'
        ? session.executeRead((tx) => runCatalogued(tx, name, params, options.names), config)
        : session.executeWrite((tx) => runCatalogued(tx, name, params, options.names), config),
    );
  }

  /**
   * One session per unit of work; an abort closes it, which makes the server drop the running query
   * (unless the work cancels its own result on abort, as `stream` does).
   */
  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    signal: AbortSignal | undefined,
    { closeOnAbort: closesOnAbort }: { closeOnAbort: boolean },
    work: (session: Session) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
    const session = this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      database: this.connection.database ?? undefined,
    });
    const closeOnAbort = () => void session.close().catch(() => undefined);
    if (closesOnAbort) signal?.addEventListener('abort', closeOnAbort, { once: true });
    try {
      const value = await work(session);
      if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
      return value;
    } catch (error) {
      if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
      throw classifyNeo4jError(error, this.connection);
    } finally {
      signal?.removeEventListener('abort', closeOnAbort);
      await session.close().catch(() => undefined);
    }
  }
}
