import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildFailure, Message, Plugin } from 'esbuild';
import { API_URL } from '../runtime.ts';

/** Where a config file failed to compile, for the diagnostic. */
export interface ConfigSyntaxError {
  /** Relative to the site root, `/`-separated. */
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ImportedConfig = { ok: true; exported: unknown } | { ok: false; syntax: ConfigSyntaxError } | { ok: false; thrown: unknown };

/**
 * Loads under way in this process: esbuild's helper process is one per process, and is
 * stopped when the last load is done.
 */
let active = 0;

/**
 * Loads `site.config.ts` and whatever it imports by path, the way Vite loads its config:
 * esbuild bundles them into one JavaScript module (packages stay imports), which is
 * written under the site's node_modules/.cache, so that its imports resolve as they would
 * from the site, then imported and removed. No TypeScript loader is needed in the
 * process, a fresh file name defeats the module cache when the dev server loads an
 * edited config, and a syntax error comes back with its position.
 *
 * `import … from 'docsmith'` is the docsmith that is loading the config (`docsmithItself`).
 */
export async function importConfig(root: string, file: string): Promise<ImportedConfig> {
  const esbuild = await import('esbuild');
  let code: string;
  active++;
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      plugins: [docsmithItself],
      logLevel: 'silent',
      // The config reads as if it ran where it is written, not in the cache.
      define: {
        'import.meta.url': JSON.stringify(pathToFileURL(file).href),
        'import.meta.filename': JSON.stringify(file),
        'import.meta.dirname': JSON.stringify(path.dirname(file)),
        __filename: JSON.stringify(file),
        __dirname: JSON.stringify(path.dirname(file)),
      },
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const first = (error as BuildFailure).errors?.[0];
    if (!first) throw error;
    return { ok: false, syntax: syntaxError(root, file, first) };
  } finally {
    // esbuild's helper process would otherwise live (and count) as long as this one.
    if (--active === 0) await esbuild.stop();
  }

  const dir = path.join(root, 'node_modules', '.cache', 'docsmith', 'config');
  const compiled = path.join(dir, `${path.basename(file)}.${process.pid}.${randomUUID()}.mjs`);
  try {
    // Inside the try: a read-only site folder is reported like any config that cannot load.
    mkdirSync(dir, { recursive: true });
    writeFileSync(compiled, code);
    const module = (await import(pathToFileURL(compiled).href)) as { default?: unknown };
    return { ok: true, exported: module.default };
  } catch (error) {
    return { ok: false, thrown: error };
  } finally {
    try {
      rmSync(compiled, { force: true });
    } catch {
      // Never written (the folder could not be made): nothing to remove.
    }
  }
}

/**
 * Points `'docsmith'` at the running docsmith's compiled API. Left to Node, it would be
 * looked up from the compiled copy's folder in node_modules/.cache, where Node never
 * resolves a package's name to itself: a config inside docsmith's own repository (the docs
 * site) could not import it, nor could a site built by a docsmith installed elsewhere.
 * When the site has docsmith installed and runs that one, this is the same module.
 */
const docsmithItself: Plugin = {
  name: 'docsmith-itself',
  setup(build) {
    build.onResolve({ filter: /^docsmith$/ }, () => ({ path: API_URL.href, external: true }));
  },
};

function syntaxError(root: string, file: string, message: Message): ConfigSyntaxError {
  const where = message.location;
  const relative = where ? path.relative(root, path.resolve(root, where.file)) : path.relative(root, file);
  return {
    file: relative.split(path.sep).join('/'),
    line: where?.line ?? 1,
    // esbuild counts columns from 0.
    column: (where?.column ?? 0) + 1,
    message: message.text,
  };
}
