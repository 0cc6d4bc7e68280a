import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ExpandTask } from './use-explore-graph';

/** The running expand: what is loading, how far it got (from its progress events), and Cancel. */
export function ExpandProgress({ task, onCancel }: { task: ExpandTask; onCancel(): void }) {
  const { t } = useTranslation();
  const progress = task.progress;
  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <Paper variant="outlined" role="status" data-testid="expand-progress" sx={{ px: 2, py: 1, width: 340, maxWidth: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="body2" noWrap sx={{ flex: 1 }}>
          {t('progress.loadingNeighbours', { label: task.label })}
        </Typography>
        <Button onClick={onCancel} color="inherit">
          {t('progress.cancel')}
        </Button>
      </Box>
      <LinearProgress
        variant={known ? 'determinate' : 'indeterminate'}
        value={known ? Math.min(100, (progress.done / (progress.total ?? 1)) * 100) : undefined}
        sx={{ mt: 0.5, borderRadius: 2 }}
      />
      {known && (
        <Typography variant="caption" color="text.secondary">
          {t('progress.count', { done: progress.done, total: progress.total })}
        </Typography>
      )}
    </Paper>
  );
}
