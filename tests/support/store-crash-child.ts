/**
 * A RingScope investigation process for the crash test: it opens the file store in RINGSCOPE_DATA_DIR
 * and runs case, review and outbox writes in a loop (create → tag → submit → approve, whose queued
 * decision the outbox worker delivers to RINGSCOPE_SCORING_URL) until it is killed. After each write
 * resolves it prints `ACK <caseId> <version>`: an acknowledged write the store must never lose.
 */
import { openInvestigation } from '../../main/core/cases/investigation';
import { resolveInvestigationConfig } from '../../main/core/config';

async function main(): Promise<void> {
  const investigation = await openInvestigation(resolveInvestigationConfig(process.env));
  const { cases } = investigation;
  const round = process.env.CRASH_ROUND ?? '0';
  process.stdout.write('READY\n');
  const ack = (item: { id: string; version: number }) => process.stdout.write(`ACK ${item.id} ${item.version}\n`);
  for (let n = 0; ; n++) {
    const created = await cases.create(
      { title: `Crash round ${round} case ${n}`, description: '', assignee: null, cluster: { origin: 'selection', ringId: null, ringKind: null, score: null, reasons: [], accounts: [{ nodeId: `account:U${String(n).padStart(7, '0')}`, userId: `U${String(n).padStart(7, '0')}` }], identifierNodeIds: [] } },
      'demo-analyst',
    );
    ack(created);
    const tagged = await cases.tag({ caseId: created.id, version: created.version, reasonCode: 'fraud_ring', confidence: 0.9, note: '' }, 'demo-analyst');
    ack(tagged);
    const submitted = await cases.submit(tagged.id, tagged.version, 'demo-analyst');
    ack(submitted);
    const approved = await cases.approve(submitted.id, 'ok', 'demo-lead');
    ack(approved);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
