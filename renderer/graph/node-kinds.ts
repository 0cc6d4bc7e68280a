import type { EdgeKind, IdentifierIcon, NodeKind } from '../../main/api';

/** How one node kind is drawn, in the graph and in every list or legend that names it. */
export interface NodeKindVisual {
  /** Cytoscape node shape: each kind gets its own so kinds stay distinguishable without colour. */
  shape: 'ellipse' | 'round-rectangle' | 'round-diamond' | 'round-hexagon' | 'cut-rectangle' | 'round-pentagon' | 'barrel' | 'round-octagon' | 'round-tag';
  /** Fill for identifiers and merchants; accounts are filled by their risk band instead. */
  color: string;
  /** Diameter in graph pixels at zoom 1. */
  size: number;
  /** SVG path on a 24×24 grid (Material Icons, Apache-2.0, as shipped in @mui/icons-material). */
  iconPath: string;
}

export const NODE_KIND_VISUALS: Record<NodeKind, NodeKindVisual> = {
  account: {
    shape: 'ellipse',
    color: '#78909C',
    size: 38,
    iconPath: 'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4m0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4',
  },
  device: {
    shape: 'round-rectangle',
    color: '#5C6BC0',
    size: 30,
    iconPath: 'M4 6h18V4H4c-1.1 0-2 .9-2 2v11H0v3h14v-3H4zm19 2h-6c-.55 0-1 .45-1 1v10c0 .55.45 1 1 1h6c.55 0 1-.45 1-1V9c0-.55-.45-1-1-1m-1 9h-4v-7h4z',
  },
  phone: {
    shape: 'round-diamond',
    color: '#00897B',
    size: 34,
    iconPath: 'M20.01 15.38c-1.23 0-2.42-.2-3.53-.56-.35-.12-.74-.03-1.01.24l-1.57 1.97c-2.83-1.35-5.48-3.9-6.89-6.83l1.95-1.66c.27-.28.35-.67.24-1.02-.37-1.11-.56-2.3-.56-3.53 0-.54-.45-.99-.99-.99H4.19C3.65 3 3 3.24 3 3.99 3 13.28 10.73 21 20.01 21c.71 0 .99-.63.99-1.18v-3.45c0-.54-.45-.99-.99-.99',
  },
  ip: {
    shape: 'round-hexagon',
    color: '#607D8B',
    size: 30,
    iconPath: 'M13 22h8v-7h-3v-4h-5V9h3V2H8v7h3v2H6v4H3v7h8v-7H8v-2h8v2h-3z',
  },
  card: {
    shape: 'cut-rectangle',
    color: '#B85C82',
    size: 30,
    iconPath: 'M20 4H4c-1.11 0-1.99.89-1.99 2L2 18c0 1.11.89 2 2 2h16c1.11 0 2-.89 2-2V6c0-1.11-.89-2-2-2m0 14H4v-6h16zm0-10H4V6h16z',
  },
  address: {
    shape: 'round-pentagon',
    color: '#8D6E63',
    size: 32,
    iconPath: 'M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z',
  },
  email: {
    shape: 'barrel',
    color: '#0277BD',
    size: 30,
    iconPath:
      'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10h5v-2h-5c-4.34 0-8-3.66-8-8s3.66-8 8-8 8 3.66 8 8v1.43c0 .79-.71 1.57-1.5 1.57s-1.5-.78-1.5-1.57V12c0-2.76-2.24-5-5-5s-5 2.24-5 5 2.24 5 5 5c1.38 0 2.64-.56 3.54-1.47.65.89 1.77 1.47 2.96 1.47 1.97 0 3.5-1.6 3.5-3.57V12c0-5.52-4.48-10-10-10m0 13c-1.66 0-3-1.34-3-3s1.34-3 3-3 3 1.34 3 3-1.34 3-3 3',
  },
  identifier: {
    shape: 'round-tag',
    color: '#546E7A',
    size: 30,
    iconPath: 'M17.63 5.84C17.27 5.33 16.67 5 16 5L5 5.01C3.9 5.01 3 5.9 3 7v10c0 1.1.9 1.99 2 1.99L16 19c.67 0 1.27-.33 1.63-.84L22 12z',
  },
  merchant: {
    shape: 'round-octagon',
    color: '#7E57C2',
    size: 34,
    iconPath:
      'm21.9 8.89-1.05-4.37c-.22-.9-1-1.52-1.91-1.52H5.05c-.9 0-1.69.63-1.9 1.52L2.1 8.89c-.24 1.02-.02 2.06.62 2.88.08.11.19.19.28.29V19c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2v-6.94c.09-.09.2-.18.28-.28.64-.82.87-1.87.62-2.89m-2.99-3.9 1.05 4.37c.1.42.01.84-.25 1.17-.14.18-.44.47-.94.47-.61 0-1.14-.49-1.21-1.14L16.98 5zM13 5h1.96l.54 4.52c.05.39-.07.78-.33 1.07-.22.26-.54.41-.95.41-.67 0-1.22-.59-1.22-1.31zM8.49 9.52 9.04 5H11v4.69c0 .72-.55 1.31-1.29 1.31-.34 0-.65-.15-.89-.41-.25-.29-.37-.68-.33-1.07m-4.45-.16L5.05 5h1.97l-.58 4.86c-.08.65-.6 1.14-1.21 1.14-.49 0-.8-.29-.93-.47-.27-.32-.36-.75-.26-1.17M5 19v-6.03c.08.01.15.03.23.03.87 0 1.66-.36 2.24-.95.6.6 1.4.95 2.31.95.87 0 1.65-.36 2.23-.93.59.57 1.39.93 2.29.93.84 0 1.64-.35 2.24-.95.58.59 1.37.95 2.24.95.08 0 .15-.02.23-.03V19z',
  },
};

/** The pictures an identifier entry of a team's mapping can choose (Material Icons, as above): the built-in kinds' own and a few more. */
export const IDENTIFIER_ICON_PATHS: Record<IdentifierIcon, string> = {
  device: NODE_KIND_VISUALS.device.iconPath,
  phone: NODE_KIND_VISUALS.phone.iconPath,
  ip: NODE_KIND_VISUALS.ip.iconPath,
  card: NODE_KIND_VISUALS.card.iconPath,
  address: NODE_KIND_VISUALS.address.iconPath,
  email: NODE_KIND_VISUALS.email.iconPath,
  'id-card':
    'M20 7h-5V4c0-1.1-.9-2-2-2h-2c-1.1 0-2 .9-2 2v3H4c-1.1 0-2 .9-2 2v11c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V9c0-1.1-.9-2-2-2M9 12c.83 0 1.5.67 1.5 1.5S9.83 15 9 15s-1.5-.67-1.5-1.5S8.17 12 9 12m3 6H6v-.75c0-1 2-1.5 3-1.5s3 .5 3 1.5zm1-9h-2V4h2zm5 7.5h-4V15h4zm0-3h-4V12h4z',
  wallet:
    'M21 18v1c0 1.1-.9 2-2 2H5c-1.11 0-2-.9-2-2V5c0-1.1.89-2 2-2h14c1.1 0 2 .9 2 2v1h-9c-1.11 0-2 .9-2 2v8c0 1.1.89 2 2 2zm-9-2h10V8H12zm4-2.5c-.83 0-1.5-.67-1.5-1.5s.67-1.5 1.5-1.5 1.5.67 1.5 1.5-.67 1.5-1.5 1.5',
  wifi: 'm1 9 2 2c4.97-4.97 13.03-4.97 18 0l2-2C16.93 2.93 7.08 2.93 1 9m8 8 3 3 3-3c-1.65-1.66-4.34-1.66-6 0m-4-4 2 2c2.76-2.76 7.24-2.76 10 0l2-2C15.14 9.14 8.87 9.14 5 13',
  generic: NODE_KIND_VISUALS.identifier.iconPath,
};

/** Marker drawn on blacklisted accounts (Material "Block" icon). */
export const BLACKLIST_ICON_PATH =
  'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2M4 12c0-4.42 3.58-8 8-8 1.85 0 3.55.63 4.9 1.69L5.69 16.9C4.63 15.55 4 13.85 4 12m8 8c-1.85 0-3.55-.63-4.9-1.69L18.31 7.1C19.37 8.45 20 10.15 20 12c0 4.42-3.58 8-8 8';

/** How each edge kind is drawn: identifiers quiet, money flows directed and coloured. */
export const EDGE_KIND_VISUALS: Record<EdgeKind, { color: string; width: number; dashed: boolean; directed: boolean }> = {
  identifier: { color: '#9AA5B1', width: 1, dashed: false, directed: false },
  transfer: { color: '#1E73BE', width: 2, dashed: false, directed: true },
  payment: { color: '#8E44AD', width: 1.5, dashed: true, directed: true },
};
