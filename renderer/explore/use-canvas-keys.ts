import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';

export type CanvasAction = 'undo' | 'redo' | 'selectAll' | 'remove' | 'hide' | 'pin' | 'group' | 'deselect' | 'help';

export interface CanvasShortcut {
  action: CanvasAction;
  /** `KeyboardEvent.key` values (lower case for letters). */
  keys: readonly string[];
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
}

/** Every canvas shortcut, in the order the help overlay lists them. */
export const CANVAS_SHORTCUTS: readonly CanvasShortcut[] = [
  { action: 'undo', keys: ['z'], mod: true },
  { action: 'redo', keys: ['z'], mod: true, shift: true },
  { action: 'selectAll', keys: ['a'], mod: true },
  { action: 'remove', keys: ['Delete', 'Backspace'] },
  { action: 'hide', keys: ['h'] },
  { action: 'pin', keys: ['p'] },
  { action: 'group', keys: ['g'], mod: true },
  { action: 'deselect', keys: ['Escape'] },
  { action: 'help', keys: ['?'] },
];

/** How a shortcut reads in the help overlay, e.g. "Ctrl+Shift+Z" or "⌘⇧Z". */
export function shortcutKeys(shortcut: CanvasShortcut, mac: boolean, t: TFunction): string {
  const key = shortcut.keys.map((name) => (name.length === 1 ? name.toUpperCase() : t(`canvas.shortcuts.keys.${name as 'Delete' | 'Backspace' | 'Escape'}`))).join(' / ');
  const parts = [shortcut.mod ? (mac ? '⌘' : 'Ctrl') : null, shortcut.shift ? (mac ? '⇧' : 'Shift') : null, key].filter(Boolean);
  return parts.join(mac ? '' : '+');
}

function matches(shortcut: CanvasShortcut, event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (!shortcut.keys.includes(key)) return false;
  if (shortcut.action === 'help') return !mod;
  return Boolean(shortcut.mod) === mod && Boolean(shortcut.shift) === event.shiftKey;
}

/** Typing in a field keeps its own keys (Ctrl+Z undoes text, Ctrl+A selects text). */
function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Runs the canvas's keyboard shortcuts while the Explore screen is shown and no dialog is open. */
export function useCanvasKeys(handlers: Record<CanvasAction, () => void>, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInField(event.target) || event.altKey) return;
      // Ctrl+Y is redo on Windows as well.
      const shortcut = (event.ctrlKey && event.key.toLowerCase() === 'y' ? CANVAS_SHORTCUTS.find((item) => item.action === 'redo') : undefined) ?? CANVAS_SHORTCUTS.find((item) => matches(item, event));
      if (!shortcut) return;
      event.preventDefault();
      latest.current[shortcut.action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
