import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, TextField, Tooltip, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyLink } from '../../main/api';
import { TruncatedText } from '../shared/TruncatedText';
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

/** Each column's share of the width, enough for an account id, "Transfer" and "12,180.17" whole at 1280×800 with both side panels open (the time takes two lines there). */
const COLUMN_WIDTHS: Record<TransactionColumn, string> = { at: '16%', source: '18%', target: '18%', kind: '15%', amount: '18%', currency: '15%' };

/** Every money link among the selected accounts: sortable by each column, filterable, exportable to CSV. */
export function TransactionsTable({ links, truncated, onSelect, maxHeight = 360 }: TransactionsTableProps) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<TransactionSort>({ column: 'at', direction: 'asc' });
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => sortTransactions(filterTransactions(links, filter), sort), [links, filter, sort]);
  const header = Object.fromEntries(TRANSACTION_COLUMNS.map((column) => [column, t(`money.columns.${column}`)])) as Record<TransactionColumn, string>;
  const amount = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short' });
  // To the minute, as the link panel shows them; sorting and the CSV keep the exact time.
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });

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
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5, mb: 1 }}>
        <TextField size="small" label={t('money.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} sx={{ flex: '1 1 140px', maxWidth: 260 }} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 auto' }}>
          {t(truncated ? 'money.countTruncated' : 'money.count', { shown: shown.length, total: links.length })}
        </Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={shown.length === 0} sx={{ flexShrink: 0 }}>
          {t('money.exportCsv')}
        </Button>
      </Box>
      {/* Fixed column shares and cut cells: the table fits the space between the side panels, never scrolling sideways. */}
      <TableContainer sx={{ maxHeight, overflowX: 'hidden' }}>
        <Table size="small" stickyHeader aria-label={t('money.tableLabel')} sx={{
            tableLayout: 'fixed',
            width: '100%',
            '& .MuiTableCell-root': { px: 0.5, fontSize: '0.75rem' },
            // The sort arrow takes room only on the sorted column (clicking any header still sorts by it).
            '& .MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': { display: 'none' },
            '& .MuiTableSortLabel-icon': { mx: 0.25, fontSize: 16 },
          }}>
          <colgroup>
            {TRANSACTION_COLUMNS.map((column) => (
              <col key={column} style={{ width: COLUMN_WIDTHS[column] }} />
            ))}
          </colgroup>
          <TableHead>
            <TableRow>
              {TRANSACTION_COLUMNS.map((column) => (
                <TableCell key={column} align={column === 'amount' ? 'right' : 'left'} sortDirection={sort.column === column ? sort.direction : false}>
                  <TableSortLabel active={sort.column === column} direction={sort.column === column ? sort.direction : 'asc'} onClick={() => sortBy(column)} sx={{ maxWidth: '100%' }}>
                    <TruncatedText text={header[column]} />
                  </TableSortLabel>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((link) => (
              <TableRow key={link.id} hover onClick={() => onSelect?.(link)} sx={{ cursor: onSelect ? 'pointer' : undefined }}>
                <TableCell>
                  {link.at === null ? (
                    t('money.unknown')
                  ) : (
                    // Date and time each stay whole: in a narrow column the time goes to a second line.
                    <>
                      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                        {date.format(new Date(link.at))}
                      </Box>{' '}
                      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                        {time.format(new Date(link.at))}
                      </Box>
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <TruncatedText text={link.source.replace(/^[a-z]+:/, '')} />
                </TableCell>
                <TableCell>
                  <TruncatedText text={link.target.replace(/^[a-z]+:/, '')} />
                </TableCell>
                <TableCell>
                  <TruncatedText text={t(`money.kinds.${link.kind}`)} />
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  <TruncatedText text={link.amount === null ? t('money.unknown') : amount.format(link.amount)} />
                </TableCell>
                <TableCell>
                  {link.currency === null ? (
                    // A dash, named on hover: the demo graph has no currency at all, and a column of "unknown" crowds out the rest.
                    <Tooltip title={t('money.unknown')}>
                      <span>{t('money.noValue')}</span>
                    </Tooltip>
                  ) : (
                    <TruncatedText text={link.currency} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
