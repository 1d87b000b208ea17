/**
 * What the JSDoc on a zod schema's keys says, read with TypeScript's parser: the generated
 * reference pages take their words from the schema files, the same text editors show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** What the JSDoc of one key says. */
export interface KeyDoc {
  text: string;
  /** `@default` written out in words, for defaults the schema cannot state (`the name`). */
  default?: string;
  example?: string;
}

/** The JSDoc of every property of the `z.strictObject({ … })` / `z.looseObject({ … })` literals in the schema file, keyed `variable.property`. */
export function keyDocs(repoRoot: string, schemaFile: string): Map<string, KeyDoc> {
  const file = ts.createSourceFile(schemaFile, readFileSync(path.join(repoRoot, schemaFile), 'utf8'), ts.ScriptTarget.Latest, true);
  const docs = new Map<string, KeyDoc>();
  const visit = (node: ts.Node, owner: string | undefined): void => {
    const name = ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? node.name.text : owner;
    if (ts.isCallExpression(node) && /(?:strict|loose)?Object$/i.test(node.expression.getText(file)) && name) {
      const literal = node.arguments[0];
      if (literal && ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (property.name && ts.isIdentifier(property.name)) docs.set(`${name}.${property.name.text}`, jsDocOf(property));
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, name));
  };
  visit(file, undefined);
  return docs;
}

function jsDocOf(node: ts.Node): KeyDoc {
  const doc: KeyDoc = { text: '' };
  for (const comment of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(comment)) continue;
    doc.text = paragraph(ts.getTextOfJSDocComment(comment.comment) ?? '');
    for (const tag of comment.tags ?? []) {
      const text = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
      if (tag.tagName.text === 'default') doc.default = text;
      if (tag.tagName.text === 'example') doc.example = text;
    }
  }
  return doc;
}

/** JSDoc wraps lines for the source file; the page wraps them itself. */
const paragraph = (text: string) => text.split(/\n\s*\n/).map(oneLine).join('\n\n');
export const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|').trim();

