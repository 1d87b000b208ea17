/**
 * The shape of the generated site, decided before any page is written, so every link
 * can point at a page and a heading that exist.
 */
import type { Linkable } from './dialects.ts';
import { createRandom, type Random } from './random.ts';

export interface Section {
  slug: string;
  title: string;
  /** The resource the section documents, singular: `user`. */
  noun: string;
}

export const SECTIONS: readonly Section[] = [
  ['users', 'Users', 'user'],
  ['projects', 'Projects', 'project'],
  ['teams', 'Teams', 'team'],
  ['billing', 'Billing', 'account'],
  ['invoices', 'Invoices', 'invoice'],
  ['webhooks', 'Webhooks', 'webhook'],
  ['events', 'Events', 'event'],
  ['pipelines', 'Pipelines', 'pipeline'],
  ['datasets', 'Datasets', 'dataset'],
  ['jobs', 'Jobs', 'job'],
  ['schedules', 'Schedules', 'schedule'],
  ['connectors', 'Connectors', 'connector'],
  ['secrets', 'Secrets', 'secret'],
  ['audit-logs', 'Audit Logs', 'audit'],
  ['notifications', 'Notifications', 'notification'],
  ['storage', 'Storage', 'bucket'],
  ['queries', 'Queries', 'query'],
  ['dashboards', 'Dashboards', 'dashboard'],
  ['alerts', 'Alerts', 'alert'],
  ['tokens', 'Tokens', 'token'],
].map(([slug, title, noun]) => ({ slug: slug!, title: title!, noun: noun! }));

/** Sub-resources; each section documents them in turn, plural by adding "s". */
const SUBJECTS = [
  'session', 'role', 'permission', 'preference', 'avatar', 'invitation', 'membership', 'quota',
  'limit', 'label', 'tag', 'comment', 'attachment', 'export', 'import', 'snapshot', 'version',
  'metric', 'setting', 'key', 'domain', 'member', 'group', 'template', 'rule', 'trigger', 'filter',
  'field', 'schema', 'lock', 'owner', 'link', 'note', 'report', 'archive', 'credential', 'annotation',
  'bookmark', 'channel', 'subscription',
];

export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete';

export interface Operation {
  kind: OperationKind;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The h2 text: `List user sessions`. */
  heading: string;
  /** Its id, as rehype-slug (github-slugger) makes it. */
  anchor: string;
}

export interface PagePlan extends Linkable {
  index: number;
  kind: 'home' | 'section' | 'endpoint';
  shape: SiteShape;
  section: Section | undefined;
  title: string;
  description: string;
  order: number;
  /** `user session`; empty for overview pages. */
  subject: string;
  operations: Operation[];
  /** Ids of headings other pages may link to. */
  anchors: string[];
  /** Seeds this page's own PRNG. */
  seed: number;
}

/**
 * How the generated site is laid out:
 * - `overviews`, the bench's own: each section folder starts with its overview
 *   (`<section>/index.md`), and an endpoint page documents 2 to 4 operations;
 * - `reference`, the shape of issue 16 and of many real API references: section folders
 *   without an `index.md`, and every page documents four operations (list, get, create,
 *   update), each with a parameter table, a bash and a JSON block: 8 fenced blocks a page.
 */
export type SiteShape = 'overviews' | 'reference';

export const SHAPES: readonly SiteShape[] = ['overviews', 'reference'];

/**
 * Plans `count` pages: the home page, then the pages spread evenly over the 20
 * sections (each starting with its overview in the `overviews` shape).
 */
export function planSite(count: number, seed: number, shape: SiteShape = 'overviews'): PagePlan[] {
  if (!Number.isInteger(count) || count < SECTIONS.length + 1) throw new Error(`--pages must be an integer of at least ${SECTIONS.length + 1}`);
  const random = createRandom(seed);
  const plans: PagePlan[] = [];
  const add = (plan: Omit<PagePlan, 'index' | 'seed' | 'shape'>) => plans.push({ ...plan, shape, index: plans.length, seed: random.int(0, 2 ** 31) });
  add({ kind: 'home', section: undefined, contentPath: 'index.md', url: '/', title: 'DataFlow Documentation', description: 'Guides and API reference for the DataFlow platform.', order: 0, subject: '', operations: [], anchors: ['sections'] });

  const perSection = count - 1;
  SECTIONS.forEach((section, s) => {
    const pagesHere = Math.floor(perSection / SECTIONS.length) + (s < perSection % SECTIONS.length ? 1 : 0);
    if (shape === 'overviews') {
      add({ kind: 'section', section, contentPath: `${section.slug}/index.md`, url: `/${section.slug}/`, title: section.title, description: `Overview of the ${section.title} API.`, order: 0, subject: '', operations: [], anchors: ['authentication', 'pages-in-this-section'] });
    }
    const endpoints = shape === 'overviews' ? pagesHere - 1 : pagesHere;
    for (let j = 0; j < endpoints; j++) add(planEndpoint(section, j, random, shape));
  });
  return plans;
}

function planEndpoint(section: Section, j: number, random: Random, shape: SiteShape): Omit<PagePlan, 'index' | 'seed' | 'shape'> {
  const word = SUBJECTS[j % SUBJECTS.length]!;
  const generation = Math.floor(j / SUBJECTS.length);
  const subject = `${section.noun} ${word}`;
  const slug = `${section.noun}-${word}s${generation > 0 ? `-v${generation + 1}` : ''}`;
  const title = `${capitalize(section.noun)} ${capitalize(word)}s API${generation > 0 ? ` (v${generation + 1})` : ''}`;
  // Drawn in both shapes, so the rest of the page's plan is the same either way.
  const drawn = random.subset<OperationKind>(['list', 'get', 'create', 'update', 'delete'], random.int(2, 4));
  const kinds: OperationKind[] = shape === 'overviews' ? drawn : ['list', 'get', 'create', 'update'];
  const operations = kinds.map((kind) => operation(kind, subject));
  return {
    kind: 'endpoint',
    section,
    contentPath: `${section.slug}/${slug}.md`,
    url: `/${section.slug}/${slug}/`,
    title,
    description: `Create, list and manage ${subject}s with the DataFlow API.`,
    order: j + 1,
    subject,
    operations,
    anchors: [...operations.map((op) => op.anchor), 'base-url', 'errors'],
  };
}

const METHODS = { list: 'GET', get: 'GET', create: 'POST', update: 'PATCH', delete: 'DELETE' } as const;

function operation(kind: OperationKind, subject: string): Operation {
  const heading = kind === 'list' ? `List ${subject}s` : `${capitalize(kind)} a ${subject}`;
  return { kind, method: METHODS[kind], heading, anchor: slug(heading) };
}

/**
 * github-slugger's rule for the ASCII text used here: lower case, drop punctuation,
 * spaces to hyphens. Repeated headings get -1, -2… but only unique ones are linked.
 */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
