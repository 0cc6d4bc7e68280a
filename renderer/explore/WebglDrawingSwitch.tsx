import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Switch from '@mui/material/Switch';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { webglHelps } from './use-webgl-drawing';

/** The setting that switches the canvas to WebGL drawing; disabled where WebGL would not help (no graphics card). */
export function WebglDrawingSwitch({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  const { t } = useTranslation();
  const available = useMemo(webglHelps, []);
  return (
    <>
      <FormControlLabel
        control={<Switch size="small" checked={on} disabled={!available} onChange={(event) => onChange(event.target.checked)} data-testid="webgl-drawing" />}
        label={t('canvas.webgl.label')}
      />
      <FormHelperText sx={{ mt: 0 }}>{available ? t('canvas.webgl.hint') : t('canvas.webgl.unavailable')}</FormHelperText>
    </>
  );
}
