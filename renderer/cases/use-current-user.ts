import { useHealth } from '../app/use-health';
import type { CurrentUser } from './case-permissions';

/** The signed-in investigator, or null while the shell has not answered. */
export function useCurrentUser(): CurrentUser | null {
  const health = useHealth();
  return health.status === 'ok' ? health.health.user : null;
}
