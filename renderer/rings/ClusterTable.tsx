import CreateNewFolderOutlinedIcon from '@mui/icons-material/CreateNewFolderOutlined';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { RingClusterSummary } from '../../main/api';
import { useRingReasonText } from '../i18n/ring-reason';
import { RING_KIND_COLORS } from './ring-kind-colors';

const TWO_LINES = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } as const;

export interface ClusterTableProps {
  clusters: RingClusterSummary[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange(page: number): void;
  onOpen(cluster: RingClusterSummary): void;
  /** Opens a case on the cluster (members, identifiers, score, reasons) for tagging and review. */
  onCreateCase(cluster: RingClusterSummary): void;
}

/** Flagged clusters ranked by score: score bar, size, kind and the strongest reasons as sentences. */
export function ClusterTable({ clusters, total, page, pageSize, onPageChange, onOpen, onCreateCase }: ClusterTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useRingReasonText();
  return (
    <Box>
      <Table size="small" aria-label={t('rings.flagged')} sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 120 }}>{t('rings.columns.score')}</TableCell>
            <TableCell sx={{ width: 170 }}>{t('rings.columns.cluster')}</TableCell>
            <TableCell sx={{ width: 80 }} align="right">
              {t('rings.columns.size')}
            </TableCell>
            <TableCell sx={{ width: 160 }}>{t('rings.columns.kind')}</TableCell>
            <TableCell>{t('rings.columns.reasons')}</TableCell>
            <TableCell sx={{ width: 64 }} align="center">
              {t('rings.columns.open')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {clusters.map((cluster) => (
            <TableRow key={cluster.clusterId} hover data-testid="ring-row" onClick={() => onOpen(cluster)} sx={{ cursor: 'pointer', verticalAlign: 'top' }}>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, pt: 0.5 }}>
                  <LinearProgress
                    variant="determinate"
                    value={cluster.score * 100}
                    color={cluster.score >= 0.8 ? 'error' : 'warning'}
                    sx={{ flex: 1, height: 8, borderRadius: 4 }}
                  />
                  <Typography variant="body2" data-testid="ring-score" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
                    {format.score(cluster.score)}
                  </Typography>
                </Box>
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                  {cluster.clusterId}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('rings.clusterFacts', { identifiers: cluster.identifierCount, blacklisted: cluster.blacklistedCount })}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {cluster.size}
              </TableCell>
              <TableCell>
                <Chip size="small" data-testid="ring-kind" color={RING_KIND_COLORS[cluster.ringKind]} variant="outlined" label={t(`rings.ringKinds.${cluster.ringKind}`)} />
              </TableCell>
              <TableCell data-testid="ring-reasons">
                {cluster.reasons.slice(0, 2).map((reason) => (
                  // A long cycle route is clamped to two lines; the full sentence is in the tooltip and in Explore.
                  <Typography key={reason.kind} variant="body2" title={reasonText(reason)} sx={{ overflowWrap: 'anywhere', ...TWO_LINES }}>
                    {reasonText(reason)}
                  </Typography>
                ))}
                {cluster.reasons.length > 2 && (
                  <Typography variant="caption" color="text.secondary" component="div" sx={TWO_LINES}>
                    {cluster.reasons
                      .slice(2)
                      .map(reasonText)
                      .join(' · ')}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="center">
                <Tooltip title={t('rings.openInExplore')}>
                  <IconButton
                    aria-label={t('rings.openInExplore')}
                    data-testid="open-in-explore"
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(cluster);
                    }}
                  >
                    <OpenInNewIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title={t('cases.create.fromCluster')}>
                  <IconButton
                    aria-label={t('cases.create.fromCluster')}
                    data-testid="create-case-from-cluster"
                    onClick={(event) => {
                      event.stopPropagation();
                      onCreateCase(cluster);
                    }}
                  >
                    <CreateNewFolderOutlinedIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={total}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[pageSize]}
        onPageChange={(_event, next) => onPageChange(next)}
      />
    </Box>
  );
}
