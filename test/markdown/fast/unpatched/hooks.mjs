// @ts-check
/**
 * Module resolve hook for the equivalence test: every import of a package docsmith
 * patches (from any file, the unpatched copies' own imports included) loads the copy
 * installed unpatched under an npm alias (`micromark-unpatched`, …, package.json's
 * devDependencies) instead.
 */
const UNPATCHED = new Map([
  ['micromark', 'micromark-unpatched'],
  ['micromark-util-subtokenize', 'micromark-util-subtokenize-unpatched'],
  ['mdast-util-from-markdown', 'mdast-util-from-markdown-unpatched'],
]);

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  const slash = specifier.indexOf('/');
  const name = slash === -1 ? specifier : specifier.slice(0, slash);
  const alias = UNPATCHED.get(name);
  return nextResolve(alias ? alias + specifier.slice(name.length) : specifier, context);
}
