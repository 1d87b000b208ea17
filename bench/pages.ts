/**
 * The text of one generated page in one dialect. A page's PRNG is seeded from its plan,
 * so both dialects draw the same numbers and differ only in placeholders and links.
 */
import type { Dialect, MetadataKey } from './dialects.ts';
import { capitalize, SECTIONS, type Operation, type PagePlan } from './plan.ts';
import { createRandom, type Random } from './random.ts';

interface Context {
  plan: PagePlan;
  plans: readonly PagePlan[];
  dialect: Dialect;
  random: Random;
  p: (key: MetadataKey) => string;
}

export function renderPageBody(plan: PagePlan, plans: readonly PagePlan[], dialect: Dialect): string {
  const c: Context = { plan, plans, dialect, random: createRandom(plan.seed), p: dialect.placeholder };
  const { p, random } = c;
  const section = plan.section!;
  const resourcePath = `/${section.slug}/{${section.noun}Id}/${plan.subject.split(' ')[1]}s`;
  const out: string[] = [];
  out.push(`# ${plan.title}\n`);
  out.push(
    `The ${p('product_name')} ${p('product_version')} ${capitalize(plan.subject)}s API lets you ${random.pick(VERBS)} the ${plan.subject}s of a ${section.noun}. ` +
      `${sentence(c)} See the ${overviewLink(c)} for authentication, and ${linkTo(c, 'related page')} for a related resource.\n`,
  );
  if (random.chance(0.5)) out.push(`> **Note:** ${sentence(c)} Contact ${p('support_email')} if you need a higher limit.\n`);
  out.push(`## Overview\n\n${sentence(c)} ${sentence(c)}\n\n${bullets(c, random.int(3, 5))}\n`);
  // The reference shape keeps its fenced blocks to the operations' eight.
  const baseUrl = plan.shape === 'overviews' ? `\n\n\`\`\`text\n${p('api_base_url')}${resourcePath}\n\`\`\`\n` : ` \`${p('api_base_url')}${resourcePath}\`.\n`;
  out.push(`## Base URL\n\nAll ${plan.subject} endpoints are available at:${baseUrl}`);
  out.push(`Every request must include your API key in an \`Authorization: Bearer YOUR_API_KEY\` header. Request and response bodies are JSON.\n`);
  for (const op of plan.operations) out.push(renderOperation(c, op, resourcePath));
  out.push(`## Errors\n\n${sentence(c)}\n\n| Status | Code | Description |\n| --- | --- | --- |\n${ERRORS.map(([status, code, text]) => `| ${status} | \`${code}\` | ${text} |`).join('\n')}\n`);
  out.push(`## See also\n\n${Array.from({ length: random.int(3, 4) }, () => `- ${linkTo(c)}`).join('\n')}\n`);
  out.push(`---\n\n*${p('product_name')} ${p('product_version')} - Released ${p('release_date')}*\n`);
  return out.join('\n');
}

function renderOperation(c: Context, op: Operation, resourcePath: string): string {
  const { p, random, plan } = c;
  const path = op.kind === 'list' || op.kind === 'create' ? resourcePath : `${resourcePath}/{id}`;
  const status = op.kind === 'create' ? '201 Created' : op.kind === 'delete' ? '204 No Content' : '200 OK';
  const parts = [`## ${op.heading}\n\n${sentence(c)} ${sentence(c)}\n\n**Endpoint:** \`${op.method} ${p('api_base_url')}${path}\`\n`];
  if (op.kind === 'list' || op.kind === 'get') {
    parts.push(`### Query parameters\n\n${parameterTable(c, random.int(3, 6))}\n`);
  } else if (op.kind !== 'delete') {
    parts.push(`### Request body\n\nThe request body is a JSON object with the ${plan.subject}'s fields:\n\n${parameterTable(c, random.int(3, 5))}\n`);
  }
  const data = op.kind === 'create' || op.kind === 'update' ? ` \\\n     -H "Content-Type: application/json" \\\n     -d '${JSON.stringify(resource(c, 2))}'` : '';
  const query = op.kind === 'list' ? `?limit=${random.pick([10, 20, 50])}&offset=0` : '';
  parts.push(`### Example request\n\n\`\`\`bash\ncurl -X ${op.method} \\\n     -H "Authorization: Bearer YOUR_API_KEY"${data} \\\n     "${p('api_base_url')}${path.replace(/\{(\w+)\}/g, (_, name: string) => `${name === 'id' ? plan.subject.split(' ')[1] : name.replace(/Id$/, '')}_${random.int(100, 999)}`)}${query}"\n\`\`\`\n`);
  if (op.kind === 'delete') {
    parts.push(`### Example response (${status})\n\nA successful deletion returns status \`${status}\` and an empty body.\n`);
  } else {
    const body = op.kind === 'list' ? { data: [resource(c, 2), resource(c, 2)], total: 2, limit: 10, offset: 0, api_version: p('product_version') } : resource(c, 4);
    parts.push(`### Example response (${status})\n\n${sentence(c)}\n\n\`\`\`json\n${JSON.stringify(body, null, 2)}\n\`\`\`\n`);
  }
  if (random.chance(0.6)) parts.push(`Keep in mind:\n\n${numbered(c, random.int(2, 4))}\n`);
  return parts.join('\n');
}

/** A section overview, or the home page: prose and a list of every page below it. */
export function renderIndex(plan: PagePlan, plans: readonly PagePlan[], dialect: Dialect): string {
  const c: Context = { plan, plans, dialect, random: createRandom(plan.seed), p: dialect.placeholder };
  const { p } = c;
  if (plan.kind === 'home') {
    // Without overview pages, a section is entered by its first page.
    const sections = plan.shape === 'overviews' ? plans.filter((other) => other.kind === 'section') : SECTIONS.map((section) => plans.find((other) => other.section === section)!);
    return [
      `# ${plan.title}\n`,
      `Welcome to the ${p('product_name')} ${p('product_version')} documentation. ${sentence(c)} ${sentence(c)}\n`,
      `## Sections\n\n| Section | Description |\n| --- | --- |\n${sections.map((s) => `| [${s.section!.title}](${dialect.link(plan, s)}) | ${s.description} |`).join('\n')}\n`,
      `*${p('product_name')} ${p('product_version')} - Released ${p('release_date')}*\n`,
    ].join('\n');
  }
  const children = plans.filter((other) => other.kind === 'endpoint' && other.section === plan.section);
  return [
    `# ${plan.title}\n`,
    `The ${p('product_name')} ${plan.title} API. ${sentence(c)} ${sentence(c)} Back to the [documentation home](${dialect.link(plan, plans[0]!)}).\n`,
    `## Authentication\n\n${sentence(c)}\n\n\`\`\`bash\ncurl -H "Authorization: Bearer YOUR_API_KEY" ${p('api_base_url')}/${plan.section!.slug}\n\`\`\`\n`,
    `## Pages in this section\n\n${children.map((child) => `- [${child.title}](${dialect.link(plan, child)}): ${child.description}`).join('\n')}\n`,
  ].join('\n');
}

/** Pages by section, computed once per site: linking must not scan every page for every link. */
const bySection = new WeakMap<readonly PagePlan[], Map<PagePlan['section'], PagePlan[]>>();

function sectionPages(c: Context): PagePlan[] {
  let groups = bySection.get(c.plans);
  if (!groups) {
    groups = new Map();
    for (const plan of c.plans) {
      const group = groups.get(plan.section);
      if (group) group.push(plan);
      else groups.set(plan.section, [plan]);
    }
    bySection.set(c.plans, groups);
  }
  return groups.get(c.plan.section)!;
}

/** The section's overview page, or the home page where sections have none. */
function overviewLink(c: Context): string {
  const section = c.plan.section!;
  const overview = sectionPages(c).find((other) => other.kind === 'section');
  return overview ? `[${section.title} overview](${c.dialect.link(c.plan, overview)})` : `[documentation home](${c.dialect.link(c.plan, c.plans[0]!)})`;
}

/** A link to another page, half the time in the same section, usually to one of its headings. */
function linkTo(c: Context, text?: string): string {
  const { random, plan, plans } = c;
  let target: PagePlan;
  do {
    const sameSection = random.chance(0.5) ? sectionPages(c) : plans;
    target = random.pick(sameSection.length > 1 ? sameSection : plans);
  } while (target === plan);
  const anchor = random.chance(0.7) ? random.pick(target.anchors) : undefined;
  return `[${text ?? target.title}](${c.dialect.link(plan, target, anchor)})`;
}

function parameterTable(c: Context, rows: number): string {
  const chosen = c.random.subset(PARAMETERS, rows);
  const lines = chosen.map(([name, type, text]) => `| \`${name}\` | ${type} | ${text} | ${c.random.chance(0.3) ? 'Yes' : 'No'} |`);
  return `| Name | Type | Description | Required |\n| --- | --- | --- | --- |\n${lines.join('\n')}`;
}

function resource(c: Context, extraFields: number): Record<string, unknown> {
  const { random, plan } = c;
  const value: Record<string, unknown> = { id: `${plan.subject.replace(' ', '_')}_${random.int(1000, 9999)}`, name: `${capitalize(random.pick(ADJECTIVES))} ${plan.subject}` };
  for (const [name, make] of random.subset(FIELDS, extraFields)) value[name] = make(random);
  return value;
}

function bullets(c: Context, count: number): string {
  return Array.from({ length: count }, () => `- ${sentence(c)}`).join('\n');
}

function numbered(c: Context, count: number): string {
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${sentence(c)}`).join('\n');
}

function sentence(c: Context): string {
  const { random, plan } = c;
  const subject = plan.subject || `${plan.section?.noun ?? 'resource'}`;
  return random
    .pick(SENTENCES)
    .replace(/SUBJECT/g, subject)
    .replace(/\bA ADJ/g, () => withArticle(random.pick(ADJECTIVES)))
    .replace(/ADJ/g, () => random.pick(ADJECTIVES))
    .replace(/VERB/g, () => random.pick(VERBS))
    .replace(/FIELD/g, () => `\`${random.pick(FIELDS)[0]}\``)
    .replace(/NUM/g, () => String(random.int(2, 500)))
    .replace(/SECTION/g, () => random.pick(SECTIONS).title.toLowerCase());
}

function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

const SENTENCES = [
  'Each SUBJECT has A ADJ FIELD that you can use to VERB it later.',
  'Results are sorted by FIELD in descending order, and at most NUM items are returned per page.',
  'When the request succeeds, the response contains the ADJ SUBJECT and its FIELD.',
  'You can VERB up to NUM SUBJECTs per minute before the API starts returning `429 Too Many Requests`.',
  'Use FIELD together with FIELD to narrow the results to ADJ SUBJECTs.',
  'Any SUBJECT that is ADJ cannot be changed; VERB a new one instead.',
  'Changes to a SUBJECT are visible in the SECTION API within NUM seconds.',
  'The FIELD value is always returned in UTC, formatted as an ISO 8601 timestamp.',
  'Requests that VERB A ADJ SUBJECT are idempotent when you send an `Idempotency-Key` header.',
  'If FIELD is omitted, the SUBJECT inherits the value from its parent in the SECTION API.',
  'Webhooks fire whenever a SUBJECT is updated, so you rarely need to poll for FIELD.',
  'Deleted SUBJECTs are kept for NUM days and can be restored by support during that time.',
];

const ADJECTIVES = ['active', 'archived', 'pending', 'default', 'shared', 'private', 'primary', 'expired', 'verified', 'locked'];
const VERBS = ['create', 'list', 'inspect', 'update', 'archive', 'restore', 'export', 'rotate', 'revoke', 'manage'];

const PARAMETERS: ReadonlyArray<readonly [string, string, string]> = [
  ['limit', 'Integer', 'The maximum number of items to return (1-100).'],
  ['offset', 'Integer', 'The number of items to skip before returning results.'],
  ['status', 'String', 'Filter by status (`active`, `pending` or `archived`).'],
  ['created_after', 'Timestamp', 'Only items created after this ISO 8601 time.'],
  ['created_before', 'Timestamp', 'Only items created before this ISO 8601 time.'],
  ['sort', 'String', 'The field to sort by; prefix with `-` for descending order.'],
  ['name', 'String', 'A human-readable name, at most 120 characters.'],
  ['description', 'String', 'A longer description shown in the dashboard.'],
  ['labels', 'Object', 'Key-value pairs for your own bookkeeping.'],
  ['owner_id', 'String', 'The ID of the user who owns the item.'],
  ['expand', 'Array', 'Related objects to include inline, such as `owner`.'],
  ['dry_run', 'Boolean', 'Validate the request without applying it.'],
];

const FIELDS: ReadonlyArray<readonly [string, (random: Random) => unknown]> = [
  ['status', (r) => r.pick(ADJECTIVES)],
  ['created_at', (r) => `2026-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(10, 28))}T${String(r.int(10, 23))}:00:00Z`],
  ['updated_at', (r) => `2026-11-${String(r.int(10, 22))}T${String(r.int(10, 23))}:30:00Z`],
  ['owner_id', (r) => `user_${r.int(100, 999)}`],
  ['labels', (r) => ({ team: r.pick(['core', 'growth', 'infra']), env: r.pick(['prod', 'staging']) })],
  ['enabled', (r) => r.chance(0.5)],
  ['priority', (r) => r.int(1, 5)],
  ['region', (r) => r.pick(['us-east-1', 'eu-west-1', 'ap-south-1'])],
  ['tags', (r) => r.subset(['beta', 'internal', 'billing', 'audit', 'legacy'], 2)],
  ['usage', (r) => ({ requests: r.int(100, 99999), bytes: r.int(1000, 9999999) })],
];

const ERRORS = [
  ['400', 'invalid_request', 'The request body or query string is malformed.'],
  ['401', 'unauthorized', 'The API key is missing or invalid.'],
  ['404', 'not_found', 'No resource with this ID exists.'],
  ['429', 'rate_limited', 'Too many requests; retry after the `Retry-After` header.'],
];
