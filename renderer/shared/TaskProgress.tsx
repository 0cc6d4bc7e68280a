import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { ProgressEvent } from '../../main/api';

export interface TaskProgressProps {
  /** What is running, in the user's words. */
  label: string;
  /** The task's latest progress event; null until the first one arrives (bar then indeterminate). */
  progress: ProgressEvent | null;
  onCancel(): void;
  /** Show "done of total" under the bar when the total is known. */
  showCount?: boolean;
  testId: string;
  cancelTestId?: string;
  sx?: SxProps<Theme>;
}

/** A long task (expand, ring detection) as a status card: label, progress bar from its events, and Cancel. */
export function TaskProgress({ label, progress, onCancel, showCount = false, testId, cancelTestId, sx }: TaskProgressProps) {
  const { t } = useTranslation();
  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <Paper variant="outlined" role="status" data-testid={testId} sx={{ px: 2, py: 1, ...sx }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="body2" noWrap sx={{ flex: 1 }}>
          {label}
        </Typography>
        <Button onClick={onCancel} color="inherit" data-testid={cancelTestId}>
          {t('progress.cancel')}
        </Button>
      </Box>
      <LinearProgress
        variant={known ? 'determinate' : 'indeterminate'}
        value={known ? Math.min(100, (progress.done / (progress.total ?? 1)) * 100) : undefined}
        sx={{ mt: 0.5, borderRadius: 2 }}
      />
      {showCount && known && (
        <Typography variant="caption" color="text.secondary">
          {t('progress.count', { done: progress.done, total: progress.total })}
        </Typography>
      )}
    </Paper>
  );
}
