import os from 'node:os';

/**
 * Who the investigator is, for the audit trail: RINGSCOPE_USER when set (shared workstations,
 * tests), otherwise the operating-system account.
 */
export function resolveInvestigator(env: NodeJS.ProcessEnv = process.env, osUser: () => string = () => os.userInfo().username): string {
  const configured = env.RINGSCOPE_USER?.trim();
  if (configured) return configured;
  try {
    return osUser() || 'unknown';
  } catch {
    // os.userInfo() throws when the account has no passwd entry (some containers).
    return 'unknown';
  }
}
