import type { StylesheetJson } from 'cytoscape';
import { EDGE_KINDS, IDENTIFIER_ICONS, NODE_KINDS } from '../../main/api';
import { BLACKLIST_ICON_PATH, EDGE_KIND_VISUALS, IDENTIFIER_ICON_PATHS, NODE_KIND_VISUALS } from './node-kinds';
import { RISK_BANDS, RISK_COLORS } from './risk';

/** The theme colours the graph needs; taken from the MUI palette so the canvas follows light/dark. */
export interface GraphPalette {
  background: string;
  text: string;
  selection: string;
  blacklist: string;
  /** Halo of highlighted nodes (an opened ring's members). */
  highlight: string;
  fontFamily: string;
}

/** An SVG icon as an image Cytoscape can paint inside a node (data: URIs are allowed by the CSP). */
export function svgIconDataUri(path: string, color: string, background?: string): string {
  const backdrop = background ? `<circle cx="12" cy="12" r="11.5" fill="${background}"/>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48">${backdrop}<path fill="${color}" d="${path}"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Above this many links the canvas draws them as straight lines without arrowheads (Cytoscape's
 * haystack edges): they draw about 1.7 times faster (`npm run bench -- timeline`), and at the zoom
 * that shows thousands of links an arrowhead is below a pixel anyway.
 */
export const DENSE_CANVAS_LINKS = 5_000;

/** A money link outside the timeline's window, when greyed, is drawn at this opacity. */
export const TIME_FADED_OPACITY = 0.08;

/**
 * The Cytoscape stylesheet: shape and colour by node kind, fill by risk band, edge look by kind;
 * `dense` for a canvas of more than DENSE_CANVAS_LINKS links.
 */
export function graphStylesheet(palette: GraphPalette, { dense = false, moneyOnLayer = false }: { dense?: boolean; moneyOnLayer?: boolean } = {}): StylesheetJson {
  const blacklistBadge = svgIconDataUri(BLACKLIST_ICON_PATH, palette.blacklist, '#FFFFFF');
  const kindRules = NODE_KINDS.flatMap((kind) => {
    const visual = NODE_KIND_VISUALS[kind];
    const icon = svgIconDataUri(visual.iconPath, '#FFFFFF');
    return [
      {
        selector: `node.kind-${kind}`,
        style: { shape: visual.shape, width: visual.size, height: visual.size, 'background-color': visual.color, 'background-image': icon },
      },
      {
        // Second image: a "blocked" badge at the top right, drawn over the border.
        selector: `node.kind-${kind}.blacklisted`,
        style: {
          'background-image': [icon, blacklistBadge],
          'background-width': ['58%', '46%'],
          'background-height': ['58%', '46%'],
          'background-position-x': ['50%', '115%'],
          'background-position-y': ['50%', '-15%'],
          'background-clip': ['node', 'none'],
          'background-image-containment': ['inside', 'over'],
          'bounds-expansion': 8,
        },
      },
    ];
  });
  const riskRules = RISK_BANDS.map((band) => ({
    selector: `node.kind-account.risk-${band}`,
    style: { 'background-color': RISK_COLORS[band] },
  }));
  const iconRules = IDENTIFIER_ICONS.map((icon) => ({ selector: `node.icon-${icon}`, style: { 'background-image': svgIconDataUri(IDENTIFIER_ICON_PATHS[icon], '#FFFFFF') } }));
  const edgeRules = EDGE_KINDS.map((kind) => {
    const visual = EDGE_KIND_VISUALS[kind];
    return {
      selector: `edge.edge-${kind}`,
      style: {
        width: visual.width,
        'line-color': visual.color,
        'target-arrow-color': visual.color,
        'target-arrow-shape': visual.directed ? 'triangle' : 'none',
        'line-style': visual.dashed ? 'dashed' : 'solid',
        'arrow-scale': 0.9,
      },
    };
  });

  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': palette.fontFamily,
        'font-size': 10,
        color: palette.text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '150px',
        'text-outline-color': palette.background,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 2,
        'border-color': palette.background,
        'background-width': '58%',
        'background-height': '58%',
        'background-image-smoothing': 'yes',
      },
    },
    ...kindRules,
    ...iconRules,
    ...riskRules,
    // The investigator's styling rules (style-rules.ts) win over kind and risk; the blacklist rim still wins over theirs.
    { selector: 'node[ruleColor]', style: { 'background-color': 'data(ruleColor)' } },
    { selector: 'node[ruleSize]', style: { width: 'data(ruleSize)', height: 'data(ruleSize)' } },
    { selector: 'node[ruleBorder]', style: { 'border-width': 4, 'border-color': 'data(ruleBorder)' } },
    { selector: 'node.blacklisted', style: { 'border-width': 5, 'border-color': palette.blacklist } },
    {
      // A collapsed hub: larger, dashed rim, and its neighbour count on a second label line.
      selector: 'node.hub',
      style: { width: 46, height: 46, 'border-width': 3, 'border-style': 'dashed', 'border-color': palette.text, 'text-wrap': 'wrap' },
    },
    {
      selector: 'node.has-more',
      style: {
        // A faint halo says "this node has neighbours that are not drawn yet".
        'underlay-color': palette.text,
        'underlay-opacity': 0.12,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
      },
    },
    {
      // Members of an opened ring: a thick amber halo that reads in both themes.
      selector: 'node.highlighted',
      style: {
        'underlay-color': palette.highlight,
        'underlay-opacity': 0.55,
        'underlay-padding': 10,
        'underlay-shape': 'ellipse',
        // Below the halo: the label's outline would otherwise cut a flat edge into it.
        'text-margin-y': 12,
      },
    },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': palette.selection,
        'underlay-opacity': 0.45,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
    {
      // A group: a compound node around its members, its label on top.
      selector: 'node.canvas-group',
      style: {
        shape: 'round-rectangle',
        'background-color': palette.text,
        'background-opacity': 0.05,
        'background-image': 'none',
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': palette.text,
        'text-valign': 'top',
        'text-margin-y': -4,
        'font-size': 12,
        'font-weight': 'bold',
        padding: '18px',
      },
    },
    {
      // A collapsed group: one solid node standing for its members, name and member count below.
      selector: 'node.canvas-group.collapsed',
      style: {
        shape: 'round-rectangle',
        width: 44,
        height: 44,
        padding: '0px',
        'background-opacity': 0.2,
        'border-width': 4,
        'border-style': 'double',
        'text-valign': 'bottom',
        'text-margin-y': 6,
        'text-wrap': 'wrap',
      },
    },
    {
      // A pinned node: a solid ring outside its border.
      selector: 'node.pinned',
      style: { 'outline-width': 3, 'outline-color': palette.text, 'outline-offset': 3, 'outline-opacity': 0.8 },
    },
    { selector: '.hidden-by-user, .filtered-hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'edge',
      style: { 'curve-style': dense ? 'haystack' : 'bezier', opacity: 0.85 },
    },
    { selector: 'edge.faded', style: { opacity: 0.1 } },
    ...edgeRules,
    // A folded money edge: width by total amount, label with count and total (money-edges.ts).
    { selector: 'edge[moneyWidth]', style: { width: 'data(moneyWidth)' } },
    {
      selector: 'edge[label]',
      style: {
        label: 'data(label)',
        'font-family': palette.fontFamily,
        'font-size': 9,
        color: palette.text,
        'text-rotation': 'autorotate',
        // A backdrop rather than an outline: the label sits on its own line and must read over it.
        'text-background-color': palette.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    {
      // A link re-routed to a collapsed group (rerouted-links.ts): its kind's colour and line, as wide as the links it stands for, counted on it.
      selector: 'edge.folded-link',
      style: { width: 'mapData(count, 1, 20, 1.5, 6)', opacity: 0.75, 'font-size': 10, 'text-background-opacity': 1, 'text-background-padding': '2px' },
    },
    { selector: 'edge[ruleColor]', style: { 'line-color': 'data(ruleColor)', 'target-arrow-color': 'data(ruleColor)' } },
    { selector: 'edge[ruleSize]', style: { width: 'data(ruleSize)' } },
    {
      // A found path: its links in the halo colour of its nodes, drawn over the others.
      selector: 'edge.highlighted',
      style: { width: 4, opacity: 1, 'line-color': palette.highlight, 'target-arrow-color': palette.highlight, 'z-index': 9 },
    },
    // The timeline: money edges outside its window, and edges along a money flow or a reason's window.
    { selector: 'edge.time-faded', style: { opacity: TIME_FADED_OPACITY } },
    { selector: 'edge.time-hidden', style: { display: 'none' } },
    { selector: 'edge.money-path', style: { width: 5, opacity: 1, 'line-color': palette.highlight, 'target-arrow-color': palette.highlight, 'z-index': 20 } },
    { selector: 'edge.money-step', style: { width: 8, 'line-color': palette.selection, 'target-arrow-color': palette.selection, 'z-index': 21 } },
    {
      selector: 'edge:selected',
      style: { width: 3, opacity: 1, 'line-color': palette.selection, 'target-arrow-color': palette.selection },
    },
    // A selected link keeps its money width and gets a glow, so the link the details panel shows stands out.
    { selector: 'edge[moneyWidth]:selected', style: { width: 'data(moneyWidth)' } },
    { selector: 'edge:selected', style: { 'underlay-color': palette.selection, 'underlay-opacity': 0.35, 'underlay-padding': 5 } },
    // On a dense canvas the money links are drawn on a layer of their own (money-link-layer.ts), not here.
    ...(moneyOnLayer ? [{ selector: 'edge[moneyWidth]', style: { 'line-opacity': 0, label: '' } }] : []),
  ] as StylesheetJson;
}
