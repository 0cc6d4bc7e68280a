import AddIcon from '@mui/icons-material/Add';
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTitle } from './case-title';
import { CASE_STATUSES, type Case, type CaseStatus } from '../../main/api';
import { queryKeys } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { ErrorNotice } from '../shared/ErrorNotice';
import { CaseDetail } from './CaseDetail';
import { CaseStatusChip } from './CaseStatusChip';
import { useFormat } from '../i18n/format';
import { NewCaseDialog } from './NewCaseDialog';
import { useCaseList } from './use-case-list';

const LIST_WIDTH = 380;

/** The Cases screen: cases filtered by status, assignee and text on the left, the open case on the right. */
export function CasesScreen() {
  const { t } = useTranslation();
  const { activeScreen, caseRequest } = useWorkbench();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [assignee, setAssignee] = useState('');
  const [text, setText] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const visible = activeScreen === 'cases';
  // Coming back to the screen lists cases created meanwhile (from Explore, Rings, or a colleague).
  const { cases, error } = useCaseList(
    { status: status || undefined, assignee: assignee.trim() || undefined, text: text.trim() || undefined },
    visible,
  );

  useEffect(() => {
    if (caseRequest) setSelectedId(caseRequest.caseId);
  }, [caseRequest]);

  return (
    <Box sx={{ display: 'flex', height: '100%', minHeight: 0 }}>
      <Box sx={{ width: LIST_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', display: 'flex', flexDirection: 'column', bgcolor: 'background.paper' }}>
        <Stack spacing={1.25} sx={{ p: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Stack direction="row" sx={{ alignItems: 'center' }}>
            <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
              {t('cases.title')}
            </Typography>
            <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="new-blank-case">
              {t('cases.create.blank')}
            </Button>
          </Stack>
          <TextField size="small" label={t('cases.filters.text')} value={text} onChange={(event) => setText(event.target.value)} slotProps={{ htmlInput: { 'data-testid': 'cases-text-filter' } }} />
          <Stack direction="row" spacing={1}>
            <TextField select size="small" label={t('cases.filters.status')} value={status} onChange={(event) => setStatus(event.target.value as CaseStatus | '')} sx={{ flex: 1 }}>
              <MenuItem value="">{t('cases.filters.anyStatus')}</MenuItem>
              {CASE_STATUSES.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`cases.status.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" label={t('cases.filters.assignee')} value={assignee} onChange={(event) => setAssignee(event.target.value)} sx={{ flex: 1 }} />
          </Stack>
        </Stack>
        <Box sx={{ flex: 1, overflowY: 'auto' }}>
          {error && <ErrorNotice error={error} sx={{ m: 2 }} />}
          {!cases && !error && <Skeleton variant="rounded" height={120} sx={{ m: 2 }} />}
          {cases?.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
              {t('cases.empty')}
            </Typography>
          )}
          <List disablePadding data-testid="case-list">
            {cases?.map((item) => (
              <CaseListItem key={item.id} item={item} selected={item.id === selectedId} onSelect={() => setSelectedId(item.id)} />
            ))}
          </List>
        </Box>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
        {selectedId ? (
          <CaseDetail
            key={`${selectedId}-${caseRequest?.caseId === selectedId ? caseRequest.requestId : 0}`}
            caseId={selectedId}
            latestVersion={cases?.find((item) => item.id === selectedId)?.version}
          />
        ) : (
          <Stack spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', height: '100%', color: 'text.secondary', p: 4, textAlign: 'center' }}>
            <FolderOpenOutlinedIcon sx={{ fontSize: 48 }} />
            <Typography variant="h6">{t('cases.pickTitle')}</Typography>
            <Typography variant="body2">{t('cases.pickHint')}</Typography>
          </Stack>
        )}
      </Box>
      <NewCaseDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setSelectedId(created.id);
          void queryClient.invalidateQueries({ queryKey: queryKeys.caseLists });
        }}
      />
    </Box>
  );
}

function CaseListItem({ item, selected, onSelect }: { item: Case; selected: boolean; onSelect(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ListItemButton selected={selected} onClick={onSelect} data-testid="case-list-item" sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', py: 1.25 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body1" noWrap sx={{ flex: 1, fontWeight: 500 }}>
          {caseTitle(item, t)}
        </Typography>
        <CaseStatusChip status={item.status} />
      </Stack>
      <Typography variant="caption" color="text.secondary" component="div" noWrap>
        {t('cases.listLine', {
          id: item.id,
          count: item.cluster.accounts.length,
          assignee: item.assignee ?? t('cases.fields.unassigned'),
          at: format.dateTime(item.updatedAt),
        })}
      </Typography>
    </ListItemButton>
  );
}
