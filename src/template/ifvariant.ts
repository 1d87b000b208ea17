import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/position.ts';
import type { TemplateSet } from './templates.ts';
import { Tag, Value, type Context, type Emitter, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

/** One name of an `ifvariant` condition: `cloud`, or `not v1`. */
export interface VariantTerm {
  name: string;
  negated: boolean;
  /** Where the name is written, as an offset in the template's text. */
  offset: number;
}

/** What every text's analysis sees an `ifvariant` read: the variant's name. */
const READS = 'variant.name';

/**
 * `{% ifvariant cloud or not v1 %}…{% else %}…{% endifvariant %}`: text for some variants
 * of the site only. True when any term holds: `name` in that variant, `not name` in every
 * other. The names are checked against the site's variants after parsing
 * (`unknownVariantNames`), so a misspelt one is reported even where it does not render.
 */
export class IfVariantTag extends Tag {
  readonly terms: VariantTerm[];
  private readonly templates: Template[] = [];
  private elseTemplates: Template[] | undefined;
  private readonly read: Value;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    this.terms = parseCondition(token);
    this.read = new Value(READS, liquid);
    let current = this.templates;
    parser
      .parseStream(remainTokens)
      .on('tag:else', (tag: TagToken) => {
        if (this.elseTemplates) throw new Error('an ifvariant block has one {% else %} at most');
        if (tag.args.trim() !== '') throw new Error(`{% else %} takes no condition here; write {% else %}{% ifvariant ${tag.args.trim()} %}…{% endifvariant %}`);
        current = this.elseTemplates = [];
      })
      .on('tag:endifvariant', function (this: { stop(): void }) {
        this.stop();
      })
      .on('template', (template: Template) => current.push(template))
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed: end it with {% endifvariant %}`);
      })
      .start();
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    // A site without variants renders the else text; the tag is reported when the page is parsed.
    const name = (ctx.getAll() as { variant?: { name?: unknown } }).variant?.name;
    const holds = this.terms.some((term) => (term.name === name) !== term.negated);
    yield this.liquid.renderer.renderTemplates(holds ? this.templates : (this.elseTemplates ?? []), ctx, emitter);
  }

  *children(): Generator<unknown, Template[], unknown> {
    return [...this.templates, ...(this.elseTemplates ?? [])];
  }

  arguments(): Value[] {
    return [this.read];
  }
}

/** `cloud or not v1` → its terms; anything else is a parse error at the tag. */
function parseCondition(token: TagToken): VariantTerm[] {
  const terms: VariantTerm[] = [];
  const words = [...token.args.matchAll(/\S+/g)];
  // The arguments follow the tag's name (`ant` in `{% ifvariant ant %}` is not the one inside "ifvariant").
  const afterName = token.input.indexOf(token.name, token.begin) + token.name.length;
  const argsOffset = token.input.indexOf(token.args, afterName);
  const expected = 'write a variant name, or several joined by "or", each may be preceded by "not": {% ifvariant cloud or not v1 %}';
  let i = 0;
  while (i < words.length) {
    if (terms.length > 0) {
      if (words[i]![0] !== 'or') throw new Error(`unexpected "${words[i]![0]}" in ifvariant; ${expected}`);
      i++;
    }
    const negated = words[i]?.[0] === 'not';
    if (negated) i++;
    const word = words[i];
    if (!word || word[0] === 'or' || word[0] === 'not') throw new Error(`ifvariant expects a variant name${word ? ` before "${word[0]}"` : ''}; ${expected}`);
    if (!/^[a-z0-9._-]+$/.test(word[0])) throw new Error(`"${word[0]}" is not a variant name; ${expected}`);
    terms.push({ name: word[0], negated, offset: argsOffset + word.index });
    i++;
  }
  if (terms.length === 0) throw new Error(`ifvariant needs a condition; ${expected}`);
  return terms;
}

/** Every `ifvariant` tag of parsed templates, nested ones included. */
export function ifVariantTags(templates: readonly Template[]): IfVariantTag[] {
  const found: IfVariantTag[] = [];
  const visit = (list: readonly Template[]) => {
    for (const template of list) {
      if (template instanceof IfVariantTag) found.push(template);
      const children = (template as { children?: (partials: boolean, sync: boolean) => Generator<unknown, Template[], unknown> }).children;
      if (children) visit(childTemplates(children.call(template, false, true)));
    }
  };
  visit(templates);
  return found;
}

/** Runs a liquidjs `children()` generator synchronously to its returned templates. */
function childTemplates(generator: Generator<unknown, Template[], unknown>): Template[] {
  let step = generator.next();
  while (!step.done) step = generator.next(step.value);
  return step.value ?? [];
}

/**
 * The variant names the `ifvariant` tags of templates (layouts, partials) name that the
 * site lacks: a page's own tags are checked when it is parsed; a template's, once a build,
 * here, read from its text, so a tag in a branch nothing renders is checked too.
 */
export function unknownTemplateVariants(templates: TemplateSet, names: readonly string[], message: (name: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, source] of Object.entries(templates.sources)) {
    if (!source.includes('ifvariant')) continue;
    const lines = new LineIndex(source);
    for (const tag of source.matchAll(/\{%-?\s*ifvariant\s((?:(?!-?%\}).)*)-?%\}/g)) {
      for (const word of tag[1]!.matchAll(/[^\s]+/g)) {
        if (word[0] === 'or' || word[0] === 'not' || names.includes(word[0])) continue;
        const at = lines.positionAt(tag.index + tag[0].indexOf(tag[1]!) + word.index);
        diagnostics.push({ file: templates.files[name] ?? name, ...at, severity: 'error', message: message(word[0]), rule: 'variants/unknown' });
      }
    }
  }
  return diagnostics;
}
