import CreateNewFolderOutlinedIcon from '@mui/icons-material/CreateNewFolderOutlined';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTitle } from './case-title';
import type { ApiError, Case, GraphNode } from '../../main/api';
import { useApi } from '../api/api-context';
import { caseChanged } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { accountRefsOf, createCaseFromAccounts } from './create-case';

/** "New case with this account" and "Add to case…" for an account selected in Explore; both open the case. */
export function AccountCaseActions({ account }: { account: GraphNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const { openCase } = useWorkbench();
  const queryClient = useQueryClient();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [openCases, setOpenCases] = useState<Case[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function act(work: () => Promise<Case>) {
    setBusy(true);
    setError(null);
    try {
      const changed = await work();
      void caseChanged(queryClient, changed);
      openCase(changed.id);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  function showCaseMenu(anchor: HTMLElement) {
    setMenuAnchor(anchor);
    setOpenCases(null);
    api.cases.list({ status: 'open' }).then(
      ({ cases }) => setOpenCases(cases),
      (failure: unknown) => {
        setMenuAnchor(null);
        setError(toApiError(failure));
      },
    );
  }

  const refs = accountRefsOf([account]);
  return (
    <Stack spacing={1} data-testid="account-case-actions">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button
          size="small"
          variant="outlined"
          startIcon={<CreateNewFolderOutlinedIcon />}
          disabled={busy}
          data-testid="new-case-with-account"
          onClick={() => void act(() => createCaseFromAccounts(api, refs))}
        >
          {t('cases.create.withAccount')}
        </Button>
        <Button size="small" variant="outlined" startIcon={<PlaylistAddIcon />} disabled={busy} data-testid="add-account-to-case" onClick={(event) => showCaseMenu(event.currentTarget)}>
          {t('cases.create.addToCase')}
        </Button>
      </Stack>
      <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
        {openCases === null && <MenuItem disabled>{t('cases.create.loadingCases')}</MenuItem>}
        {openCases?.length === 0 && <MenuItem disabled>{t('cases.create.noOpenCases')}</MenuItem>}
        {openCases?.map((item) => (
          <MenuItem
            key={item.id}
            onClick={() => {
              setMenuAnchor(null);
              void act(() => api.cases.updateMembers({ caseId: item.id, version: item.version, addAccounts: refs }));
            }}
          >
            <ListItemText primary={caseTitle(item, t)} secondary={t('cases.create.caseLine', { id: item.id, count: item.cluster.accounts.length })} />
          </MenuItem>
        ))}
      </Menu>
      {error && <ErrorNotice error={error} onClose={() => setError(null)} />}
    </Stack>
  );
}
