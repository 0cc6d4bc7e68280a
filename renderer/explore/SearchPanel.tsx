import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../main/api';
import { ErrorNotice } from '../shared/ErrorNotice';
import { KindBadge } from '../shared/KindBadge';
import { nodeKindName } from '../graph/identifier-names';
import type { SearchState } from './use-search';

export interface SearchPanelProps {
  query: string;
  onQueryChange(query: string): void;
  onSearch(query: string): void;
  state: SearchState;
  onOpen(hit: SearchHit): void;
  selectedId: string | null;
}

/** The search box and its hits; a field error from the Api appears under the box. */
export function SearchPanel({ query, onQueryChange, onSearch, state, onOpen, selectedId }: SearchPanelProps) {
  const { t } = useTranslation();
  const queryErrors = state.error?.code === 'invalid_input' ? (state.error.fields ?? []).filter((field) => field.path === 'query') : [];
  const otherError = state.error && queryErrors.length === 0 ? state.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(query);
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box component="form" role="search" onSubmit={submit} sx={{ p: 1.25, pb: 1 }}>
        <TextField
          fullWidth
          autoFocus
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          placeholder={t('search.placeholder')}
          error={queryErrors.length > 0}
          sx={{ '& .MuiInputBase-input': { fontSize: 13, textOverflow: 'ellipsis' } }}
          helperText={queryErrors.map((field) => field.message).join(' ') || undefined}
          slotProps={{
            htmlInput: { 'data-testid': 'search-input', 'aria-label': t('search.label'), spellCheck: false },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
              endAdornment: state.loading ? <CircularProgress size={16} aria-label={t('search.submit')} /> : undefined,
            },
          }}
        />
      </Box>
      {otherError && <ErrorNotice error={otherError} sx={{ mx: 1.5, mb: 1 }} />}
      {state.query !== null && (
        <Typography variant="caption" color="text.secondary" sx={{ px: 2, pb: 0.5 }} role="status">
          {state.hits.length === 0 ? t('search.noResults', { query: state.query }) : t('search.matches', { count: state.hits.length })}
        </Typography>
      )}
      <List sx={{ overflowY: 'auto', flex: 1, px: 0.5 }}>
        {state.hits.map((hit) => (
          <ListItemButton
            key={hit.node.id}
            data-testid="search-result"
            selected={hit.node.id === selectedId}
            onClick={() => onOpen(hit)}
            sx={{ borderRadius: 1, gap: 1 }}
          >
            <ListItemIcon sx={{ minWidth: 0 }}>
              <KindBadge kind={hit.node.kind} riskScore={hit.node.riskScore} size={26} icon={hit.node.identifierType?.icon} />
            </ListItemIcon>
            <ListItemText
              primary={hit.node.label}
              secondary={`${nodeKindName(hit.node, t)} · ${t('search.matchedOn', { field: hit.matchedOn })}`}
              slotProps={{ primary: { noWrap: true, sx: { fontWeight: 500 } }, secondary: { noWrap: true, variant: 'caption' } }}
            />
            {hit.node.blacklisted && <Chip label={t('details.blacklisted')} color="error" variant="outlined" sx={{ height: 20 }} />}
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
