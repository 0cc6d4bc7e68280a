/**
 * Table-driven: for every method of the contract (iterated, so a new method is covered without
 * editing this file) the HTTP shell answers wrongly typed fields, unknown keys at every nesting
 * level and over-long strings with 400, reason input_invalid, naming the offending field.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiContract, apiMethodPaths, type ApiEnvelope } from '../../../main/api';
import { createRingScopeCore, type RingScopeCore } from '../../../main/core/bootstrap';
import { resolveInvestigationConfig } from '../../../main/core/config';
import { startServer, type RunningServer } from '../../../main/server/server';

let core: RingScopeCore;
let server: RunningServer;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-invalid-'));
  core = await createRingScopeCore({ version: 'test', demo: { accounts: 1000 }, investigation: resolveInvestigationConfig({}, { dataDir }), validateOutput: true });
  server = await startServer({ core, port: 0, rendererDir: dataDir });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
});

type Path = (string | number)[];
const TOO_LONG = 'x'.repeat(100_000);

/** Removes wrappers (optional, default, nullable, pipes) to reach the schema that checks the value. */
function core_(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) current = current.def.innerType as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.def.in as z.ZodType;
    else return current;
  }
}

interface Probe {
  path: Path;
  schema: z.ZodType;
}

/** Every object, string and field reachable in an input schema, with the path that reaches it. */
function probes(schema: z.ZodType, at: Path = [], depth = 0): Probe[] {
  const inner = core_(schema);
  const found: Probe[] = [{ path: at, schema: inner }];
  if (depth > 6) return found;
  if (inner instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) found.push(...probes(field, [...at, key], depth + 1));
  } else if (inner instanceof z.ZodArray) {
    found.push(...probes(inner.element as z.ZodType, [...at, 0], depth + 1));
  } else if (inner instanceof z.ZodUnion && !(inner instanceof z.ZodDiscriminatedUnion)) {
    // A discriminated union's options are reached only through their discriminator value (a value
    // placed inside one is first refused for the missing discriminator): the union itself is probed.
    for (const option of inner.options as z.ZodType[]) found.push(...probes(option, at, depth + 1).slice(1));
  } else if (inner instanceof z.ZodRecord) {
    found.push(...probes(inner.valueType as z.ZodType, [...at, 'someKey'], depth + 1));
  }
  return found;
}

/** An input with `value` placed at `at` (arrays and objects created on the way). */
function placed(at: Path, value: unknown): unknown {
  if (!at.length) return value;
  const [head, ...rest] = at;
  return typeof head === 'number' ? [placed(rest, value)] : { [head]: placed(rest, value) };
}

async function call(area: string, name: string, input: unknown): Promise<{ status: number; envelope: ApiEnvelope<unknown> }> {
  const response = await fetch(new URL(`api/${area}/${name}`, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, envelope: (await response.json()) as ApiEnvelope<unknown> };
}

function wrongTypeFor(schema: z.ZodType): unknown {
  // String formats (z.iso.datetime, z.url …) are strings too, though not ZodString subclasses.
  if (schema instanceof z.ZodString || schema instanceof z.ZodStringFormat || schema instanceof z.ZodEnum || schema instanceof z.ZodLiteral) return { not: 'a string' };
  if (schema instanceof z.ZodObject || schema instanceof z.ZodRecord) return 'not an object';
  if (schema instanceof z.ZodArray) return { not: 'a list' };
  // A union takes any of its options' types (a stored ring reason is a sentence or a coded object): a flag is none of them.
  if (schema instanceof z.ZodUnion) return true;
  return 'not a number or flag';
}

const cases = apiMethodPaths.flatMap(({ area, name }) => {
  const input = (apiContract as unknown as Record<string, Record<string, { input: z.ZodType }>>)[area][name].input;
  return probes(input).flatMap(({ path: at, schema }) => {
    const label = `${area}.${name} ${at.join('.') || '(input)'}`;
    const rows: { label: string; area: string; name: string; body: unknown; path: string; says: RegExp }[] = [];
    const where = at.join('.') || '(input)';
    if (schema instanceof z.ZodObject) rows.push({ label: `${label}: unknown key`, area, name, body: placed(at, { unexpectedKey: 1 }), path: where, says: /unrecognized key/i });
    if (schema instanceof z.ZodString) rows.push({ label: `${label}: over-long string`, area, name, body: placed(at, TOO_LONG), path: where, says: /too big|invalid|must|not a valid|not the name/i });
    if (at.length && !(schema instanceof z.ZodUnknown) && !(schema instanceof z.ZodAny)) {
      rows.push({ label: `${label}: wrong type`, area, name, body: placed(at, wrongTypeFor(schema)), path: where, says: /expected|invalid/i });
    }
    return rows;
  });
});

describe('invalid input to every Api method over HTTP', () => {
  it('covers every method of the contract', () => {
    const covered = new Set(cases.map((row) => `${row.area}.${row.name}`));
    expect([...covered].sort()).toEqual(apiMethodPaths.map(({ area, name }) => `${area}.${name}`).sort());
  });

  it.each(cases)('$label → 400 naming the field', async ({ area, name, body, path: where, says }) => {
    const { status, envelope } = await call(area, name, body);
    expect(status).toBe(400);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error).toMatchObject({ code: 'invalid_input', reason: 'input_invalid' });
    const fields = envelope.error.fields ?? [];
    // The issue is reported at the field itself (or, for a value inside a union, at the union's path).
    const named = fields.filter((field) => field.path === where || where.startsWith(`${field.path}.`) || (field.path === '(input)' && where === '(input)'));
    expect(named.some((field) => says.test(field.message)), JSON.stringify(fields)).toBe(true);
  });
});
