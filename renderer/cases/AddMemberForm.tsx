import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRef } from '../../main/api';
import { useApi } from '../api/api-context';
import { errorText } from '../shared/error-text';
import { toApiError } from '../shared/to-api-error';

/** Adds an account by its user id: the graph is searched for it, so only real accounts get in. */
export function AddMemberForm({ disabled, onAdd }: { disabled: boolean; onAdd(account: AccountRef): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [userId, setUserId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  async function add() {
    const wanted = userId.trim();
    if (!wanted) return;
    setSearching(true);
    try {
      const { hits } = await api.graph.search({ query: wanted, limit: 10 });
      const account = hits.find((hit) => hit.node.kind === 'account' && hit.node.key.toLowerCase() === wanted.toLowerCase())?.node;
      if (!account) {
        setProblem(t('cases.members.notFound', { userId: wanted }));
        return;
      }
      setProblem(null);
      setUserId('');
      onAdd({ nodeId: account.id, userId: account.key });
    } catch (error) {
      setProblem(errorText(t, toApiError(error)));
    } finally {
      setSearching(false);
    }
  }

  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'flex-start', mt: 1.5 }}
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <TextField
        size="small"
        label={t('cases.members.addLabel')}
        placeholder={t('cases.members.addPlaceholder')}
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
        disabled={disabled || searching}
        error={problem !== null}
        helperText={problem ?? ' '}
        sx={{ flex: 1 }}
        slotProps={{ htmlInput: { 'data-testid': 'add-member-input' } }}
      />
      <Button type="submit" variant="outlined" disabled={disabled || searching || !userId.trim()} data-testid="add-member" sx={{ mt: '2px' }}>
        {t('cases.members.add')}
      </Button>
    </Stack>
  );
}
