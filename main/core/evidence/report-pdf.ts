/**
 * report.pdf of an evidence package, drawn with pdfkit: summary, the case graph as vectors (laid out
 * server-side), member table, timeline, notes and review decisions, with a footer on every page.
 */
import PDFDocument from 'pdfkit';
import type { AuditEvent, Case, GraphEdge, GraphNode, NodeKind, SourceInfo, Subgraph } from '../../api';
import type { ValueChange } from './changes-since';
import type { NodePositions } from './graph-layout';
import { ringReasonText } from './reason-text';

export interface ReportInput {
  caseRecord: Case;
  graph: Subgraph;
  positions: NodePositions;
  auditEvents: readonly AuditEvent[];
  exportedBy: string;
  exportedAt: string;
  appVersion: string;
  source: SourceInfo;
  includePii: boolean;
  /** Values of the submitted snapshot that the graph shows differently at export time. */
  changedSince: readonly ValueChange[];
}

/** Same colours as the workbench's graph view (renderer/graph/node-kinds.ts), so the picture reads the same. */
const KIND_COLOURS: Record<NodeKind, string> = {
  account: '#78909C',
  device: '#5C6BC0',
  phone: '#00897B',
  ip: '#607D8B',
  card: '#B85C82',
  address: '#8D6E63',
  email: '#0277BD',
  merchant: '#7E57C2',
};
const EDGE_COLOURS: Record<GraphEdge['kind'], string> = { identifier: '#9AA5B1', transfer: '#1E73BE', payment: '#8E44AD' };
const BLACKLIST_COLOUR = '#B91C1C';
const TEXT = '#1F2933';
const MUTED = '#616E7C';
const RULE = '#CBD2D9';
const SHADE = '#F0F4F8';

const MARGIN = 48;
const FOOTER_HEIGHT = 28;

/** pdfkit's built-in fonts encode WinAnsi only: map the few symbols we print, replace anything else. */
function pdfText(text: string): string {
  return text.replace(/→/g, '->').replace(/[^\x20-\x7E\xA0-\xFF\n•–—…€‘’“”]/g, '?');
}

const formatTime = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—');
const formatAmount = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '—');

/** Renders the report; resolves with the PDF bytes. */
export function renderReportPdf(input: ReportInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: pdfText(`Evidence package: ${input.caseRecord.title}`),
      Author: pdfText(input.exportedBy),
      Creator: `RingScope ${input.appVersion}`,
      CreationDate: new Date(input.exportedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeader(doc, input);
  drawSummary(doc, input);
  drawGraph(doc, input);
  drawMembers(doc, input);
  drawTimeline(doc, input);
  drawNotes(doc, input.caseRecord);
  drawReviews(doc, input.caseRecord);
  drawChangesSince(doc, input);
  drawFooters(doc, input);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const pageBottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER_HEIGHT;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function sectionTitle(doc: Doc, title: string): void {
  // Room for the title and a table's header and first row, so a title never ends a page alone.
  ensureSpace(doc, 80);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(12).fillColor(TEXT).text(title, MARGIN, doc.y);
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + contentWidth(doc), y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = y + 6;
}

function drawHeader(doc: Doc, { caseRecord }: ReportInput): void {
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('RINGSCOPE EVIDENCE PACKAGE', MARGIN, MARGIN, { characterSpacing: 1 });
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(18).fillColor(TEXT).text(pdfText(caseRecord.title), { width: contentWidth(doc) });
  doc.font('Courier').fontSize(9).fillColor(MUTED).text(`Case ${caseRecord.id}`);
  if (caseRecord.description.trim()) {
    doc.moveDown(0.4);
    doc.font('Helvetica').fontSize(10).fillColor(TEXT).text(pdfText(caseRecord.description), { width: contentWidth(doc) });
  }
}

function keyValueRows(doc: Doc, rows: [string, string][]): void {
  const labelWidth = 110;
  for (const [label, value] of rows) {
    const valueWidth = contentWidth(doc) - labelWidth;
    doc.font('Helvetica').fontSize(9.5);
    const height = Math.max(doc.heightOfString(pdfText(value), { width: valueWidth }), 12);
    ensureSpace(doc, height + 3);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, MARGIN, y, { width: labelWidth - 8 });
    doc.fillColor(TEXT).text(pdfText(value), MARGIN + labelWidth, y, { width: valueWidth });
    doc.y = y + height + 3;
  }
}

function drawSummary(doc: Doc, input: ReportInput): void {
  const { caseRecord: c } = input;
  const tag = c.tag
    ? `${c.tag.reasonCode} (confidence ${Math.round(c.tag.confidence * 100)}%) by ${c.tag.taggedBy}, ${formatTime(c.tag.taggedAt)}${c.tag.note ? ` — ${c.tag.note}` : ''}`
    : 'Not tagged';
  sectionTitle(doc, 'Summary');
  keyValueRows(doc, [
    ['Status', c.status.replace('_', ' ')],
    ['Ring kind', c.cluster.ringKind ?? (c.cluster.origin === 'selection' ? 'Hand-picked selection' : '—')],
    ['Ring score', c.cluster.score === null ? '—' : c.cluster.score.toFixed(2)],
    ['Reasons', c.cluster.reasons.length ? c.cluster.reasons.map((reason) => `• ${ringReasonText(reason)}`).join('\n') : '—'],
    ['Blacklist tag', tag],
    ['Assignee', c.assignee ?? 'Unassigned'],
    ['Members', `${c.cluster.accounts.length} accounts, ${c.cluster.identifierNodeIds.length} identifiers`],
    ['Created', `${formatTime(c.createdAt)} by ${c.createdBy}`],
    ['Exported', `${formatTime(input.exportedAt)} by ${input.exportedBy}`],
    ['Graph source', `${input.source.name} (${input.source.kind})`],
    ['App version', `RingScope ${input.appVersion}`],
    ['Personal data', input.includePii ? 'UNMASKED — the exporter chose to include personal data (audited)' : 'Masked (phone numbers, cards, e-mails, addresses)'],
  ]);
}

function drawGraph(doc: Doc, { graph, positions, caseRecord }: ReportInput): void {
  const boxHeight = 340;
  const legendHeight = 30;
  if (doc.y + boxHeight + legendHeight + 40 > pageBottom(doc)) doc.addPage();
  sectionTitle(doc, `Case graph (${graph.nodes.length} nodes, ${graph.edges.length} edges)`);
  const box = { x: MARGIN, y: doc.y, width: contentWidth(doc), height: boxHeight };
  doc.roundedRect(box.x, box.y, box.width, box.height, 4).lineWidth(0.5).strokeColor(RULE).stroke();
  if (graph.nodes.length === 0) {
    doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('The case has no members in the graph.', box.x, box.y + box.height / 2 - 5, { width: box.width, align: 'center' });
  } else {
    drawNetwork(doc, graph, positions, box, new Set(caseRecord.cluster.accounts.map((account) => account.nodeId)));
  }
  doc.y = box.y + box.height + 8;
  drawLegend(doc, graph);
}

function drawNetwork(doc: Doc, graph: Subgraph, positions: NodePositions, box: { x: number; y: number; width: number; height: number }, members: Set<string>): void {
  const points = graph.nodes.map((node) => positions.get(node.id) ?? { x: 0, y: 0 });
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const padding = 26;
  const scale = Math.min((box.width - 2 * padding) / Math.max(maxX - minX, 1), (box.height - 2 * padding) / Math.max(maxY - minY, 1), 3);
  // Centre the drawing in the box whatever its aspect ratio.
  const offsetX = box.x + (box.width - (maxX - minX) * scale) / 2;
  const offsetY = box.y + (box.height - (maxY - minY) * scale) / 2;
  const at = (id: string) => {
    const p = positions.get(id) ?? { x: minX, y: minY };
    return { x: offsetX + (p.x - minX) * scale, y: offsetY + (p.y - minY) * scale };
  };
  const radius = graph.nodes.length > 150 ? 3 : graph.nodes.length > 60 ? 4.5 : 6.5;
  const showLabels = graph.nodes.length <= 80;

  for (const edge of graph.edges) {
    const from = at(edge.source);
    const to = at(edge.target);
    doc.save().lineWidth(edge.kind === 'transfer' ? 1.2 : 0.6).strokeColor(EDGE_COLOURS[edge.kind]);
    if (edge.kind === 'payment') doc.dash(3, { space: 2 });
    doc.moveTo(from.x, from.y).lineTo(to.x, to.y).stroke().restore();
    if (edge.kind !== 'identifier') drawArrowHead(doc, from, to, radius, EDGE_COLOURS[edge.kind]);
  }
  for (const node of graph.nodes) {
    const { x, y } = at(node.id);
    const r = node.kind === 'account' ? radius : radius * 0.8;
    doc.save().circle(x, y, r).fillColor(KIND_COLOURS[node.kind]).fill().restore();
    if (node.blacklisted) doc.save().circle(x, y, r + 1.6).lineWidth(1.4).strokeColor(BLACKLIST_COLOUR).stroke().restore();
    else if (members.has(node.id)) doc.save().circle(x, y, r + 1.2).lineWidth(0.8).strokeColor(TEXT).stroke().restore();
    if (showLabels) {
      const label = pdfText(node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label);
      doc.font('Helvetica').fontSize(5.5).fillColor(TEXT).text(label, x - 40, y + r + 3.5, { width: 80, align: 'center', lineBreak: false });
    }
  }
}

function drawArrowHead(doc: Doc, from: { x: number; y: number }, to: { x: number; y: number }, radius: number, colour: string): void {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const tipX = to.x - Math.cos(angle) * (radius + 1.5);
  const tipY = to.y - Math.sin(angle) * (radius + 1.5);
  const size = 4.5;
  doc
    .save()
    .moveTo(tipX, tipY)
    .lineTo(tipX - size * Math.cos(angle - 0.4), tipY - size * Math.sin(angle - 0.4))
    .lineTo(tipX - size * Math.cos(angle + 0.4), tipY - size * Math.sin(angle + 0.4))
    .closePath()
    .fillColor(colour)
    .fill()
    .restore();
}

function drawLegend(doc: Doc, graph: Subgraph): void {
  const kinds = (Object.keys(KIND_COLOURS) as NodeKind[]).filter((kind) => graph.nodes.some((node) => node.kind === kind));
  let x = MARGIN;
  const y = doc.y + 4;
  doc.font('Helvetica').fontSize(8);
  const item = (draw: () => void, label: string) => {
    draw();
    doc.fillColor(MUTED).text(label, x + 10, y - 3.5, { lineBreak: false });
    x += 10 + doc.widthOfString(label) + 14;
  };
  for (const kind of kinds) item(() => doc.save().circle(x + 4, y, 3.5).fillColor(KIND_COLOURS[kind]).fill().restore(), kind);
  item(() => doc.save().circle(x + 4, y, 3.5).lineWidth(1.4).strokeColor(BLACKLIST_COLOUR).stroke().restore(), 'blacklisted');
  for (const kind of ['transfer', 'payment'] as const) {
    if (graph.edges.some((edge) => edge.kind === kind)) item(() => doc.save().moveTo(x, y).lineTo(x + 8, y).lineWidth(1.2).strokeColor(EDGE_COLOURS[kind]).stroke().restore(), kind);
  }
  doc.y = y + 10;
  doc.x = MARGIN;
}

interface Column {
  title: string;
  width: number;
}

/** A table with a shaded header (repeated after a page break) and zebra rows. */
function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const fontSize = 8.5;
  const drawHeaderRow = () => {
    const y = doc.y;
    doc.save().rect(MARGIN, y, contentWidth(doc), 15).fillColor(SHADE).fill().restore();
    let x = MARGIN + 4;
    doc.font('Helvetica-Bold').fontSize(fontSize).fillColor(TEXT);
    for (const column of columns) {
      doc.text(column.title, x, y + 4, { width: column.width - 8, lineBreak: false });
      x += column.width;
    }
    doc.y = y + 17;
  };
  ensureSpace(doc, 40);
  drawHeaderRow();
  rows.forEach((row, index) => {
    doc.font('Helvetica').fontSize(fontSize);
    const height = Math.max(...row.map((value, i) => doc.heightOfString(pdfText(value), { width: columns[i].width - 8 }))) + 5;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      drawHeaderRow();
    }
    const y = doc.y;
    if (index % 2 === 1) doc.save().rect(MARGIN, y - 1, contentWidth(doc), height).fillColor('#F8FAFC').fill().restore();
    let x = MARGIN + 4;
    doc.font('Helvetica').fontSize(fontSize).fillColor(TEXT);
    row.forEach((value, i) => {
      doc.text(pdfText(value), x, y + 1.5, { width: columns[i].width - 8 });
      x += columns[i].width;
    });
    doc.y = y + height;
  });
  doc.x = MARGIN;
}

function emptyLine(doc: Doc, text: string): void {
  doc.font('Helvetica-Oblique').fontSize(9).fillColor(MUTED).text(text, MARGIN, doc.y);
}

function drawMembers(doc: Doc, { graph, caseRecord }: ReportInput): void {
  const nodesById = new Map<string, GraphNode>(graph.nodes.map((node) => [node.id, node]));
  sectionTitle(doc, `Members (${caseRecord.cluster.accounts.length} accounts)`);
  if (!caseRecord.cluster.accounts.length) return emptyLine(doc, 'No accounts in this case.');
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: 'User id', width: width * 0.3 },
      { title: 'Risk score', width: width * 0.18 },
      { title: 'Blacklisted', width: width * 0.18 },
      { title: 'Created', width: width * 0.34 },
    ],
    caseRecord.cluster.accounts.map((account) => {
      const node = nodesById.get(account.nodeId);
      const createdAt = node?.properties.createdAt;
      return [
        account.userId,
        node?.riskScore == null ? '—' : node.riskScore.toFixed(2),
        node ? (node.blacklisted ? 'yes' : 'no') : 'not in graph',
        typeof createdAt === 'string' ? formatTime(createdAt) : '—',
      ];
    }),
  );
}

/** One-line reading of an audit event's details for the timeline, e.g. "reasonCode: cash_out, confidence: 0.8". */
function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

function drawTimeline(doc: Doc, { graph, auditEvents }: ReportInput): void {
  const labelOf = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const entries = [
    ...auditEvents.map((event) => ({ at: event.at, who: event.actor, what: `${event.action} (#${event.seq})${Object.keys(event.details).length ? ` — ${describeDetails(event.details)}` : ''}` })),
    ...graph.edges
      .filter((edge) => edge.kind !== 'identifier' && typeof edge.properties.firstAt === 'string')
      .map((edge) => ({
        at: String(edge.properties.firstAt),
        who: labelOf.get(edge.source) ?? edge.source,
        what: `${edge.kind === 'transfer' ? 'transferred' : 'paid'} to ${labelOf.get(edge.target) ?? edge.target}: ${edge.properties.count ?? 1}× totalling ${formatAmount(edge.properties.totalAmount)}, until ${formatTime(String(edge.properties.lastAt ?? edge.properties.firstAt))}`,
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  sectionTitle(doc, 'Timeline (audit events and money flows among the case graph)');
  if (!entries.length) return emptyLine(doc, 'Nothing recorded.');
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: 'Time', width: width * 0.24 },
      { title: 'Who', width: width * 0.16 },
      { title: 'What', width: width * 0.6 },
    ],
    entries.map((entry) => [formatTime(entry.at), entry.who, entry.what]),
  );
}

function drawNotes(doc: Doc, caseRecord: Case): void {
  sectionTitle(doc, `Notes (${caseRecord.notes.length})`);
  if (!caseRecord.notes.length) return emptyLine(doc, 'No notes.');
  for (const note of caseRecord.notes) {
    ensureSpace(doc, 30);
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text(`${note.author} — ${formatTime(note.at)}`, MARGIN, doc.y);
    doc.font('Helvetica').fontSize(9.5).fillColor(TEXT).text(pdfText(note.text), { width: contentWidth(doc) });
    doc.moveDown(0.5);
  }
}

function drawReviews(doc: Doc, caseRecord: Case): void {
  sectionTitle(doc, `Review decisions (${caseRecord.reviews.length})`);
  if (!caseRecord.reviews.length) return emptyLine(doc, 'Not reviewed yet.');
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: 'Decision', width: width * 0.14 },
      { title: 'By', width: width * 0.16 },
      { title: 'Time', width: width * 0.24 },
      { title: 'Comment', width: width * 0.46 },
    ],
    caseRecord.reviews.map((review) => [review.decision, review.by, formatTime(review.at), review.comment || '—']),
  );
}

function drawChangesSince(doc: Doc, { caseRecord, changedSince }: ReportInput): void {
  if (!caseRecord.snapshot) return;
  sectionTitle(doc, `Changed since submission (${changedSince.length})`);
  emptyLine(doc, `The graph, members and values above are as submitted on ${formatTime(caseRecord.snapshot.takenAt)}; these values differ in the graph now.`);
  if (!changedSince.length) return emptyLine(doc, 'Nothing has changed since submission.');
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: 'Node', width: width * 0.28 },
      { title: 'Value', width: width * 0.2 },
      { title: 'As submitted', width: width * 0.26 },
      { title: 'Now', width: width * 0.26 },
    ],
    changedSince.map((change) => [change.nodeId, change.field, change.then, change.now]),
  );
}

function drawFooters(doc: Doc, input: ReportInput): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 10;
    doc.moveTo(MARGIN, y - 6).lineTo(doc.page.width - MARGIN, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    // The bottom margin would push text written there onto a new page; lift it for the footer.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`Case ${input.caseRecord.id} — exported ${formatTime(input.exportedAt)} by ${pdfText(input.exportedBy)}`, MARGIN, y, { lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}
