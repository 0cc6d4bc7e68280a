/**
 * Saved Neo4j connections and switching the active graph source. Connection settings (name, URI,
 * user, database, schema mapping) live in `connections.json` in the data directory; passwords never
 * do: they go to the SecretStore (the OS keychain on desktop). Without one (browser mode) a password
 * is used for the call it came with and forgotten.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  ApiError,
  ConnectionSettings,
  SavedConnection,
  SchemaMapping,
  type ConnectionTestResult,
  type ConnectionsListResult,
  type DiscoveredSchema,
  type SourceInfo,
} from '../../api';
import type { SecretStore } from '../secrets';
import { writeFileAtomically } from '../store/atomic-write';
import { withFileLock } from '../store/file-lock';
import type { ActiveGraphSource } from '../sources/active-source';
import { Neo4jClient, type Neo4jConnectionOptions } from '../sources/neo4j/neo4j-client';
import { Neo4jGraphSource } from '../sources/neo4j/neo4j-source';
import { discoverGraphNames, discoverRelationshipEnds, discoverSchema } from '../schema/discovery';
import { mappingPlaceholders, proposeMapping, validateMapping, type GraphNames, type ValidatedMapping } from '../schema/schema-mapping';

/** A saved connection or unsaved settings, with the password typed for this call if any. */
export interface ConnectionTarget {
  connectionId?: string;
  settings?: ConnectionSettings;
  password?: string;
}

export interface ConnectionServiceOptions {
  /** Directory for connections.json; null keeps connections in memory only (tests). */
  dataDir: string | null;
  /** Where passwords are kept; null in browser mode, where they are never persisted. */
  secrets: SecretStore | null;
  active: ActiveGraphSource;
  /** Investigation state follows the graph: into the connected database, back to the local store with the demo. */
  investigation?: InvestigationPlacement;
}

/** Where cases, reviews and the audit trail live (implemented by Investigation). */
export interface InvestigationPlacement {
  useNeo4j(client: Neo4jClient, mapping: ValidatedMapping): Promise<void>;
  useEmbedded(): Promise<void>;
}

/**
 * A connection as kept in connections.json. Its mapping is read as is and checked when used: a file
 * edited by hand (or written by an older version) must not make every saved connection unreadable,
 * and a bad mapping is refused on connect with the field named, never sent to the database.
 */
const StoredConnection = SavedConnection.omit({ hasStoredPassword: true, schemaMappingInvalidFields: true }).extend({ schemaMapping: z.unknown() });
type StoredConnection = z.infer<typeof StoredConnection>;
/** Connection settings whose mapping has not been checked yet (validateMapping does that before use). */
type UncheckedSettings = Omit<ConnectionSettings, 'schemaMapping'> & { schemaMapping: unknown };
const ConnectionsFile = z.object({ connections: z.array(StoredConnection) });

const secretIdOf = (connectionId: string) => `neo4j-connection:${connectionId}`;

export class ConnectionService {
  private connections: StoredConnection[] | null = null;

  constructor(private readonly options: ConnectionServiceOptions) {}

  private get file(): string | null {
    return this.options.dataDir ? path.join(this.options.dataDir, 'connections.json') : null;
  }

  async list(): Promise<ConnectionsListResult> {
    const stored = await this.load();
    const connections = await Promise.all(stored.map((connection) => this.withPasswordFlag(connection)));
    return { connections, canStorePasswords: Boolean(this.options.secrets), active: { ...this.options.active.info(), connectionId: this.options.active.connectionId } };
  }

  /**
   * Creates or updates a connection; a password is kept only where a SecretStore exists. A stored
   * password is dropped when the URI or user changes, so it is never sent to a host it was not typed for.
   */
  async save(input: ConnectionSettings & { id?: string; password?: string }): Promise<SavedConnection> {
    const { id: requestedId, password, ...settings } = input;
    const connection: StoredConnection = { ...ConnectionSettings.parse(settings), id: requestedId ?? randomUUID() };
    const previous = await this.update((connections) => {
      const existing = requestedId ? connections.findIndex((stored) => stored.id === requestedId) : -1;
      if (requestedId && existing < 0) throw new ApiError('not_found', `No saved connection with id ${requestedId}`, { reason: 'connection_missing', params: { connectionId: requestedId } });
      const replaced = existing >= 0 ? connections[existing] : null;
      if (existing >= 0) connections[existing] = connection;
      else connections.push(connection);
      return replaced;
    });
    const target = (stored: StoredConnection) => `${stored.uri}\u0000${stored.user}`;
    if (previous && target(previous) !== target(connection)) await this.options.secrets?.delete(secretIdOf(connection.id));
    if (password && this.options.secrets) await this.options.secrets.set(secretIdOf(connection.id), password);
    return this.withPasswordFlag(connection);
  }

  async remove(connectionId: string): Promise<{ removed: boolean }> {
    const removed = await this.update((connections) => {
      const index = connections.findIndex((connection) => connection.id === connectionId);
      if (index >= 0) connections.splice(index, 1);
      return index >= 0;
    });
    if (!removed) return { removed: false };
    await this.options.secrets?.delete(secretIdOf(connectionId));
    if (this.options.active.connectionId === connectionId) await this.useFallback();
    return { removed: true };
  }

  /** Connects, logs in, checks the server version and counts accounts, without switching source. */
  async test(target: ConnectionTarget, signal?: AbortSignal): Promise<ConnectionTestResult> {
    const { settings, password } = await this.resolve(target);
    return this.withClient(settings, password, async (client) => {
      const server = await client.verify(signal);
      const names = await discoverGraphNames(client, signal);
      // A saved mapping must fit (the error names what is missing); a proposal may lack an account label.
      const proposed = proposeMapping(names, await discoverRelationshipEnds(client, signal)).mapping;
      const mapping = settings.schemaMapping ?? (proposed.account.labels.every((label) => names.labels.includes(label)) ? proposed : null);
      const accountCount = mapping ? await this.countAccounts(client, validateMapping(mapping, names)) : null;
      return { serverVersion: server.version, edition: server.edition, database: server.database, accountCount };
    });
  }

  /** Switches the Api to this Neo4j database (saved mapping, else the proposed one). */
  async connect(target: ConnectionTarget, signal?: AbortSignal): Promise<SourceInfo> {
    const { settings, password, connectionId } = await this.resolve(target);
    const client = Neo4jClient.open(this.clientOptions(settings, password));
    try {
      await client.verify(signal);
      const names = await discoverGraphNames(client, signal);
      // Without a saved mapping, the one discovery proposes (relationship ends tell accounts, identifiers and events apart).
      const mapping = validateMapping(settings.schemaMapping ?? proposeMapping(names, await discoverRelationshipEnds(client, signal)).mapping, names);
      const accountCount = await this.countAccounts(client, mapping);
      const where = `${settings.uri}${settings.database ? `/${settings.database}` : ''}`;
      const source = new Neo4jGraphSource({ client, mapping, name: `${settings.name} (${where})`, accountCount });
      // Investigation first: activating the source closes the previous one's client, which the
      // investigation may still be using.
      await this.options.investigation?.useNeo4j(client, mapping);
      await this.options.active.activate(source, connectionId);
      return source.info();
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Switches back to the embedded demo graph. */
  async useDemo(): Promise<SourceInfo> {
    await this.useFallback();
    return this.options.active.info();
  }

  private async useFallback(): Promise<void> {
    await this.options.investigation?.useEmbedded();
    await this.options.active.useFallback();
  }

  /** Reads labels, relationship types and property keys, and proposes a mapping. */
  async discover(target: ConnectionTarget, signal?: AbortSignal): Promise<DiscoveredSchema> {
    const { settings, password } = await this.resolve(target);
    return this.withClient(settings, password, async (client) => {
      await client.verify(signal);
      return discoverSchema(client, signal);
    });
  }

  /** Saves a mapping after checking every label and type in it exists in the connection's database. */
  async saveSchema(connectionId: string, schemaMapping: SchemaMapping, password?: string): Promise<SavedConnection> {
    const { settings, password: secret } = await this.resolve({ connectionId, password });
    const names: GraphNames = await this.withClient(settings, secret, (client) => discoverGraphNames(client));
    validateMapping(schemaMapping, names);
    const { id: _id, ...rest } = await this.requireStored(connectionId);
    return this.save({ ...rest, id: connectionId, schemaMapping });
  }

  private async countAccounts(client: Neo4jClient, mapping: ReturnType<typeof validateMapping>): Promise<number> {
    const [row] = await client.read('count-accounts', {}, { names: mappingPlaceholders(mapping) });
    return row?.accounts ?? 0;
  }

  private async withClient<T>(settings: UncheckedSettings, password: string, work: (client: Neo4jClient) => Promise<T>): Promise<T> {
    const client = Neo4jClient.open(this.clientOptions(settings, password));
    try {
      return await work(client);
    } finally {
      await client.close();
    }
  }

  private clientOptions(settings: UncheckedSettings, password: string): Neo4jConnectionOptions {
    return { uri: settings.uri, user: settings.user, password, database: settings.database };
  }

  private async resolve(target: ConnectionTarget): Promise<{ settings: UncheckedSettings; password: string; connectionId: string | null }> {
    if (target.settings) {
      if (!target.password) throw new ApiError('invalid_input', 'Enter the password for this connection.', { reason: 'password_required', fields: [{ path: 'password', message: 'is required' }] });
      return { settings: ConnectionSettings.parse(target.settings), password: target.password, connectionId: null };
    }
    const stored = await this.requireStored(target.connectionId ?? '');
    const password = target.password ?? (await this.options.secrets?.get(secretIdOf(stored.id))) ?? null;
    if (!password) {
      throw new ApiError('invalid_input', `Enter the password for ${stored.name}: it is not stored on this computer.`, {
        reason: 'password_required',
        params: { connection: stored.name },
        fields: [{ path: 'password', message: 'is required' }],
      });
    }
    const { id, ...settings } = stored;
    return { settings, password, connectionId: id };
  }

  private async requireStored(connectionId: string): Promise<StoredConnection> {
    const stored = (await this.load()).find((connection) => connection.id === connectionId);
    if (!stored) throw new ApiError('not_found', `No saved connection with id ${connectionId}`, { reason: 'connection_missing', params: { connectionId } });
    return stored;
  }

  private async withPasswordFlag(connection: StoredConnection): Promise<SavedConnection> {
    const secret = await this.options.secrets?.get(secretIdOf(connection.id));
    const mapping = SchemaMapping.nullable().safeParse(connection.schemaMapping ?? null);
    const schemaMappingInvalidFields = mapping.success ? [] : mapping.error.issues.map((issue) => issue.path.join('.'));
    return { ...connection, schemaMapping: mapping.success ? mapping.data : null, schemaMappingInvalidFields, hasStoredPassword: Boolean(secret) };
  }

  private async load(): Promise<StoredConnection[]> {
    if (this.connections) return this.connections;
    const file = this.file;
    let connections: StoredConnection[] = [];
    if (file) {
      try {
        connections = ConnectionsFile.parse(JSON.parse(await fs.readFile(file, 'utf8'))).connections;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ApiError('internal', `Cannot read the saved connections in ${file}: ${(error as Error).message}`, { reason: 'connections_file_unreadable' });
      }
    }
    this.connections = connections;
    return connections;
  }

  /**
   * Changes the saved list under a lock file, starting from what is on disk now, so another
   * RingScope process's save in between is kept, then writes the file atomically.
   */
  private async update<T>(change: (connections: StoredConnection[]) => T): Promise<T> {
    const file = this.file;
    if (!file) return change(await this.load());
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    return withFileLock(`${file}.lock`, async () => {
      this.connections = null;
      const connections = [...(await this.load())];
      const result = change(connections);
      await writeFileAtomically(file, `${JSON.stringify({ connections }, null, 2)}\n`, 'the saved connections');
      this.connections = connections;
      return result;
    });
  }
}
