/**
 * The one error shape that crosses the Api boundary (IPC or HTTP). Shells turn every failure into
 * an ApiError envelope. The renderer words it from `code` (what kind of failure) and `reason` (which
 * one exactly) with `params`, in the investigator's language; `message` is for developers and logs
 * and is never shown, so driver or server internals never reach the UI.
 */
export const API_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unavailable',
  'auth_failed',
  'cancelled',
  'conflict',
  'forbidden',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every reason, grouped by the code it goes with; each has an `errors.reason.<reason>` text in the renderer. */
export const API_ERROR_REASONS = {
  invalid_input: [
    'input_invalid',
    'content_type_not_json',
    'body_not_json',
    'body_too_large',
    'password_required',
    'schema_mapping_incomplete',
    'schema_mapping_mismatch',
    'write_back_name_invalid',
    'credential_id_invalid',
    'neo4j_uri_invalid',
    'query_rejected',
    'evidence_name_invalid',
    'detection_graph_unsupported',
    'account_not_in_cluster',
    'graph_too_large',
    'upstream_not_mapped',
    'upstream_unsupported',
  ],
  not_found: [
    'method_unknown',
    'endpoint_unknown',
    'case_missing',
    'record_missing',
    'connection_missing',
    'node_missing',
    'account_missing',
    'cluster_missing',
    'link_missing',
    'detection_missing',
    'delivery_missing',
    'database_missing',
    'evidence_package_missing',
    'case_view_missing',
  ],
  unavailable: [
    'server_unreachable',
    'server_answer_unreadable',
    'neo4j_unreachable',
    'neo4j_tls_mismatch',
    'database_offline',
    'query_timeout',
    'neo4j_version_unsupported',
    'neo4j_version_unknown',
    'graph_data_unreadable',
    'write_back_failed',
    'storage_failed',
    'file_write_failed',
    'keychain_unavailable',
    'password_undecryptable',
    'source_unsupported',
    'neo4j_user_unknown',
  ],
  auth_failed: ['credentials_rejected', 'login_rate_limited', 'credentials_expired', 'token_missing'],
  cancelled: ['cancelled'],
  conflict: [
    'task_running',
    'detection_running',
    'stale_version',
    'already_exists',
    'transition_refused',
    'tag_missing',
    'members_missing',
    'delivery_done',
    'delivery_in_progress',
    'submission_missing',
    'case_altered',
    'case_views_full',
  ],
  forbidden: [
    'neo4j_permission_denied',
    'not_team_lead',
    'four_eyes_tagger',
    'four_eyes_submitter',
    'four_eyes_approver',
    'demo_identity_refused',
    'certificate_invalid',
    'non_loopback_host',
    'cross_origin',
  ],
  internal: ['internal_error', 'invalid_result', 'connections_file_unreadable', 'mapping_gap', 'neo4j_error', 'answer_not_understood'],
} as const satisfies Record<ApiErrorCode, readonly string[]>;
export type ApiErrorReason = (typeof API_ERROR_REASONS)[ApiErrorCode][number];

/** Values a UI text may show: names, ids, counts, never a raw driver or server message. */
export type ApiErrorParams = Record<string, string | number>;

export interface ApiErrorBody {
  code: ApiErrorCode;
  reason: ApiErrorReason;
  params?: ApiErrorParams;
  /** For developers and logs only; the UI words the reason instead. */
  message: string;
  /** For invalid_input: the offending fields, as dotted paths ("query", "limit"). */
  fields?: { path: string; message: string }[];
}

export interface ApiErrorDetails {
  reason: ApiErrorReason;
  params?: ApiErrorParams;
  fields?: ApiErrorBody['fields'];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly reason: ApiErrorReason;
  readonly params?: ApiErrorParams;
  readonly fields?: ApiErrorBody['fields'];

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = details.reason;
    this.params = details.params;
    this.fields = details.fields;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      reason: this.reason,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, { reason: body.reason, params: body.params, fields: body.fields });
  }
}

/** Whether `reason` is one the contract knows for `code` (a bridge checks what a shell sent). */
export function isKnownReason(code: ApiErrorCode, reason: unknown): reason is ApiErrorReason {
  return (API_ERROR_REASONS[code] as readonly unknown[]).includes(reason);
}

/** What a shell sends back for every call: the renderer-side bridges unwrap it. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
