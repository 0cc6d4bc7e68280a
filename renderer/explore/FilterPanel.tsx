import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EDGE_KINDS, NODE_KINDS } from '../../main/api';
import { filtersActive, NO_FILTERS, type CanvasFilters } from '../graph/canvas-model';
import { RISK_BANDS } from '../graph/risk';

/** Toggles one value in a filter list (on = filtered out). */

const BLACKLIST_FILTERS = ['any', 'only', 'exclude'] as const satisfies readonly CanvasFilters['blacklist'][];
function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

/** Filters by node kind, link kind, risk band and blacklist state; each change is an undo step. */
export function FilterPanel({ filters, onChange }: { filters: CanvasFilters; onChange(filters: CanvasFilters): void }) {
  const { t } = useTranslation();
  const chip = (key: string, label: string, off: boolean, onClick: () => void) => (
    <Chip key={key} size="small" label={label} variant={off ? 'outlined' : 'filled'} color={off ? 'default' : 'primary'} onClick={onClick} sx={{ textDecoration: off ? 'line-through' : 'none' }} data-testid={`filter-${key}`} aria-pressed={!off} />
  );
  return (
    <Box sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1.25 }} data-testid="filter-panel">
      <Typography variant="caption" color="text.secondary">
        {t('canvas.filters.hint')}
      </Typography>
      <Group title={t('legend.nodes')}>{NODE_KINDS.map((kind) => chip(`kind-${kind}`, t(`kinds.${kind}`), filters.nodeKinds.includes(kind), () => onChange({ ...filters, nodeKinds: toggled(filters.nodeKinds, kind) })))}</Group>
      <Group title={t('legend.links')}>{EDGE_KINDS.map((kind) => chip(`edge-${kind}`, t(`edgeKinds.${kind}`), filters.edgeKinds.includes(kind), () => onChange({ ...filters, edgeKinds: toggled(filters.edgeKinds, kind) })))}</Group>
      <Group title={t('legend.risk')}>{RISK_BANDS.map((band) => chip(`risk-${band}`, t(`risk.${band}`), filters.riskBands.includes(band), () => onChange({ ...filters, riskBands: toggled(filters.riskBands, band) })))}</Group>
      <Group title={t('legend.blacklisted')}>
        <ToggleButtonGroup size="small" exclusive value={filters.blacklist} onChange={(_, value: CanvasFilters['blacklist'] | null) => value && onChange({ ...filters, blacklist: value })}>
          {BLACKLIST_FILTERS.map((value) => (
            <ToggleButton key={value} value={value} data-testid={`filter-blacklist-${value}`}>
              {t(`canvas.filters.blacklist.${value}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Group>
      <Group title={t('canvas.filters.mode')}>
        <ToggleButtonGroup size="small" exclusive value={filters.mode} onChange={(_, value: CanvasFilters['mode'] | null) => value && onChange({ ...filters, mode: value })}>
          <ToggleButton value="grey" data-testid="filter-mode-grey">
            {t('canvas.filters.grey')}
          </ToggleButton>
          <ToggleButton value="hide" data-testid="filter-mode-hide">
            {t('canvas.filters.hide')}
          </ToggleButton>
        </ToggleButtonGroup>
      </Group>
      <Box>
        <Button size="small" disabled={!filtersActive(filters)} onClick={() => onChange({ ...NO_FILTERS, mode: filters.mode })}>
          {t('canvas.filters.reset')}
        </Button>
      </Box>
    </Box>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>{children}</Box>
    </Box>
  );
}
