#!/usr/bin/env node
// Stops the RingScope integration-test Neo4j server started by tests/neo4j/start.mjs.
// SIGTERM (the Java shutdown hook shuts the DBMS down cleanly), waits up to NEO4J_STOP_TIMEOUT
// seconds (default 60), then SIGKILL. Removes its pid file (target/neo4j.pid, or neo4j-<port>.pid for another NEO4J_BOLT_PORT). Exits 0 if nothing was running.
import fs from 'node:fs';
import { alive, isOurServer, PID_FILE } from './server-process.mjs';

const timeoutMs = Number.parseFloat(process.env.NEO4J_STOP_TIMEOUT || '60') * 1000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  let pid = null;
  try {
    pid = Number.parseInt(fs.readFileSync(PID_FILE, 'utf8').trim(), 10);
  } catch {
    console.log('Neo4j test server is not running (no pid file).');
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isOurServer(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log(`Neo4j test server is not running (removed stale pid file${Number.isInteger(pid) ? `, pid ${pid}` : ''}).`);
    return;
  }

  const t0 = Date.now();
  process.kill(pid, 'SIGTERM');
  while (alive(pid) && Date.now() - t0 < timeoutMs) await sleep(200);
  let how = 'cleanly';
  if (alive(pid)) {
    how = `with SIGKILL after ${timeoutMs / 1000} s`;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
    while (alive(pid) && Date.now() - t0 < timeoutMs + 10_000) await sleep(200);
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Neo4j test server (pid ${pid}) stopped ${how} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

main().catch((e) => {
  console.error(`neo4j:stop: ${e.stack || e}`);
  process.exit(1);
});
