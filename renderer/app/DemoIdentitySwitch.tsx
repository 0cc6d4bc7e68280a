import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_IDENTITIES, type DemoIdentity } from '../../main/api';
import { useApi } from '../api/api-context';
import { toApiError } from '../shared/to-api-error';
import { useWorkbench } from './workbench';

const LABEL_KEYS = { 'demo-analyst': 'review.demoIdentity.analyst', 'demo-lead': 'review.demoIdentity.lead', 'demo-lead-2': 'review.demoIdentity.secondLead' } as const;

/**
 * On the embedded demo graph: switches between the demo analyst and the demo team lead, so a
 * newcomer can try the whole review flow in one window. Marked as demo; the core refuses it with Neo4j.
 */
export function DemoIdentitySwitch({ current }: { current: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { sourceChanged } = useWorkbench();
  const [error, setError] = useState<string | null>(null);
  const choose = (identity: DemoIdentity | null) => {
    if (!identity || identity === current) return;
    setError(null);
    // Screens reload as after a source switch: what they offer depends on who is acting.
    api.system.useDemoIdentity({ identity }).then(sourceChanged, (failure: unknown) => setError(toApiError(failure).message));
  };
  return (
    <Tooltip title={error ? t('review.demoIdentity.failed', { message: error }) : t('review.demoIdentity.hint')}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} data-testid="demo-identity-switch">
        <Chip size="small" color={error ? 'error' : 'warning'} variant="outlined" label={t('review.demoIdentity.label')} />
        <ToggleButtonGroup size="small" exclusive value={current} onChange={(_event, value: DemoIdentity | null) => choose(value)} aria-label={t('review.demoIdentity.label')}>
          {DEMO_IDENTITIES.map((identity) => (
            <ToggleButton key={identity} value={identity} data-testid={`demo-identity-${identity}`} sx={{ py: 0.25, textTransform: 'none' }}>
              {t(LABEL_KEYS[identity])}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
    </Tooltip>
  );
}
