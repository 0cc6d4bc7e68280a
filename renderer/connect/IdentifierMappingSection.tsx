import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_ICONS, IDENTIFIER_KINDS, type DiscoveredSchema, type IdentifierIcon, type IdentifierKind, type SchemaMapping } from '../../main/api';
import { KindBadge } from '../shared/KindBadge';
import { NameSelect } from './mapping-fields';
import { propertiesOf, withIdentifierEntry, withNewIdentifier } from './schema-mapping-edit';

type IdentifierMapping = SchemaMapping['identifiers'][number];

/** The kind select's value for "a kind of your own" (no built-in kind is empty). */
const OWN_KIND = '';
/** The icon select's value for "the kind's own picture". */
const KIND_ICON = '';
const DEFAULT_WEIGHT = '';
const DIRECTIONS: readonly IdentifierMapping['direction'][] = ['from-account', 'to-account'];
const MASKINGS: readonly IdentifierMapping['masking'][] = ['mask', 'show'];

/**
 * The identifier entries of a mapping, one card each: which label and relationship it is, and how
 * RingScope names it (in reasons and the legend), draws it, weighs it and masks its values.
 */
export function IdentifierMappingSection({ schema, mapping, onChange }: { schema: DiscoveredSchema; mapping: SchemaMapping; onChange(mapping: SchemaMapping): void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ mb: 2.5 }}>
      <Typography variant="subtitle2">{t('connect.schema.identifierEntries.title')}</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('connect.schema.identifierEntries.hint')}
      </Typography>
      {mapping.identifiers.map((identifier, index) => (
        <IdentifierEntry
          key={index}
          index={index}
          identifier={identifier}
          takenKinds={mapping.identifiers.flatMap((other, i) => (i !== index && other.kind ? [other.kind] : []))}
          schema={schema}
          onChange={(patch) => onChange(withIdentifierEntry(mapping, index, patch, schema))}
        />
      ))}
      <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(withNewIdentifier(mapping, schema))} data-testid="add-identifier">
        {t('connect.schema.identifierEntries.add')}
      </Button>
    </Box>
  );
}

function IdentifierEntry({
  index,
  identifier,
  takenKinds,
  schema,
  onChange,
}: {
  index: number;
  identifier: IdentifierMapping;
  takenKinds: IdentifierKind[];
  schema: DiscoveredSchema;
  onChange(patch: Partial<IdentifierMapping> | null): void;
}) {
  const { t } = useTranslation();
  const testId = (field: string) => `identifier-${index}-${field}`;
  const icon = identifier.icon ?? identifier.kind ?? 'generic';
  const kindWord = identifier.kind ? t(`kinds.${identifier.kind}`) : '';
  return (
    <Box data-testid={`identifier-entry-${index}`} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, mb: 1.5 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(5, minmax(0, 1fr))' }, gap: 1.5, alignItems: 'start' }}>
        <TextField
          select
          size="small"
          label={t('connect.schema.identifierEntries.kind')}
          value={identifier.kind ?? OWN_KIND}
          onChange={(event) => {
            const kind = event.target.value === OWN_KIND ? null : (event.target.value as IdentifierKind);
            // A kind of the team's own needs a name: start from its label.
            onChange(kind ? { kind } : { kind, displayName: identifier.displayName ?? identifier.label });
          }}
          slotProps={{ htmlInput: { 'data-testid': testId('kind') } }}
        >
          <MenuItem value={OWN_KIND}>
            <em>{t('connect.schema.identifierEntries.ownKind')}</em>
          </MenuItem>
          {IDENTIFIER_KINDS.filter((kind) => kind === identifier.kind || !takenKinds.includes(kind)).map((kind) => (
            <MenuItem key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </MenuItem>
          ))}
        </TextField>
        <NameSelect testId={testId('label')} label={t('connect.schema.label')} value={identifier.label} choices={schema.labels} onChange={(label) => onChange({ label: label ?? '' })} />
        <NameSelect testId={testId('value')} label={t('connect.schema.valueProperty')} value={identifier.valueProperty} choices={propertiesOf(schema, identifier.label)} onChange={(valueProperty) => onChange({ valueProperty: valueProperty ?? '' })} />
        <NameSelect testId={testId('type')} label={t('connect.schema.relationshipType')} value={identifier.relationshipType} choices={schema.relationshipTypes} onChange={(relationshipType) => onChange({ relationshipType: relationshipType ?? '' })} />
        <TextField
          select
          size="small"
          label={t('connect.schema.identifierEntries.direction')}
          value={identifier.direction}
          onChange={(event) => onChange({ direction: event.target.value as IdentifierMapping['direction'] })}
          slotProps={{ htmlInput: { 'data-testid': testId('direction') } }}
        >
          {DIRECTIONS.map((direction) => (
            <MenuItem key={direction} value={direction}>
              {t(`connect.schema.identifierEntries.${direction}`)}
            </MenuItem>
          ))}
        </TextField>

        <TextField
          size="small"
          label={t('connect.schema.identifierEntries.displayName')}
          value={identifier.displayName ?? ''}
          placeholder={kindWord}
          required={identifier.kind === null}
          onChange={(event) => onChange({ displayName: event.target.value === '' ? null : event.target.value })}
          slotProps={{ htmlInput: { maxLength: 40, 'data-testid': testId('name') }, inputLabel: { shrink: true } }}
        />
        <TextField
          select
          size="small"
          label={t('connect.schema.identifierEntries.icon')}
          value={identifier.icon ?? KIND_ICON}
          onChange={(event) => onChange({ icon: event.target.value === KIND_ICON ? null : (event.target.value as IdentifierIcon) })}
          slotProps={{
            htmlInput: { 'data-testid': testId('icon') },
            // The empty value (the kind's own picture) is drawn too: keep the label above it.
            inputLabel: { shrink: true },
            select: { displayEmpty: true, renderValue: () => <IconChoice icon={icon} kind={identifier.kind} label={t(`connect.schema.identifierEntries.icons.${icon}`)} /> },
          }}
        >
          <MenuItem value={KIND_ICON}>
            <IconChoice icon={identifier.kind ?? 'generic'} kind={identifier.kind} label={t(`connect.schema.identifierEntries.icons.${identifier.kind ?? 'generic'}`)} />
          </MenuItem>
          {IDENTIFIER_ICONS.filter((choice) => choice !== (identifier.kind ?? 'generic')).map((choice) => (
            <MenuItem key={choice} value={choice}>
              <IconChoice icon={choice} kind={identifier.kind} label={t(`connect.schema.identifierEntries.icons.${choice}`)} />
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="number"
          label={t('connect.schema.identifierEntries.weight')}
          value={identifier.weight ?? DEFAULT_WEIGHT}
          placeholder={t('connect.schema.identifierEntries.defaultWeight')}
          onChange={(event) => onChange({ weight: event.target.value === DEFAULT_WEIGHT ? null : Number(event.target.value) })}
          slotProps={{ htmlInput: { min: 0.01, max: 1, step: 0.05, 'data-testid': testId('weight') }, inputLabel: { shrink: true } }}
        />
        <TextField
          select
          size="small"
          label={t('connect.schema.identifierEntries.masking')}
          value={identifier.masking}
          onChange={(event) => onChange({ masking: event.target.value as IdentifierMapping['masking'] })}
          slotProps={{ htmlInput: { 'data-testid': testId('masking') } }}
        >
          {MASKINGS.map((masking) => (
            <MenuItem key={masking} value={masking}>
              {t(`connect.schema.identifierEntries.${masking}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box>
          <Button size="small" color="inherit" onClick={() => onChange(null)} data-testid={`remove-identifier-${index}`}>
            {t('connect.schema.identifierEntries.remove')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
}

function IconChoice({ icon, kind, label }: { icon: IdentifierIcon; kind: IdentifierKind | null; label: string }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <KindBadge kind={kind ?? 'identifier'} icon={icon} size={18} />
      {label}
    </Box>
  );
}
