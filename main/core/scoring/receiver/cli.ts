/**
 * `npm run scoring:receiver`: the reference scoring receiver on 127.0.0.1, for the scoring team to
 * try RingScope's push against and to read as an example. Environment:
 *   RINGSCOPE_SCORING_SECRET  the HMAC secret RingScope signs with (≥ 16 characters)
 *   RINGSCOPE_TEAM_KEY_FILE   the team key's public half (PEM), as RingScope is configured
 *   PORT                      port to listen on (default 5179)
 *   RECEIVER_RECORD_FILE      where accepted decisions are appended as JSON lines (default ./accepted-decisions.jsonl)
 */
import { readTeamPublicKey } from '../../trust/team-key-file';
import { ReferenceReceiver } from './reference-receiver';

async function main(): Promise<void> {
  const secret = process.env.RINGSCOPE_SCORING_SECRET ?? '';
  const teamKeyFile = process.env.RINGSCOPE_TEAM_KEY_FILE;
  if (secret.length < 16 || !teamKeyFile) throw new Error('Set RINGSCOPE_SCORING_SECRET (≥ 16 characters) and RINGSCOPE_TEAM_KEY_FILE');
  const receiver = new ReferenceReceiver({ secret, teamPublicKey: await readTeamPublicKey(teamKeyFile), recordFile: process.env.RECEIVER_RECORD_FILE ?? 'accepted-decisions.jsonl' });
  const { url } = await receiver.listen(Number(process.env.PORT ?? 5179));
  console.log(`Reference scoring receiver on ${url}: verifying HMAC, signatures, certificates and four-eyes. Ctrl+C stops it.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
