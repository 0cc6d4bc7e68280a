import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../main/api';
import { useFormat } from '../i18n/format';

/** Details as short "key: value" pairs; nested values as compact JSON. */
export function formatAuditDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** Audit events as a table (seq, time, actor, action, case, details); the case column is left out for one case. */
export function AuditEventsTable({ events, showCase = true, onOpenCase }: { events: readonly AuditEvent[]; showCase?: boolean; onOpenCase?: (caseId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('audit.none')}
      </Typography>
    );
  }
  return (
    <Table size="small" stickyHeader data-testid="audit-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('audit.columns.seq')}</TableCell>
          <TableCell>{t('audit.columns.at')}</TableCell>
          <TableCell>{t('audit.columns.actor')}</TableCell>
          <TableCell>{t('audit.columns.action')}</TableCell>
          {showCase && <TableCell>{t('audit.columns.case')}</TableCell>}
          <TableCell>{t('audit.columns.details')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.seq} data-testid="audit-row">
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{event.seq}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.at)}</TableCell>
            <TableCell>{event.actor}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{event.action}</TableCell>
            {showCase && (
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {event.caseId && onOpenCase ? (
                  <Link component="button" variant="body2" onClick={() => onOpenCase(event.caseId as string)}>
                    {event.caseId}
                  </Link>
                ) : (
                  (event.caseId ?? '—')
                )}
              </TableCell>
            )}
            <TableCell sx={{ color: 'text.secondary', overflowWrap: 'anywhere', maxWidth: 420 }}>{formatAuditDetails(event.details)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
