/**
 * The shape of `window.timelineBench` (harness.ts), in a DOM-free file so the Node-side bench and
 * e2e spec can import it too.
 */

/** What the money layer draws at one moment: its counts and the pixels inked on its two canvases. */
export interface MoneyLayerState {
  active: boolean;
  inside: number;
  faded: number;
  frontInk: number;
  backdropInk: number;
}

export interface MoneyLayerStates {
  /** Links outside the window set. */
  outside: number;
  states: Record<'none' | 'grey' | 'hide' | 'cleared', MoneyLayerState>;
  /** The same window on a canvas too small for the money layer. */
  small: { active: boolean; outside: number; greyedByClass: number };
}

export interface TimelineBench {
  brush(accounts: number, links: number, moves: number, widthShare: number, stepShare: number): Promise<{ windowSetMs: number; moveMs: number[]; filterMs: number[]; greyed: number[] }>;
  plainCytoscapeBrush(accounts: number, links: number, moves: number, widthShare: number, stepShare: number): Promise<number[]>;
  moneyLayerStates(accounts: number, links: number, smallLinks: number): Promise<MoneyLayerStates>;
}
