// @ts-check
/**
 * Compiles docsmith's TypeScript to JavaScript, once per change: the one runtime that the
 * command line, the API (package.json's `exports`, bin/api.mjs) and the render workers run.
 *
 * Running from source needs a TypeScript loader (tsx) in the main thread and again in
 * every render worker; each one costs about 25 MB and a module-hooks thread, and tsx is a
 * devDependency. So src/ is bundled with esbuild (packages stay imports of node_modules)
 * into node_modules/.cache/docsmith/runtime/<key>/ and run from there. The key hashes the
 * sources the bundle was compiled from, so an edit to src/ compiles again, and an unchanged
 * checkout starts from the bundle at the cost of reading and hashing its ~60 files.
 * Tests and bench scripts run src/ directly, and src/runtime.ts compiles the same bundle
 * for their render workers. The folder is safe to delete.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bump when the way of compiling changes, so that no older bundle is reused. */
const FORMAT = 3;
/** Output name → source. All land in one flat folder: src/runtime.ts finds `worker.mjs` next to itself. */
const ENTRIES = { cli: 'src/cli.ts', api: 'src/index.ts', worker: 'src/render/worker.ts' };
/** Files esbuild reads besides the sources: package.json's `sideEffects`, tsconfig's settings. */
const SETTINGS = ['package.json', 'tsconfig.json'];
/**
 * Packages that have an ES module build but no `exports` map, so Node imports their
 * CommonJS build, and first scans its source for export names (liquidjs: ~60 ms of CPU
 * in each thread that loads it). Imported by the path of their ES module build instead.
 */
const ESM_BUILDS = ['liquidjs'];
/** Bundles kept besides the newest, for a dev server still running an older one. */
const KEEP_OLDER = 2;

/**
 * Returns the folder of the compiled runtime (`cli.mjs`, `api.mjs`, `worker.mjs` and their
 * shared chunks), compiling first when the sources changed since the last compile.
 *
 * @param {{ root?: string, cacheDir?: string }} [options] for tests: another checkout, another cache folder
 * @returns {Promise<string>}
 */
export async function compiledRuntime(options = {}) {
  const root = options.root ?? PACKAGE_ROOT;
  const cacheDir = options.cacheDir ?? path.join(root, 'node_modules', '.cache', 'docsmith', 'runtime');
  const sources = readSourceList(path.join(cacheDir, 'sources.json'));
  const key = sources && keyOf(root, sources.map((file) => [file, readOrMissing(path.join(root, file))]));
  const dir = key && path.join(cacheDir, key);
  if (dir && existsSync(path.join(dir, 'cli.mjs'))) return dir;
  return compile(root, cacheDir);
}

/**
 * The file URL of one of the compiled entries (importing `cli` runs the command line).
 *
 * @param {keyof typeof ENTRIES} entry
 * @param {{ root?: string, cacheDir?: string }} [options]
 * @returns {Promise<string>}
 */
export async function compiledEntry(entry, options = {}) {
  return pathToFileURL(path.join(await compiledRuntime(options), `${entry}.mjs`)).href;
}

/**
 * Bundles into a staging folder, then renames it to its key: a folder under a key is
 * always complete, and two processes compiling at once agree on the result.
 *
 * @param {string} root
 * @param {string} cacheDir
 * @returns {Promise<string>} the bundle's folder
 */
async function compile(root, cacheDir) {
  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(path.join(cacheDir, '.staging-'));
  /** What each source held when esbuild read it, so the key matches what was compiled. @type {Map<string, string>} */
  const compiled = new Map();
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      alias: esmBuilds(root, ESM_BUILDS, compiled),
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      // For `NODE_OPTIONS=--enable-source-maps` when debugging; Node reads none by default.
      sourcemap: 'linked',
      define: { DOCSMITH_COMPILED: JSON.stringify({ packageRoot: root }) },
      logLevel: 'silent',
      plugins: [
        {
          name: 'docsmith-sources',
          setup(build) {
            build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
              const contents = readFileSync(args.path, 'utf8');
              compiled.set(toPosix(path.relative(root, args.path)), contents);
              return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
            });
          },
        },
      ],
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await esbuild.stop();
  }
  for (const file of SETTINGS) compiled.set(file, readOrMissing(path.join(root, file)));
  const files = [...compiled.keys()].sort();
  const key = keyOf(root, files.map((file) => [file, /** @type {string} */ (compiled.get(file))]));
  const dir = path.join(cacheDir, key);
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another process got there first with the same sources: its folder is as good.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'cli.mjs'))) throw error;
  }
  writeAtomically(path.join(cacheDir, 'sources.json'), JSON.stringify(files));
  pruneOlder(cacheDir, key);
  return dir;
}

/**
 * esbuild aliases from each package to its ES module build (package.json's `module`),
 * for those that have one and no `exports` map. The manifests read join the files the
 * bundle's key covers: another version of the package compiles again.
 *
 * @param {string} root
 * @param {string[]} names
 * @param {Map<string, string>} compiled
 * @returns {Record<string, string>}
 */
function esmBuilds(root, names, compiled) {
  /** @type {Record<string, string>} */
  const aliases = {};
  const require = createRequire(path.join(root, 'package.json'));
  for (const name of names) {
    const file = require.resolve(`${name}/package.json`);
    const text = readFileSync(file, 'utf8');
    compiled.set(toPosix(path.relative(root, file)), text);
    const manifest = JSON.parse(text);
    if (typeof manifest.module === 'string' && manifest.exports === undefined) aliases[name] = `${name}/${manifest.module.replace(/^\.\//, '')}`;
  }
  return aliases;
}

/**
 * @param {string} root
 * @param {[string, string][]} files path relative to root, and content
 */
function keyOf(root, files) {
  const hash = createHash('sha256').update(`${FORMAT}\0${esbuildVersion()}\0${root}\0`);
  for (const [file, content] of files) hash.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\0`);
  return hash.digest('hex').slice(0, 20);
}

/** @param {string} file */
function readOrMissing(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '\0missing';
  }
}

/**
 * The sources the last compile read, or undefined when there is no readable list.
 *
 * @param {string} file
 * @returns {string[] | undefined}
 */
function readSourceList(file) {
  try {
    const list = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

function esbuildVersion() {
  const require = createRequire(import.meta.url);
  return /** @type {{ version: string }} */ (require('esbuild/package.json')).version;
}

/**
 * @param {string} cacheDir
 * @param {string} current
 */
function pruneOlder(cacheDir, current) {
  const older = readdirSync(cacheDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== current)
    .map((entry) => ({ dir: path.join(cacheDir, entry.name), time: statSync(path.join(cacheDir, entry.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { dir } of older.slice(KEEP_OLDER)) rmSync(dir, { recursive: true, force: true });
}

/**
 * @param {string} file
 * @param {string} text
 */
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** @param {string} file */
function toPosix(file) {
  return file.split(path.sep).join('/');
}
