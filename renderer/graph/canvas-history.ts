/**
 * Undo/redo over canvas models. Models are immutable and share unchanged parts, so keeping the
 * previous models is cheap and undo restores exactly what was there (no inverse commands to get wrong).
 */
import type { CanvasCommand, CanvasModel, CommandLabel } from './canvas-model';

/** How many steps back the investigator can go (the issue asks for at least 100). */
export const HISTORY_LIMIT = 200;

export interface HistoryStep {
  model: CanvasModel;
  /** The command that led away from this model (redo) or to the next (undo), for the button's tooltip. */
  label: CommandLabel;
}

export interface CanvasHistory {
  readonly past: readonly HistoryStep[];
  readonly present: CanvasModel;
  readonly future: readonly HistoryStep[];
}

export function startHistory(model: CanvasModel): CanvasHistory {
  return { past: [], present: model, future: [] };
}

/** Runs a command as one undo step; a command that changes nothing leaves the history as it is. */
export function execute(history: CanvasHistory, command: CanvasCommand, limit = HISTORY_LIMIT): CanvasHistory {
  const next = command.apply(history.present);
  if (next === history.present) return history;
  const past = [...history.past, { model: history.present, label: command.label }];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** Applies a command without making it an undo step (fresher data for what is drawn): earlier models get it too. */
export function amend(history: CanvasHistory, command: CanvasCommand): CanvasHistory {
  const present = command.apply(history.present);
  if (present === history.present) return history;
  const update = (step: HistoryStep) => ({ ...step, model: command.apply(step.model) });
  return { past: history.past.map(update), present, future: history.future.map(update) };
}

/** Applies a command as part of the last step (e.g. the layout that follows opening a ring): one undo reverts both. */
export function extendLastStep(history: CanvasHistory, command: CanvasCommand): CanvasHistory {
  const present = command.apply(history.present);
  if (present === history.present) return history;
  if (history.past.length === 0) return execute(history, command);
  return { ...history, present, future: [] };
}

export function undo(history: CanvasHistory): CanvasHistory {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous.model, future: [{ model: history.present, label: previous.label }, ...history.future] };
}

export function redo(history: CanvasHistory): CanvasHistory {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, { model: history.present, label: next.label }], present: next.model, future: history.future.slice(1) };
}
