// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../renderer/graph/canvas-model';
import { GraphLegend } from '../../../renderer/graph/GraphLegend';
import { graphStylesheet, type GraphPalette } from '../../../renderer/graph/graph-style';
import { renderWithProviders } from './render-with-providers';

afterEach(cleanup);

const PALETTE: GraphPalette = { background: '#FFFFFF', text: '#455A64', selection: '#1565C0', blacklist: '#7F1D1D', highlight: '#F59E0B', fontFamily: 'sans-serif' };
const edgeCurve = (dense: boolean) => {
  const rule = graphStylesheet(PALETTE, { dense }).find((entry) => entry.selector === 'edge') as { style?: Record<string, unknown> } | undefined;
  return rule?.style?.['curve-style'];
};

describe('a dense canvas (more than 5,000 links)', () => {
  it('draws links straight without arrowheads only when dense', () => {
    expect(edgeCurve(false)).toBe('bezier');
    expect(edgeCurve(true)).toBe('haystack');
  });

  it('says so in the legend, and only then', () => {
    const legend = (dense: boolean) => renderWithProviders(<GraphLegend pageSize={50} filters={NO_FILTERS} onEditFilters={() => undefined} dense={dense} />);
    legend(false);
    expect(screen.queryByTestId('legend-dense')).toBeNull();
    cleanup();
    legend(true);
    expect(screen.getByTestId('legend-dense').textContent).toMatch(/5,000 links: drawn straight, without arrowheads/);
  });
});
