import type { Element, Root } from 'hast';
import { find, html } from 'property-information';
import type { MarkdownProblem } from '../page-data.ts';
import { visitElements } from '../walk.ts';

/** Removed together with everything inside them (the sanitiser's `strip`, and `<template>`, whose content is not its children). */
export const STRIPPED = ['script', 'style', 'template'];

/**
 * Warns, once per element, about the raw HTML the sanitiser took out: elements it removed
 * and attributes it dropped from the elements it kept. Compares the tree before and after
 * sanitising, element by element (the sanitiser keeps positions; an element is named by
 * its tag and where it starts). Only raw HTML is looked at: the elements that start with
 * `<` in the source; markdown's own never lose anything.
 */
export function reportRemovedHtml(before: Root, after: Root, source: string, problems: MarkdownProblem[]): void {
  const kept = new Map<string, Element>();
  visitElements(after, (node) => {
    const offset = node.position?.start.offset;
    if (offset !== undefined) kept.set(`${node.tagName}@${offset}`, node);
  });
  visitElements(before, (node) => {
    const offset = node.position?.start.offset;
    if (offset === undefined || source.charCodeAt(offset) !== 60 /* < */) return undefined;
    const tag = source.slice(offset).match(/^<([A-Za-z][\w:.-]*)/)?.[1] ?? node.tagName;
    const clean = kept.get(`${node.tagName}@${offset}`);
    if (!clean) {
      // `<Badge />` closes nothing in HTML: what follows it is not its text.
      const selfClosing = /^<[^>]*\/>/.test(source.slice(offset, offset + 500));
      problems.push({ offset, severity: 'warning', rule: 'html/removed-element', message: removedElement(node, tag, selfClosing) });
      return STRIPPED.includes(node.tagName) ? 'skip' : undefined;
    }
    const lost = Object.keys(node.properties).filter((key) => String(node.properties[key]) !== String(clean.properties[key] ?? ''));
    if (lost.length > 0) problems.push({ offset, severity: 'warning', rule: 'html/removed-attribute', message: removedAttributes(tag, lost.map((key) => find(html, key).attribute)) });
    return undefined;
  });
}

function removedElement(node: Element, tag: string, selfClosing: boolean): string {
  const lead = `raw HTML <${tag}> was removed`;
  if (node.tagName === 'script') return `${lead} with its content: pages cannot run scripts; a script belongs in a layout in templates/`;
  if (node.tagName === 'style') return `${lead} with its content: pages cannot carry styles; CSS belongs in the theme (templates/)`;
  if (node.tagName === 'template') return `${lead} with its content: Vue templates are not rendered; write the content as markdown`;
  const text = !selfClosing && hasText(node) ? ' (the text inside is kept)' : '';
  // Components are written capitalised (`<Badge>`) or with a dash (`<my-widget>`).
  if (/[A-Z]/.test(tag) || tag.includes('-')) return `${lead}${text}: Vue and MDX components are not rendered; write it as markdown or plain HTML`;
  return `${lead}${text}: pages may use the HTML GitHub allows in READMEs, which has no <${tag}>`;
}

function removedAttributes(tag: string, names: string[]): string {
  const reasons = new Set<string>();
  const others: string[] = [];
  for (const name of names) {
    if (/^on/i.test(name)) reasons.add('event handlers do not run in pages');
    else if (/^(?:v-|[:@#])/.test(name)) reasons.add('Vue bindings are not run');
    else if (name === 'style') reasons.add('inline styles are not kept');
    else if (name === 'class') reasons.add('classes are not kept');
    else others.push(`"${name}"`);
  }
  if (others.length > 0) reasons.add(`GitHub's allow-list for READMEs has no ${others.join(' or ')} on <${tag}>`);
  const quoted = names.map((name) => `"${name}"`).join(', ');
  return `raw HTML <${tag}> lost ${names.length === 1 ? 'the attribute' : 'the attributes'} ${quoted}: ${[...reasons].join('; ')}`;
}

function hasText(node: Element): boolean {
  return node.children.some((child) => (child.type === 'text' && child.value.trim() !== '') || (child.type === 'element' && hasText(child)));
}
