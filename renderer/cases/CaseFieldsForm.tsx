import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../main/api';

export interface CaseFieldChanges {
  title?: string;
  description?: string;
  assignee?: string | null;
}

/** Title, description and assignee; Save sends only what changed. Remount it (key) to show a reloaded case. */
export function CaseFieldsForm({ item, disabled, onSave }: { item: Case; disabled: boolean; onSave(changes: CaseFieldChanges): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.description);
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const changes: CaseFieldChanges = {};
  if (title.trim() !== item.title) changes.title = title;
  if (description !== item.description) changes.description = description;
  if ((assignee.trim() || null) !== item.assignee) changes.assignee = assignee.trim() || null;
  const dirty = Object.keys(changes).length > 0;

  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty) onSave(changes);
      }}
    >
      <Stack direction="row" spacing={1.5}>
        <TextField label={t('cases.fields.title')} value={title} onChange={(event) => setTitle(event.target.value)} disabled={disabled} size="small" sx={{ flex: 2 }} slotProps={{ htmlInput: { 'data-testid': 'case-title-input' } }} />
        <TextField label={t('cases.fields.assignee')} value={assignee} onChange={(event) => setAssignee(event.target.value)} disabled={disabled} size="small" sx={{ flex: 1 }} placeholder={t('cases.fields.unassigned')} slotProps={{ htmlInput: { 'data-testid': 'case-assignee-input' } }} />
      </Stack>
      <TextField label={t('cases.fields.description')} value={description} onChange={(event) => setDescription(event.target.value)} disabled={disabled} size="small" multiline minRows={2} maxRows={6} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button type="submit" variant="outlined" disabled={disabled || !dirty}>
          {t('cases.fields.save')}
        </Button>
      </Stack>
    </Stack>
  );
}
