import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import { useState, type ReactNode } from 'react';

/**
 * One line of text cut with an ellipsis where its column is too narrow; hovering it shows the whole
 * text in a tooltip, only when something was cut (measured on hover, so long tables stay cheap).
 */
export function TruncatedText({ text, children }: { text: string; children?: ReactNode }) {
  const [cut, setCut] = useState(false);
  return (
    <Tooltip title={cut ? text : ''} placement="top-start">
      <Box
        component="span"
        onPointerEnter={(event) => setCut(event.currentTarget.scrollWidth > event.currentTarget.clientWidth)}
        sx={{ display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {children ?? text}
      </Box>
    </Tooltip>
  );
}
