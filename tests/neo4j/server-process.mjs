// What start.mjs and stop.mjs both need to know about the test server's process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TARGET = path.join(path.dirname(fileURLToPath(import.meta.url)), 'target');
/** The Bolt port of the server start.mjs and stop.mjs act on (NEO4J_BOLT_PORT, default 7687). */
export const BOLT_PORT = Number.parseInt(process.env.NEO4J_BOLT_PORT || '7687', 10);
/** One pid and log file per port, so a second server (another port, its own data dir) can run beside the first. */
const suffix = BOLT_PORT === 7687 ? '' : `-${BOLT_PORT}`;
export const PID_FILE = path.join(TARGET, `neo4j${suffix}.pid`);
export const LOG_FILE = path.join(TARGET, `neo4j${suffix}.log`);
export const MAIN_CLASS = 'dev.ringscope.neo4j.TestServer';

/** True if pid is a live (non-zombie) process. */
export function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'; // a zombie has already exited
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** True if pid looks like our Java server (when /proc is available), not a process that reused the pid. */
export function isOurServer(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return true;
  }
}
