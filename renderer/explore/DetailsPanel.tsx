import type { TFunction } from 'i18next';
import { useFormat, type Formatters } from '../i18n/format';
import BlockIcon from '@mui/icons-material/Block';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode, PropertyValue } from '../../main/api';
import { AccountCaseActions } from '../cases/AccountCaseActions';
import { ErrorNotice } from '../shared/ErrorNotice';
import { KindBadge } from '../shared/KindBadge';
import { PanelHeader } from '../shared/PanelHeader';
import { RiskBar } from '../shared/RiskBar';
import type { NodeDetailsState } from './use-node-details';
import type { NeighbourPage } from './use-explore-graph';
import { nodeKindName } from '../graph/identifier-names';

export interface DetailsPanelProps {
  /** The node as drawn; shown at once while its details load. */
  node: GraphNode;
  /** Neighbours loaded per expand. */
  pageSize: number;
  details: NodeDetailsState;
  /** What is drawn of its neighbourhood; undefined when it was never expanded. */
  page: NeighbourPage | undefined;
  /** An expand call is running: expanding again must wait. */
  busy: boolean;
  onExpand(): void;
  onClose(): void;
  /** For accounts: the propagated-risk explanation, when the screen has one to show. */
  accountRisk?: ReactNode;
}

/**
 * Everything known about the selected node. Property values are shown exactly as the core sent
 * them: PII arrives masked, and the renderer never has the raw value to show.
 */
export function DetailsPanel({ node: drawnNode, pageSize, details, page, busy, onExpand, onClose, accountRisk }: DetailsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = details.status === 'ok' && details.nodeId === drawnNode.id ? details.details : null;
  const node = loaded?.node ?? drawnNode;
  const properties = Object.entries(node.properties);

  return (
    <Box data-testid="details-panel" aria-label={t('details.title')} role="complementary" sx={{ height: '100%', overflowY: 'auto', p: 2 }}>
      <PanelHeader
        leading={<KindBadge kind={node.kind} riskScore={node.riskScore} size={34} icon={node.identifierType?.icon} />}
        title={node.label}
        subtitle={`${nodeKindName(node, t)}${node.key && node.key !== node.label ? ` · ${node.key}` : ''}`}
        closeLabel={t('details.close')}
        onClose={onClose}
      />

      {node.blacklisted && <Chip icon={<BlockIcon />} label={t('details.blacklisted')} color="error" sx={{ mt: 1.5 }} />}

      {node.kind === 'account' && (
        <Section title={t('details.riskScore')}>
          <RiskBar score={node.riskScore} />
        </Section>
      )}

      {node.kind === 'account' && accountRisk && <Section title={t('rings.risk.title')}>{accountRisk}</Section>}

      {node.kind === 'account' && (
        <Section title={t('cases.panelTitle')}>
          <AccountCaseActions account={node} />
        </Section>
      )}

      <Section title={t('details.degree')}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body1" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
            {format.number(node.degree ?? page?.totalNeighbours)}
          </Typography>
          <NeighbourPaging page={page} pageSize={pageSize} busy={busy} onExpand={onExpand} />
        </Box>
      </Section>

      <Section title={t('details.neighbourCounts')}>
        {details.status === 'loading' && <Skeleton variant="rounded" height={44} />}
        {details.status === 'error' && <ErrorNotice error={details.error} />}
        {loaded && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
            {loaded.neighbourCounts.map(({ type, count }) => (
              <Chip key={type} variant="outlined" label={`${type} · ${format.number(count)}`} sx={{ fontFamily: 'monospace', fontSize: 11 }} />
            ))}
          </Box>
        )}
      </Section>

      <Section title={t('details.properties')}>
        {properties.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('details.noProperties')}
          </Typography>
        )}
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(90px, auto) 1fr', columnGap: 2, rowGap: 0.75 }}>
          {properties.map(([name, value]) => (
            <Box key={name} data-testid={`property-${name}`} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {name}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' }}>
                {formatValue(value, t, format)}
              </Typography>
            </Box>
          ))}
        </Box>
      </Section>
    </Box>
  );
}

/** "+N more" with a button for the next page, or the button for the first page. */
function NeighbourPaging({ page, pageSize, busy, onExpand }: { page: NeighbourPage | undefined; pageSize: number; busy: boolean; onExpand(): void }) {
  const { t } = useTranslation();
  if (!page) {
    return (
      <Button variant="outlined" onClick={onExpand} disabled={busy}>
        {t('details.expand')}
      </Button>
    );
  }
  if (page.nextOffset === null) {
    return (
      <Typography variant="caption" color="text.secondary">
        {t('details.allDrawn', { count: page.totalNeighbours })}
      </Typography>
    );
  }
  return (
    <>
      <Chip data-testid="more-neighbours" color="warning" variant="outlined" label={t('details.moreNeighbours', { count: page.totalNeighbours - page.nextOffset })} />
      <Button variant="outlined" onClick={onExpand} disabled={busy}>
        {t('details.loadNext', { limit: pageSize })}
      </Button>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 2 }}>
      <Divider sx={{ mb: 1.5 }} />
      <Typography variant="overline" color="text.secondary" component="h3" sx={{ display: 'block', mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function formatValue(value: PropertyValue, t: TFunction, format: Formatters): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t('details.yes') : t('details.no');
  if (typeof value === 'number') return format.number(value, 6);
  return value;
}
