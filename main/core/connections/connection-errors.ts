/**
 * Turns a neo4j-driver failure into an ApiError an investigator can act on ("wrong password",
 * "is the server running?", "switch to bolt+s://"), never a driver stack trace.
 */
import { ApiError } from '../../api';

export interface ConnectionContext {
  uri: string;
  database: string | null;
}

/** The parts of a driver error the classification reads (Neo4jError and Node's socket errors alike). */
interface DriverFailure {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

const UNREACHABLE_SOCKET_CODES = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN|ECONNRESET)\b/;
const TLS_FAILURE = /\b(SSL|TLS|EPROTO|wrong version number|certificate|self[- ]signed|handshake)\b/i;

/** True for URIs whose scheme asks for an encrypted connection (bolt+s, neo4j+ssc, …). */
export function isEncryptedScheme(uri: string): boolean {
  return /^[a-z0-9]+\+s{1,2}c?:\/\//i.test(uri);
}

/** The same address under the other encryption choice, for "switch to …" advice. */
function switchedScheme(uri: string): string {
  const [scheme, rest] = uri.split('://');
  const base = scheme.replace(/\+s{1,2}c?$/i, '');
  return `${isEncryptedScheme(uri) ? base : `${base}+s`}://${rest}`;
}

function textOf(failure: DriverFailure): string {
  const parts = [failure.message, failure.code];
  let cause = failure.cause as DriverFailure | undefined;
  for (let depth = 0; cause && depth < 3; depth++, cause = cause.cause as DriverFailure | undefined) parts.push(cause.message, cause.code);
  return parts.filter((part) => typeof part === 'string').join(' ');
}

/** Classifies a driver failure for this connection; an ApiError is passed through unchanged. */
export function classifyNeo4jError(error: unknown, context: ConnectionContext): ApiError {
  if (error instanceof ApiError) return error;
  const failure: DriverFailure = typeof error === 'object' && error !== null ? (error as DriverFailure) : { message: String(error) };
  const code = typeof failure.code === 'string' ? failure.code : '';
  const text = textOf(failure);
  const where = context.uri;
  const database = context.database ?? 'the default database';

  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new ApiError('auth_failed', `Neo4j rejected the user name or password for ${where}.`, { reason: 'credentials_rejected', params: { server: where } });
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new ApiError('auth_failed', `Neo4j at ${where} blocked the login after too many wrong passwords: wait a few seconds and try again.`, { reason: 'login_rate_limited', params: { server: where } });
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new ApiError('auth_failed', `The password for ${where} has expired: change it in Neo4j Browser or cypher-shell first.`, { reason: 'credentials_expired', params: { server: where } });
  }
  if (code === 'Neo.ClientError.Security.Forbidden' || code === 'Neo.ClientError.Security.AuthorizationExpired') {
    return new ApiError('forbidden', `This Neo4j user may not do that on ${database} at ${where}.`, { reason: 'neo4j_permission_denied', params: { server: where, database } });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new ApiError('not_found', `Neo4j at ${where} has no database named "${context.database ?? ''}": check the database name (SHOW DATABASES lists them).`, { reason: 'database_missing', params: { server: where, database: context.database ?? '' } });
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new ApiError('unavailable', `Neo4j at ${where} stopped the query because it took too long: narrow the search or load fewer relationships.`, { reason: 'query_timeout', params: { server: where } });
  }
  if (code === 'Neo.DatabaseError.Database.DatabaseUnavailable' || code === 'Neo.TransientError.General.DatabaseUnavailable') {
    return new ApiError('unavailable', `The database ${database} at ${where} is not online right now: try again once it has started.`, { reason: 'database_offline', params: { server: where, database } });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || UNREACHABLE_SOCKET_CODES.test(text)) {
    if (UNREACHABLE_SOCKET_CODES.test(text) && !/ECONNRESET/.test(text)) {
      return new ApiError('unavailable', `Cannot reach Neo4j at ${where}: is the server running and the port right?`, { reason: 'neo4j_unreachable', params: { server: where } });
    }
    if (TLS_FAILURE.test(text) || (!isEncryptedScheme(where) && /closed|ECONNRESET/i.test(text))) {
      const advice = isEncryptedScheme(where)
        ? 'the server does not offer an encrypted (TLS) connection there'
        : 'the server only accepts encrypted (TLS) connections';
      return new ApiError('unavailable', `Neo4j at ${where} answered, but ${advice}: switch the address to ${switchedScheme(where)}.`, { reason: 'neo4j_tls_mismatch', params: { server: where, suggested: switchedScheme(where) } });
    }
    return new ApiError('unavailable', `Cannot reach Neo4j at ${where}: is the server running and the port right?`, { reason: 'neo4j_unreachable', params: { server: where } });
  }
  if (code.startsWith('Neo.ClientError.Statement.')) {
    return new ApiError('invalid_input', `Neo4j could not run the query: ${String(failure.message ?? code)}`, { reason: 'query_rejected', params: { neo4jCode: code } });
  }
  return new ApiError('internal', `Neo4j at ${where} reported an error: ${String(failure.message ?? code ?? 'unknown')}`, { reason: 'neo4j_error', params: { neo4jCode: code || 'unknown' } });
}

/** Neo4j before 5 lacks COUNT {} subqueries and elementId(): refused with a message naming the version. */
export function checkServerVersion(version: string): void {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  if (Number.isFinite(major) && major < 5) {
    const [maj, minor] = version.split('.');
    throw new ApiError('unavailable', `Neo4j ${maj}.${minor ?? '0'} is not supported: RingScope needs Neo4j 5 or newer.`, { reason: 'neo4j_version_unsupported', params: { version: `${maj}.${minor ?? '0'}` } });
  }
}
