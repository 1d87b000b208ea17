// @ts-check
/**
 * npm's postinstall: applies the patches in this folder (patch-package) when docsmith's own
 * repository is installed (`npm ci` / `npm install` in a clone), and does nothing when
 * docsmith is installed as a dependency of another project (it then sits inside a
 * node_modules folder). There, patch-package would take node_modules/docsmith for the
 * project root and patch the packages it finds under it, or fail the install when they are
 * hoisted out of it; the writer's own micromark is never ours to change. An installed
 * docsmith runs on the unpatched packages: the same output, a slower parse (see README).
 * patch-package is a devDependency: `npm install --omit=dev` in a clone skips the patches too.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** patch-package's entry, or undefined when devDependencies were left out. */
function patchPackageEntry() {
  try {
    return createRequire(import.meta.url).resolve('patch-package/index.js');
  } catch {
    return undefined;
  }
}

if (!packageRoot.split(path.sep).includes('node_modules')) {
  const patchPackage = patchPackageEntry();
  if (patchPackage) {
    const { status } = spawnSync(process.execPath, [patchPackage], { cwd: packageRoot, stdio: 'inherit' });
    process.exitCode = status ?? 1;
  }
}
