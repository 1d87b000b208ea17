import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers.ts';

const run = promisify(execFile);
const REPO = process.cwd();

/** What `npm pack --json` says of the tarball it wrote. */
interface Packed {
  filename: string;
  files: { path: string }[];
}

/**
 * The packages an `npm install docsmith` puts in a project's node_modules: the lockfile's
 * top-level entries that are not there for development alone (docsmith's dependencies and
 * theirs, hoisted as npm hoists them), those of this platform, which are installed.
 */
function installedWithDocsmith(): string[] {
  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !key.slice('node_modules/'.length).includes('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([key]) => key.slice('node_modules/'.length))
    .filter((name) => existsSync(path.join(REPO, 'node_modules', name)));
}

function link(project: string, name: string): void {
  const target = path.join(project, 'node_modules', name);
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules', name), target, 'dir');
}

/**
 * Type-checks files the way a writer's strict tsconfig.json would, declarations included (a
 * writer's project may not skip them). Only the writer's files and docsmith's are checked
 * through: the other packages' declarations are read for what those use, not checked whole
 * (that took 50 s, for TypeScript's and @types/node's own business).
 */
function typeErrors(project: string, files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram({
    rootNames: files.map((file) => path.join(project, file)),
    options: {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      skipLibCheck: false,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      ...options,
    },
  });
  const docsmith = path.join(project, 'node_modules', 'docsmith') + path.sep;
  const checked = program.getSourceFiles().filter((file) => !file.fileName.includes('/node_modules/') || path.resolve(file.fileName).startsWith(docsmith));
  expect(checked.map((file) => path.relative(project, file.fileName))).toEqual(expect.arrayContaining([...files, 'node_modules/docsmith/types/index.d.ts']));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return diagnostics.map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(project, diagnostic.file.fileName)}: ` : '';
    return `${where}TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('the packed package, installed in a writer’s repository (no network)', () => {
  let packed: Packed;
  let project: string;
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  beforeAll(async () => {
    const packDir = temporaryFolder('pack');
    project = temporaryFolder('writer-repo');
    folders.push(packDir, project);
    // As a release is made: prepack writes the declarations, then npm packs the `files`.
    const { stdout } = await run('npm', ['pack', '--json', '--offline', '--pack-destination', packDir], { cwd: REPO });
    packed = (JSON.parse(stdout) as Packed[])[0]!;

    // `npm install --save-dev docsmith-0.1.0.tgz`, from what is already on this machine.
    const installed = path.join(project, 'node_modules', 'docsmith');
    mkdirSync(installed, { recursive: true });
    await run('tar', ['-xzf', path.join(packDir, packed.filename), '-C', installed, '--strip-components=1']);
    for (const name of installedWithDocsmith()) link(project, name);
    // The writer's own, for their TypeScript.
    link(project, '@types/node');

    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'writer-docs', private: true, type: 'module', devDependencies: { docsmith: '0.1.0' } }),
      'content/index.md': '# Welcome to {{ page.metadata.product }}\n',
      'site.config.ts': [
        "import { defineConfig, type SiteConfigInput } from 'docsmith';",
        '',
        "const metadata: SiteConfigInput['metadata'] = { product: 'Widget' };",
        '',
        "export default defineConfig({ title: 'Widget docs', metadata });",
        '',
      ].join('\n'),
      // The types are docsmith's, not `any`: a wrong one is refused.
      'wrong.ts': "import { defineConfig } from 'docsmith';\n\n// @ts-expect-error: a title is text\ndefineConfig({ title: 42 });\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), text);
    }
  }, 60_000);

  it('holds what runs, and no tests, benches, fixtures or output', () => {
    const files = packed.files.map((file) => file.path).sort();
    const outside = files.filter((file) => !/^(bin|src|templates|types)\//.test(file) && !['package.json', 'README.md', 'patches/postinstall.mjs'].includes(file));
    expect(outside).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|bench|fixtures|dist)\//.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['bin/docsmith.mjs', 'bin/api.mjs', 'bin/compile.mjs', 'templates/layout.liquid', 'types/index.d.ts', 'src/index.ts']));
    // Every source, since the package compiles them where it is installed.
    const sources = (readdirSync(path.join(REPO, 'src'), { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => `src/${file.split(path.sep).join('/')}`);
    expect(files.filter((file) => file.startsWith('src/'))).toEqual(sources.sort());
  });

  it('builds the site with the installed bin, its config importing defineConfig from docsmith', async () => {
    const { stderr } = await run(process.execPath, [path.join('node_modules', 'docsmith', 'bin', 'docsmith.mjs'), 'build'], { cwd: project });
    expect(stderr).toContain('1 page built into dist');
    expect(readFileSync(path.join(project, 'dist', 'index.html'), 'utf8')).toContain('<h1 id="welcome-to-widget">Welcome to Widget</h1>');
    // The runtime was compiled inside the installed package, which is writable here.
    expect(existsSync(path.join(project, 'node_modules', 'docsmith', 'node_modules', '.cache', 'docsmith', 'runtime'))).toBe(true);
  }, 60_000);

  it('gives the config types that a strict TypeScript accepts, with either module resolution', () => {
    const files = ['site.config.ts', 'wrong.ts'];
    expect(typeErrors(project, files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext })).toEqual([]);
    expect(typeErrors(project, files, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler })).toEqual([]);
  });
});
