import RouteIcon from '@mui/icons-material/Route';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PATH_HOPS, type ApiError, type GraphNode, type PathLinkType, type PathsResult } from '../../main/api';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { DEFAULT_PATH_CAP, DEFAULT_PATH_HOPS, linkTypeLabel, maxHopsError, pathOutcome, pathsRequest } from './path-choices';

export interface PathDialogProps {
  /** The two accounts to connect, or null when the dialog is closed. */
  ends: { from: GraphNode; to: GraphNode } | null;
  onClose(): void;
  /** A path was found: add it to the canvas. */
  onFound(result: PathsResult): void;
}

/** "Find path": which mapped link kinds to follow, how long a path may be, one shortest path or all of them. */
export function PathDialog({ ends, onClose, onFound }: PathDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [linkTypes, setLinkTypes] = useState<PathLinkType[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [maxHops, setMaxHops] = useState(String(DEFAULT_PATH_HOPS));
  const [all, setAll] = useState(false);
  const [limit, setLimit] = useState(DEFAULT_PATH_CAP);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [noPath, setNoPath] = useState<string | null>(null);
  const open = ends !== null;

  // The mapping is the connection's: read it each time the dialog opens (another source may be connected).
  useEffect(() => {
    if (!open) return;
    let stale = false;
    setError(null);
    setNoPath(null);
    api.graph.pathLinkTypes({}).then(
      ({ linkTypes: mapped }) => {
        if (stale) return;
        setLinkTypes(mapped);
        setChosen((previous) => (previous.length > 0 && previous.every((type) => mapped.some((linkType) => linkType.type === type)) ? previous : mapped.map((linkType) => linkType.type)));
      },
      (failure) => !stale && setError(toApiError(failure)),
    );
    return () => {
      stale = true;
    };
  }, [api, open]);

  const hopsError = maxHopsError(t, maxHops);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ends || hopsError || chosen.length === 0) return;
    setRunning(true);
    setError(null);
    setNoPath(null);
    try {
      const result = await api.graph.paths(pathsRequest(ends.from.id, ends.to.id, { linkTypes: chosen, maxHops, all, limit }));
      if (result.status === 'found') onFound(result);
      else setNoPath(pathOutcome(t, result, { from: ends.from.label, to: ends.to.label }).text);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setRunning(false);
    }
  };

  const toggle = (type: string, on: boolean) => setChosen((previous) => (on ? [...previous, type] : previous.filter((other) => other !== type)));

  return (
    <Dialog open={open} onClose={onClose} data-testid="path-dialog" maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={(event) => void submit(event)}>
        <DialogTitle>{ends ? t('pathSearch.find.title', { from: ends.from.label, to: ends.to.label }) : ''}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <FormControl component="fieldset" error={linkTypes !== null && chosen.length === 0}>
            <FormLabel component="legend">{t('pathSearch.find.linkKinds')}</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
              {linkTypes?.map((linkType) => (
                <FormControlLabel
                  key={linkType.type}
                  title={linkType.type}
                  control={<Checkbox size="small" checked={chosen.includes(linkType.type)} onChange={(event) => toggle(linkType.type, event.target.checked)} slotProps={{ input: { 'aria-label': linkTypeLabel(t, linkType) } }} />}
                  label={linkTypeLabel(t, linkType)}
                />
              ))}
            </FormGroup>
          </FormControl>
          <TextField
            label={t('pathSearch.find.maxHops')}
            type="number"
            size="small"
            value={maxHops}
            onChange={(event) => setMaxHops(event.target.value)}
            error={hopsError !== null}
            helperText={hopsError ?? t('pathSearch.find.maxHopsHint', { max: MAX_PATH_HOPS })}
            slotProps={{ htmlInput: { min: 1, max: MAX_PATH_HOPS, 'data-testid': 'path-max-hops' } }}
          />
          <RadioGroup value={all ? 'all' : 'shortest'} onChange={(event) => setAll(event.target.value === 'all')}>
            <FormControlLabel value="shortest" control={<Radio size="small" />} label={t('pathSearch.find.shortest')} />
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <FormControlLabel value="all" control={<Radio size="small" />} label={t('pathSearch.find.all')} sx={{ mr: 0 }} />
              <TextField
                select
                size="small"
                disabled={!all}
                value={limit}
                onChange={(event) => setLimit(Number(event.target.value))}
                slotProps={{ select: { native: true }, htmlInput: { 'aria-label': t('pathSearch.find.cap') } }}
              >
                {[10, 25, 50, 100].map((cap) => (
                  <option key={cap} value={cap}>
                    {t('pathSearch.find.capValue', { count: cap })}
                  </option>
                ))}
              </TextField>
            </Box>
          </RadioGroup>
          {noPath && (
            <Alert severity="info" data-testid="path-none">
              {noPath}
            </Alert>
          )}
          {error && <ErrorNotice error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('pathSearch.find.cancel')}</Button>
          <Button type="submit" variant="contained" startIcon={<RouteIcon />} disabled={running || hopsError !== null || chosen.length === 0} data-testid="path-submit">
            {t('pathSearch.find.submit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
