import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../main/api';
import { useFormat } from '../i18n/format';
import { nodeKindName } from '../graph/identifier-names';
import { KindBadge } from '../shared/KindBadge';
import type { SearchSection } from './search-groups';

/** One search hit: what it is, what it matched on, whether it is blacklisted. */
export function SearchHitRow({ hit, selected, onOpen, testId }: { hit: SearchHit; selected: boolean; onOpen(hit: SearchHit): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <ListItemButton data-testid={testId} selected={selected} onClick={() => onOpen(hit)} sx={{ borderRadius: 1, gap: 1 }}>
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
  );
}

/** Full-text matches under a header per kind; under the header, when it lists only the first of many, a note says so. */
export function SearchResultsGroups({ sections, selectedId, onOpen }: { sections: readonly SearchSection[]; selectedId: string | null; onOpen(hit: SearchHit): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {sections.map((section) => {
        const total = format.number(section.total);
        return (
          <Box component="li" key={section.kind} data-testid="search-group" data-kind={section.kind} sx={{ listStyle: 'none' }}>
            <Box component="ul" sx={{ p: 0 }}>
              <ListSubheader sx={{ lineHeight: '32px', display: 'flex', justifyContent: 'space-between', gap: 1 }} data-testid="search-group-header">
                <span>{t(`kinds.${section.kind}`)}</span>
                <span>{section.totalIsLowerBound ? t('pathSearch.search.moreThan', { total }) : total}</span>
              </ListSubheader>
              {section.cut && (
                <Typography component="li" variant="caption" color="text.secondary" data-testid="search-group-cut" sx={{ display: 'block', px: 2, pb: 0.5 }}>
                  {t(section.totalIsLowerBound ? 'pathSearch.search.cutLowerBound' : 'pathSearch.search.cut', { shown: format.number(section.listed), total })}
                </Typography>
              )}
              {section.hits.map((hit) => (
                <SearchHitRow key={hit.node.id} hit={hit} selected={hit.node.id === selectedId} onOpen={onOpen} testId="search-group-hit" />
              ))}
            </Box>
          </Box>
        );
      })}
    </>
  );
}
