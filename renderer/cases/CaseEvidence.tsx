import BlockIcon from '@mui/icons-material/Block';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRef, BlacklistTag, CaseNote, ClusterMembers, GraphNode } from '../../main/api';
import { useRingReasonText } from '../i18n/ring-reason';
import { RiskBar } from '../shared/RiskBar';
import { useFormat } from '../i18n/format';

/** A titled block of a case page. */
export function CaseSection({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Box component="section" data-testid={testId} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="overline" component="h3" color="text.secondary" sx={{ flex: 1, lineHeight: 1.6 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Box>
  );
}

/** The accounts of a case with their risk and blacklist mark; a remove button per row while members may change. */
export function MembersTable({ accounts, nodes, onRemove, disabled }: { accounts: readonly AccountRef[]; nodes: Map<string, GraphNode>; onRemove?: (account: AccountRef) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  if (accounts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cases.members.none')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="members-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('cases.members.userId')}</TableCell>
          <TableCell sx={{ width: '45%' }}>{t('cases.members.risk')}</TableCell>
          <TableCell>{t('cases.members.blacklisted')}</TableCell>
          {onRemove && <TableCell padding="checkbox" />}
        </TableRow>
      </TableHead>
      <TableBody>
        {accounts.map((account) => {
          const node = nodes.get(account.nodeId);
          return (
            <TableRow key={account.nodeId} data-testid="member-row">
              <TableCell sx={{ fontFamily: 'monospace' }}>{account.userId}</TableCell>
              <TableCell>{node ? <RiskBar score={node.riskScore} /> : '…'}</TableCell>
              <TableCell>{node?.blacklisted ? <Chip size="small" color="error" icon={<BlockIcon />} label={t('cases.members.yes')} /> : node ? t('cases.members.no') : '…'}</TableCell>
              {onRemove && (
                <TableCell padding="checkbox">
                  <Tooltip title={t('cases.members.remove', { userId: account.userId })}>
                    <span>
                      <IconButton size="small" aria-label={t('cases.members.remove', { userId: account.userId })} disabled={disabled} onClick={() => onRemove(account)}>
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Where the case came from: the ring's kind, score and reasons, or a hand-picked selection. */
export function ClusterOrigin({ cluster }: { cluster: ClusterMembers }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useRingReasonText();
  if (cluster.origin === 'selection') {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cases.origin.selection')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} data-testid="ring-evidence">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">{t('cases.origin.ring', { ringId: cluster.ringId ?? '—' })}</Typography>
        {cluster.ringKind && <Chip size="small" variant="outlined" label={t(`rings.ringKinds.${cluster.ringKind}`)} />}
        <Chip size="small" color="warning" label={t('cases.origin.score', { score: format.score(cluster.score) })} />
      </Stack>
      {cluster.reasons.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {cluster.reasons.map((reason, i) => (
            // Reasons have no id; their order is fixed once stored.
            <Typography component="li" variant="body2" key={i}>
              {reasonText(reason)}
            </Typography>
          ))}
        </Box>
      )}
    </Stack>
  );
}

/** The blacklist tag as the reviewer reads it. */
export function TagSummary({ tag }: { tag: BlacklistTag | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!tag) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cases.tag.none')}
      </Typography>
    );
  }
  return (
    <Box data-testid="tag-summary" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {t('cases.tag.reasonCode')}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t(`cases.reason.${tag.reasonCode}`)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('cases.tag.confidence')}
      </Typography>
      <Typography variant="body2">{format.percent(tag.confidence)}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('cases.tag.note')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {tag.note || '—'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('cases.tag.taggedBy')}
      </Typography>
      <Typography variant="body2">{t('cases.byAt', { user: tag.taggedBy, at: format.dateTime(tag.taggedAt) })}</Typography>
    </Box>
  );
}

/** Notes, oldest first, with author and time. */
export function NotesList({ notes }: { notes: readonly CaseNote[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (notes.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cases.notes.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} data-testid="notes-list">
      {notes.map((note, index) => (
        <Box key={`${note.at}-${index}`} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
          <Typography variant="caption" color="text.secondary">
            {t('cases.byAt', { user: note.author, at: format.dateTime(note.at) })}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {note.text}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}
