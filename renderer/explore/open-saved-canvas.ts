import type { CanvasCommand, CanvasModel } from '../graph/canvas-model';

/** Where opened nodes go: instead of what is drawn, or added to it. */
export type OpenMode = 'replace' | 'add';

/**
 * Puts a saved canvas (a workspace file, a case's view) on the canvas as one undoable step: instead
 * of what is drawn, or beside it — nodes already drawn keep their place and group, the saved ones
 * come with their positions, pins, hidden marks and groups, and the highlights of both stay.
 */
export function openSavedCanvas(saved: CanvasModel, mode: OpenMode): CanvasCommand {
  if (mode === 'replace') return { label: 'open', apply: () => saved };
  return {
    label: 'add',
    apply: (model) => ({
      ...model,
      nodes: { ...saved.nodes, ...model.nodes },
      edges: { ...saved.edges, ...model.edges },
      groups: { ...saved.groups, ...model.groups },
      highlighted: [...new Set([...model.highlighted, ...saved.highlighted])],
    }),
  };
}
