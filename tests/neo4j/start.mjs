#!/usr/bin/env node
// Starts the RingScope integration-test Neo4j server (embedded Neo4j 5.26 + Bolt + GDS + APOC core)
// in the background. See tests/neo4j/README.md.
//
//   node tests/neo4j/start.mjs [--fresh]
//
// Env: NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD (ringscope-test), NEO4J_DATA_DIR (tests/neo4j/target/data),
//      NEO4J_HEAP (-Xmx2g), NEO4J_FRESH=1 (same as --fresh), NEO4J_START_TIMEOUT (seconds, 180),
//      JAVA_HOME (java from $JAVA_HOME/bin, else `java` on PATH).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alive, BOLT_PORT, isOurServer, LOG_FILE, MAIN_CLASS, PID_FILE, TARGET } from './server-process.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STAMP_FILE = path.join(TARGET, '.build-stamp');
const READY = 'RINGSCOPE-NEO4J READY';
const FAILED = 'RINGSCOPE-NEO4J FAILED';

const env = process.env;
const port = BOLT_PORT;
const password = env.NEO4J_PASSWORD || 'ringscope-test';
const dataDir = path.resolve(env.NEO4J_DATA_DIR || path.join(TARGET, 'data'));
const heapArgs = (env.NEO4J_HEAP || '-Xmx2g')
  .trim()
  .split(/\s+/)
  .map((a) => (a.startsWith('-') ? a : `-Xmx${a}`)); // "2g" is accepted as "-Xmx2g"
const fresh = process.argv.includes('--fresh') || ['1', 'true', 'yes'].includes((env.NEO4J_FRESH || '').toLowerCase());
const timeoutMs = Number.parseFloat(env.NEO4J_START_TIMEOUT || '180') * 1000;
const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';

// Same as the neo4j launcher passes on Java 17+ (without them the page cache and the transaction log
// native accessors fall back to slower paths and log warnings).
const JVM_ARGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fail(msg, { tail = false } = {}) {
  console.error(`neo4j:start: ${msg}`);
  if (tail) console.error(logTail());
  process.exit(1);
}

function logTail(lines = 60) {
  try {
    const all = fs.readFileSync(LOG_FILE, 'utf8').split('\n');
    return `--- last ${lines} lines of ${LOG_FILE} ---\n${all.slice(-lines - 1).join('\n')}`;
  } catch {
    return `(no log at ${LOG_FILE})`;
  }
}

function readPid() {
  try {
    const pid = Number.parseInt(fs.readFileSync(PID_FILE, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function boltOpen(timeout = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeout, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function needsBuild() {
  const classFile = path.join(TARGET, 'classes', ...MAIN_CLASS.split('.')) + '.class';
  if (!fs.existsSync(classFile) || !fs.existsSync(path.join(TARGET, 'lib')) || !fs.existsSync(STAMP_FILE)) return true;
  const stamp = fs.statSync(STAMP_FILE).mtimeMs;
  return Math.max(newestMtime(path.join(HERE, 'pom.xml')), newestMtime(path.join(HERE, 'src'))) > stamp;
}

function build() {
  const t = Date.now();
  console.log('neo4j:start: building tests/neo4j (mvn -q -B package -DskipTests) ...');
  const r = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', 'package', '-DskipTests'], {
    cwd: HERE,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) fail(`could not run mvn: ${r.error.message}`);
  // Debian's Maven emits bare colour resets even with -B; strip them and print what is left.
  const out = `${r.stdout || ''}${r.stderr || ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
  if (out) console.error(out);
  if (r.status !== 0) fail(`mvn package failed (exit ${r.status})`);
  fs.writeFileSync(STAMP_FILE, `${new Date().toISOString()}\n`);
  console.log(`neo4j:start: build done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`bad NEO4J_BOLT_PORT: ${env.NEO4J_BOLT_PORT}`);

  // Already running?
  const oldPid = readPid();
  if (oldPid !== null) {
    if (alive(oldPid) && isOurServer(oldPid)) {
      if (await boltOpen()) {
        console.log(`Neo4j test server already running on bolt://127.0.0.1:${port} (pid ${oldPid}); nothing to do.`);
        return;
      }
      fail(`a server process (pid ${oldPid}, from ${PID_FILE}) is running but bolt://127.0.0.1:${port} does not answer; ` +
        'run `node tests/neo4j/stop.mjs` first (or it is still starting / uses another NEO4J_BOLT_PORT)');
    }
    fs.rmSync(PID_FILE, { force: true }); // stale
  }
  if (await boltOpen()) fail(`port ${port} on 127.0.0.1 is already in use by another process (no live pid in ${PID_FILE})`);

  if (needsBuild()) build();

  if (fresh) {
    console.log(`neo4j:start: --fresh: wiping ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(TARGET, { recursive: true });

  const sep = path.delimiter;
  const cp = [path.join(TARGET, 'classes'), path.join(TARGET, 'lib', '*')].join(sep);
  const args = [...heapArgs, ...JVM_ARGS, '-cp', cp, MAIN_CLASS];
  const logFd = fs.openSync(LOG_FILE, 'w');
  const t0 = Date.now();
  const child = spawn(java, args, {
    cwd: HERE,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...env,
      NEO4J_BOLT_PORT: String(port),
      NEO4J_PASSWORD: password,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PLUGIN_DIR: path.join(TARGET, 'plugins'),
    },
  });
  fs.closeSync(logFd);
  let spawnError = null;
  let exited = null;
  child.once('error', (e) => (spawnError = e));
  child.once('exit', (code, signal) => (exited = { code, signal }));
  child.unref();
  if (child.pid) fs.writeFileSync(PID_FILE, `${child.pid}\n`);

  const cleanup = () => {
    if (child.pid && alive(child.pid)) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {}
    }
    fs.rmSync(PID_FILE, { force: true });
  };

  let readyLine = null;
  while (true) {
    await sleep(250);
    if (spawnError) {
      cleanup();
      fail(`could not start ${java}: ${spawnError.message}`);
    }
    if (exited) {
      cleanup();
      fail(`java exited early (code ${exited.code}, signal ${exited.signal})`, { tail: true });
    }
    const log = fs.readFileSync(LOG_FILE, 'utf8');
    if (log.includes(FAILED)) {
      cleanup();
      fail('the server reported a startup failure', { tail: true });
    }
    if (!readyLine) readyLine = log.split('\n').find((l) => l.startsWith(READY)) || null;
    if (readyLine && (await boltOpen())) break;
    if (Date.now() - t0 > timeoutMs) {
      cleanup();
      fail(`timed out after ${timeoutMs / 1000} s waiting for Neo4j on bolt://127.0.0.1:${port}`, { tail: true });
    }
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const field = (k) => (readyLine.match(new RegExp(`\\b${k}=(\\S+)`)) || [])[1] || '?';
  console.log(
    `Neo4j ${field('neo4j')} ready on bolt://127.0.0.1:${port} in ${secs} s ` +
      `(GDS ${field('gds')}, APOC ${field('apoc')}) pid ${child.pid}, data ${dataDir}, log ${path.relative(process.cwd(), LOG_FILE)}`,
  );
}

main().catch((e) => fail(e.stack || String(e)));
