import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { choicesWith } from './schema-mapping-edit';

/** The select's value for "not mapped" (no graph name is empty). */
const UNMAPPED = '';

export function NameSelect({ label, value, choices, optional, onChange, testId }: { label: string; value: string | null; choices: string[]; optional?: boolean; onChange(value: string | null): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? UNMAPPED}
      onChange={(event) => onChange(event.target.value === UNMAPPED ? null : event.target.value)}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {optional && (
        <MenuItem value={UNMAPPED}>
          <em>{t('connect.schema.notMapped')}</em>
        </MenuItem>
      )}
      {choicesWith(choices, value).map((choice) => (
        <MenuItem key={choice} value={choice}>
          {choice}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function PropertyField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return <TextField size="small" label={label} value={value} onChange={(event) => onChange(event.target.value)} slotProps={{ htmlInput: { spellCheck: false } }} />;
}

export function Section({ title, children, columns }: { title: string; children: ReactNode; columns: number }) {
  return (
    <Box sx={{ mb: 2.5 }}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: `repeat(${columns}, minmax(0, 1fr))` }, gap: 1.5, alignItems: 'start' }}>{children}</Box>
    </Box>
  );
}
