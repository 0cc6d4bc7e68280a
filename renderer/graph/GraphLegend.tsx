import type { TFunction } from 'i18next';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EDGE_KINDS, NODE_KINDS, type EdgeKind } from '../../main/api';
import { KindBadge } from '../shared/KindBadge';
import { filtersActive, type CanvasFilters } from './canvas-model';
import { graphPaletteFor } from './graph-palette';
import { nodeKindName, type NamedIdentifierType } from './identifier-names';
import { EDGE_KIND_VISUALS } from './node-kinds';
import { RISK_BANDS, RISK_COLORS, RISK_THRESHOLDS, type RiskBand } from './risk';
import type { StyleRule } from './style-rules';
import { DENSE_CANVAS_LINKS } from './graph-style';
import { StyleRulesLegend } from './StyleRulesLegend';

const OPEN_STORAGE_KEY = 'ringscope.legendOpen';

/** What the graph's shapes, colours and line styles mean; collapsible, and remembered. */
export function GraphLegend({
  pageSize,
  filters,
  styleRules = [],
  onEditFilters,
  namedIdentifiers = [],
  dense = false,
}: {
  pageSize: number;
  filters: CanvasFilters;
  styleRules?: readonly StyleRule[];
  onEditFilters(): void;
  /** Identifier entries of the team's mapping drawn with their own name or picture. */
  namedIdentifiers?: readonly NamedIdentifierType[];
  /** More links than DENSE_CANVAS_LINKS are drawn: straight, without arrowheads. */
  dense?: boolean;
}) {
  const { t } = useTranslation();
  const palette = graphPaletteFor(useTheme());
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_STORAGE_KEY) !== 'false');
  const toggle = () => {
    localStorage.setItem(OPEN_STORAGE_KEY, String(!open));
    setOpen(!open);
  };

  return (
    <Box data-testid="legend" component="section" aria-label={t('legend.title')}>
      <Box sx={{ display: 'flex', alignItems: 'center', pl: 2, pr: 1 }}>
        <Typography variant="overline" sx={{ flex: 1 }}>
          {t('legend.title')}
        </Typography>
        <IconButton aria-label={open ? t('legend.hide') : t('legend.show')} aria-expanded={open} onClick={toggle}>
          {open ? <ExpandMoreIcon fontSize="small" /> : <ExpandLessIcon fontSize="small" />}
        </IconButton>
      </Box>
      {filtersActive(filters) && (
        <Box sx={{ px: 2, pb: 1, display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="legend-active-filters">
          <Typography variant="caption" color="warning.main" sx={{ width: '100%', fontWeight: 600 }}>
            {t(filters.mode === 'hide' ? 'legend.filtersHiding' : 'legend.filtersGreying')}
          </Typography>
          {activeFilterLabels(filters, t).map((label) => (
            <Chip key={label} size="small" variant="outlined" color="warning" label={label} onClick={onEditFilters} />
          ))}
        </Box>
      )}
      <Collapse in={open}>
        <Box sx={{ px: 2, pb: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Section title={t('legend.nodes')}>
            {NODE_KINDS.map((kind) => (
              <Row key={kind} marker={<KindBadge kind={kind} size={16} />} label={t(`kinds.${kind}`)} />
            ))}
            {namedIdentifiers.map((named) => (
              <Row key={`${named.kind}-${named.displayName}-${named.icon}`} marker={<KindBadge kind={named.kind} icon={named.icon} size={16} />} label={nodeKindName({ kind: named.kind, identifierType: named }, t)} />
            ))}
          </Section>
          <Section title={t('legend.risk')}>
            {RISK_BANDS.map((band) => (
              <Row
                key={band}
                marker={<Box sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: RISK_COLORS[band] }} />}
                label={band === 'unknown' ? t('risk.unknown') : `${t(`risk.${band}`)} ${riskRange(band, t)}`}
              />
            ))}
            <Row
              marker={<Box sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: RISK_COLORS.unknown, border: `3px solid ${palette.blacklist}` }} />}
              label={t('legend.blacklisted')}
            />
            <Row
              marker={<Box sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: RISK_COLORS.unknown, boxShadow: `0 0 0 4px ${palette.text}33` }} />}
              label={t('legend.hasMore')}
            />
            <Row
              marker={<Box sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: RISK_COLORS.unknown, border: `2px dashed ${palette.text}` }} />}
              label={t('legend.hub', { limit: pageSize })}
            />
          </Section>
          <RingHalo color={palette.highlight} />
          <Section title={t('legend.links')}>
            {EDGE_KINDS.map((kind) => (
              <Row key={kind} marker={<EdgeSample kind={kind} />} label={t(`edgeKinds.${kind}`)} />
            ))}
          </Section>
          <Typography variant="caption" color="text.secondary">
            {t('links.legend.moneyWidth')}
          </Typography>
          {dense && (
            <Typography variant="caption" color="text.secondary" data-testid="legend-dense">
              {t('links.legend.dense', { count: DENSE_CANVAS_LINKS })}
            </Typography>
          )}
          <StyleRulesLegend rules={styleRules} />
        </Box>
      </Collapse>
    </Box>
  );
}

/** The opened ring's halo, and why its members may be coloured above their own risk. */
function RingHalo({ color }: { color: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="legend-ring-halo">
      <Box sx={{ width: 28, display: 'flex', justifyContent: 'center', flexShrink: 0 }}>
        <Box sx={{ width: 14, height: 14, borderRadius: '50%', bgcolor: RISK_COLORS.high, boxShadow: `0 0 0 5px ${color}8C` }} />
      </Box>
      <Typography variant="caption">{t('links.legend.ringHalo')}</Typography>
    </Box>
  );
}

/** One short label per filter that is on, e.g. "Device", "High", "Blacklisted only". */
function activeFilterLabels(filters: CanvasFilters, t: TFunction): string[] {
  return [
    ...filters.nodeKinds.map((kind) => t(`kinds.${kind}`)),
    ...filters.edgeKinds.map((kind) => t(`edgeKinds.${kind}`)),
    ...filters.riskBands.map((band) => t(`risk.${band}`)),
    ...(filters.blacklist === 'any' ? [] : [t(`canvas.filters.blacklist.${filters.blacklist}`)]),
  ];
}

function riskRange(band: Exclude<RiskBand, 'unknown'>, t: TFunction): string {
  switch (band) {
    case 'low':
      return t('risk.range.low', { max: RISK_THRESHOLDS.medium });
    case 'medium':
      return t('risk.range.medium', { min: RISK_THRESHOLDS.medium, max: RISK_THRESHOLDS.high });
    case 'high':
      return t('risk.range.high', { min: RISK_THRESHOLDS.high });
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontWeight: 600, mb: 0.25 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1, rowGap: 0.5 }}>{children}</Box>
    </Box>
  );
}

function Row({ marker, label }: { marker: ReactNode; label: string }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
      <Box sx={{ width: 28, display: 'flex', justifyContent: 'center', flexShrink: 0 }}>{marker}</Box>
      <Typography variant="caption" noWrap>
        {label}
      </Typography>
    </Box>
  );
}

/** A short line drawn like the edge kind: colour, dash and arrow. */
function EdgeSample({ kind }: { kind: EdgeKind }) {
  const visual = EDGE_KIND_VISUALS[kind];
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden>
      <line x1="1" y1="5" x2={visual.directed ? 21 : 27} y2="5" stroke={visual.color} strokeWidth={visual.width + 0.5} strokeDasharray={visual.dashed ? '4 3' : undefined} />
      {visual.directed && <polygon points="20,1 27,5 20,9" fill={visual.color} />}
    </svg>
  );
}
