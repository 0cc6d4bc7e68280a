import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Appends a note; the text is kept if saving fails. */
export function NoteForm({ disabled, onAdd }: { disabled: boolean; onAdd(text: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'flex-start', mt: 1.5 }}
      onSubmit={(event) => {
        event.preventDefault();
        void onAdd(text).then((saved) => saved && setText(''));
      }}
    >
      <TextField size="small" label={t('cases.notes.add')} value={text} onChange={(event) => setText(event.target.value)} disabled={disabled} multiline maxRows={4} sx={{ flex: 1 }} />
      <Button type="submit" variant="outlined" disabled={disabled || !text.trim()}>
        {t('cases.notes.save')}
      </Button>
    </Stack>
  );
}
