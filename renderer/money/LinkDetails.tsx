import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, GraphEdge, GraphNode, LinkDetails as LinkDetailsResult } from '../../main/api';
import { useApi } from '../api/api-context';
import { formatMoney, moneyEdgeSummary } from '../graph/money-edges';
import { useFormat } from '../i18n/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PanelHeader } from '../shared/PanelHeader';
import { toApiError } from '../shared/to-api-error';

type LinkDetailsState = { status: 'loading' } | { status: 'ok'; details: LinkDetailsResult } | { status: 'error'; error: ApiError };

export interface LinkDetailsProps {
  edge: GraphEdge;
  /** The drawn ends, for their labels; undefined when one is no longer drawn. */
  source: GraphNode | undefined;
  target: GraphNode | undefined;
  onSelectNode(nodeId: string): void;
  onClose(): void;
}

/**
 * The details panel in link mode: what kind of link it is, and for a (folded) money link its count,
 * total and time span, with every transfer behind it listed oldest first (graph.linkDetails).
 */
export function LinkDetails({ edge, source, target, onSelectNode, onClose }: LinkDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const money = moneyEdgeSummary(edge);
  const [state, setState] = useState<LinkDetailsState>({ status: 'loading' });

  useEffect(() => {
    if (edge.kind === 'identifier') return;
    let current = true;
    setState({ status: 'loading' });
    api.graph.linkDetails({ source: edge.source, target: edge.target, type: edge.type }).then(
      (details) => current && setState({ status: 'ok', details }),
      (error: unknown) => current && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, edge.kind, edge.source, edge.target, edge.type]);

  const unknown = t('money.unknown');
  const end = (nodeId: string, node: GraphNode | undefined) => (
    <Link component="button" variant="body2" onClick={() => onSelectNode(nodeId)} sx={{ textAlign: 'left', overflowWrap: 'anywhere' }}>
      {node?.label ?? nodeId}
    </Link>
  );

  return (
    <Box data-testid="link-details" aria-label={t('links.details.title')} role="complementary" sx={{ height: '100%', overflowY: 'auto', p: 2 }}>
      <PanelHeader title={t(`edgeKinds.${edge.kind}`)} subtitle={edge.type} monospaceSubtitle titleTestId="link-kind" closeLabel={t('details.close')} onClose={onClose} />

      <Facts>
        <Fact name={t('links.details.from')}>{end(edge.source, source)}</Fact>
        <Fact name={t('links.details.to')}>{end(edge.target, target)}</Fact>
        {money && (
          <>
            <Fact name={t('links.details.count')} testId="link-count">
              {format.number(money.count)}
            </Fact>
            <Fact name={t('links.details.total')} testId="link-total">
              {formatMoney(format, money.totalAmount, money.currency, unknown)}
            </Fact>
            <Fact name={t('money.columns.currency')}>{money.currency === 'mixed' ? t('links.details.mixedCurrency') : (money.currency ?? unknown)}</Fact>
            <Fact name={t('links.details.first')}>{money.firstAt ? format.dateTime(money.firstAt) : unknown}</Fact>
            <Fact name={t('links.details.last')}>{money.lastAt ? format.dateTime(money.lastAt) : unknown}</Fact>
          </>
        )}
      </Facts>

      {!money && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {t('links.details.identifierHint')}
        </Typography>
      )}

      {money && (
        <Box component="section" sx={{ mt: 2 }}>
          <Divider sx={{ mb: 1.5 }} />
          <Typography variant="overline" color="text.secondary" component="h3" sx={{ display: 'block', mb: 0.5 }}>
            {t('links.details.transactions')}
          </Typography>
          {state.status === 'loading' && <Skeleton variant="rounded" height={64} />}
          {state.status === 'error' && <ErrorNotice error={state.error} />}
          {state.status === 'ok' && (
            <>
              <List dense disablePadding data-testid="link-transactions">
                {state.details.links.map((link) => (
                  <ListItem key={link.id} disableGutters data-testid="link-transaction" sx={{ display: 'flex', gap: 1, borderBottom: 1, borderColor: 'divider' }}>
                    <Typography variant="body2" sx={{ flex: 1 }} data-testid="link-transaction-time">
                      {link.at ? format.dateTime(link.at) : unknown}
                    </Typography>
                    <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-testid="link-transaction-amount">
                      {formatMoney(format, link.amount, link.currency, unknown)}
                    </Typography>
                  </ListItem>
                ))}
              </List>
              {state.details.truncated && (
                <Typography variant="caption" color="warning.main">
                  {t('links.details.truncated', { count: state.details.links.length })}
                </Typography>
              )}
            </>
          )}
        </Box>
      )}
    </Box>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <Box component="dl" sx={{ mt: 2, mb: 0, display: 'grid', gridTemplateColumns: 'minmax(90px, auto) 1fr', columnGap: 2, rowGap: 0.75 }}>
      {children}
    </Box>
  );
}

function Fact({ name, testId, children }: { name: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {name}
      </Typography>
      <Typography component="dd" variant="body2" data-testid={testId} sx={{ m: 0, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}
