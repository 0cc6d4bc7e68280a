/**
 * `npm run neo4j:import -- [--accounts N] [--seed S] [--schema demo|payments]`: seeds the test server
 * (tests/neo4j, NEO4J_BOLT_PORT) with a generated dataset through Neo4j's offline importer
 * (`neo4j-admin database import full`, from the neo4j-import-tool jar already on the server's class
 * path), which writes the store files directly: a million accounts in minutes where Cypher writes
 * take most of an hour on a loaded machine. It stops the server, replaces the default database with
 * CSVs written from the generator, starts the server again, then creates the shape's constraints,
 * search indexes and seed marker through Cypher, as the Cypher seeding does.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { graphQueries, statementsOf } from '../../graph-queries/catalog';
import { IDENTIFIER_KINDS } from '../../main/api';
import { userIdOf, type DemoDataset } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { DEMO_SCHEMA_MAPPING } from '../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { datasetFingerprint, ensureSearchIndexes } from '../../main/core/sources/neo4j/seed';
import { clientIdOf, nationalIdOf, PAYMENT_NETWORK_SCHEMA_MAPPING, paymentNetworkFingerprint } from '../../main/core/sources/neo4j/seed-payment-network';

const TARGET = path.join(import.meta.dirname, 'target');

/** A CSV field: text quoted (addresses hold commas), numbers and booleans as they are. */
const field = (value: string | number | boolean) => (typeof value === 'string' ? `"${value.replaceAll('"', '""')}"` : String(value));
const iso = (ms: number) => new Date(ms).toISOString();

/** One CSV file written in chunks, so a million-row file never sits in memory as one string. */
function writeCsv(file: string, header: string, count: number, rowAt: (i: number) => (string | number | boolean)[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${header}\n`);
    for (let start = 0; start < count; start += 50_000) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(count, start + 50_000); i++) lines.push(rowAt(i).map(field).join(','));
      fs.writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

interface ImportFiles {
  nodes: string[];
  relationships: string[];
}

/**
 * Writes the dataset as import CSVs in a shape: the account label and key, how values look, and
 * how money moves (relationships between accounts, or event nodes).
 */
function writeShapeCsvs(dataset: DemoDataset, shape: 'demo' | 'payments', dir: string): ImportFiles {
  const files: ImportFiles = { nodes: [], relationships: [] };
  const file = (name: string) => path.join(dir, `${name}.csv`);
  const mapping = shape === 'demo' ? DEMO_SCHEMA_MAPPING : PAYMENT_NETWORK_SCHEMA_MAPPING;
  const [accountLabel] = mapping.account.labels;
  const accountIdOf = shape === 'demo' ? userIdOf : clientIdOf;
  const { accounts, identifiers, identifierLinks, merchants, transfers, payments } = dataset;

  if (shape === 'demo') {
    writeCsv(file('accounts'), 'userId:ID(User),createdAt:datetime,riskScore:float,blacklisted:boolean', accounts.count, (i) => [
      userIdOf(i),
      iso(accounts.createdAt[i]),
      Math.round(accounts.riskScore[i] * 10_000) / 10_000,
      accounts.blacklisted[i] === 1,
    ]);
  } else {
    writeCsv(file('accounts'), 'clientId:ID(Client),verified:boolean,fraud:boolean', accounts.count, (i) => [clientIdOf(i), accounts.verified[i] === 1, accounts.blacklisted[i] === 1]);
  }
  files.nodes.push(`${accountLabel}=${file('accounts')}`);

  for (const identifier of mapping.identifiers) {
    // The generator makes the built-in kinds only; a seeded shape maps nothing else.
    if (identifier.kind === null) continue;
    const kindIndex = IDENTIFIER_KINDS.indexOf(identifier.kind);
    const ofKind: number[] = [];
    for (let j = 0; j < identifiers.count; j++) if (identifiers.kind[j] === kindIndex) ofKind.push(j);
    const valueOf = (j: number) => (shape === 'payments' && identifier.kind === 'card' ? nationalIdOf(identifiers.value[j]) : identifiers.value[j]);
    writeCsv(file(identifier.label), `${identifier.valueProperty}:ID(${identifier.label})`, ofKind.length, (i) => [valueOf(ofKind[i])]);
    files.nodes.push(`${identifier.label}=${file(identifier.label)}`);
    const links: number[] = [];
    for (let l = 0; l < identifierLinks.count; l++) if (identifiers.kind[identifierLinks.identifier[l]] === kindIndex) links.push(l);
    writeCsv(file(identifier.relationshipType), `:START_ID(${accountLabel}),:END_ID(${identifier.label})`, links.length, (i) => [
      accountIdOf(identifierLinks.account[links[i]]),
      valueOf(identifierLinks.identifier[links[i]]),
    ]);
    files.relationships.push(`${identifier.relationshipType}=${file(identifier.relationshipType)}`);
  }

  writeCsv(file('merchants'), 'merchantId:ID(Merchant),name,category', merchants.count, (i) => [merchants.merchantId[i], merchants.name[i], merchants.category[i]]);
  files.nodes.push(`Merchant=${file('merchants')}`);

  if (shape === 'demo') {
    writeCsv(file('transfers'), ':START_ID(User),:END_ID(User),amount:float,at:datetime', transfers.count, (i) => [
      userIdOf(transfers.from[i]),
      userIdOf(transfers.to[i]),
      transfers.amount[i],
      iso(transfers.at[i]),
    ]);
    files.relationships.push(`TRANSFERRED_TO=${file('transfers')}`);
    writeCsv(file('payments'), ':START_ID(User),:END_ID(Merchant),amount:float,at:datetime', payments.count, (i) => [
      userIdOf(payments.account[i]),
      merchants.merchantId[payments.merchant[i]],
      payments.amount[i],
      iso(payments.at[i]),
    ]);
    files.relationships.push(`PAID=${file('payments')}`);
    return files;
  }
  // Transactions as event nodes: transfers first (T0 …), then payments, as the Cypher seeding numbers them.
  const total = transfers.count + payments.count;
  const isTransfer = (t: number) => t < transfers.count;
  writeCsv(file('transactions'), 'transactionId:ID(Transaction),amount:float,ts:datetime', total, (t) =>
    isTransfer(t) ? [`T${t}`, transfers.amount[t], iso(transfers.at[t])] : [`T${t}`, payments.amount[t - transfers.count], iso(payments.at[t - transfers.count])],
  );
  files.nodes.push(`Transaction=${file('transactions')}`);
  writeCsv(file('performed'), ':START_ID(Client),:END_ID(Transaction)', total, (t) => [
    clientIdOf(isTransfer(t) ? transfers.from[t] : payments.account[t - transfers.count]),
    `T${t}`,
  ]);
  files.relationships.push(`PERFORMED=${file('performed')}`);
  writeCsv(file('to-clients'), ':START_ID(Transaction),:END_ID(Client)', transfers.count, (t) => [`T${t}`, clientIdOf(transfers.to[t])]);
  writeCsv(file('to-merchants'), ':START_ID(Transaction),:END_ID(Merchant)', payments.count, (p) => [`T${transfers.count + p}`, merchants.merchantId[payments.merchant[p]]]);
  files.relationships.push(`TO=${file('to-clients')}`, `TO=${file('to-merchants')}`);
  return files;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { accounts: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '20261125' }, schema: { type: 'string', default: 'demo' } } });
  const accounts = Number(values.accounts);
  const seed = Number(values.seed);
  const shape = values.schema;
  if (shape !== 'demo' && shape !== 'payments') throw new Error('--schema must be demo or payments');
  const port = process.env.NEO4J_BOLT_PORT ?? '7687';
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const dataset = generateDemoDataset({ seed, accounts });
  console.log(`generated ${accounts} accounts: ${elapsed()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-import-'));
  try {
    const files = writeShapeCsvs(dataset, shape, dir);
    console.log(`CSV files written: ${elapsed()}`);
    const env = { ...process.env, NEO4J_BOLT_PORT: port };
    execFileSync(process.execPath, [path.join(import.meta.dirname, 'stop.mjs')], { stdio: 'inherit', env });
    // The server's home is its data folder (TestServer.java); the importer reads its layout from there.
    const home = path.resolve(process.env.NEO4J_DATA_DIR ?? path.join(TARGET, 'data'));
    fs.mkdirSync(home, { recursive: true });
    const conf = path.join(dir, 'conf');
    fs.mkdirSync(conf);
    fs.writeFileSync(path.join(conf, 'neo4j.conf'), '');
    const args = ['database', 'import', 'full', 'neo4j', '--overwrite-destination', '--threads=2', '--high-parallel-io=off', `--report-file=${path.join(dir, 'import.report')}`];
    for (const nodes of files.nodes) args.push(`--nodes=${nodes}`);
    for (const relationships of files.relationships) args.push(`--relationships=${relationships}`);
    const classPath = [path.join(TARGET, 'classes'), path.join(TARGET, 'lib', '*')].join(path.delimiter);
    execFileSync('java', ['-Xmx2g', '-cp', classPath, 'org.neo4j.cli.AdminTool', ...args], { stdio: 'inherit', env: { ...env, NEO4J_HOME: home, NEO4J_CONF: conf } });
    console.log(`imported: ${elapsed()}`);
    execFileSync(process.execPath, [path.join(import.meta.dirname, 'start.mjs')], { stdio: 'inherit', env });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const client = Neo4jClient.open({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'ringscope-test', database: null });
  try {
    const [constraints, indexes] = shape === 'demo' ? (['constraints', 'search-indexes'] as const) : (['constraints-payment-network', 'search-indexes-payment-network'] as const);
    for (const statement of statementsOf(graphQueries[constraints].text)) await client.writeStatement(statement);
    if (shape === 'demo') await ensureSearchIndexes(client);
    else for (const statement of statementsOf(graphQueries[indexes].text)) await client.writeStatement(statement);
    await client.writeStatement('CALL db.awaitIndexes(600)');
    const fingerprint = shape === 'demo' ? datasetFingerprint(dataset) : paymentNetworkFingerprint(dataset);
    await client.write('seed-marker', { seed, accounts, fingerprint });
  } finally {
    await client.close();
  }
  console.log(`seeded ${accounts} accounts (${shape}) with constraints and indexes online: ${elapsed()}`);
}

main().catch((error: unknown) => {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
