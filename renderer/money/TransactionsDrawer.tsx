import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MoneyLink, TransactionsResult } from '../../main/api';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { TransactionsTable } from './TransactionsTable';

/** graph.transactions takes at most this many accounts. */
const MAX_SELECTED = 2_000;
/** Rows shown before the table scrolls: the canvas above keeps most of the height. */
const TABLE_HEIGHT = 240;

type TransactionsState = { status: 'loading' } | { status: 'ok'; result: TransactionsResult } | { status: 'error'; error: ApiError };

export interface TransactionsDrawerProps {
  /** The selected nodes: every money link between two of them is listed. */
  nodeIds: readonly string[];
  onSelectLink(link: MoneyLink): void;
  onClose(): void;
}

/** A panel under the canvas with the transactions table of the selection, re-read when the selection changes. */
export function TransactionsDrawer({ nodeIds, onSelectLink, onClose }: TransactionsDrawerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<TransactionsState>({ status: 'loading' });
  const key = nodeIds.join('\n');

  useEffect(() => {
    const ids = key ? key.split('\n').slice(0, MAX_SELECTED) : [];
    if (ids.length === 0) {
      setState({ status: 'ok', result: { links: [], truncated: false } });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    api.graph.transactions({ nodeIds: ids }).then(
      (result) => current && setState({ status: 'ok', result }),
      (error: unknown) => current && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, key]);

  return (
    <Box data-testid="transactions-drawer" component="section" aria-label={t('links.transactions.title')} sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', px: 2, pt: 1, pb: 1.5, flexShrink: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle2" component="h2" sx={{ flex: 1 }}>
          {t('links.transactions.title')} · {t('canvas.selection.count', { count: nodeIds.length })}
        </Typography>
        <Tooltip title={t('links.transactions.close')}>
          <IconButton size="small" aria-label={t('links.transactions.close')} onClick={onClose}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
      {nodeIds.length < 2 && (
        <Typography variant="body2" color="text.secondary">
          {t('links.transactions.selectHint')}
        </Typography>
      )}
      <Box>
        {state.status === 'loading' && <Skeleton variant="rounded" height={120} />}
        {state.status === 'error' && <ErrorNotice error={state.error} />}
        {state.status === 'ok' && nodeIds.length >= 2 && <TransactionsTable links={state.result.links} truncated={state.result.truncated} onSelect={onSelectLink} maxHeight={TABLE_HEIGHT} />}
      </Box>
    </Box>
  );
}
