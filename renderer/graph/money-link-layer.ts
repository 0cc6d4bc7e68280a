/**
 * The money links of a dense canvas, drawn on a layer of their own beneath Cytoscape's. Cytoscape
 * repaints its whole scene on any change, and 20,000 links take it about half a second in software
 * rendering, so a timeline brush that restyled links through Cytoscape lagged far behind the hand
 * (`npm run bench -- timeline`). Here a brush move repaints only the straight lines inside the
 * window, batched by look, over a backdrop of every link faded that only pans, zooms, drags and
 * restyles redraw. Cytoscape keeps the links (taps, the selection and its glow, the details panel)
 * but draws neither their lines nor their labels; their looks (colour, width, opacity, highlight,
 * selection) are still read from its stylesheet, so there is one definition of how a link looks.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { TIME_FADED_OPACITY } from './graph-style';


/** What the layer needs to know of one link's look, read from Cytoscape's computed style. */
export interface LinkLook {
  color: string;
  width: number;
  opacity: number;
  zIndex: number;
  label: string | null;
  font: string;
  fontSize: number;
  minZoomedFontSize: number;
  textColor: string;
  textBackground: { color: string; opacity: number } | null;
}

/** One batch of lines stroked together: same look, drawn in z order. */
export interface StrokeBatch {
  color: string;
  width: number;
  opacity: number;
  zIndex: number;
  ids: string[];
}

/**
 * Groups the links `drawn` keeps into stroke batches of one look each (opacity times `opacityScale`),
 * in ascending z-index so highlighted links are drawn over the rest.
 */
export function strokeBatches(links: ReadonlyMap<string, { look: LinkLook }>, drawn: (id: string) => boolean, opacityScale = 1): StrokeBatch[] {
  const batches = new Map<string, StrokeBatch>();
  for (const [id, { look }] of links) {
    if (!drawn(id)) continue;
    const opacity = look.opacity * opacityScale;
    const key = `${look.zIndex}|${look.color}|${look.width}|${opacity}`;
    const batch = batches.get(key);
    if (batch) batch.ids.push(id);
    else batches.set(key, { color: look.color, width: look.width, opacity, zIndex: look.zIndex, ids: [id] });
  }
  return [...batches.values()].sort((a, b) => a.zIndex - b.zIndex);
}

interface DrawnLink {
  look: LinkLook;
  source: NodeSingular;
  target: NodeSingular;
}

/** Cytoscape's rendering of text: "normal normal 9px sans-serif" etc. */
function fontOf(edge: EdgeSingular): string {
  return `${edge.style('font-style')} ${edge.style('font-weight')} ${edge.numericStyle('font-size')}px ${edge.style('font-family')}`;
}

function lookOf(edge: EdgeSingular): LinkLook {
  const textBackgroundOpacity = edge.numericStyle('text-background-opacity');
  const label = edge.data('label') as string | undefined;
  return {
    color: edge.style('line-color') as string,
    width: edge.numericStyle('width'),
    opacity: edge.numericStyle('opacity'),
    zIndex: edge.numericStyle('z-index'),
    label: label ? label : null,
    font: fontOf(edge),
    fontSize: edge.numericStyle('font-size'),
    minZoomedFontSize: edge.numericStyle('min-zoomed-font-size'),
    textColor: edge.style('color') as string,
    textBackground: textBackgroundOpacity > 0 ? { color: edge.style('text-background-color') as string, opacity: textBackgroundOpacity } : null,
  };
}

/**
 * The layer itself: two canvases under Cytoscape's. The backdrop holds every money link faded while
 * a window greys the others, and is redrawn only on pans, zooms, drags and restyles; the front holds
 * the links inside the window (all of them without one) in their own look and is the only thing a
 * brush move redraws.
 */
export class MoneyLinkLayer {
  private readonly backdrop: HTMLCanvasElement;
  private readonly front: HTMLCanvasElement;
  private links: Map<string, DrawnLink> | null = null;
  /** The links outside the timeline's window; null when no window is set. */
  private outside: ReadonlySet<string> | null = null;
  private mode: 'grey' | 'hide' = 'grey';
  private active = false;
  private frame: number | null = null;
  private readonly scheduleDraw = () => {
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.drawBoth());
  };

  constructor(
    private readonly cy: Core,
    /** The links the layer draws (the money links). */
    private readonly selector: string,
  ) {
    this.backdrop = this.addCanvas('money-links-backdrop');
    this.front = this.addCanvas('money-links');
  }

  get isActive(): boolean {
    return this.active;
  }

  /**
   * Draws the money links now, those `outside` the timeline's window (null: no window) greyed or
   * hidden, and keeps them drawn through pans, zooms and drags. A brush move redraws the front only.
   */
  show(outside: ReadonlySet<string> | null, mode: 'grey' | 'hide'): void {
    const redrawBackdrop = !this.active || mode !== this.mode || (outside === null) !== (this.outside === null);
    this.outside = outside;
    this.mode = mode;
    if (!this.active) {
      this.active = true;
      this.cy.on('viewport resize', this.scheduleDraw);
      this.cy.on('position', 'node', this.scheduleDraw);
    }
    if (redrawBackdrop) this.drawBackdrop();
    this.drawFront();
  }

  /** Leaves the drawing of links to Cytoscape again. */
  hide(): void {
    if (!this.active) return;
    this.active = false;
    this.links = null;
    this.cy.off('viewport resize', this.scheduleDraw);
    this.cy.off('position', 'node', this.scheduleDraw);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    for (const canvas of [this.backdrop, this.front]) canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  }

  /** The links or their looks changed (added, removed, restyled, selected): read them again before the next drawing. */
  invalidate(): void {
    if (!this.active) return;
    this.links = null;
    this.scheduleDraw();
  }

  /** How many links are drawn in their own look and faded now (tests and benches read it). */
  drawnCounts(): { inside: number; faded: number } {
    const links = this.readLinks();
    let outside = 0;
    for (const id of links.keys()) if (this.outside?.has(id)) outside++;
    return { inside: links.size - outside, faded: this.mode === 'hide' ? 0 : outside };
  }

  destroy(): void {
    this.hide();
    this.backdrop.remove();
    this.front.remove();
  }

  /** A canvas beneath Cytoscape's (z-index 1 and up), inside the box they share, above the ones added before. */
  private addCanvas(name: string): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '0', pointerEvents: 'none' });
    canvas.dataset.id = name;
    const cytoscapeCanvas = this.cy.container()?.querySelector('canvas:not([data-id^="money-links"])');
    cytoscapeCanvas?.parentElement?.insertBefore(canvas, cytoscapeCanvas);
    return canvas;
  }

  private readLinks(): Map<string, DrawnLink> {
    if (this.links) return this.links;
    const links = new Map<string, DrawnLink>();
    this.cy.edges(this.selector).forEach((edge) => {
      if (edge.visible()) links.set(edge.id(), { look: lookOf(edge), source: edge.source(), target: edge.target() });
    });
    this.links = links;
    return links;
  }

  private drawBoth(): void {
    this.frame = null;
    if (!this.active) return;
    this.drawBackdrop();
    this.drawFront();
  }

  private drawBackdrop(): void {
    const context = this.sizedContext(this.backdrop);
    if (!context || this.outside === null || this.mode === 'hide') return;
    const links = this.readLinks();
    this.strokeLines(context, links, strokeBatches(links, () => true, TIME_FADED_OPACITY));
  }

  private drawFront(): void {
    const context = this.sizedContext(this.front);
    if (!context) return;
    const links = this.readLinks();
    const outside = this.outside;
    this.strokeLines(context, links, strokeBatches(links, outside ? (id) => !outside.has(id) : () => true));
    this.drawLabels(context, links);
  }

  /** The canvas at the container's size (device pixels), cleared, drawing in graph coordinates. */
  private sizedContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(this.cy.width() * ratio);
    const height = Math.round(this.cy.height() * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${this.cy.width()}px`;
      canvas.style.height = `${this.cy.height()}px`;
    }
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    return context;
  }

  private strokeLines(context: CanvasRenderingContext2D, links: ReadonlyMap<string, DrawnLink>, batches: readonly StrokeBatch[]): void {
    for (const batch of batches) {
      context.beginPath();
      for (const id of batch.ids) {
        const { source, target } = links.get(id)!;
        const from = source.position();
        const to = target.position();
        context.moveTo(from.x, from.y);
        context.lineTo(to.x, to.y);
      }
      context.globalAlpha = batch.opacity;
      context.strokeStyle = batch.color;
      context.lineWidth = batch.width;
      context.stroke();
    }
    context.globalAlpha = 1;
  }

  /** Labels of the links inside the window, as Cytoscape draws them: along the line, only when large enough to read. */
  private drawLabels(context: CanvasRenderingContext2D, links: ReadonlyMap<string, DrawnLink>): void {
    const zoom = this.cy.zoom();
    const extent = this.cy.extent();
    for (const [id, { look, source, target }] of links) {
      if (!look.label || this.outside?.has(id) || look.fontSize * zoom < look.minZoomedFontSize) continue;
      const from = source.position();
      const to = target.position();
      const x = (from.x + to.x) / 2;
      const y = (from.y + to.y) / 2;
      if (x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2) continue;
      let angle = Math.atan2(to.y - from.y, to.x - from.x);
      // Text never reads upside down (Cytoscape's autorotate).
      if (angle > Math.PI / 2 || angle < -Math.PI / 2) angle += Math.PI;
      context.save();
      context.translate(x, y);
      context.rotate(angle);
      context.font = look.font;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      if (look.textBackground) {
        const width = context.measureText(look.label).width + 2;
        context.globalAlpha = look.textBackground.opacity * look.opacity;
        context.fillStyle = look.textBackground.color;
        context.fillRect(-width / 2, -look.fontSize / 2 - 1, width, look.fontSize + 2);
      }
      context.globalAlpha = look.opacity;
      context.fillStyle = look.textColor;
      context.fillText(look.label, 0, 0);
      context.restore();
    }
  }
}
