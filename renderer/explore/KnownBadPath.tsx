import RouteIcon from '@mui/icons-material/Route';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, PathToKnownBadResult } from '../../main/api';
import { useApi } from '../api/api-context';
import type { FoundPaths } from '../graph/path-placement';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { knownBadSentence } from './known-bad-path';

/**
 * Part of "why is this account risky": the shortest mapped path to the nearest known-bad account,
 * in words, with a button that adds it to the canvas. Re-read when the account changes.
 */
export function KnownBadPath({ nodeId, onAdd }: { nodeId: string; onAdd(found: FoundPaths): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [answer, setAnswer] = useState<{ nodeId: string; result: PathToKnownBadResult } | { nodeId: string; error: ApiError } | null>(null);

  useEffect(() => {
    let stale = false;
    api.graph.pathToKnownBad({ nodeId }).then(
      (result) => !stale && setAnswer({ nodeId, result }),
      (failure) => !stale && setAnswer({ nodeId, error: toApiError(failure) }),
    );
    return () => {
      stale = true;
    };
  }, [api, nodeId]);

  if (!answer || answer.nodeId !== nodeId) return null;
  if ('error' in answer) return <ErrorNotice error={answer.error} sx={{ mt: 1 }} />;
  const { result } = answer;
  return (
    <Box data-testid="known-bad-path" sx={{ mt: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {t('pathSearch.knownBad.title')}
      </Typography>
      <Typography variant="body2" data-testid="known-bad-path-text">
        {result.status === 'found'
          ? knownBadSentence(t, result)
          : result.status === 'no_path_within_hops'
            ? t('pathSearch.knownBad.none', { count: result.maxHops })
            : t('pathSearch.knownBad.noMarker')}
      </Typography>
      {result.status === 'found' && result.path && (
        <Button size="small" startIcon={<RouteIcon />} sx={{ mt: 0.5, ml: -0.5 }} data-testid="known-bad-add" onClick={() => onAdd({ paths: [result.path!], nodes: result.nodes, edges: result.edges })}>
          {t('pathSearch.knownBad.add')}
        </Button>
      )}
    </Box>
  );
}
