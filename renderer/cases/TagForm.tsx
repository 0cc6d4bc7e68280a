import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_CODES, type BlacklistTag, type ReasonCode } from '../../main/api';

export interface TagChoice {
  reasonCode: ReasonCode;
  confidence: number;
  note: string;
}

/** Reason code, confidence and note of the blacklist tag. Remount it (key) to show a reloaded case. */
export function TagForm({ tag, disabled, onSave }: { tag: BlacklistTag | null; disabled: boolean; onSave(choice: TagChoice): void }) {
  const { t } = useTranslation();
  const [reasonCode, setReasonCode] = useState<ReasonCode>(tag?.reasonCode ?? 'fraud_ring');
  const [confidence, setConfidence] = useState(Math.round((tag?.confidence ?? 0.8) * 100));
  const [note, setNote] = useState(tag?.note ?? '');
  const unchanged = tag !== null && tag.reasonCode === reasonCode && Math.round(tag.confidence * 100) === confidence && tag.note === note;

  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ reasonCode, confidence: confidence / 100, note });
      }}
    >
      <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('cases.tag.reasonCode')}
          value={reasonCode}
          onChange={(event) => setReasonCode(event.target.value as ReasonCode)}
          disabled={disabled}
          sx={{ minWidth: 220 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'tag-reason-select' } as object } }}
        >
          {REASON_CODES.map((code) => (
            <MenuItem key={code} value={code}>
              {t(`cases.reason.${code}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1, px: 1 }}>
          <Typography variant="caption" color="text.secondary" id="tag-confidence-label">
            {t('cases.tag.confidenceValue', { value: confidence })}
          </Typography>
          <Slider
            value={confidence}
            onChange={(_event, value) => setConfidence(value as number)}
            min={0}
            max={100}
            step={5}
            disabled={disabled}
            aria-labelledby="tag-confidence-label"
            data-testid="tag-confidence"
            size="small"
          />
        </Box>
      </Stack>
      <TextField size="small" label={t('cases.tag.note')} value={note} onChange={(event) => setNote(event.target.value)} disabled={disabled} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'tag-note-input' } }} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={disabled || unchanged} data-testid="save-tag">
          {t(tag ? 'cases.tag.update' : 'cases.tag.save')}
        </Button>
      </Stack>
    </Stack>
  );
}
