/**
 * Builds and checks evidence packages: one zip per export of a case, written atomically to the
 * exports folder, with a manifest of SHA-256 hashes; the export (and any PII reveal) is audited.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ApiError,
  EVIDENCE_FILE_NAME,
  EVIDENCE_FILES,
  EVIDENCE_FORMAT_VERSION,
  MANIFEST_FILE,
  type AuditEvent,
  type Case,
  type EvidenceExportResult,
  type EvidenceFileEntry,
  type EvidenceManifest,
  type EvidenceVerification,
  type ProgressStep,
  type UiLocale,
} from '../../api';
import { graphQueries, renderQuery } from '../../../graph-queries/catalog';
import type { AuditLog } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import { mappingPlaceholders } from '../schema/schema-mapping';
import { ActiveGraphSource } from '../sources/active-source';
import type { GraphSource } from '../sources/graph-source';
import { parseNodeId } from '../sources/neo4j/dto-mapping';
import { Neo4jGraphSource } from '../sources/neo4j/neo4j-source';
import { writeFileAtomically } from '../store/atomic-write';
import { casePicture } from './case-picture';
import { auditJsonl, cytoscapeJson, edgesCsv, graphMl, nodesCsv, queriesCypher, submittedQueries, type RecordedQuery } from './package-files';
import { unmaskIdentifiers } from './pii-reveal';
import { renderReportPdf, reportCaseTitle } from './report-pdf';
import { REPORT_TEXT } from './report-text';
import { sha256Hex, verifyEvidencePackage } from './verify-package';
import type { TeamTrust } from '../trust/team-trust';
import { valuesChangedSince } from './changes-since';
import { createZip } from './zip-archive';

export interface EvidenceServiceOptions {
  source: GraphSource;
  cases: Pick<CaseService, 'get'>;
  audit: AuditLog;
  /** Where packages are written: `<dataDir>/exports`. */
  exportsDir: string;
  appVersion: string;
  /** The exporter's signing key and certificate, and the team key packages are checked against. */
  trust: Pick<TeamTrust, 'signerFor' | 'certificateOf' | 'teamPublicKey'>;
  now?: () => number;
}

export interface ExportContext {
  user: string;
  signal: AbortSignal;
  progress(done: number, total: number | null, step?: ProgressStep): void;
}

const AUDIT_PAGE = 1000;
const EXPORT_STEPS = 5;

/** `2025-11-25T10:15:30.123Z` → `20251125T101530123Z`, for file names. */
const compactTimestamp = (iso: string): string => iso.replace(/[-:.]/g, '');

export class EvidenceService {
  private readonly now: () => number;

  constructor(private readonly options: EvidenceServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  get exportsDir(): string {
    return this.options.exportsDir;
  }

  /** Builds the package of a case and writes `<caseId>-<UTC time>.zip` into the exports folder. */
  async exportCase({ caseId, includePii, locale = 'en' }: { caseId: string; includePii: boolean; locale?: UiLocale }, { user, signal, progress }: ExportContext): Promise<EvidenceExportResult> {
    const { source, audit, cases, appVersion } = this.options;
    const step = (done: number, code: ProgressStep) => {
      if (signal.aborted) throw new ApiError('cancelled', 'The export was cancelled', { reason: 'cancelled' });
      progress(done, EXPORT_STEPS, code);
    };
    step(0, 'evidence.read-case');
    const caseRecord = await cases.get(caseId);
    const fileName = `${caseId}-${compactTimestamp(new Date(this.now()).toISOString())}.zip`;
    if (!EVIDENCE_FILE_NAME.test(fileName)) throw new ApiError('invalid_input', `Case id ${caseId} cannot name an evidence package`, { reason: 'evidence_name_invalid' });

    step(1, 'evidence.load-graph');
    const nodeIds = [...new Set([...caseRecord.cluster.accounts.map((account) => account.nodeId), ...caseRecord.cluster.identifierNodeIds])];
    const liveGraph = nodeIds.length ? await source.subgraph(nodeIds, { includeSharedIdentifiers: true, signal }) : { nodes: [], edges: [] };
    // A submitted case shows what was submitted (the snapshot the lead reviewed), not today's graph.
    const { snapshot } = caseRecord;
    const maskedGraph = snapshot ? { nodes: snapshot.nodes, edges: snapshot.edges } : liveGraph;
    const changedSince = snapshot ? valuesChangedSince(snapshot, liveGraph) : [];
    const graph = includePii ? { ...maskedGraph, nodes: await unmaskIdentifiers(source, maskedGraph.nodes, signal) } : maskedGraph;
    const revealedNodeIds = includePii ? graph.nodes.filter((node, i) => node.key !== maskedGraph.nodes[i].key).map((node) => node.id) : [];
    if (includePii) {
      // Recorded before the files exist, so the package's own audit.jsonl shows the reveal.
      await audit.record({ actor: user, action: 'pii.revealed', caseId, details: { purpose: 'evidence export', unmaskedValues: revealedNodeIds.length } });
    }

    step(2, 'evidence.read-audit');
    const [auditEvents, trail] = await Promise.all([this.caseAuditEvents(caseId), audit.verify()]);

    step(3, 'evidence.draw-report');
    const exportedAt = new Date(this.now()).toISOString();
    const picture = casePicture(caseRecord, graph);
    const sourceInfo = source.info();
    const report = await renderReportPdf({ caseRecord, graph, picture, auditEvents, exportedBy: user, exportedAt, appVersion, source: sourceInfo, includePii, changedSince, locale });
    const files: { name: (typeof EVIDENCE_FILES)[number]; content: Buffer }[] = [
      { name: 'report.pdf', content: report },
      { name: 'nodes.csv', content: Buffer.from(nodesCsv(graph.nodes)) },
      { name: 'edges.csv', content: Buffer.from(edgesCsv(graph.edges)) },
      { name: 'graph.graphml', content: Buffer.from(graphMl(graph)) },
      { name: 'cytoscape.json', content: Buffer.from(cytoscapeJson(graph, picture.positions)) },
      { name: 'queries.cypher', content: Buffer.from(queriesCypher(this.queriesRun(caseRecord, nodeIds, revealedNodeIds))) },
      { name: 'audit.jsonl', content: Buffer.from(auditJsonl(auditEvents)) },
    ];
    const entries: EvidenceFileEntry[] = files.map(({ name, content }) => ({ name, sha256: sha256Hex(content), bytes: content.length }));
    const signer = await this.options.trust.signerFor(user);
    const unsigned: Omit<EvidenceManifest, 'signature'> = {
      formatVersion: EVIDENCE_FORMAT_VERSION,
      caseId,
      caseTitle: reportCaseTitle(caseRecord, REPORT_TEXT[locale]),
      exportedBy: user,
      exportedAt,
      appVersion,
      source: sourceInfo,
      includePii,
      auditTrail: { valid: trail.valid, count: trail.count, headHash: trail.headHash },
      files: entries,
    };
    const manifest: EvidenceManifest = {
      ...unsigned,
      signature: { publicKey: signer.publicKey, certificate: await this.options.trust.certificateOf(user, signer.publicKey), value: signer.sign(unsigned) },
    };

    step(4, 'evidence.write-package');
    const zip = await createZip([...files, { name: MANIFEST_FILE, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }], new Date(exportedAt));
    const savedPath = path.join(this.options.exportsDir, fileName);
    await writeFileAtomically(savedPath, zip, 'the evidence package');
    const sha256 = sha256Hex(zip);
    await audit.record({ actor: user, action: 'evidence.exported', caseId, details: { fileName, sha256, bytes: zip.length, includePii } });
    progress(EXPORT_STEPS, EXPORT_STEPS, 'done');
    return { fileName, savedPath, bytes: zip.length, sha256, files: entries };
  }

  /** Verifies a package in the exports folder by file name. */
  async verify(fileName: string): Promise<EvidenceVerification> {
    return verifyEvidencePackage(await fs.readFile(await this.packagePath(fileName)), { teamPublicKey: this.options.trust.teamPublicKey });
  }

  /** Absolute path of an existing package; not_found for names that are not packages or not there. */
  async packagePath(fileName: string): Promise<string> {
    if (!EVIDENCE_FILE_NAME.test(fileName)) throw new ApiError('invalid_input', `${fileName} is not the name of an evidence package`, { reason: 'evidence_name_invalid' });
    const packagePath = path.join(this.options.exportsDir, fileName);
    const stat = await fs.stat(packagePath).catch(() => null);
    if (!stat?.isFile()) throw new ApiError('not_found', `No evidence package named ${fileName}`, { reason: 'evidence_package_missing', params: { fileName } });
    return packagePath;
  }

  /** The case's audit events, oldest first, as stored. */
  private async caseAuditEvents(caseId: string): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    for (let offset = 0; ; offset += AUDIT_PAGE) {
      const page = await this.options.audit.list({ caseId, limit: AUDIT_PAGE, offset });
      events.push(...page.events);
      if (events.length >= page.total || page.events.length === 0) break;
    }
    return events.reverse();
  }

  /** What queries.cypher says: the graph read as it was really made on this source. */
  private queriesRun(caseRecord: Case, nodeIds: string[], revealedNodeIds: string[]): RecordedQuery[] {
    const current = this.options.source instanceof ActiveGraphSource ? this.options.source.current : this.options.source;
    const entry = graphQueries['subgraph-between'];
    const recorded: RecordedQuery[] = submittedQueries(caseRecord);
    if (current instanceof Neo4jGraphSource) {
      const refs = nodeIds.map(parseNodeId);
      const mapping = current.mapping;
      recorded.push({
        ranOn: `Neo4j (${current.info().name}), READ access mode`,
        catalogName: entry.name,
        params: {
          accountIds: refs.flatMap((ref) => (ref.accountId === null ? [] : [ref.accountId])),
          merchantIds: refs.flatMap((ref) => (ref.merchantId === null ? [] : [ref.merchantId])),
          elementIds: refs.flatMap((ref) => (ref.elementId === null ? [] : [ref.elementId])),
          includeSharedIdentifiers: true,
          transferType: mapping.transfer?.relationshipType ?? null,
          paymentType: mapping.payment?.relationshipType ?? null,
        },
        statement: renderQuery(entry, mappingPlaceholders(mapping)),
        note: `The case graph of case ${caseRecord.id}: its members and every relationship among them.`,
      });
    } else {
      recorded.push({
        ranOn: `${current.info().name}: the embedded demo graph, answered in memory by GraphSource.subgraph`,
        catalogName: entry.name,
        params: { nodeIds, includeSharedIdentifiers: true },
        statement: entry.text,
        note: [
          `The case graph of case ${caseRecord.id}: its members and every relationship among them.`,
          'No Cypher ran: the statement below is the catalogued equivalent the Neo4j source runs for the same call',
          '(its {{placeholders}} are filled with the schema mapping\'s labels and types on a real database).',
        ].join('\n'),
      });
    }
    if (revealedNodeIds.length && current instanceof Neo4jGraphSource) {
      const reveal = graphQueries['identifier-raw-values'];
      recorded.push({
        ranOn: `Neo4j (${current.info().name}), READ access mode`,
        catalogName: reveal.name,
        params: {
          elementIds: revealedNodeIds.map((nodeId) => parseNodeId(nodeId).elementId),
          identifierLabels: current.mapping.identifiers.map((identifier) => identifier.label),
        },
        statement: reveal.text,
        note: 'Raw identifier values were read to unmask them (includePii: true, audited as pii.revealed).',
      });
    } else if (revealedNodeIds.length) {
      recorded.push({
        ranOn: 'the embedded demo dataset',
        catalogName: null,
        params: { identifierNodeIds: revealedNodeIds },
        statement: null,
        note: 'Raw identifier values were read from the dataset to unmask them (includePii: true, audited as pii.revealed).',
      });
    }
    recorded.push({
      ranOn: 'the investigation store',
      catalogName: null,
      params: { caseId: caseRecord.id },
      statement: null,
      note: 'The case and its audit events (audit.list filtered by caseId, oldest first), and audit.verify over the whole trail.',
    });
    return recorded;
  }
}
