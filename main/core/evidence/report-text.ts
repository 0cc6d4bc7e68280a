/**
 * The words of report.pdf in each UI language. The report is written in the exporter's language;
 * the case itself stores codes (status, reason, ring kind), so it reads right in either.
 */
import type { CaseStatus, NodeKind, ReasonCode, ReviewDecision, RingKind, UiLocale } from '../../api';

export interface ReportText {
  /** BCP 47 tag for Intl (numbers, dates). */
  intlLocale: string;
  banner: string;
  documentTitle(title: string): string;
  caseId(id: string): string;
  sections: {
    summary: string;
    graph(nodes: number, edges: number): string;
    members(accounts: number): string;
    timeline: string;
    notes(count: number): string;
    reviews(count: number): string;
  };
  summary: {
    status: string;
    ringKind: string;
    handPicked: string;
    ringScore: string;
    reasons: string;
    tag: string;
    notTagged: string;
    tagLine(reason: string, confidence: string, by: string, at: string): string;
    assignee: string;
    unassigned: string;
    members: string;
    membersLine(accounts: number, identifiers: number): string;
    created: string;
    exported: string;
    byAt(at: string, by: string): string;
    source: string;
    demoSource: string;
    appVersion: string;
    personalData: string;
    unmasked: string;
    masked: string;
  };
  noGraph: string;
  /** Under the picture when it follows the case's chosen view. */
  pictureFromView(name: string, by: string, at: string, hidden: number, added: number): string;
  legendBlacklisted: string;
  kinds: Record<NodeKind, string>;
  edgeKinds: { transfer: string; payment: string };
  memberColumns: { userId: string; risk: string; blacklisted: string; created: string };
  yes: string;
  no: string;
  notInGraph: string;
  noAccounts: string;
  timelineColumns: { time: string; who: string; what: string };
  moneyFlow(kind: 'transfer' | 'payment', target: string, count: number, total: string, until: string): string;
  nothingRecorded: string;
  noNotes: string;
  notReviewed: string;
  reviewColumns: { decision: string; by: string; time: string; comment: string };
  changesSince: {
    title(count: number): string;
    asSubmitted(at: string): string;
    nothingChanged: string;
    columns: { node: string; value: string; then: string; now: string };
  };
  footer(caseId: string, at: string, by: string): string;
  page(page: number, of: number): string;
  status: Record<CaseStatus, string>;
  reason: Record<ReasonCode, string>;
  ringKinds: Record<RingKind, string>;
  decision: Record<ReviewDecision['decision'], string>;
  generatedTitle: { ring(ringId: string, kind: string): string; accounts(userId: string, others: number): string; empty: string };
}

const en: ReportText = {
  intlLocale: 'en-GB',
  banner: 'RINGSCOPE EVIDENCE PACKAGE',
  documentTitle: (title) => `Evidence package: ${title}`,
  caseId: (id) => `Case ${id}`,
  sections: {
    summary: 'Summary',
    graph: (nodes, edges) => `Case graph (${nodes} nodes, ${edges} edges)`,
    members: (accounts) => `Members (${accounts} accounts)`,
    timeline: 'Timeline (audit events and money flows among the case graph)',
    notes: (count) => `Notes (${count})`,
    reviews: (count) => `Review decisions (${count})`,
  },
  summary: {
    status: 'Status',
    ringKind: 'Ring kind',
    handPicked: 'Hand-picked selection',
    ringScore: 'Ring score',
    reasons: 'Reasons',
    tag: 'Blacklist tag',
    notTagged: 'Not tagged',
    tagLine: (reason, confidence, by, at) => `${reason} (confidence ${confidence}) by ${by}, ${at}`,
    assignee: 'Assignee',
    unassigned: 'Unassigned',
    members: 'Members',
    membersLine: (accounts, identifiers) => `${accounts} accounts, ${identifiers} identifiers`,
    created: 'Created',
    exported: 'Exported',
    byAt: (at, by) => `${at} by ${by}`,
    source: 'Graph source',
    demoSource: 'Embedded demo graph',
    appVersion: 'App version',
    personalData: 'Personal data',
    unmasked: 'UNMASKED — the exporter chose to include personal data (audited)',
    masked: 'Masked (phone numbers, cards, e-mails, addresses)',
  },
  noGraph: 'The case has no members in the graph.',
  pictureFromView: (name, by, at, hidden, added) =>
    [
      `Drawn as in the case's chosen view "${name}" (saved by ${by} on ${at}).`,
      hidden ? `${hidden} ${hidden === 1 ? 'node' : 'nodes'} the view hides ${hidden === 1 ? 'is' : 'are'} left out of the picture (still in the tables and files).` : '',
      added ? `${added} case ${added === 1 ? 'node' : 'nodes'} not in the view ${added === 1 ? 'is' : 'are'} placed below it.` : '',
    ].filter(Boolean).join(' '),
  legendBlacklisted: 'blacklisted',
  kinds: { account: 'account', device: 'device', phone: 'phone', ip: 'IP address', card: 'bank card', address: 'address', email: 'e-mail', identifier: 'identifier', merchant: 'merchant' },
  edgeKinds: { transfer: 'transfer', payment: 'payment' },
  memberColumns: { userId: 'User id', risk: 'Risk score', blacklisted: 'Blacklisted', created: 'Created' },
  yes: 'yes',
  no: 'no',
  notInGraph: 'not in graph',
  noAccounts: 'No accounts in this case.',
  timelineColumns: { time: 'Time', who: 'Who', what: 'What' },
  moneyFlow: (kind, target, count, total, until) => `${kind === 'transfer' ? 'transferred' : 'paid'} to ${target}: ${count}× totalling ${total}, until ${until}`,
  nothingRecorded: 'Nothing recorded.',
  noNotes: 'No notes.',
  notReviewed: 'Not reviewed yet.',
  reviewColumns: { decision: 'Decision', by: 'By', time: 'Time', comment: 'Comment' },
  changesSince: {
    title: (count) => `Changed since submission (${count})`,
    asSubmitted: (at) => `The graph, members and values above are as submitted on ${at}; these values differ in the graph now.`,
    nothingChanged: 'Nothing has changed since submission.',
    columns: { node: 'Node', value: 'Value', then: 'As submitted', now: 'Now' },
  },
  footer: (caseId, at, by) => `Case ${caseId} — exported ${at} by ${by}`,
  page: (page, of) => `Page ${page} of ${of}`,
  status: { open: 'Open', in_review: 'In review', approved: 'Approved', rejected: 'Rejected', closed: 'Closed' },
  reason: { fraud_ring: 'Fraud ring', cash_out: 'Cash-out', money_laundering: 'Money laundering', identity_theft: 'Identity theft', false_positive: 'False positive (clear)' },
  ringKinds: { 'shared-identity': 'Shared identity', 'cash-out': 'Cash-out', 'laundering-cycle': 'Laundering cycle', 'mule-fan-in': 'Mule fan-in' },
  decision: { approved: 'Approved', rejected: 'Rejected', revoked: 'Revoked' },
  generatedTitle: {
    ring: (ringId, kind) => `Ring ${ringId} · ${kind}`,
    accounts: (userId, others) => (others ? `Account ${userId} and ${others} more` : `Account ${userId}`),
    empty: 'Untitled case',
  },
};

const zhCN: ReportText = {
  intlLocale: 'zh-CN',
  banner: 'RINGSCOPE 证据包',
  documentTitle: (title) => `证据包：${title}`,
  caseId: (id) => `案件 ${id}`,
  sections: {
    summary: '概要',
    graph: (nodes, edges) => `案件关系图（${nodes} 个节点，${edges} 条关系）`,
    members: (accounts) => `成员（${accounts} 个账户）`,
    timeline: '时间线（案件关系图内的审计事件和资金往来）',
    notes: (count) => `备注（${count}）`,
    reviews: (count) => `复核决定（${count}）`,
  },
  summary: {
    status: '状态',
    ringKind: '团伙类型',
    handPicked: '手动选择',
    ringScore: '团伙评分',
    reasons: '依据',
    tag: '黑名单标记',
    notTagged: '未打标',
    tagLine: (reason, confidence, by, at) => `${reason}（置信度 ${confidence}），${by}，${at}`,
    assignee: '负责人',
    unassigned: '未分配',
    members: '成员',
    membersLine: (accounts, identifiers) => `${accounts} 个账户，${identifiers} 个标识`,
    created: '创建',
    exported: '导出',
    byAt: (at, by) => `${at}，${by}`,
    source: '图数据源',
    demoSource: '内置演示图',
    appVersion: '软件版本',
    personalData: '个人信息',
    unmasked: '未脱敏——导出人选择包含个人信息（已审计）',
    masked: '已脱敏（手机号、银行卡、邮箱、地址）',
  },
  noGraph: '本案在关系图中没有成员。',
  pictureFromView: (name, by, at, hidden, added) =>
    [
      `按案件选定的视图"${name}"绘制（${by} 于 ${at} 保存）。`,
      hidden ? `视图隐藏的 ${hidden} 个节点未画出（表格和文件中仍保留）。` : '',
      added ? `视图中没有的 ${added} 个案件节点画在其下方。` : '',
    ].join(''),
  legendBlacklisted: '黑名单',
  kinds: { account: '账户', device: '设备', phone: '手机号', ip: 'IP 地址', card: '银行卡', address: '地址', email: '邮箱', identifier: '标识', merchant: '商户' },
  edgeKinds: { transfer: '转账', payment: '付款' },
  memberColumns: { userId: '用户 ID', risk: '风险评分', blacklisted: '黑名单', created: '注册时间' },
  yes: '是',
  no: '否',
  notInGraph: '不在关系图中',
  noAccounts: '本案没有账户。',
  timelineColumns: { time: '时间', who: '主体', what: '事件' },
  moneyFlow: (kind, target, count, total, until) => `${kind === 'transfer' ? '转账给' : '付款给'} ${target}：${count} 笔，合计 ${total}，截至 ${until}`,
  nothingRecorded: '无记录。',
  noNotes: '暂无备注。',
  notReviewed: '尚未复核。',
  reviewColumns: { decision: '决定', by: '复核人', time: '时间', comment: '意见' },
  changesSince: {
    title: (count) => `提交后的变化（${count}）`,
    asSubmitted: (at) => `以上关系图、成员和取值均为 ${at} 提交时的内容；下列取值在当前图中已不同。`,
    nothingChanged: '提交后没有变化。',
    columns: { node: '节点', value: '字段', then: '提交时', now: '当前' },
  },
  footer: (caseId, at, by) => `案件 ${caseId} —— ${by} 导出于 ${at}`,
  page: (page, of) => `第 ${page} 页，共 ${of} 页`,
  status: { open: '处理中', in_review: '待复核', approved: '已审批', rejected: '已驳回', closed: '已结案' },
  reason: { fraud_ring: '欺诈团伙', cash_out: '套现', money_laundering: '洗钱', identity_theft: '冒用身份', false_positive: '误报（解除）' },
  ringKinds: { 'shared-identity': '共用身份', 'cash-out': '套现', 'laundering-cycle': '洗钱闭环', 'mule-fan-in': '资金汇集（车手）' },
  decision: { approved: '审批通过', rejected: '驳回', revoked: '撤销' },
  generatedTitle: {
    ring: (ringId, kind) => `团伙 ${ringId} · ${kind}`,
    accounts: (userId, others) => (others ? `账户 ${userId} 及另外 ${others} 个` : `账户 ${userId}`),
    empty: '未命名案件',
  },
};

export const REPORT_TEXT: Record<UiLocale, ReportText> = { en, 'zh-CN': zhCN };
