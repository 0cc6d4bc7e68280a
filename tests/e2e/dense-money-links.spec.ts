/**
 * The money links of a dense canvas (more than DENSE_CANVAS_LINKS) are drawn on a layer of their own
 * beneath Cytoscape's (renderer/graph/money-link-layer.ts), so a timeline brush repaints only them.
 * In Chromium, on the bench's canvas page: the layer draws every money link without a window, the
 * ones inside a window over a faded backdrop of all, none of the outside ones when hiding, and hands
 * the canvas back when the window is cleared; a small canvas leaves the greying to Cytoscape.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DENSE_CANVAS_LINKS } from '../../renderer/graph/graph-style';
import { withHarnessPage } from '../bench/harness-page';
import type { TimelineBench } from '../bench/timeline-harness/api';
import { saveScreenshot } from './support/chromium';

describe('Money links on a dense canvas', () => {
  it('are drawn by the money layer: all without a window, the window’s in their look over a faded backdrop, the outside ones hidden on request', async () => {
    const links = DENSE_CANVAS_LINKS + 1_000;
    const { outside, states, small } = await withHarnessPage(path.resolve(__dirname, '../bench/timeline-harness'), 'timelineBench', () => undefined, (page) =>
      page
        .evaluate(({ links }) => (globalThis as unknown as { timelineBench: TimelineBench }).timelineBench.moneyLayerStates(1_500, links, 400), { links })
        .then(async (result) => {
          await saveScreenshot(page, 'dense-money-links-window');
          return result;
        }),
    );
    expect(outside).toBeGreaterThan(0);
    expect(outside).toBeLessThan(links);
    const { none, grey, hide, cleared } = states;
    expect(none).toMatchObject({ active: true, inside: links, faded: 0, backdropInk: 0 });
    expect(none.frontInk).toBeGreaterThan(10_000);
    // A window: the links inside it in front, every link faded behind; fewer lines in front than without one.
    expect(grey).toMatchObject({ active: true, inside: links - outside, faded: outside });
    expect(grey.backdropInk).toBeGreaterThan(10_000);
    expect(grey.frontInk).toBeGreaterThan(0);
    expect(grey.frontInk).toBeLessThan(none.frontInk);
    // Hiding: no backdrop, the same front.
    expect(hide).toMatchObject({ inside: links - outside, faded: 0, backdropInk: 0, frontInk: grey.frontInk });
    expect(cleared).toMatchObject({ inside: links, faded: 0, backdropInk: 0, frontInk: none.frontInk });
    // A small canvas: Cytoscape draws its money links and greys those outside the window by class.
    expect(small.active).toBe(false);
    expect(small.outside).toBeGreaterThan(0);
    expect(small.greyedByClass).toBe(small.outside);
  }, 120_000);
});
