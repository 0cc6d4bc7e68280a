/**
 * Styling rules follow the connection: kept in local storage per graph source (its kind and name),
 * so reconnecting to the team's Neo4j brings back its colours, and the demo keeps its own.
 */
import type { SourceInfo } from '../../main/api';
import { StyleRules, type StyleRule } from './style-rules';

const STORAGE_PREFIX = 'ringscope.styleRules.';

export function styleRulesKey(source: Pick<SourceInfo, 'kind' | 'name'>): string {
  return `${STORAGE_PREFIX}${source.kind}:${source.name}`;
}

/** The rules saved for a connection; none when nothing (or nothing valid) is saved. */
export function loadStyleRules(key: string): StyleRule[] {
  try {
    const parsed = StyleRules.safeParse(JSON.parse(localStorage.getItem(key) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveStyleRules(key: string, rules: readonly StyleRule[]): void {
  if (rules.length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(rules));
}
