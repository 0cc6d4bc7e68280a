import { useCallback, type RefObject } from 'react';
import type { CanvasCommand } from '../graph/canvas-model';
import type { GraphView } from '../graph/graph-view';
import { addPaths, pathNodeIds, type FoundPaths } from '../graph/path-placement';

/** Adds found paths to the canvas as one undoable step, highlighted, and brings them into view. */
export function useAddPaths(run: (command: CanvasCommand) => void, viewRef: RefObject<GraphView | null>): (found: FoundPaths) => void {
  return useCallback(
    (found: FoundPaths) => {
      run(addPaths(found));
      viewRef.current?.reveal(pathNodeIds(found));
    },
    [run, viewRef],
  );
}
