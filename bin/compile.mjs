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
 * for their render workers. The folder is safe to delete. When the package's folder cannot
 * be written (installed globally or in a container image by another user), the bundle goes
 * to the current folder's node_modules/.cache instead (`cacheFolders`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bump when the way of compiling changes, so that no older bundle is reused. */
const FORMAT = 4;
/** Output name → source. All land in one flat folder: src/runtime.ts finds `worker.mjs` next to itself. */
const ENTRIES = { cli: 'src/cli.ts', api: 'src/index.ts', worker: 'src/render/worker.ts', writer: 'src/output/write-thread.ts' };
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

/** @typedef {{ root?: string, cacheDir?: string, fallbackCacheDir?: string }} CompileOptions for tests: another checkout, other cache folders */
/** @typedef {{ dir: string, absoluteImports: boolean }} CacheFolder */

/**
 * Returns the folder of the compiled runtime (`cli.mjs`, `api.mjs`, `worker.mjs` and their
 * shared chunks), compiling first when the sources changed since the last compile.
 *
 * @param {CompileOptions} [options]
 * @returns {Promise<string>}
 */
export async function compiledRuntime(options = {}) {
  const root = options.root ?? PACKAGE_ROOT;
  const caches = cacheFolders(root, options);
  for (const cache of caches) {
    const sources = readSourceList(path.join(cache.dir, 'sources.json'));
    const key = sources && keyOf(root, sources.map((file) => [file, readOrMissing(path.join(root, file))]));
    const dir = key && path.join(cache.dir, key);
    if (dir && existsSync(path.join(dir, 'cli.mjs'))) return dir;
  }
  const esbuild = await import('esbuild');
  /** @type {unknown[]} */
  const refusals = [];
  for (const cache of caches) {
    let staging;
    try {
      mkdirSync(cache.dir, { recursive: true });
      staging = mkdtempSync(path.join(cache.dir, '.staging-'));
    } catch (error) {
      refusals.push(error);
      continue;
    }
    return compile(esbuild, root, cache, staging);
  }
  throw new AggregateError(refusals, `docsmith compiles its code on first start, and could write it to none of these folders: ${caches.map((cache) => cache.dir).join(', ')}`);
}

/**
 * The file URL of one of the compiled entries (importing `cli` runs the command line).
 *
 * @param {keyof typeof ENTRIES} entry
 * @param {CompileOptions} [options]
 * @returns {Promise<string>}
 */
export async function compiledEntry(entry, options = {}) {
  return pathToFileURL(path.join(await compiledRuntime(options), `${entry}.mjs`)).href;
}

/**
 * Where the bundle may be kept, first choice first. Inside the package, its imports of
 * packages find the package's dependencies as the package's own files do, by name. When
 * the package's folder cannot be written, the current folder's node_modules/.cache (where
 * the site's caches are): from there a name could find the site's packages instead (or
 * none, after a global install), so each import is compiled to the URL Node resolves it to
 * from this package.
 *
 * @param {string} root
 * @param {CompileOptions} options
 * @returns {CacheFolder[]}
 */
function cacheFolders(root, options) {
  const own = { dir: options.cacheDir ?? path.join(root, 'node_modules', '.cache', 'docsmith', 'runtime'), absoluteImports: false };
  const fallback = { dir: options.fallbackCacheDir ?? path.join(process.cwd(), 'node_modules', '.cache', 'docsmith', 'runtime'), absoluteImports: true };
  return path.resolve(fallback.dir) === path.resolve(own.dir) ? [own] : [own, fallback];
}

/**
 * Bundles into a staging folder, then renames it to its key: a folder under a key is
 * always complete, and two processes compiling at once agree on the result.
 *
 * @param {typeof import('esbuild')} esbuild
 * @param {string} root
 * @param {CacheFolder} cache
 * @param {string} staging an empty folder in the cache
 * @returns {Promise<string>} the bundle's folder
 */
async function compile(esbuild, root, cache, staging) {
  const cacheDir = cache.dir;
  /** What each source held when esbuild read it, so the key matches what was compiled. @type {Map<string, string>} */
  const compiled = new Map();
  /** @type {import('esbuild').Plugin[]} */
  const plugins = [
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
  ];
  if (cache.absoluteImports) plugins.unshift(absoluteImports(root, compiled));
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
      plugins,
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
 * Compiles each import of a package to the file URL Node resolves it to from this file,
 * which is in the package, so the bundle runs from a folder outside it. Each file resolved
 * to joins the files the bundle's key covers: when npm moves or updates a dependency, the
 * bundle is compiled again rather than left importing a file that is gone.
 *
 * @param {string} root
 * @param {Map<string, string>} compiled
 * @returns {import('esbuild').Plugin}
 */
function absoluteImports(root, compiled) {
  return {
    name: 'docsmith-absolute-imports',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || isBuiltin(args.path)) return undefined;
        const url = import.meta.resolve(args.path);
        const file = fileURLToPath(url);
        compiled.set(toPosix(path.relative(root, file)), readFileSync(file, 'utf8'));
        return { path: url, external: true };
      });
    },
  };
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
