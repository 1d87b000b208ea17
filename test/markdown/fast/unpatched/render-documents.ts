/**
 * Child process of the equivalence test: renders the documents it is sent with docsmith's
 * markdown processor and sends back, for each, the syntax tree (positions included), the
 * HTML and what the plugins collected (links, headings, anchors, problems). Started once as is (the patched packages) and once
 * with register.mjs (the unpatched ones); the test compares the two answers.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse } from 'micromark';
import { createMarkdownProcessor } from '../../../../src/markdown/processor.ts';
import type { MarkdownPageData } from '../../../../src/markdown/page-data.ts';

export interface Rendered {
  tree: string;
  html: string;
  page: MarkdownPageData;
}

export interface Answer {
  /** Where the patched packages resolve from, as this process imports them. */
  resolved: Record<string, string>;
  /** Whether the packages behave as patched: a compiler and constructs made once per list of extensions. */
  patchedBehaviour: { fromMarkdown: boolean; micromark: boolean };
  rendered: Rendered[];
}

function patchedBehaviour(): Answer['patchedBehaviour'] {
  const configs = new Set<unknown>();
  const extensions = [{ enter: { emphasisSequence(this: { config: unknown }) { configs.add(this.config); } } }];
  fromMarkdown('*a*', { mdastExtensions: extensions });
  fromMarkdown('*b*', { mdastExtensions: extensions });
  const syntax = [{}];
  return { fromMarkdown: configs.size === 1, micromark: parse({ extensions: syntax }).constructs === parse({ extensions: syntax }).constructs };
}

function render(documents: string[]): Rendered[] {
  const processor = createMarkdownProcessor();
  return documents.map((value) => {
    const page: MarkdownPageData = { contentPath: 'guide/page.md', base: '/', links: [], headings: [], anchors: [], problems: [] };
    const file = { value, path: 'content/guide/page.md', data: { page } };
    const tree = processor.parse(file);
    const treeJson = JSON.stringify(tree);
    const html = String(processor.stringify(processor.runSync(tree, file), file));
    return { tree: treeJson, html, page };
  });
}

process.once('message', (documents: string[]) => {
  const resolved = Object.fromEntries(['micromark', 'micromark-util-subtokenize', 'mdast-util-from-markdown'].map((name) => [name, import.meta.resolve(name)]));
  const answer: Answer = { resolved, patchedBehaviour: patchedBehaviour(), rendered: render(documents) };
  process.send!(answer, () => process.disconnect());
});
