/**
 * The second demo shape: the same generated dataset written as a payment network, so mapping,
 * discovery and detection are tried on a graph that is not the demo schema. Clients
 * (`:Client {clientId, verified, fraud}`, no creation time) with e-mail, phone, national-id and
 * device nodes of their own labels, and transactions as event nodes,
 * `(:Client)-[:PERFORMED]->(:Transaction {amount, ts})-[:TO]->(:Client|:Merchant)` (transfers and
 * merchant payments alike). The generator's
 * IP and address identifiers are not written: a payment network seldom records them.
 */
import { graphQueries, quoteName, statementsOf } from '../../../../graph-queries/catalog';
import { IDENTIFIER_KINDS, type SchemaMapping } from '../../../api';
import type { DemoDataset } from '../../demo/dataset';
import { demoIdentifier, type ValidatedMapping } from '../../schema/schema-mapping';
import type { Neo4jClient } from './neo4j-client';
import { datasetFingerprint, epochInt, requireEmptyDatabase, writeSeedIdentifiers, writeSeedRows, type SeedProgress } from './seed';

/** The mapping of the payment-network shape, as an investigator would accept it. */
export const PAYMENT_NETWORK_SCHEMA_MAPPING: SchemaMapping = {
  account: {
    labels: ['Client'],
    idProperty: 'clientId',
    createdAtProperty: null,
    riskScoreProperty: null,
    blacklistedProperty: 'fraud',
    knownGoodProperty: 'verified',
    communityProperty: null,
  },
  identifiers: [
    demoIdentifier('device', 'Device', 'fingerprint', 'USED_DEVICE'),
    demoIdentifier('phone', 'Phone', 'number', 'HAS_PHONE'),
    // An identity-document number: masked like a card number (last four digits shown).
    demoIdentifier('card', 'NationalId', 'idNumber', 'HAS_NATIONAL_ID'),
    demoIdentifier('email', 'Email', 'address', 'HAS_EMAIL'),
  ],
  transfer: null,
  payment: null,
  accountLinks: [],
  eventLinks: [
    { fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'account' }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.5 },
    { fromType: 'PERFORMED', eventLabel: 'Transaction', toType: 'TO', farEnd: { kind: 'merchant', label: 'Merchant', idProperty: 'merchantId' }, amountProperty: 'amount', timeProperty: 'ts', weight: 0.5 },
  ],
};

/** Business id of account i in the payment-network shape. */
export function clientIdOf(index: number): string {
  return `C${String(index).padStart(7, '0')}`;
}

/** A national-id number (18 digits) for a generated card number: one to one, so shared stays shared. */
export function nationalIdOf(cardNumber: string): string {
  return `11${cardNumber}`;
}

/** Which dataset, in which shape, the database holds: never equal to the demo shape's fingerprint. */
export function paymentNetworkFingerprint(dataset: DemoDataset): string {
  return `payment-network-${datasetFingerprint(dataset)}`;
}

/** The stages and their row counts, so a progress bar can show the whole job from the start. */
export function paymentNetworkPlan(dataset: DemoDataset): SeedProgress[] {
  const written = new Set(PAYMENT_NETWORK_SCHEMA_MAPPING.identifiers.map((identifier) => identifier.kind));
  const identifiers = dataset.identifiers.kind.filter((kind) => written.has(IDENTIFIER_KINDS[kind])).length;
  return [
    { stage: 'clients', done: 0, total: dataset.accounts.count },
    { stage: 'identifiers', done: 0, total: identifiers },
    { stage: 'merchants', done: 0, total: dataset.merchants.count },
    { stage: 'transactions', done: 0, total: dataset.transfers.count + dataset.payments.count },
  ];
}

/** Seeds the dataset as a payment network into an empty database, with its search indexes. */
export async function seedPaymentNetworkDataset(client: Neo4jClient, dataset: DemoDataset, onProgress?: (progress: SeedProgress) => void): Promise<void> {
  await requireEmptyDatabase(client);
  for (const statement of statementsOf(graphQueries['constraints-payment-network'].text)) await client.writeStatement(statement);
  const mapping = PAYMENT_NETWORK_SCHEMA_MAPPING as ValidatedMapping;
  const { accounts, merchants, transfers, payments } = dataset;
  await writeSeedRows(client, 'seed-payment-network-clients', 'clients', accounts.count, (i) => ({
    clientId: clientIdOf(i),
    verified: accounts.verified[i] === 1,
    fraud: accounts.blacklisted[i] === 1,
  }), { onProgress });
  await writeSeedIdentifiers(client, dataset, mapping, clientIdOf, (kind, value) => (kind === 'card' ? nationalIdOf(value) : value), onProgress);
  await writeSeedRows(client, 'seed-merchants', 'merchants', merchants.count, (i) => ({
    merchantId: merchants.merchantId[i],
    name: merchants.name[i],
    category: merchants.category[i],
  }), { onProgress });
  const stageTotal = transfers.count + payments.count;
  await writeSeedRows(client, 'seed-payment-network-transactions', 'transactions', transfers.count, (i) => ({
    transactionId: `T${i}`,
    from: clientIdOf(transfers.from[i]),
    to: clientIdOf(transfers.to[i]),
    amount: transfers.amount[i],
    at: epochInt(transfers.at[i]),
  }), { names: { receiverLabel: quoteName('Client'), receiverIdProperty: quoteName('clientId') }, stageTotal, onProgress });
  await writeSeedRows(client, 'seed-payment-network-transactions', 'transactions', payments.count, (i) => ({
    transactionId: `T${transfers.count + i}`,
    from: clientIdOf(payments.account[i]),
    to: merchants.merchantId[payments.merchant[i]],
    amount: payments.amount[i],
    at: epochInt(payments.at[i]),
  }), { names: { receiverLabel: quoteName('Merchant'), receiverIdProperty: quoteName('merchantId') }, doneBefore: transfers.count, stageTotal, onProgress });
  for (const statement of statementsOf(graphQueries['search-indexes-payment-network'].text)) await client.writeStatement(statement);
  await client.write('seed-marker', { seed: dataset.seed, accounts: accounts.count, fingerprint: paymentNetworkFingerprint(dataset) });
}
