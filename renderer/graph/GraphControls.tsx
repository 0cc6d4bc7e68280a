import AddIcon from '@mui/icons-material/Add';
import CenterFocusStrongOutlinedIcon from '@mui/icons-material/CenterFocusStrongOutlined';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import RemoveIcon from '@mui/icons-material/Remove';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface GraphControlsProps {
  onFit(): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onClear(): void;
  /** Nothing drawn: fit and clear have nothing to act on. */
  empty: boolean;
}

/** The canvas's view controls: zoom, fit, clear (layouts are in the editing toolbar). */
export function GraphControls({ onFit, onZoomIn, onZoomOut, onClear, empty }: GraphControlsProps) {
  const { t } = useTranslation();
  const button = (label: string, icon: ReactNode, onClick: () => void, disabled = false) => (
    <Tooltip title={label} placement="left">
      <span>
        <IconButton aria-label={label} onClick={onClick} disabled={disabled}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
  return (
    <Paper
      role="toolbar"
      aria-label={t('graph.controls')}
      aria-orientation="vertical"
      variant="outlined"
      sx={{ display: 'flex', flexDirection: 'column', p: 0.25 }}
    >
      {button(t('graph.zoomIn'), <AddIcon fontSize="small" />, onZoomIn, empty)}
      {button(t('graph.zoomOut'), <RemoveIcon fontSize="small" />, onZoomOut, empty)}
      {button(t('graph.fit'), <CenterFocusStrongOutlinedIcon fontSize="small" />, onFit, empty)}
      <Divider flexItem sx={{ my: 0.25 }} />
      {button(t('graph.clear'), <DeleteSweepOutlinedIcon fontSize="small" />, onClear, empty)}
    </Paper>
  );
}
