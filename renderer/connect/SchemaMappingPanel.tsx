import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { type ApiError, type DiscoveredSchema, type IdentifierKind, type SchemaMapping } from '../../main/api';
import { ConnectionFailure } from './ConnectionNotice';
import { IdentifierMappingSection } from './IdentifierMappingSection';
import { AccountLinksSection, EventLinksSection } from './LinkMappingSections';
import { NameSelect, PropertyField, Section } from './mapping-fields';
import { choicesWith, propertiesOf, withAccount, withPaymentType, withTransferType } from './schema-mapping-edit';

/** Account properties a graph may lack: each can be left unmapped. */
const OPTIONAL_ACCOUNT_PROPERTIES = ['createdAtProperty', 'riskScoreProperty', 'blacklistedProperty', 'knownGoodProperty', 'communityProperty'] as const;

export interface SchemaMappingPanelProps {
  connectionName: string;
  schema: DiscoveredSchema;
  mapping: SchemaMapping;
  onChange(mapping: SchemaMapping): void;
  onSave(): void;
  saving: boolean;
  saved: boolean;
  error: ApiError | null;
}

/**
 * The schema mapping as editable selects filled from what discovery found: which label is an account,
 * which labels and relationship types are shared identifiers, transfers and payments, and the risk properties.
 */
export function SchemaMappingPanel({ connectionName, schema, mapping, onChange, onSave, saving, saved, error }: SchemaMappingPanelProps) {
  const { t } = useTranslation();
  // Properties of every account label: the id must be on each, markers may be on some.
  const accountProperties = [...new Set(mapping.account.labels.flatMap((label) => propertiesOf(schema, label)))].sort();
  const payment = mapping.payment;
  const merchantProperties = propertiesOf(schema, payment?.merchantLabel);

  return (
    <Box data-testid="schema-mapping">
      <Typography variant="h6" component="h3">
        {t('connect.schema.title', { name: connectionName })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('connect.schema.subtitle', { labels: schema.labels.length, types: schema.relationshipTypes.length })}
      </Typography>
      {schema.notes.length > 0 && (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          {schema.notes.map((note) => {
            const { kind } = note.params;
            // An identifier note names its kind: worded in the UI language, not as the code.
            const text = t(`connect.schema.notes.${note.code}`, { label: '', property: '', relationshipType: '', ...note.params, kind: kind ? t(`kinds.${kind as IdentifierKind}`) : '' });
            return <div key={text}>{text}</div>;
          })}
        </Alert>
      )}

      <Section title={t('connect.schema.accounts')} columns={4}>
        <AccountLabelsSelect labels={mapping.account.labels} choices={schema.labels} onChange={(labels) => onChange(withAccount(mapping, { labels }))} />
        <NameSelect testId="mapping-account-id" label={t('connect.schema.idProperty')} value={mapping.account.idProperty} choices={accountProperties} onChange={(idProperty) => onChange(withAccount(mapping, { idProperty: idProperty ?? '' }))} />
        {OPTIONAL_ACCOUNT_PROPERTIES.map((key) => (
          <NameSelect key={key} testId={`mapping-account-${key}`} optional label={t(`connect.schema.${key}`)} value={mapping.account[key]} choices={accountProperties} onChange={(value) => onChange(withAccount(mapping, { [key]: value }))} />
        ))}
      </Section>

      <IdentifierMappingSection schema={schema} mapping={mapping} onChange={onChange} />

      <Section title={t('connect.schema.moneyFlows')} columns={4}>
        <NameSelect testId="mapping-transfer-type" optional label={t('connect.schema.transferType')} value={mapping.transfer?.relationshipType ?? null} choices={schema.relationshipTypes} onChange={(type) => onChange(withTransferType(mapping, type))} />
        {mapping.transfer && (
          <>
            <PropertyField label={t('connect.schema.amountProperty')} value={mapping.transfer.amountProperty} onChange={(amountProperty) => onChange({ ...mapping, transfer: { ...mapping.transfer!, amountProperty } })} />
            <PropertyField label={t('connect.schema.timeProperty')} value={mapping.transfer.timeProperty} onChange={(timeProperty) => onChange({ ...mapping, transfer: { ...mapping.transfer!, timeProperty } })} />
          </>
        )}
      </Section>

      <Section title={t('connect.schema.payments')} columns={4}>
        <NameSelect testId="mapping-payment-type" optional label={t('connect.schema.paymentType')} value={payment?.relationshipType ?? null} choices={schema.relationshipTypes} onChange={(type) => onChange(withPaymentType(mapping, type, schema))} />
        {payment && (
          <>
            <NameSelect testId="mapping-merchant-label" label={t('connect.schema.merchantLabel')} value={payment.merchantLabel} choices={schema.labels} onChange={(merchantLabel) => onChange({ ...mapping, payment: { ...payment, merchantLabel: merchantLabel ?? '' } })} />
            <NameSelect testId="mapping-merchant-id" label={t('connect.schema.merchantIdProperty')} value={payment.merchantIdProperty} choices={merchantProperties} onChange={(merchantIdProperty) => onChange({ ...mapping, payment: { ...payment, merchantIdProperty: merchantIdProperty ?? '' } })} />
            <NameSelect testId="mapping-merchant-name" optional label={t('connect.schema.merchantNameProperty')} value={payment.merchantNameProperty} choices={merchantProperties} onChange={(merchantNameProperty) => onChange({ ...mapping, payment: { ...payment, merchantNameProperty } })} />
            <PropertyField label={t('connect.schema.amountProperty')} value={payment.amountProperty} onChange={(amountProperty) => onChange({ ...mapping, payment: { ...payment, amountProperty } })} />
            <PropertyField label={t('connect.schema.timeProperty')} value={payment.timeProperty} onChange={(timeProperty) => onChange({ ...mapping, payment: { ...payment, timeProperty } })} />
            <NameSelect testId="mapping-merchant-category" optional label={t('connect.schema.merchantCategoryProperty')} value={payment.merchantCategoryProperty} choices={merchantProperties} onChange={(merchantCategoryProperty) => onChange({ ...mapping, payment: { ...payment, merchantCategoryProperty } })} />
          </>
        )}
      </Section>

      <AccountLinksSection schema={schema} mapping={mapping} onChange={onChange} />
      <EventLinksSection schema={schema} mapping={mapping} onChange={onChange} />

      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={onSave} disabled={saving} data-testid="save-mapping">
          {saving ? t('connect.schema.saving') : t('connect.schema.save')}
        </Button>
        {saved && !error && (
          <Typography variant="body2" color="success.main" role="status" data-testid="mapping-saved">
            {t('connect.schema.saved')}
          </Typography>
        )}
      </Stack>
      {error && (
        <Box sx={{ mt: 2 }}>
          <ConnectionFailure error={error} />
        </Box>
      )}
    </Box>
  );
}

/** The account labels: a node with any of them is an account (e.g. :Client and :Customer). */
function AccountLabelsSelect({ labels, choices, onChange }: { labels: string[]; choices: string[]; onChange(labels: string[]): void }) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('connect.schema.identifierEntries.accountLabels')}
      value={labels}
      onChange={(event) => onChange(event.target.value as unknown as string[])}
      slotProps={{ select: { multiple: true }, htmlInput: { 'data-testid': 'mapping-account-label' } }}
    >
      {labels.reduce((all, label) => choicesWith(all, label), choices).map((choice) => (
        <MenuItem key={choice} value={choice}>
          {choice}
        </MenuItem>
      ))}
    </TextField>
  );
}
