/**
 * The configuration reference (docs/content/reference/configuration.md), made from the
 * config schema itself so that it cannot drift from what the build accepts: types,
 * defaults and required keys come from zod's JSON Schema of `configSchema`, the words
 * from the JSDoc on each key in src/config/schema.ts (the same text editors show on hover).
 */
import { z } from 'zod';
import { configSchema } from '../../src/config/schema.ts';
import { keyDocs, oneLine, type KeyDoc } from './schema-docs.ts';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
}

const SCHEMA_FILE = 'src/config/schema.ts';

export function configurationPage(repoRoot: string): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const docs = keyDocs(repoRoot, SCHEMA_FILE);
  const defs = schema.$defs ?? {};
  const lines = [
    '---',
    'title: Configuration',
    'description: Every key of site.config.ts, with its type, default and meaning.',
    'templating: false',
    '---',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run docs:generate`: edit the schema\'s JSDoc, not this page. -->',
    '',
    '`site.config.ts` at the site\'s root default-exports the config. Every key is optional; a',
    'site without the file builds with the defaults below. The config is checked strictly: a',
    'misspelt or unknown key, or a value of the wrong type, is an error at that key in',
    '`site.config.ts` (rules `config/unknown-key` and `config/invalid-value`), never silently ignored.',
    '',
    '```ts',
    "import { defineConfig } from 'docsmith';",
    '',
    'export default defineConfig({',
    "  title: 'DataFlow Docs',",
    "  metadata: { product_version: 'v2.4.0' },",
    '});',
    '```',
    '',
    '`defineConfig` only gives your editor the types; a plain object works too.',
    '',
    '| key | type | default |',
    '| --- | --- | --- |',
    ...Object.entries(schema.properties ?? {}).map(([key, value]) => `| [\`${key}\`](#${key.toLowerCase()}) | ${typeCell(value, defs, key)} | ${defaultCell(value, docs.get(`configSchema.${key}`))} |`),
    '',
  ];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const doc = docs.get(`configSchema.${key}`);
    lines.push(`## ${key}`, '', `Type: ${typeCell(value, defs, key)}. ${defaultSentence(value, doc)}`, '');
    if (doc?.text) lines.push(doc.text, '');
    if (doc?.example) lines.push('```ts', `${key}: ${doc.example}`, '```', '');
    // The fields of a list's entries (`nav`, `variants`) or of an object (`editLink`).
    const item = resolve(value.items, defs) ?? resolve(value, defs);
    if (item?.properties) {
      const owner = key === 'nav' ? 'navItem' : key === 'variants' ? 'variant' : key;
      lines.push(value.items ? `Each entry of \`${key}\`:` : `The keys of \`${key}\`:`, '', '| key | type | default | meaning |', '| --- | --- | --- | --- |');
      for (const [field, fieldSchema] of Object.entries(item.properties)) {
        const fieldDoc = docs.get(`${owner}.${field}`);
        const required = item.required?.includes(field) ? ' (required)' : '';
        lines.push(`| \`${field}\`${required} | ${typeCell(fieldSchema, defs, field)} | ${defaultCell(fieldSchema, fieldDoc)} | ${oneLine(fieldDoc?.text ?? '')} |`);
      }
      lines.push('');
    }
  }
  lines.push(
    '## Metadata values',
    '',
    'A value under `metadata` (the site\'s, a variant\'s or a page\'s frontmatter `metadata:`) is a',
    'string, a number, a boolean, `null`, or a list or map of these, so a page can loop over a',
    'list (`{% for region in page.metadata.regions %}`) or read a nested key',
    '(`{{ page.metadata.limits.requests_per_minute }}`).',
    '',
  );
  return lines.join('\n');
}

function resolve(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return defs[schema.$ref.replace('#/$defs/', '')];
}

function typeCell(schema: JsonSchema, defs: Record<string, JsonSchema>, key: string): string {
  if (schema.$ref) {
    const target = resolve(schema, defs);
    return target?.properties ? '`NavItem[]`' : '[metadata value](#metadata-values)';
  }
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.type === 'array') {
    const item = resolve(schema.items, defs);
    if (item?.properties) return key === 'nav' || key === 'items' ? '`NavItem[]`' : '`object[]`';
    return `\`${schema.items?.type ?? 'value'}[]\``;
  }
  if (schema.type === 'object' && schema.additionalProperties) return 'map of [metadata values](#metadata-values)';
  if (schema.type === 'string' && schema.format === 'uri') return '`string` (a URL)';
  return `\`${schema.type ?? 'value'}\``;
}

function defaultCell(schema: JsonSchema, doc: KeyDoc | undefined): string {
  if (doc?.default !== undefined && !isLiteral(doc.default, schema)) return oneLine(doc.default);
  if (schema.default === undefined) return '—';
  return `\`${JSON.stringify(schema.default)}\``;
}

function defaultSentence(schema: JsonSchema, doc: KeyDoc | undefined): string {
  const cell = defaultCell(schema, doc);
  return cell === '—' ? 'No default: unset unless you set it.' : `Default: ${cell}.`;
}

/** A `@default` that only repeats the schema's own default adds nothing. */
function isLiteral(text: string, schema: JsonSchema): boolean {
  return schema.default !== undefined && (text === JSON.stringify(schema.default) || text === String(schema.default));
}
