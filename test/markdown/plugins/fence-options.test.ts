import { describe, expect, it } from 'vitest';
import { lineColumn, renderPage } from './render.ts';

function report(markdown: string) {
  const { html, problems } = renderPage(markdown);
  return { html, problems: problems.map((problem) => `${lineColumn(markdown, problem.offset)} ${problem.rule}: ${problem.message}`) };
}

describe('VitePress fence options', () => {
  it('keeps the language of ```js{4}, and says the line highlighting was left out', () => {
    const { html, problems } = report('Text.\n\n```js{2}\nconst a = 1;\nconst b = 2;\n```\n');
    expect(html).toContain('data-lang="js"');
    expect(problems).toEqual(['3:1 markdown/fence-options: line highlighting "{2}" in the code fence is not supported and was left out; the block is highlighted as "js"']);
  });

  it('reads line numbers glued to the language, and line ranges in the meta, keeping a code group label after them', () => {
    const { html, problems } = report('- step\n\n  ```ts:line-numbers {1,3-4} [app.ts]\n  let x = 1;\n  ```\n');
    expect(html).toContain('data-lang="ts"');
    expect(problems).toEqual([
      '3:3 markdown/fence-options: line numbering ":line-numbers" in the code fence is not supported and was left out; the block is highlighted as "ts"',
      '3:3 markdown/fence-options: line highlighting "{1,3-4}" in the code fence is not supported and was left out; the block is highlighted as "ts"',
    ]);
  });

  it('leaves other info strings alone', () => {
    expect(report('```json title="a.json"\n{}\n```\n\n```\n{: not a fence option}\n```\n').problems).toEqual([]);
  });
});
