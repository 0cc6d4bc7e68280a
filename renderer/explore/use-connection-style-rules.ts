import { useEffect, useRef } from 'react';
import type { SourceInfo } from '../../main/api';
import type { StyleRule } from '../graph/style-rules';
import { loadStyleRules, saveStyleRules, styleRulesKey } from '../graph/style-rules-store';

/**
 * Keeps the canvas's styling rules with the connection: when a source is connected its saved rules
 * are taken on (`adopt`, not an undo step), and every later change of the rules is saved for it.
 */
export function useConnectionStyleRules(source: SourceInfo | null, rules: readonly StyleRule[], adopt: (rules: readonly StyleRule[]) => void): void {
  const key = source ? styleRulesKey(source) : null;
  const adoptedKey = useRef<string | null>(null);
  // The rules drawn when the connection's own were just taken on belong to the previous one: not saved.
  const skipSave = useRef(false);
  useEffect(() => {
    if (!key || adoptedKey.current === key) return;
    adoptedKey.current = key;
    skipSave.current = true;
    adopt(loadStyleRules(key));
  }, [key, adopt]);
  useEffect(() => {
    if (!key || adoptedKey.current !== key) return;
    if (skipSave.current) {
      skipSave.current = false;
      return;
    }
    saveStyleRules(key, rules);
  }, [key, rules]);
}
