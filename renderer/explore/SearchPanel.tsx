import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../main/api';
import { ErrorNotice } from '../shared/ErrorNotice';
import { searchMatchCount, searchSections } from './search-groups';
import { SearchHitRow, SearchResultsGroups } from './SearchResultsGroups';
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
  const sections = searchSections(state.hits, state.groups);
  const matchCount = searchMatchCount(state.hits, sections);

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
      {state.query !== null && (matchCount > 0 || !state.error) && (
        <Typography variant="caption" color="text.secondary" sx={{ px: 2, pb: 0.5 }} role="status">
          {matchCount === 0 ? t('search.noResults', { query: state.query }) : t('search.matches', { count: matchCount })}
        </Typography>
      )}
      <List sx={{ overflowY: 'auto', flex: 1, px: 0.5 }}>
        {sections.length > 0 && state.hits.length > 0 && <ListSubheader sx={{ lineHeight: '32px' }}>{t('pathSearch.search.exact')}</ListSubheader>}
        {state.hits.map((hit) => (
          <SearchHitRow key={hit.node.id} hit={hit} selected={hit.node.id === selectedId} onOpen={onOpen} testId="search-result" />
        ))}
        <SearchResultsGroups sections={sections} selectedId={selectedId} onOpen={onOpen} />
      </List>
    </Box>
  );
}
