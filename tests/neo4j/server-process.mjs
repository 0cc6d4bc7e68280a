// What start.mjs and stop.mjs both need to know about the test server's process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TARGET = path.join(path.dirname(fileURLToPath(import.meta.url)), 'target');
export const PID_FILE = path.join(TARGET, 'neo4j.pid');
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
