/**
 * Speed tricks that lean on how other packages work inside: each gives the output the
 * stock packages give, sooner, and each is property-tested against them
 * (test/markdown/fast/). ARCHITECTURE.md says for each what it gains, what to ask upstream
 * and how to remove it. The rest of docsmith imports them from here only, so dropping one
 * is an edit here and at its single call site. The patches to micromark and
 * mdast-util-from-markdown (patches/, applied on install) belong to the same list; they
 * have no code here, and an equivalence test compares the patched and unpatched packages.
 */
export { remarkAutolinkScope } from './autolink-scope.ts';
export { remarkGfmLineGates } from './gfm-line-gates.ts';
export { rehypeHeadingSlugs } from './heading-slugs.ts';
export { createPairedHighlight } from './paired-themes.ts';
