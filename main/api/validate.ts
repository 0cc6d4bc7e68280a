import { z } from 'zod';
import { ApiError } from './errors';
import { apiContract, type ApiArea } from './contract';

/** Parses a raw call argument against the contract, or throws an invalid_input ApiError naming each bad field. */
export function parseMethodInput(area: string, name: string, raw: unknown): unknown {
  const spec = lookupMethod(area, name);
  const result = spec.input.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw invalidInputError(`${area}.${name}`, result.error);
}

/** The invalid_input ApiError for a call (`method`, e.g. "cases.saveView") whose input failed its schema, naming each bad field. */
export function invalidInputError(method: string, error: z.ZodError): ApiError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(input)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new ApiError('invalid_input', `Invalid input for ${method} — ${summary}`, { reason: 'input_invalid', params: { method }, fields });
}

/** Parses a handler's result; a failure here is a bug in the core, reported as internal. */
export function parseMethodOutput(area: string, name: string, value: unknown): unknown {
  const result = lookupMethod(area, name).output.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError('internal', `${area}.${name} produced an invalid result: ${z.prettifyError(result.error)}`, { reason: 'invalid_result', params: { method: `${area}.${name}` } });
}

function lookupMethod(area: string, name: string): { input: z.ZodType; output: z.ZodType } {
  const group = Object.prototype.hasOwnProperty.call(apiContract, area)
    ? (apiContract[area as ApiArea] as Record<string, { input: z.ZodType; output: z.ZodType }>)
    : undefined;
  const spec = group && Object.prototype.hasOwnProperty.call(group, name) ? group[name] : undefined;
  if (!spec) throw new ApiError('not_found', `Unknown method ${area}.${name}`, { reason: 'method_unknown', params: { method: `${area}.${name}` } });
  return spec;
}
