import Box from '@mui/material/Box';
import SvgIcon from '@mui/material/SvgIcon';
import type { IdentifierIcon, NodeKind } from '../../main/api';
import { IDENTIFIER_ICON_PATHS, NODE_KIND_VISUALS, type NodeKindVisual } from '../graph/node-kinds';
import { RISK_COLORS, riskBand } from '../graph/risk';

/** CSS outlines of the Cytoscape shapes, so lists and the legend show nodes as the graph draws them. */
const SHAPE_CLIP_PATHS: Record<NodeKindVisual['shape'], string> = {
  ellipse: 'circle(50%)',
  'round-rectangle': 'inset(0 round 24%)',
  'round-diamond': 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  'round-hexagon': 'polygon(25% 4%, 75% 4%, 100% 50%, 75% 96%, 25% 96%, 0 50%)',
  'cut-rectangle': 'polygon(14% 0, 86% 0, 100% 14%, 100% 86%, 86% 100%, 14% 100%, 0 86%, 0 14%)',
  'round-pentagon': 'polygon(50% 0, 100% 38%, 81% 100%, 19% 100%, 0 38%)',
  barrel: 'inset(4% 0 round 45% / 25%)',
  'round-octagon': 'polygon(30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%)',
  'round-tag': 'polygon(0 0, 75% 0, 100% 50%, 75% 100%, 0 100%)',
};

export interface KindBadgeProps {
  kind: NodeKind;
  /** Accounts are coloured by risk band, as in the graph. */
  riskScore?: number | null;
  size?: number;
  title?: string;
  /** A mapped identifier entry's own picture, instead of the kind's. */
  icon?: IdentifierIcon;
}

/** A node kind's shape, colour and icon, small: the graph's visual language outside the canvas. */
export function KindBadge({ kind, riskScore = null, size = 24, title, icon }: KindBadgeProps) {
  const visual = NODE_KIND_VISUALS[kind];
  const color = kind === 'account' ? RISK_COLORS[riskBand(riskScore)] : visual.color;
  return (
    <Box
      role={title ? 'img' : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : true}
      sx={{
        width: size,
        height: size,
        flexShrink: 0,
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: color,
        clipPath: SHAPE_CLIP_PATHS[visual.shape],
      }}
    >
      <SvgIcon sx={{ fontSize: size * 0.58, color: '#FFFFFF' }}>
        <path d={icon ? IDENTIFIER_ICON_PATHS[icon] : visual.iconPath} />
      </SvgIcon>
    </Box>
  );
}
