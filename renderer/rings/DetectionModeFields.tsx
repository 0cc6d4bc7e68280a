import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { DETECTION_MODES } from '../../main/api';
import type { DetectionSettings } from './use-ring-detection';

const MODE_CHOICES = ['auto', ...DETECTION_MODES] as const;

/**
 * Where detection runs (automatic, in RingScope, GDS on the server, upstream results) and, for
 * upstream results, how many communities to load, how many members of each, and how to rank them.
 */
export function DetectionModeFields({ settings, onChange, disabled }: { settings: DetectionSettings; onChange(settings: DetectionSettings): void; disabled: boolean }) {
  const { t } = useTranslation();
  const upstream = settings.upstream;
  const whole = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(value) || min)));
  return (
    <Box sx={{ mb: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <TextField
        select
        size="small"
        label={t('rings.mode.label')}
        value={settings.mode}
        onChange={(event) => onChange({ ...settings, mode: event.target.value as DetectionSettings['mode'] })}
        helperText={t(`rings.mode.${settings.mode}Help`)}
        disabled={disabled}
        slotProps={{ htmlInput: { 'data-testid': 'detection-mode' } }}
      >
        {MODE_CHOICES.map((mode) => (
          <MenuItem key={mode} value={mode}>
            {t(`rings.mode.${mode}`)}
          </MenuItem>
        ))}
      </TextField>
      {settings.mode === 'upstream' && (
        <Box sx={{ display: 'flex', gap: 1.5 }}>
          <TextField
            size="small"
            type="number"
            label={t('rings.mode.communities')}
            value={upstream.communities}
            onChange={(event) => onChange({ ...settings, upstream: { ...upstream, communities: whole(event.target.value, 1, 10_000) } })}
            disabled={disabled}
            slotProps={{ htmlInput: { min: 1, max: 10_000, 'data-testid': 'upstream-communities' } }}
            sx={{ flex: 1 }}
          />
          <TextField
            size="small"
            type="number"
            label={t('rings.mode.maxMembers')}
            value={upstream.maxMembers}
            onChange={(event) => onChange({ ...settings, upstream: { ...upstream, maxMembers: whole(event.target.value, 2, 100_000) } })}
            disabled={disabled}
            slotProps={{ htmlInput: { min: 2, max: 100_000 } }}
            sx={{ flex: 1 }}
          />
          <TextField
            select
            size="small"
            label={t('rings.mode.rankBy')}
            value={upstream.rankBy}
            onChange={(event) => onChange({ ...settings, upstream: { ...upstream, rankBy: event.target.value as DetectionSettings['upstream']['rankBy'] } })}
            disabled={disabled}
            sx={{ flex: 1 }}
          >
            <MenuItem value="score">{t('rings.mode.rankScore')}</MenuItem>
            <MenuItem value="size">{t('rings.mode.rankSize')}</MenuItem>
          </TextField>
        </Box>
      )}
    </Box>
  );
}
