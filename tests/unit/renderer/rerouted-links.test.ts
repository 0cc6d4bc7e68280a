import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { graphStylesheet, type GraphPalette } from '../../../renderer/graph/graph-style';
import { EDGE_KIND_VISUALS } from '../../../renderer/graph/node-kinds';
import { foldReroutedLinks } from '../../../renderer/graph/rerouted-links';

const PALETTE: GraphPalette = { background: '#FFFFFF', text: '#455A64', selection: '#1565C0', blacklist: '#7F1D1D', highlight: '#F59E0B', fontFamily: 'sans-serif' };
const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).map((part) => Number(part).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

describe('links re-routed to a collapsed group', () => {
  it('folds per pair of drawn ends and kind of link, keeping the direction of money', () => {
    const folded = foldReroutedLinks([
      { source: 'g', target: 'b', kind: 'transfer' },
      { source: 'g', target: 'b', kind: 'transfer' },
      { source: 'b', target: 'g', kind: 'transfer' },
      { source: 'g', target: 'b', kind: 'identifier' },
      { source: 'b', target: 'g', kind: 'identifier' },
    ]);
    expect(folded.map(({ source, target, kind, count }) => [source, target, kind, count])).toEqual([
      ['g', 'b', 'transfer', 2],
      ['b', 'g', 'transfer', 1],
      ['b', 'g', 'identifier', 2],
    ]);
    expect(new Set(folded.map((link) => link.id)).size).toBe(3);
  });

  it("are drawn in their kind's colour and line style, not grey, as wide as the links they stand for", () => {
    const [transfer, payment] = foldReroutedLinks([
      { source: 'g', target: 'b', kind: 'transfer' },
      { source: 'g', target: 'c', kind: 'payment' },
    ]).map((link) => link.element);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet(PALETTE), elements: [{ data: { id: 'g' } }, { data: { id: 'b' } }, { data: { id: 'c' } }, transfer, payment] });
    const drawn = (id: string) => cy.getElementById(id);
    expect(hex(drawn(transfer.data.id!).style('line-color'))).toBe(EDGE_KIND_VISUALS.transfer.color);
    expect(hex(drawn(payment.data.id!).style('line-color'))).toBe(EDGE_KIND_VISUALS.payment.color);
    expect(drawn(payment.data.id!).style('line-style')).toBe('dashed');
    expect(drawn(transfer.data.id!).style('target-arrow-shape')).toBe('triangle');
    // As wide as the number of links it stands for, not the kind's usual width.
    const many = foldReroutedLinks(Array.from({ length: 20 }, () => ({ source: 'b', target: 'c', kind: 'transfer' as const })))[0].element;
    expect(cy.add(many).style('width')).toBe('6px');
    cy.destroy();
  });
});
