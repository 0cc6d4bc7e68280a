/**
 * report.pdf of an evidence package, drawn with pdfkit: summary, the case graph as vectors (laid out
 * server-side), member table, timeline, notes and review decisions, with a footer on every page.
 * Written in the exporter's language, in the shipped CJK font (pdfkit embeds only the glyphs used),
 * so Chinese notes and names print as themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { AuditEvent, Case, GraphEdge, GraphNode, NodeKind, SourceInfo, Subgraph, UiLocale } from '../../api';
import type { ValueChange } from './changes-since';
import type { CasePicture } from './case-picture';
import type { NodePositions } from './graph-layout';
import { REPORT_TEXT, type ReportText } from './report-text';
import { ringReasonText } from './reason-text';

export interface ReportInput {
  caseRecord: Case;
  graph: Subgraph;
  /** What the graph section draws and where: the case's chosen view, or a layout made for the report. */
  picture: CasePicture;
  auditEvents: readonly AuditEvent[];
  exportedBy: string;
  exportedAt: string;
  appVersion: string;
  source: SourceInfo;
  includePii: boolean;
  /** Values of the submitted snapshot that the graph shows differently at export time. */
  changedSince: readonly ValueChange[];
  locale: UiLocale;
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
  identifier: '#546E7A',
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

/** Noto Sans SC (SIL OFL 1.1) cut to GB 2312, Latin and CJK punctuation: see resources/fonts/README.md. */
export const REPORT_FONT_FILE = 'NotoSansSC-Regular-GB2312.otf';
const FONT = 'ReportSans';

/**
 * resources/fonts/ beside the app: three folders up from the bundles (dist/main/<shell>/, also inside
 * the packaged app.asar) and from this source file (main/core/evidence/, under tsx and the tests).
 */
export function reportFontPath(from = __dirname): string {
  for (let dir = from, depth = 0; depth < 6; dir = path.dirname(dir), depth++) {
    const candidate = path.join(dir, 'resources', 'fonts', REPORT_FONT_FILE);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`The report font resources/fonts/${REPORT_FONT_FILE} is missing from the app`);
}

interface Words {
  text: ReportText;
  time(iso: string | null | undefined): string;
  amount(value: unknown): string;
  score(value: number | null | undefined): string;
}

/** Times in UTC (a package is read in other time zones), dates and numbers as the language writes them. */
function wordsFor(locale: UiLocale): Words {
  const text = REPORT_TEXT[locale];
  const dateTime = new Intl.DateTimeFormat(text.intlLocale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC', hour12: false });
  const amount = new Intl.NumberFormat(text.intlLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    text,
    time: (iso) => (iso ? `${dateTime.format(new Date(iso))} UTC` : '—'),
    amount: (value) => (typeof value === 'number' ? amount.format(value) : '—'),
    score: (value) => (value === null || value === undefined ? '—' : value.toFixed(2)),
  };
}

/** The case's own title, or one made from its origin in the report's language (as the UI does). */
export function reportCaseTitle(caseRecord: Pick<Case, 'title' | 'cluster'>, text: ReportText): string {
  if (caseRecord.title) return caseRecord.title;
  const { ringId, ringKind, accounts } = caseRecord.cluster;
  if (ringId) return text.generatedTitle.ring(ringId, ringKind ? text.ringKinds[ringKind] : '—');
  return accounts.length ? text.generatedTitle.accounts(accounts[0].userId, accounts.length - 1) : text.generatedTitle.empty;
}

type Doc = PDFKit.PDFDocument;

/** The font has one weight: bold is drawn as fill plus a thin outline in the same colour. */
function bold(doc: Doc, size: number, colour: string): PDFKit.Mixins.TextOptions {
  doc.font(FONT).fontSize(size).fillColor(colour).strokeColor(colour).lineWidth(size / 30);
  return { fill: true, stroke: true };
}

function regular(doc: Doc, size: number, colour: string): void {
  doc.font(FONT).fontSize(size).fillColor(colour);
}

/** Renders the report; resolves with the PDF bytes. */
export function renderReportPdf(input: ReportInput): Promise<Buffer> {
  const words = wordsFor(input.locale);
  const title = reportCaseTitle(input.caseRecord, words.text);
  const doc = new PDFDocument({
    lang: input.locale,
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: words.text.documentTitle(title),
      Author: input.exportedBy,
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

  doc.registerFont(FONT, reportFontPath());
  drawHeader(doc, input, title, words);
  drawSummary(doc, input, words);
  drawGraph(doc, input, words);
  drawMembers(doc, input, words);
  drawTimeline(doc, input, words);
  drawNotes(doc, input.caseRecord, words);
  drawReviews(doc, input.caseRecord, words);
  drawChangesSince(doc, input, words);
  drawFooters(doc, input, words);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const pageBottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER_HEIGHT;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function sectionTitle(doc: Doc, title: string): void {
  // Room for the title and a table's header and first row, so a title never ends a page alone.
  ensureSpace(doc, 80);
  doc.moveDown(0.8);
  doc.text(title, MARGIN, doc.y, bold(doc, 12, TEXT));
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + contentWidth(doc), y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = y + 6;
}

function drawHeader(doc: Doc, { caseRecord }: ReportInput, title: string, { text }: Words): void {
  regular(doc, 9, MUTED);
  doc.text(text.banner, MARGIN, MARGIN, { characterSpacing: 1 });
  doc.moveDown(0.3);
  doc.text(title, { width: contentWidth(doc), ...bold(doc, 18, TEXT) });
  regular(doc, 9, MUTED);
  doc.text(text.caseId(caseRecord.id));
  if (caseRecord.description.trim()) {
    doc.moveDown(0.4);
    regular(doc, 10, TEXT);
    doc.text(caseRecord.description, { width: contentWidth(doc) });
  }
}

function keyValueRows(doc: Doc, rows: [string, string][]): void {
  const labelWidth = 110;
  for (const [label, value] of rows) {
    const valueWidth = contentWidth(doc) - labelWidth;
    regular(doc, 9.5, MUTED);
    const height = Math.max(doc.heightOfString(value, { width: valueWidth }), 12);
    ensureSpace(doc, height + 3);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, MARGIN, y, { width: labelWidth - 8 });
    doc.fillColor(TEXT).text(value, MARGIN + labelWidth, y, { width: valueWidth });
    doc.y = y + height + 3;
  }
}

function drawSummary(doc: Doc, input: ReportInput, { text, time, score }: Words): void {
  const { caseRecord: c } = input;
  const words = text.summary;
  const tag = c.tag
    ? `${words.tagLine(text.reason[c.tag.reasonCode], `${Math.round(c.tag.confidence * 100)}%`, c.tag.taggedBy, time(c.tag.taggedAt))}${c.tag.note ? ` — ${c.tag.note}` : ''}`
    : words.notTagged;
  sectionTitle(doc, text.sections.summary);
  keyValueRows(doc, [
    [words.status, text.status[c.status]],
    [words.ringKind, c.cluster.ringKind ? text.ringKinds[c.cluster.ringKind] : c.cluster.origin === 'selection' ? words.handPicked : '—'],
    [words.ringScore, score(c.cluster.score)],
    [words.reasons, c.cluster.reasons.length ? c.cluster.reasons.map((reason) => `• ${ringReasonText(reason, input.locale)}`).join('\n') : '—'],
    [words.tag, tag],
    [words.assignee, c.assignee ?? words.unassigned],
    [words.members, words.membersLine(c.cluster.accounts.length, c.cluster.identifierNodeIds.length)],
    [words.created, words.byAt(time(c.createdAt), c.createdBy)],
    [words.exported, words.byAt(time(input.exportedAt), input.exportedBy)],
    [words.source, input.source.kind === 'embedded' ? words.demoSource : input.source.name],
    [words.appVersion, `RingScope ${input.appVersion}`],
    [words.personalData, input.includePii ? words.unmasked : words.masked],
  ]);
}

function drawGraph(doc: Doc, { picture, caseRecord }: ReportInput, { text, time }: Words): void {
  const { drawn: graph, positions, view } = picture;
  const caption = view ? text.pictureFromView(view.name, view.savedBy, time(view.savedAt), view.hiddenNodes, view.addedNodes) : null;
  // A slightly lower box leaves room for the lines naming the chosen view, so the picture still fits below the summary.
  const boxHeight = caption ? 320 : 340;
  const legendHeight = 30;
  regular(doc, 8, MUTED);
  const captionHeight = caption ? doc.heightOfString(caption, { width: contentWidth(doc) }) + 8 : 0;
  if (doc.y + boxHeight + legendHeight + captionHeight + 40 > pageBottom(doc)) doc.addPage();
  sectionTitle(doc, text.sections.graph(graph.nodes.length, graph.edges.length));
  const box = { x: MARGIN, y: doc.y, width: contentWidth(doc), height: boxHeight };
  doc.roundedRect(box.x, box.y, box.width, box.height, 4).lineWidth(0.5).strokeColor(RULE).stroke();
  if (graph.nodes.length === 0) {
    regular(doc, 10, MUTED);
    doc.text(text.noGraph, box.x, box.y + box.height / 2 - 5, { width: box.width, align: 'center' });
  } else {
    drawNetwork(doc, graph, positions, box, new Set(caseRecord.cluster.accounts.map((account) => account.nodeId)));
  }
  doc.y = box.y + box.height + 8;
  drawLegend(doc, graph, text);
  if (caption) {
    regular(doc, 8, MUTED);
    doc.text(caption, MARGIN, doc.y + 4, { width: contentWidth(doc) });
    doc.moveDown(0.5);
  }
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
      const label = node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label;
      regular(doc, 5.5, TEXT);
      doc.text(label, x - 40, y + r + 3.5, { width: 80, align: 'center', lineBreak: false });
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

function drawLegend(doc: Doc, graph: Subgraph, text: ReportText): void {
  const kinds = (Object.keys(KIND_COLOURS) as NodeKind[]).filter((kind) => graph.nodes.some((node) => node.kind === kind));
  let x = MARGIN;
  const y = doc.y + 4;
  regular(doc, 8, MUTED);
  const item = (draw: () => void, label: string) => {
    draw();
    doc.fillColor(MUTED).text(label, x + 10, y - 3.5, { lineBreak: false });
    x += 10 + doc.widthOfString(label) + 14;
  };
  for (const kind of kinds) item(() => doc.save().circle(x + 4, y, 3.5).fillColor(KIND_COLOURS[kind]).fill().restore(), text.kinds[kind]);
  item(() => doc.save().circle(x + 4, y, 3.5).lineWidth(1.4).strokeColor(BLACKLIST_COLOUR).stroke().restore(), text.legendBlacklisted);
  for (const kind of ['transfer', 'payment'] as const) {
    if (graph.edges.some((edge) => edge.kind === kind)) item(() => doc.save().moveTo(x, y).lineTo(x + 8, y).lineWidth(1.2).strokeColor(EDGE_COLOURS[kind]).stroke().restore(), text.edgeKinds[kind]);
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
    const headerStyle = bold(doc, fontSize, TEXT);
    for (const column of columns) {
      doc.text(column.title, x, y + 4, { width: column.width - 8, lineBreak: false, ...headerStyle });
      x += column.width;
    }
    doc.y = y + 17;
  };
  ensureSpace(doc, 40);
  drawHeaderRow();
  rows.forEach((row, index) => {
    regular(doc, fontSize, TEXT);
    const height = Math.max(...row.map((value, i) => doc.heightOfString(value, { width: columns[i].width - 8 }))) + 5;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      drawHeaderRow();
    }
    const y = doc.y;
    if (index % 2 === 1) doc.save().rect(MARGIN, y - 1, contentWidth(doc), height).fillColor('#F8FAFC').fill().restore();
    let x = MARGIN + 4;
    regular(doc, fontSize, TEXT);
    row.forEach((value, i) => {
      doc.text(value, x, y + 1.5, { width: columns[i].width - 8 });
      x += columns[i].width;
    });
    doc.y = y + height;
  });
  doc.x = MARGIN;
}

function emptyLine(doc: Doc, text: string): void {
  regular(doc, 9, MUTED);
  doc.text(text, MARGIN, doc.y);
}

function drawMembers(doc: Doc, { graph, caseRecord }: ReportInput, { text, time, score }: Words): void {
  const nodesById = new Map<string, GraphNode>(graph.nodes.map((node) => [node.id, node]));
  sectionTitle(doc, text.sections.members(caseRecord.cluster.accounts.length));
  if (!caseRecord.cluster.accounts.length) return emptyLine(doc, text.noAccounts);
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: text.memberColumns.userId, width: width * 0.3 },
      { title: text.memberColumns.risk, width: width * 0.18 },
      { title: text.memberColumns.blacklisted, width: width * 0.18 },
      { title: text.memberColumns.created, width: width * 0.34 },
    ],
    caseRecord.cluster.accounts.map((account) => {
      const node = nodesById.get(account.nodeId);
      const createdAt = node?.properties.createdAt;
      return [
        account.userId,
        score(node?.riskScore),
        node ? (node.blacklisted ? text.yes : text.no) : text.notInGraph,
        typeof createdAt === 'string' ? time(createdAt) : '—',
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

function drawTimeline(doc: Doc, { graph, auditEvents }: ReportInput, { text, time, amount }: Words): void {
  const labelOf = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const entries = [
    ...auditEvents.map((event) => ({ at: event.at, who: event.actor, what: `${event.action} (#${event.seq})${Object.keys(event.details).length ? ` — ${describeDetails(event.details)}` : ''}` })),
    ...graph.edges
      .filter((edge) => edge.kind !== 'identifier' && typeof edge.properties.firstAt === 'string')
      .map((edge) => ({
        at: String(edge.properties.firstAt),
        who: labelOf.get(edge.source) ?? edge.source,
        what: text.moneyFlow(
          edge.kind as 'transfer' | 'payment',
          labelOf.get(edge.target) ?? edge.target,
          Number(edge.properties.count ?? 1),
          amount(edge.properties.totalAmount),
          time(String(edge.properties.lastAt ?? edge.properties.firstAt)),
        ),
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  sectionTitle(doc, text.sections.timeline);
  if (!entries.length) return emptyLine(doc, text.nothingRecorded);
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: text.timelineColumns.time, width: width * 0.24 },
      { title: text.timelineColumns.who, width: width * 0.16 },
      { title: text.timelineColumns.what, width: width * 0.6 },
    ],
    entries.map((entry) => [time(entry.at), entry.who, entry.what]),
  );
}

function drawNotes(doc: Doc, caseRecord: Case, { text, time }: Words): void {
  sectionTitle(doc, text.sections.notes(caseRecord.notes.length));
  if (!caseRecord.notes.length) return emptyLine(doc, text.noNotes);
  for (const note of caseRecord.notes) {
    ensureSpace(doc, 30);
    doc.text(`${note.author} — ${time(note.at)}`, MARGIN, doc.y, bold(doc, 8.5, MUTED));
    regular(doc, 9.5, TEXT);
    doc.text(note.text, { width: contentWidth(doc) });
    doc.moveDown(0.5);
  }
}

function drawReviews(doc: Doc, caseRecord: Case, { text, time }: Words): void {
  sectionTitle(doc, text.sections.reviews(caseRecord.reviews.length));
  if (!caseRecord.reviews.length) return emptyLine(doc, text.notReviewed);
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: text.reviewColumns.decision, width: width * 0.14 },
      { title: text.reviewColumns.by, width: width * 0.16 },
      { title: text.reviewColumns.time, width: width * 0.24 },
      { title: text.reviewColumns.comment, width: width * 0.46 },
    ],
    caseRecord.reviews.map((review) => [text.decision[review.decision], review.by, time(review.at), review.comment || '—']),
  );
}

function drawChangesSince(doc: Doc, { caseRecord, changedSince }: ReportInput, { text, time }: Words): void {
  if (!caseRecord.snapshot) return;
  const words = text.changesSince;
  sectionTitle(doc, words.title(changedSince.length));
  emptyLine(doc, words.asSubmitted(time(caseRecord.snapshot.takenAt)));
  if (!changedSince.length) return emptyLine(doc, words.nothingChanged);
  const width = contentWidth(doc);
  table(
    doc,
    [
      { title: words.columns.node, width: width * 0.28 },
      { title: words.columns.value, width: width * 0.2 },
      { title: words.columns.then, width: width * 0.26 },
      { title: words.columns.now, width: width * 0.26 },
    ],
    changedSince.map((change) => [change.nodeId, change.field, change.then, change.now]),
  );
}

function drawFooters(doc: Doc, input: ReportInput, { text, time }: Words): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 10;
    doc.moveTo(MARGIN, y - 6).lineTo(doc.page.width - MARGIN, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    regular(doc, 7.5, MUTED);
    // The bottom margin would push text written there onto a new page; lift it for the footer.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(text.footer(input.caseRecord.id, time(input.exportedAt), input.exportedBy), MARGIN, y, { lineBreak: false });
    doc.text(text.page(i - range.start + 1, range.count), MARGIN, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}
