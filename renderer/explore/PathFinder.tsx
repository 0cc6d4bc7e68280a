import RouteIcon from '@mui/icons-material/Route';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode, PathsResult } from '../../main/api';
import type { FoundPaths } from '../graph/path-placement';
import { pathOutcome } from './path-choices';
import { PathDialog } from './PathDialog';

/**
 * With exactly two nodes selected, a "Find path" button over the canvas opens the path dialog; a
 * found path is added and highlighted, and a note says what was added.
 */
export function PathFinder({ selected, onAdd }: { selected: readonly GraphNode[]; onAdd(found: FoundPaths): void }) {
  const { t } = useTranslation();
  const [ends, setEnds] = useState<{ from: GraphNode; to: GraphNode } | null>(null);
  const pair = selected.length === 2 ? { from: selected[0], to: selected[1] } : null;
  const selectionKey = selected.map((node) => node.id).join(' ');
  // The note is about the pair it connected: once another selection is made it is old news.
  const [shownNotice, setNotice] = useState<{ text: string; selectionKey: string } | null>(null);
  const notice = shownNotice?.selectionKey === selectionKey ? shownNotice.text : null;

  const found = (result: PathsResult) => {
    onAdd(result);
    if (ends) setNotice({ text: pathOutcome(t, result, { from: ends.from.label, to: ends.to.label }).text, selectionKey });
    setEnds(null);
  };

  return (
    <>
      {(pair || notice) && (
        <Box sx={{ position: 'absolute', zIndex: 1, bottom: 12, left: 12, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 1, maxWidth: 'min(440px, calc(100% - 280px))' }}>
          {notice && (
            <Alert severity="success" onClose={() => setNotice(null)} data-testid="path-notice">
              {notice}
            </Alert>
          )}
          {pair && (
            <Button variant="contained" size="small" startIcon={<RouteIcon />} onClick={() => setEnds(pair)} data-testid="find-path">
              {t('pathSearch.find.button', { from: pair.from.label, to: pair.to.label })}
            </Button>
          )}
        </Box>
      )}
      <PathDialog ends={ends} onClose={() => setEnds(null)} onFound={found} />
    </>
  );
}
