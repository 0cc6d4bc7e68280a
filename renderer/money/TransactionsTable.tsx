import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyLink } from '../../main/api';
import { filterTransactions, sortTransactions, TRANSACTION_COLUMNS, transactionsCsv, type TransactionColumn, type TransactionSort } from './transactions';

export interface TransactionsTableProps {
  /** The money links among the selection (graph.transactions). */
  links: readonly MoneyLink[];
  /** True when graph.transactions cut the list at its limit. */
  truncated: boolean;
  /** Called with a row's link, e.g. to highlight it on the canvas. */
  onSelect?: (link: MoneyLink) => void;
  /** Height of the scrolling rows (the header stays). */
  maxHeight?: number;
}

/** Every money link among the selected accounts: sortable by each column, filterable, exportable to CSV. */
export function TransactionsTable({ links, truncated, onSelect, maxHeight = 360 }: TransactionsTableProps) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<TransactionSort>({ column: 'at', direction: 'asc' });
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => sortTransactions(filterTransactions(links, filter), sort), [links, filter, sort]);
  const header = Object.fromEntries(TRANSACTION_COLUMNS.map((column) => [column, t(`money.columns.${column}`)])) as Record<TransactionColumn, string>;
  const amount = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([transactionsCsv(shown, header)], { type: 'text/csv;charset=utf-8' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'transactions.csv';
    anchor.click();
    URL.revokeObjectURL(url);
  };
  const sortBy = (column: TransactionColumn) =>
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <TextField size="small" label={t('money.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} />
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {t(truncated ? 'money.countTruncated' : 'money.count', { shown: shown.length, total: links.length })}
        </Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={shown.length === 0}>
          {t('money.exportCsv')}
        </Button>
      </Stack>
      <TableContainer sx={{ maxHeight }}>
        <Table size="small" stickyHeader aria-label={t('money.tableLabel')}>
          <TableHead>
            <TableRow>
              {TRANSACTION_COLUMNS.map((column) => (
                <TableCell key={column} align={column === 'amount' ? 'right' : 'left'} sortDirection={sort.column === column ? sort.direction : false}>
                  <TableSortLabel active={sort.column === column} direction={sort.column === column ? sort.direction : 'asc'} onClick={() => sortBy(column)}>
                    {header[column]}
                  </TableSortLabel>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((link) => (
              <TableRow key={link.id} hover onClick={() => onSelect?.(link)} sx={{ cursor: onSelect ? 'pointer' : undefined }}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{link.at === null ? t('money.unknown') : time.format(new Date(link.at))}</TableCell>
                <TableCell>{link.source.replace(/^[a-z]+:/, '')}</TableCell>
                <TableCell>{link.target.replace(/^[a-z]+:/, '')}</TableCell>
                <TableCell>{t(`money.kinds.${link.kind}`)}</TableCell>
                <TableCell align="right">{link.amount === null ? t('money.unknown') : amount.format(link.amount)}</TableCell>
                <TableCell>{link.currency ?? t('money.unknown')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
