import type { Element, ElementContent } from 'hast';
import type { Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { State } from 'mdast-util-to-hast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { containerSyntax } from './container-syntax.ts';

/** A `::: name` block: its title (when written) is its first child, a paragraph marked `containerTitle`. */
export interface Container extends Parent {
  type: 'container';
  /** The name as written (`tip`, `code-group`). */
  name: string;
  /** Whether a closing `:::` line ended it. */
  closed: boolean;
  /** How many colons opened it: a closing line needs as many. */
  fence: number;
  children: Array<Paragraph | RootContent>;
}

/** What a container turns into in HTML, read by rehypeContainers after sanitising. */
export interface ContainerInfo {
  name: string;
  /** `{open}` at the end of a details title. */
  open: boolean;
  /** `{no-title}` at the end of the opening line (VitePress): no title line. */
  noTitle: boolean;
}

declare module 'mdast' {
  interface RootContentMap {
    container: Container;
  }
  interface BlockContentMap {
    container: Container;
  }
  interface Data {
    containerTitle?: boolean;
  }
}

declare module 'hast' {
  interface Data {
    container?: ContainerInfo;
    containerTitle?: boolean;
  }
}

/** Callout colours (alerts.ts's) and default titles, by container name. */
export const CALLOUTS: Record<string, { type: string; title: string }> = {
  note: { type: 'note', title: 'Note' },
  info: { type: 'note', title: 'Info' },
  tip: { type: 'tip', title: 'Tip' },
  important: { type: 'important', title: 'Important' },
  warning: { type: 'warning', title: 'Warning' },
  caution: { type: 'caution', title: 'Caution' },
  danger: { type: 'caution', title: 'Danger' },
};
/** VitePress's wrappers with no look of their own (Vue's `v-pre`, unstyled `raw`): content only. */
const PLAIN: ReadonlySet<string> = new Set(['v-pre', 'raw']);
export const CONTAINER_NAMES = [...Object.keys(CALLOUTS), 'details', 'code-group'];
const KNOWN: ReadonlySet<string> = new Set([...CONTAINER_NAMES, ...PLAIN]);

const TITLE_FLAGS = /[ \t]*\{(open|no-title)\}$/;

/**
 * Parses `::: tip` containers (container-syntax.ts), checks their names and that they are
 * closed, and reads VitePress's `{open}` / `{no-title}` from titles. Pages without a
 * line of colons skip the walk.
 */
export function remarkContainers(this: Processor): (tree: Root, file: VFile) => void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(containerSyntax);
  (data.fromMarkdownExtensions ??= []).push(containerFromMarkdown);
  return (tree, file) => {
    const source = String(file.value);
    if (!source.includes(':::')) return;
    const problems = file.data.page?.problems;
    walkContainers(tree, undefined, (node, outer) => {
      const offset = node.position?.start.offset ?? 0;
      // As written: `:::tip` or `::: tip`.
      const written = /^:+[ \t]*[\w-]+/.exec(source.slice(offset, offset + 200))?.[0] ?? `${':'.repeat(node.fence)} ${node.name}`;
      if (!KNOWN.has(node.name.toLowerCase())) {
        problems?.push({ offset, severity: 'warning', rule: 'markdown/unknown-container', message: `unknown container "${written}": its content is shown without a box; the containers are ${CONTAINER_NAMES.join(', ')}` });
      }
      if (!node.closed) {
        // The usual cause: nested with as many colons, so the inner `:::` closed the outer one.
        const message =
          outer && outer.closed && outer.fence <= node.fence
            ? `container "${written}" is never closed: the "${':'.repeat(node.fence)}" line meant for it closed the container around it; give the outer one more colons ("${':'.repeat(node.fence + 1)} ${outer.name}" … "${':'.repeat(node.fence + 1)}")`
            : `container "${written}" is never closed, so it runs to the end of the page (or of the list or quote it is in); end it with a line of "${':'.repeat(node.fence)}"`;
        problems?.push({ offset, severity: 'warning', rule: 'markdown/unclosed-container', message });
      }
    });
  };
}

/** Every container, with the nearest one around it. */
function walkContainers(node: Nodes, outer: Container | undefined, visit: (container: Container, outer: Container | undefined) => void): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (child.type === 'container') visit(child, outer);
    // Containers are blocks: paragraphs, headings and tables hold none.
    if (child.type !== 'paragraph' && child.type !== 'heading' && child.type !== 'table') walkContainers(child, child.type === 'container' ? child : outer, visit);
  }
}

export const containerFromMarkdown: FromMarkdownExtension = {
  enter: {
    container(this: CompileContext, token: Token) {
      this.enter({ type: 'container', name: '', closed: false, fence: 0, children: [] }, token);
    },
    containerTitle(this: CompileContext, token: Token) {
      this.enter({ type: 'paragraph', data: { containerTitle: true }, children: [] }, token);
    },
    containerCloseFence(this: CompileContext) {
      (this.stack[this.stack.length - 1] as Container).closed = true;
    },
  },
  exit: {
    container(this: CompileContext, token: Token) {
      this.exit(token);
    },
    containerSequence(this: CompileContext, token: Token) {
      (this.stack[this.stack.length - 1] as Container).fence = this.sliceSerialize(token).length;
    },
    containerName(this: CompileContext, token: Token) {
      (this.stack[this.stack.length - 1] as Container).name = this.sliceSerialize(token);
    },
    containerTitle(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/**
 * mdast → hast: a `div` carrying what it is in `data.container`, its title a `p` marked
 * `containerTitle`. rehypeContainers turns it into a callout, details or tabs after the
 * sanitiser, which would strip the classes those need.
 */
export function containerToHast(state: State, node: Container): Element {
  const info: ContainerInfo = { name: node.name.toLowerCase(), open: false, noTitle: false };
  const [first] = node.children;
  const title = first?.type === 'paragraph' && first.data?.containerTitle ? first : undefined;
  const titleText = title?.children[title.children.length - 1];
  if (titleText?.type === 'text') {
    const flag = TITLE_FLAGS.exec(titleText.value);
    if (flag) {
      titleText.value = titleText.value.slice(0, flag.index);
      if (flag[1] === 'open') info.open = true;
      else info.noTitle = true;
    }
  }
  const children = state.all(node);
  let titleElement: ElementContent | undefined;
  if (title) {
    titleElement = children.shift();
    if (titleElement?.type === 'element') titleElement.data = { ...titleElement.data, containerTitle: true };
    // A title that was only `{open}` is no title.
    if (title.children.every((child) => child.type === 'text' && child.value.trim() === '')) titleElement = undefined;
  }
  const result: Element = {
    type: 'element',
    tagName: 'div',
    properties: {},
    data: { container: info },
    children: [...(titleElement ? [titleElement] : []), ...state.wrap(children, true)],
  };
  state.patch(node, result);
  return result;
}
