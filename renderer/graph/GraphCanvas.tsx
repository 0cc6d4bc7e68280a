import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { moneyEdgeLabel } from './money-edges';
import { graphPaletteFor } from './graph-palette';
import { GraphView, type GraphViewEvents } from './graph-view';
import { hubCountLine } from './identifier-names';

export interface GraphCanvasProps extends GraphViewEvents {
  /** Receives the GraphView once it exists, and null when it is destroyed. */
  onReady(view: GraphView | null): void;
  /** Draw with WebGL; changing it rebuilds the view (Cytoscape picks its renderer once). */
  webgl?: boolean;
}

/** Hosts one GraphView in a DOM element; the Cytoscape instance lives for the component's lifetime. */
export function GraphCanvas({ onReady, onSelect, onExpandRequest, onSelectionChange, onNodesMoved, onGroupToggle, onSelectEdge, webgl = false }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView | null>(null);
  const theme = useTheme();
  const { t } = useTranslation();
  const format = useFormat();
  const palette = useMemo(() => graphPaletteFor(theme), [theme]);
  // Latest props for Cytoscape's event handlers, which are bound once when the view is created.
  const latest = useRef({ onReady, onSelect, onExpandRequest, onSelectionChange, onNodesMoved, onGroupToggle, onSelectEdge, palette, t, format });
  useLayoutEffect(() => {
    latest.current = { onReady, onSelect, onExpandRequest, onSelectionChange, onNodesMoved, onGroupToggle, onSelectEdge, palette, t, format };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const view = new GraphView(container, latest.current.palette, {
      onSelect: (nodeId, additive) => latest.current.onSelect(nodeId, additive),
      onExpandRequest: (nodeId) => latest.current.onExpandRequest(nodeId),
      onSelectionChange: (nodeIds) => latest.current.onSelectionChange(nodeIds),
      onNodesMoved: (positions) => latest.current.onNodesMoved(positions),
      onGroupToggle: (groupId) => latest.current.onGroupToggle(groupId),
      onSelectEdge: (edgeId) => latest.current.onSelectEdge?.(edgeId),
    }, {
      hubCount: (count, node) => hubCountLine(latest.current.t, count, node),
      groupMembers: (count) => latest.current.t('canvas.groups.members', { count }),
      moneyEdge: (summary) => moneyEdgeLabel(summary, latest.current.t, latest.current.format),
    }, { webgl });
    viewRef.current = view;
    latest.current.onReady(view);
    // A rebuilt view (the renderer switched) shows what was drawn, all of it.
    view.fit(undefined, false);
    const resizeObserver = new ResizeObserver(() => view.resize());
    resizeObserver.observe(container);
    return () => {
      resizeObserver.disconnect();
      latest.current.onReady(null);
      view.destroy();
      viewRef.current = null;
    };
  }, [webgl]);

  useEffect(() => {
    viewRef.current?.setPalette(palette);
  }, [palette]);

  return <Box ref={containerRef} data-testid="graph-canvas" sx={{ position: 'absolute', inset: 0 }} tabIndex={-1} />;
}
