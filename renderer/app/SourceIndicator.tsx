import StorageIcon from '@mui/icons-material/Storage';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import PersonOutlineIcon from '@mui/icons-material/PersonOutlineOutlined';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { errorText } from '../shared/error-text';
import { DemoIdentitySwitch } from './DemoIdentitySwitch';
import { sourceName } from './source-name';
import type { HealthState } from './use-health';

/** The active data source in the top bar (its kind as a chip, its name beside it) and who is signed in. */
export function SourceIndicator({ state, onOpenSources }: { state: HealthState; /** Opens the Connect screen. */ onOpenSources(): void }) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return <Chip data-testid="source-chip" label={t('source.connecting')} variant="outlined" />;
  }
  if (state.status === 'error') {
    return (
      <Tooltip title={errorText(t, state.error)}>
        <Chip data-testid="source-chip" icon={<CloudOffIcon />} label={t('source.unavailable')} color="error" variant="outlined" onClick={onOpenSources} />
      </Tooltip>
    );
  }
  const { source, user } = state.health;
  const role = t(user.isTeamLead ? 'review.role.teamLead' : 'review.role.analyst');
  const accounts = source.accountCount === null ? null : t('source.accounts', { count: source.accountCount });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Tooltip title={t('source.change')}>
        <Chip data-testid="source-chip" icon={<StorageIcon />} label={t(`source.kind.${source.kind}`)} color="primary" variant="outlined" onClick={onOpenSources} />
      </Tooltip>
      <Tooltip title={[sourceName(source, t), accounts].filter(Boolean).join(' · ')}>
        <Typography data-testid="source-name" variant="body2" color="text.secondary" noWrap>
          {sourceName(source, t)}
        </Typography>
      </Tooltip>
      <Tooltip title={t('review.signedInAs', { user: user.name, role })}>
        <Chip data-testid="user-chip" icon={<PersonOutlineIcon />} label={`${user.name} · ${role}`} variant="outlined" />
      </Tooltip>
      {user.demo && <DemoIdentitySwitch current={user.name} />}
    </Stack>
  );
}
