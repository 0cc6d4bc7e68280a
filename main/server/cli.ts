/**
 * `npm run serve`: RingScope in browser mode on 127.0.0.1. Environment:
 *   PORT                    port to listen on (default 5178; 0 picks a free one)
 *   RINGSCOPE_DEMO_ACCOUNTS size of the embedded demo graph (default 20000)
 *   RINGSCOPE_DEMO_SEED     seed of the demo graph
 */
import { createRingScopeCore } from '../core/bootstrap';
import { startServer } from './server';
import { resolveServerConfig } from './config';

async function main(): Promise<void> {
  const config = resolveServerConfig(process.env);
  const startedAt = performance.now();
  const core = await createRingScopeCore({
    version: config.version,
    demo: config.demo,
    validateOutput: true,
    log: (message) => console.error(message),
  });
  const server = await startServer({ core, port: config.port, log: (message) => console.error(message) });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`RingScope ${config.version} (browser mode) on ${core.source.info().name}, ready in ${seconds} s`);
  // Like Jupyter: the address carries this launch's access token; without it the Api answers 401.
  console.log(`Open ${server.openUrl} in a browser. Press Ctrl+C to stop.`);
  if (!process.env.RINGSCOPE_TEAM_KEY_FILE) console.log('No RINGSCOPE_TEAM_KEY_FILE: the embedded demo uses a demo team key generated in its data folder.');

  const shutdown = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`RingScope could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
