import fs from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScoringDecision } from '../../../main/api';

interface SchemaObject {
  required?: string[];
  properties?: Record<string, { enum?: (string | null)[]; type?: string }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { post: { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> } }>;
  components: { schemas: { ScoringDecision: SchemaObject } };
}

const document = load(fs.readFileSync('resources/scoring-api.openapi.yaml', 'utf8')) as OpenApiDocument;
const documented = document.components.schemas.ScoringDecision;
const coded = z.toJSONSchema(ScoringDecision) as { required: string[]; properties: Record<string, { enum?: string[]; anyOf?: { enum?: string[] }[] }> };

describe('scoring push contract (resources/scoring-api.openapi.yaml)', () => {
  it('is an OpenAPI 3.0 document for POST /v1/decisions with the agreed answers', () => {
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(document.paths['/v1/decisions'].post.responses).sort()).toEqual(['200', '201', '400', '401', '409', '422', '429', '500']);
  });

  it('requires the idempotency, timestamp and signature headers RingScope sends', () => {
    const headers = document.paths['/v1/decisions'].post.parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name);
    expect(headers.sort()).toEqual(['Idempotency-Key', 'X-RingScope-Signature', 'X-RingScope-Timestamp']);
  });

  it('documents exactly the fields the code sends, with the same required ones', () => {
    expect(Object.keys(documented.properties ?? {}).sort()).toEqual(Object.keys(coded.properties).sort());
    expect([...(documented.required ?? [])].sort()).toEqual([...coded.required].sort());
  });

  it('documents the same allowed values for every enumerated field', () => {
    const codedEnum = (name: string) => {
      const property = coded.properties[name];
      return (property.enum ?? property.anyOf?.flatMap((option) => option.enum ?? []) ?? []).slice().sort();
    };
    for (const name of ['decision', 'reasonCode', 'ringKind']) {
      const documentedValues = (documented.properties?.[name].enum ?? []).filter((value): value is string => value !== null).sort();
      expect(documentedValues, name).toEqual(codedEnum(name));
    }
  });
});
