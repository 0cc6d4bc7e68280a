import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface PanelHeaderProps {
  /** Shown before the title, e.g. the node's kind badge. */
  leading?: ReactNode;
  title: ReactNode;
  subtitle: ReactNode;
  /** Names the close button (tooltip and accessible name). */
  closeLabel: string;
  onClose(): void;
  titleTestId?: string;
  /** Set the subtitle in monospace (a relationship type, an id). */
  monospaceSubtitle?: boolean;
}

/** The head of a side panel (node or link details): what it shows, and a close button. */
export function PanelHeader({ leading, title, subtitle, closeLabel, onClose, titleTestId, monospaceSubtitle = false }: PanelHeaderProps) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5 }}>
      {leading}
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="h6" component="h2" data-testid={titleTestId} sx={{ overflowWrap: 'anywhere', lineHeight: 1.3 }}>
          {title}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={monospaceSubtitle ? { fontFamily: 'monospace' } : undefined}>
          {subtitle}
        </Typography>
      </Box>
      <Tooltip title={closeLabel}>
        <IconButton aria-label={closeLabel} onClick={onClose}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}
