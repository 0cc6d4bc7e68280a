import Chip, { type ChipProps } from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../main/api';

const STATUS_COLORS: Record<CaseStatus, ChipProps['color']> = {
  open: 'info',
  in_review: 'warning',
  approved: 'success',
  rejected: 'error',
  closed: 'default',
};

/** A case's status as a coloured chip, the same on every screen. */
export function CaseStatusChip({ status, size = 'small' }: { status: CaseStatus; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip data-testid="case-status" size={size} color={STATUS_COLORS[status]} variant={status === 'closed' ? 'outlined' : 'filled'} label={t(`cases.status.${status}`)} />;
}
