import StorageIcon from '@mui/icons-material/Storage';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { HealthState } from './use-health';

/** The active data source in the top bar: its kind as a chip and its name beside it. */
export function SourceIndicator({ state }: { state: HealthState }) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return <Chip data-testid="source-chip" label={t('source.connecting')} variant="outlined" />;
  }
  if (state.status === 'error') {
    return (
      <Tooltip title={state.error.message}>
        <Chip data-testid="source-chip" icon={<CloudOffIcon />} label={t('source.unavailable')} color="error" variant="outlined" />
      </Tooltip>
    );
  }
  const { source } = state.health;
  const accounts = source.accountCount === null ? null : t('source.accounts', { count: source.accountCount });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Chip data-testid="source-chip" icon={<StorageIcon />} label={t(`source.kind.${source.kind}`)} color="primary" variant="outlined" />
      <Tooltip title={[source.name, accounts].filter(Boolean).join(' · ')}>
        <Typography data-testid="source-name" variant="body2" color="text.secondary" noWrap>
          {source.name}
        </Typography>
      </Tooltip>
    </Stack>
  );
}
