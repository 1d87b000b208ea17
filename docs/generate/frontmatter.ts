/**
 * The frontmatter reference (docs/content/reference/frontmatter.md), made from the schema
 * of the keys docsmith reads (src/content/page-frontmatter.ts): types from zod's JSON
 * Schema, words from the JSDoc on each key.
 */
import { z } from 'zod';
import { pageFrontmatterSchema } from '../../src/content/page-frontmatter.ts';
import { keyDocs, oneLine } from './schema-docs.ts';

const SCHEMA_FILE = 'src/content/page-frontmatter.ts';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

export function frontmatterPage(repoRoot: string): string {
  const schema = z.toJSONSchema(pageFrontmatterSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const docs = keyDocs(repoRoot, SCHEMA_FILE);
  return [
    '---',
    'title: Frontmatter keys',
    'description: Every frontmatter key docsmith reads, with its type and meaning.',
    'templating: false',
    '---',
    '',
    `<!-- Generated from ${SCHEMA_FILE} by \`npm run docs:generate\`: edit the schema's JSDoc, not this page. -->`,
    '',
    'The keys docsmith reads in a page\'s frontmatter. A known key with a value of the wrong',
    'type is an error at its line (rule `frontmatter/invalid-value`). Any other key is yours:',
    '`{{ page.audience }}` prints `audience:` from the frontmatter.',
    '',
    '| key | type | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(schema.properties ?? {}).map(([key, value]) => {
      const doc = docs.get(`pageFrontmatterSchema.${key}`);
      const byDefault = doc?.default ? ` Default: ${oneLine(doc.default)}.` : '';
      return `| \`${key}\` | ${typeOf(value)} | ${oneLine(doc?.text ?? '')}${byDefault} |`;
    }),
    '',
  ].join('\n');
}

function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `\`${typeOf(schema.items ?? {}).replaceAll('`', '')}[]\``;
  if (schema.type === 'object') return 'map';
  return `\`${schema.type ?? 'value'}\``;
}
