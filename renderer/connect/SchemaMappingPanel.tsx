import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_KINDS, type ApiError, type DiscoveredSchema, type IdentifierKind, type SchemaMapping } from '../../main/api';
import { ConnectionFailure } from './ConnectionNotice';
import { AccountLinksSection, EventLinksSection } from './LinkMappingSections';
import { NameSelect, PropertyField, Section } from './mapping-fields';
import { propertiesOf, withAccount, withIdentifier, withPaymentType, withTransferType } from './schema-mapping-edit';

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
  const accountProperties = propertiesOf(schema, mapping.account.label);
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
        <NameSelect testId="mapping-account-label" label={t('connect.schema.label')} value={mapping.account.label} choices={schema.labels} onChange={(label) => onChange(withAccount(mapping, { label: label ?? '' }))} />
        <NameSelect testId="mapping-account-id" label={t('connect.schema.idProperty')} value={mapping.account.idProperty} choices={accountProperties} onChange={(idProperty) => onChange(withAccount(mapping, { idProperty: idProperty ?? '' }))} />
        {OPTIONAL_ACCOUNT_PROPERTIES.map((key) => (
          <NameSelect key={key} testId={`mapping-account-${key}`} optional label={t(`connect.schema.${key}`)} value={mapping.account[key]} choices={accountProperties} onChange={(value) => onChange(withAccount(mapping, { [key]: value }))} />
        ))}
      </Section>

      <Section title={t('connect.schema.identifiers')} columns={3}>
        {IDENTIFIER_KINDS.map((kind) => {
          const identifier = mapping.identifiers.find((candidate) => candidate.kind === kind) ?? null;
          return [
            <NameSelect
              key={`${kind}-label`}
              testId={`mapping-${kind}-label`}
              optional
              label={t(`kinds.${kind}`)}
              value={identifier?.label ?? null}
              choices={schema.labels}
              onChange={(label) => onChange(withIdentifier(mapping, kind, label === null ? null : { label }, schema))}
            />,
            identifier ? (
              <NameSelect key={`${kind}-value`} testId={`mapping-${kind}-value`} label={t('connect.schema.valueProperty')} value={identifier.valueProperty} choices={propertiesOf(schema, identifier.label)} onChange={(valueProperty) => onChange(withIdentifier(mapping, kind, { valueProperty: valueProperty ?? '' }, schema))} />
            ) : (
              <Box key={`${kind}-value`} />
            ),
            identifier ? (
              <NameSelect key={`${kind}-type`} testId={`mapping-${kind}-type`} label={t('connect.schema.relationshipType')} value={identifier.relationshipType} choices={schema.relationshipTypes} onChange={(relationshipType) => onChange(withIdentifier(mapping, kind, { relationshipType: relationshipType ?? '' }, schema))} />
            ) : (
              <Box key={`${kind}-type`} />
            ),
          ];
        })}
      </Section>

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
