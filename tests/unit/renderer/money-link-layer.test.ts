import { describe, expect, it } from 'vitest';
import { strokeBatches, type LinkLook } from '../../../renderer/graph/money-link-layer';

const link = (color: string, width: number, zIndex = 0, opacity = 0.85): { look: LinkLook } => ({ look: { color, width, opacity, zIndex, label: null, font: '9px sans-serif', fontSize: 9, minZoomedFontSize: 8, textColor: '#455A64', textBackground: null } });

describe('strokeBatches (the money layer strokes links of one look together)', () => {
  const links = new Map([
    ['a', link('rgb(0,0,255)', 2)],
    ['b', link('rgb(0,0,255)', 2)],
    ['path', link('rgb(245,158,11)', 5, 20, 1)],
    ['c', link('rgb(0,0,255)', 4)],
  ]);

  it('groups links by look and draws highlighted links (higher z-index) last', () => {
    const batches = strokeBatches(links, () => true);
    expect(batches.map((batch) => batch.ids)).toEqual([['a', 'b'], ['c'], ['path']]);
    expect(batches.at(-1)).toMatchObject({ color: 'rgb(245,158,11)', width: 5, opacity: 1 });
  });

  it('leaves out the links the filter drops and scales opacity (the faded backdrop)', () => {
    const batches = strokeBatches(links, (id) => id !== 'b', 0.08);
    expect(batches.flatMap((batch) => batch.ids).sort()).toEqual(['a', 'c', 'path']);
    expect(batches[0].opacity).toBeCloseTo(0.85 * 0.08);
  });
});
