import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visitElements } from '../walk.ts';
import { groupElement, panelElement } from './code-groups.ts';
import { codeLanguage, codeMeta, fencedCode } from './code-meta.ts';
import { CALLOUTS } from './containers.ts';

/**
 * Turns the `div`s that remark containers left (containers.ts) into what the theme shows:
 * callouts with the same HTML as GitHub alerts (alerts.ts), `<details>` with a summary,
 * tabs like code groups (code-groups.ts), or, for a name we do not know (reported when
 * parsed), the content alone. Runs after the sanitiser, which would strip the classes.
 */
export function rehypeContainers() {
  return (tree: Root, file: VFile) => {
    // Most pages have none: no walk for them.
    if (!String(file.value).includes(':::')) return;
    visitElements(tree, (node, index, parent) => {
      const info = node.data?.container;
      if (!info) return undefined;
      let title = titleOf(node);
      if (title && info.noTitle) {
        node.children.shift();
        title = undefined;
      }
      const callout = CALLOUTS[info.name];
      if (callout) {
        node.properties = { className: ['callout', `callout-${callout.type}`], role: 'note' };
        if (title) title.properties = { className: ['callout-title'] };
        else if (!info.noTitle) node.children.unshift(paragraph(callout.title, ['callout-title']));
        return undefined;
      }
      if (info.name === 'details') {
        node.tagName = 'details';
        node.properties = info.open ? { open: true } : {};
        if (title) title.tagName = 'summary';
        else node.children.unshift({ type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: 'Details' }] });
        return undefined;
      }
      if (info.name === 'code-group') {
        // Go on at what replaced it (none of it is a container; the content may hold some).
        parent.children.splice(index, 1, ...codeGroup(node, title));
        return index;
      }
      // Unknown or plain (`v-pre`, `raw`): the content in place of the container.
      parent.children.splice(index, 1, ...trimmed(node.children));
      return index;
    });
  };
}

/** Without the line breaks at either end, which the parent has around the container already. */
function trimmed(children: ElementContent[]): ElementContent[] {
  const blank = (child: ElementContent | undefined) => child?.type === 'text' && child.value.trim() === '';
  let start = 0;
  let end = children.length;
  while (start < end && blank(children[start])) start++;
  while (end > start && blank(children[end - 1])) end--;
  return children.slice(start, end);
}

function titleOf(node: Element): Element | undefined {
  const first = node.children[0];
  return first?.type === 'element' && first.data?.containerTitle ? first : undefined;
}

function paragraph(text: string, className: string[]): Element {
  return { type: 'element', tagName: 'p', properties: { className }, children: [{ type: 'text', value: text }] };
}

/**
 * `::: code-group`: each fence a tab, labelled by the `[label]` in its info string
 * (```` ```sh [npm] ````), else by its language, as VitePress does. Anything else inside
 * stays, after the tabs. A title, which VitePress ignores, stays as a paragraph before them.
 */
function codeGroup(node: Element, title: Element | undefined): ElementContent[] {
  const panels: Element[] = [];
  const rest: ElementContent[] = [];
  for (const child of node.children) {
    const code = child.type === 'element' ? fencedCode(child) : undefined;
    if (code) panels.push(panelElement(tabLabel(code), child as Element));
    else if (child !== title && !(child.type === 'text' && child.value.trim() === '')) rest.push(child);
  }
  const group = panels.length > 0 ? [groupElement('code', panels)] : [];
  return [...(title ? [title] : []), ...group, ...rest];
}

function tabLabel(code: Element): string {
  const meta = (code.data as { meta?: unknown } | undefined)?.meta;
  const label = typeof meta === 'string' ? /\[([^\]]*)\]/.exec(meta)?.[1]?.trim() : undefined;
  return label || codeMeta(code).tab || codeLanguage(code) || 'text';
}
