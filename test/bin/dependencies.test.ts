import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledRuntime } from '../../bin/compile.mjs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Every module specifier a JavaScript file imports, statically or by a literal `import()`. */
function specifiers(code: string): string[] {
  const found = [...code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']|(?:^|[;\n])\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)];
  return found.map((match) => (match[1] ?? match[2] ?? match[3])!);
}

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`), or undefined for a path. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(name: string): boolean {
  return name.startsWith('node:') || builtinModules.includes(name);
}

describe('the compiled runtime', () => {
  it('imports only declared dependencies and Node builtins, never a devDependency: `npm install --omit=dev` runs it', async () => {
    const dir = await compiledRuntime();
    const files = [
      ...readdirSync(dir).filter((file) => file.endsWith('.mjs')).map((file) => path.join(dir, file)),
      ...readdirSync('bin').filter((file) => file.endsWith('.mjs')).map((file) => path.join('bin', file)),
    ];
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['cli.mjs', 'api.mjs', 'worker.mjs', 'docsmith.mjs', 'compile.mjs']));
    const imported = new Set(files.flatMap((file) => specifiers(readFileSync(file, 'utf8'))).map(packageOf).filter((name) => name !== undefined));
    // A check that the scan sees imports at all: these come from src/ and bin/.
    expect(imported).toContain('unified');
    expect(imported).toContain('esbuild');
    const undeclared = [...imported].filter((name) => !isBuiltin(name) && !(name in manifest.dependencies));
    expect(undeclared).toEqual([]);
  });

  it('finds the imports a bundle is written with', () => {
    const code = 'import {\n  a\n} from "./chunk-X.mjs";\nimport "./side.mjs";\nimport pc from "picocolors";\nimport { x as y } from "@scope/pkg/deep";\nconst m = await import("esbuild");\n';
    expect(specifiers(code)).toEqual(['./chunk-X.mjs', './side.mjs', 'picocolors', '@scope/pkg/deep', 'esbuild']);
    expect(['./chunk-X.mjs', '@scope/pkg/deep', 'node:fs', 'liquidjs/dist/liquid.node.mjs'].map(packageOf)).toEqual([undefined, '@scope/pkg', 'node:fs', 'liquidjs']);
  });
});
