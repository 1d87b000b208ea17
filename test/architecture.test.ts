import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The stages of src/, lowest first (ARCHITECTURE.layers.md says what each takes and
 * returns). A module may import from its own stage or a lower one, never a higher one:
 * that keeps each stage testable with only what lies below it.
 */
const STAGES: ReadonlyArray<{ name: string; paths: readonly string[] }> = [
  { name: 'foundation', paths: ['diagnostics/', 'hashing/', 'runtime.ts'] },
  { name: 'config', paths: ['config/'] },
  { name: 'content', paths: ['content/'] },
  { name: 'template', paths: ['template/'] },
  { name: 'markdown', paths: ['markdown/'] },
  { name: 'nav', paths: ['nav/'] },
  { name: 'layout', paths: ['layout/'] },
  { name: 'render', paths: ['render/'] },
  { name: 'checks', paths: ['checks/'] },
  { name: 'output', paths: ['output/'] },
  { name: 'search', paths: ['search/'] },
  { name: 'site-files', paths: ['site-files/'] },
  { name: 'build', paths: ['build.ts', 'build/'] },
  { name: 'dev', paths: ['dev/'] },
  { name: 'cli', paths: ['cli.ts', 'cli-options.ts', 'index.ts'] },
];

/**
 * Module-level mutable state that stays, each with its reason. Anything else at module
 * scope that can change (a `let`, a Map/Set/WeakMap not typed read-only) belongs in an
 * object a build session owns, so two sessions in one process never share it.
 */
const STATE_ALLOWED: Readonly<Record<string, string>> = {
  'config/import-config.ts': "counts the loads using esbuild's helper process, which is one per process, to stop it after the last",
  'render/worker.ts': "a worker thread's entry: its module scope is that thread's own, set up by the one pool that started it",
  'output/write-thread.ts': "the file-writing thread's entry: its module scope is that thread's own, started by the one DiskWriter that writes through it",
};

const SRC = path.resolve('src');

/** Every module of src/, relative to it, `/`-separated. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs|js)$/.test(entry.name) ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

export function stageOf(file: string): number {
  const index = STAGES.findIndex((stage) => stage.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
  if (index === -1) throw new Error(`src/${file} is in no stage: add it to STAGES in test/architecture.test.ts and to ARCHITECTURE.layers.md`);
  return index;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
}

/** What a module imports: `import … from`, `export … from`, `import type`, and `import('…')` anywhere in it. */
export function importsOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier && ts.isStringLiteralLike(specifier)) found.push(specifier.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text); // `typeof import('…')` in a type
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `file → import` for each import of a module from a higher stage than its own. */
export function upwardImports(modules: ReadonlyArray<{ file: string; text: string }>): string[] {
  const problems: string[] = [];
  for (const { file, text } of modules) {
    const own = stageOf(file);
    for (const specifier of importsOf(parse(file, text))) {
      if (!specifier.startsWith('.')) continue; // a package
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (target.startsWith('../')) continue; // outside src/ (package.json)
      const theirs = stageOf(target);
      if (theirs > own) problems.push(`src/${file} (${STAGES[own]!.name}) → ${specifier} (${STAGES[theirs]!.name})`);
    }
  }
  return problems;
}

/** `file:line  statement` for each top-level `let`/`var`, and each top-level Map, Set, WeakMap or WeakSet not typed read-only. */
export function moduleState(file: string, text: string): string[] {
  const source = parse(file, text);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`src/${file}:${line}  ${node.getText(source).split('\n')[0]!.slice(0, 100)}`);
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    if (!(list.flags & ts.NodeFlags.Const)) {
      report(statement);
      continue;
    }
    for (const declaration of list.declarations) {
      const init = declaration.initializer;
      if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) continue;
      const kind = init.expression.text;
      if (!['Map', 'Set', 'WeakMap', 'WeakSet'].includes(kind)) continue;
      // A ReadonlySet/ReadonlyMap is a table the type system keeps constant.
      const declared = declaration.type?.getText(source) ?? '';
      if ((kind === 'Set' && declared.startsWith('ReadonlySet')) || (kind === 'Map' && declared.startsWith('ReadonlyMap'))) continue;
      report(declaration);
    }
  }
  return found;
}

const modules = sourceFiles().map((file) => ({ file, text: readFileSync(path.join(SRC, file), 'utf8') }));

describe('the stages of src/', () => {
  it('puts every module in a stage', () => {
    for (const { file } of modules) expect(() => stageOf(file)).not.toThrow();
  });

  it('has no import from a lower stage to a higher one', () => {
    expect(upwardImports(modules)).toEqual([]);
  });

  it('finds an upward import in any of its forms (the check itself)', () => {
    const bad = [
      "import { hashOf } from '../hashing/hash.ts';", // down: fine
      "import { renderPage } from '../render/page.ts';",
      "import type { NavItem } from '../nav/sidebar.ts';",
      "export { build } from '../build.ts';",
      "const dev = () => import('../dev/dev.ts');",
      'type Engines = typeof import("../render/engines.ts");',
      "import {\n  checkLinks,\n} from '../checks/links.ts';",
    ].join('\n');
    expect(upwardImports([{ file: 'content/example.ts', text: bad }])).toEqual([
      'src/content/example.ts (content) → ../render/page.ts (render)',
      'src/content/example.ts (content) → ../nav/sidebar.ts (nav)',
      'src/content/example.ts (content) → ../build.ts (build)',
      'src/content/example.ts (content) → ../dev/dev.ts (dev)',
      'src/content/example.ts (content) → ../render/engines.ts (render)',
      'src/content/example.ts (content) → ../checks/links.ts (checks)',
    ]);
  });
});

describe('module-level state in src/', () => {
  it('has none outside the allowed modules: memos live in objects a build session owns', () => {
    const allowed = (file: string) => Object.keys(STATE_ALLOWED).some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
    expect(modules.filter(({ file }) => !allowed(file)).flatMap(({ file, text }) => moduleState(file, text))).toEqual([]);
  });

  it('allows nothing that is not there: an exception goes once its state does', () => {
    for (const entry of Object.keys(STATE_ALLOWED)) {
      const files = modules.filter(({ file }) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
      expect(files.flatMap(({ file, text }) => moduleState(file, text)), `${entry} is allowed module state but has none`).not.toEqual([]);
    }
  });

  it('finds state in any of its forms (the check itself)', () => {
    const text = [
      'let current = 0;',
      'export let exported: string | undefined;',
      'const memo = new WeakMap<object, string>();',
      'const seen = new Set<string>();',
      "const KNOWN: ReadonlySet<string> = new Set(['a']);", // constant: fine
      "const PATTERN = new RegExp('a');", // not a collection: fine
      'function f() { let inside = 1; const m = new Map(); return [inside, m]; }', // not module scope: fine
      'class C { private readonly memo = new Map<string, string>(); }',
    ].join('\n');
    expect(moduleState('nav/example.ts', text).map((line) => line.split('  ')[0])).toEqual(['src/nav/example.ts:1', 'src/nav/example.ts:2', 'src/nav/example.ts:3', 'src/nav/example.ts:4']);
  });
});
