import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { WriteBackTarget } from './cases/graph-write-back';
import type { BackoffPolicy } from './scoring/retry-policy';
import type { ScoringEndpoint } from './scoring/scoring-outbox';

/** Settings of the investigation side of the core: who reviews, where state lives, where decisions go. */
export interface InvestigationConfig {
  /** Directory of the embedded store (desktop: the Electron user data directory). */
  dataDir: string;
  /**
   * File holding the team key's public half (PEM), configured out of band: certificates of team
   * leads are checked against it. Null: the embedded demo uses its own demo team key, and nobody
   * is a team lead with a Neo4j store.
   */
  teamKeyFile: string | null;
  /** Where the Neo4j server has roles (Enterprise): the role a team lead must also hold. */
  leadRole: string | null;
  scoring: { endpoint: ScoringEndpoint | null; backoff: BackoffPolicy };
  writeBack: WriteBackTarget;
}

const Name = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const InvestigationEnvironment = z
  .object({
    RINGSCOPE_DATA_DIR: z.string().trim().min(1).optional(),
    RINGSCOPE_TEAM_KEY_FILE: z.string().trim().min(1).optional(),
    RINGSCOPE_LEAD_ROLE: z.string().trim().min(1).max(200).optional(),
    RINGSCOPE_SCORING_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      // Decisions name accounts and carry the HMAC-signed body: only a loopback service may take them unencrypted.
      .refine((url) => !URL.canParse(url) || new URL(url).protocol !== 'http:' || LOOPBACK_HOSTS.has(new URL(url).hostname), {
        error: 'must use https:// unless the service runs on this computer (127.0.0.1, localhost, ::1)',
      })
      .optional(),
    // The error never repeats the value: it is a secret.
    RINGSCOPE_SCORING_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    RINGSCOPE_SCORING_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    RINGSCOPE_SCORING_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(1_000),
    RINGSCOPE_SCORING_RETRY_MAX_MS: z.coerce.number().int().min(1).max(3_600_000).default(300_000),
    RINGSCOPE_WRITE_BACK_PROPERTY: z.string().regex(Name, 'must be a property name').default('blacklisted'),
    RINGSCOPE_WRITE_BACK_CASE_PROPERTY: z.string().regex(Name, 'must be a property name').default('blacklistCaseId'),
    /** Set to mark blacklisted accounts with this label instead of the properties. */
    RINGSCOPE_WRITE_BACK_LABEL: z.string().regex(Name, 'must be a label name').optional(),
  })
  .refine((env) => !env.RINGSCOPE_SCORING_URL || env.RINGSCOPE_SCORING_SECRET, {
    error: 'RINGSCOPE_SCORING_SECRET is required when RINGSCOPE_SCORING_URL is set',
    path: ['RINGSCOPE_SCORING_SECRET'],
  });

/**
 * Reads the investigation settings from the environment (dataDir from the shell wins), with a
 * message naming each bad variable and never its value.
 */
export function resolveInvestigationConfig(env: NodeJS.ProcessEnv, overrides: { dataDir?: string } = {}): InvestigationConfig {
  const parsed = InvestigationEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid investigation settings — ${problems}`);
  }
  const settings = parsed.data;
  return {
    dataDir: overrides.dataDir ?? settings.RINGSCOPE_DATA_DIR ?? path.join(os.homedir(), '.ringscope'),
    teamKeyFile: settings.RINGSCOPE_TEAM_KEY_FILE ?? null,
    leadRole: settings.RINGSCOPE_LEAD_ROLE ?? null,
    scoring: {
      endpoint: settings.RINGSCOPE_SCORING_URL
        ? { url: settings.RINGSCOPE_SCORING_URL, secret: settings.RINGSCOPE_SCORING_SECRET ?? '', timeoutMs: settings.RINGSCOPE_SCORING_TIMEOUT_MS }
        : null,
      backoff: { baseDelayMs: settings.RINGSCOPE_SCORING_RETRY_BASE_MS, maxDelayMs: settings.RINGSCOPE_SCORING_RETRY_MAX_MS },
    },
    writeBack: settings.RINGSCOPE_WRITE_BACK_LABEL
      ? { mode: 'label', label: settings.RINGSCOPE_WRITE_BACK_LABEL }
      : { mode: 'property', property: settings.RINGSCOPE_WRITE_BACK_PROPERTY, caseIdProperty: settings.RINGSCOPE_WRITE_BACK_CASE_PROPERTY },
  };
}

