import type { Severity } from './diagnostic.ts';

/** What the reporter, `docsmith explain` and the diagnostics page know about one rule. */
export interface Rule {
  /** How the problem is reported unless something below changes it: an error fails the build. */
  severity: Severity;
  /** The site.config.ts setting that turns the error into a warning, as written there. */
  relaxedBy?: string;
  /** When the severity depends on where the problem is found: how. */
  severityNote?: string;
  /** What the rule finds, in one sentence. */
  finds: string;
  /** How to fix it, in words a writer can act on. */
  fix: string;
  /**
   * A report as the writer would see it, for a rule no invalid-site fixture shows
   * (crashes, time limits, the dev server); the diagnostics page shows the fixtures' own.
   */
  example?: string;
}

const BROKEN_LINKS = "brokenLinks: 'warning'";

/**
 * Every rule a problem can carry, by id (`area/name`), sorted by id. `Diagnostic.rule` is
 * typed by these keys, so a problem with an id not listed here does not compile;
 * test/diagnostics/rules.test.ts checks that each one is emitted somewhere in src/.
 */
export const RULES = {
  'config/file-name': {
    severity: 'error',
    finds: 'A config file under a name docsmith does not read (`site.config.js`, `site.config.mjs`, `docsmith.config.ts`…) and no `site.config.ts`: the site would otherwise be built with the defaults, its placeholders undefined.',
    fix: 'Rename the file to `site.config.ts`. JavaScript is valid TypeScript, so its content stays as it is; `import { defineConfig } from \'docsmith\'` adds type checking in your editor.',
    example: 'site.config.js:1:1: error: site.config.js is not read: docsmith reads its config from site.config.ts; rename the file (JavaScript is valid TypeScript, and `export default` stays as it is) [config/file-name]',
  },
  'config/invalid-value': {
    severity: 'error',
    finds: 'A key of site.config.ts whose value has the wrong type or is not one of the values it allows (`base: 42`, `brokenLinks: "warn"`), or a variant whose path is also a folder of `content/`.',
    fix: 'Go to the line and column in the report: the message says what the key takes (a string, a number, one of a few words). Change the value to that. For a variant whose path is also a folder of content/, give the variant a `path` of its own, or rename the folder.',
  },
  'config/load': {
    severity: 'error',
    finds: 'A site.config.ts that cannot be loaded: a syntax error, an error thrown while it runs, an import that fails, or no `export default`.',
    fix: 'For a syntax error the report points at where the parser gave up; the mistake is often just before it (a missing comma, brace or quote on the line above). For an error thrown while loading, the message is the error\'s own. The file must default-export the config: `export default { title: "My docs" }`, or `export default defineConfig({ … })`. Nothing else is built until the config loads.',
  },
  'config/unknown-key': {
    severity: 'error',
    finds: 'A key of site.config.ts that docsmith does not know: usually a typo (`metdata`) or a setting of another tool.',
    fix: 'Check the spelling against the configuration reference. Values of your own (a product name, a URL) go under `metadata`, where any key is allowed, and pages print them as `{{ page.metadata.KEY }}`.',
  },
  'content/broken-symlink': {
    severity: 'error',
    finds: 'A symbolic link in content/ whose target does not exist (the file was moved or deleted, or the link was made on another machine).',
    fix: 'Point the link at a file that exists, or delete it. A link\'s target is read from the link\'s own folder: `ln -sf ../shared/intro.md content/intro.md` from the site folder makes `content/intro.md` point at `content/../shared/intro.md`, which may not be what you meant.',
  },
  'content/no-folder': {
    severity: 'error',
    finds: 'A site folder without a `content/` folder, which is where the pages are: usually a build started in the wrong folder, or without `--root`.',
    fix: 'Run the command in the site\'s folder, or name it with `--root` (`docsmith build --root docs`); to start a site, create `content/index.md`.',
    example: 'content:1:1: error: there is no content/ folder in "/home/ada/acme": pages are the .md files in ROOT/content; create it, or give --root the folder that holds it [content/no-folder]',
  },
  'content/no-home-page': {
    severity: 'warning',
    finds: 'A site with pages but no `content/index.md` or `content/README.md`, so its address (`/`) shows "not found".',
    fix: 'Add `content/index.md`: a title and a few links to the main sections are enough.',
  },
  'content/not-utf8': {
    severity: 'error',
    finds: 'A page that is not UTF-8 text, usually one saved as Latin-1 or Windows-1252 by an older editor; the report points at the first byte that is not UTF-8.',
    fix: 'Open the file and save it with UTF-8 encoding (in VS Code: click the encoding in the status bar, then "Save with Encoding"). Then check the characters near the reported position: accented letters and curly quotes are the usual ones to come out wrong, and may need typing again.',
  },
  'content/symlink-outside': {
    severity: 'error',
    finds: 'A symbolic link in content/ that leads outside content/. It is not followed, so nothing outside the site is published by mistake.',
    fix: 'Copy the file into content/, or move the original into content/ and leave the link where the original was.',
  },
  'content/url-collision': {
    severity: 'error',
    finds: 'Two source files that would be written to the same place: `guide.md` and `guide/index.md`, a folder\'s `README.md` and its `index.md`, or names that differ only in case (`Setup.md` and `setup.md`).',
    fix: 'Keep one of the two: merge them into one file, or rename one. A folder\'s `README.md` is its index page only when the folder has no `index.md`.',
  },
  'dev/build-crashed': {
    severity: 'error',
    finds: 'In the dev server, a rebuild that stopped on an unexpected error; it is reported instead of leaving the page blank.',
    fix: 'Often a file was removed or renamed while the rebuild read it: save again. If it happens on every save, the message says what went wrong and usually names the file; it is a bug in docsmith, so please report it with the message.',
    example: 'content/guide/install.md:1:1: error: the build stopped: ENOENT: no such file or directory, open \'/home/ana/tide-docs/content/guide/install.md\' [dev/build-crashed]',
  },
  'frontmatter/invalid-value': {
    severity: 'error',
    finds: 'A frontmatter key that docsmith reads (`title`, `description`, `layout`, `templating`, `order`, `variants`, `metadata`, `image`, `editLink`, `canonical`, `noindex`) with a value of the wrong kind, such as `templating: "no"` or `order: first`.',
    fix: 'Write the kind of value the message asks for: `templating: false` without quotes, a number for `order`, text for `title`, a list of names for `variants`, `key: value` lines under `metadata`. Keys docsmith does not read are yours and take any value.',
  },
  'frontmatter/invalid-yaml': {
    severity: 'error',
    finds: 'Frontmatter that is not valid YAML: a quote never closed, a tab used to indent, a value with `: ` in it and no quotes.',
    fix: 'Look at the reported line and the line before it. Put quotes around a value that contains `: ` or starts with `[`, `{`, `*`, `&`, `!` or `@` (`title: "Step 2: install"`), close every quote you open, and indent with spaces.',
  },
  'frontmatter/not-a-mapping': {
    severity: 'error',
    finds: 'Frontmatter that is YAML but not a set of `key: value` lines (a list, or a line of plain text).',
    fix: 'Write one `key: value` per line between the `---` lines. For a list of things, give it a key: `tags:` followed by `- item` lines.',
  },
  'frontmatter/not-yaml': {
    severity: 'error',
    finds: 'Frontmatter fenced as another language (`---js`, `---toml`). Only YAML is read, and frontmatter is never run as code.',
    fix: 'Rewrite the block as YAML between plain `---` lines: `title: Install` instead of `title = "Install"` or `{ title: "Install" }`.',
  },
  'frontmatter/unclosed': {
    severity: 'error',
    finds: 'A page whose first line is `---`, which opens frontmatter, with no second `---` line to close it.',
    fix: 'Add a `---` line after the last frontmatter key. If the page has no frontmatter and the `---` was meant as a horizontal rule, put a line of text or a heading above it.',
  },
  'html/removed-attribute': {
    severity: 'warning',
    finds: 'Raw HTML in a page that lost attributes when it was cleaned: `class`, `style`, event handlers such as `onclick`, Vue bindings, and anything else GitHub does not allow in READMEs.',
    fix: 'Leave the attribute out. For a note or warning box, write a `> [!NOTE]` callout or a `::: tip` container; for a look of your own, a layout or partial in templates/ can carry the classes and styles, since templates are not cleaned.',
  },
  'html/removed-element': {
    severity: 'warning',
    finds: 'Raw HTML in a page that was removed when it was cleaned: `<script>`, `<style>`, `<iframe>`, Vue and MDX components such as `<Badge />`, and other elements GitHub does not allow in READMEs. The message says whether the text inside was kept.',
    fix: 'Write the content as markdown, or with the HTML GitHub allows (`<details>`, `<kbd>`, `<sup>`, `<br>` and the like). Scripts and styles belong in the layout, in templates/, where they apply to every page.',
  },
  'html/unsafe-url': {
    severity: 'warning',
    finds: 'A link or image whose address would run code when followed (`javascript:`, `vbscript:`, `data:text/html`, however it is spelt); the address was removed and the text kept.',
    fix: 'Link to a page or a web address instead. Anything interactive belongs in a layout in templates/, not in the text of a page.',
  },
  'images/missing': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'An image whose file does not exist in content/. The message says where the path led, and names a file of the same name elsewhere in content/ if there is one.',
    fix: 'Write the path from the page\'s own folder (`../img/flow.png`), or from content/ with a leading `/` (`/img/flow.png`), and check the file name\'s spelling and case. Images must be inside content/ to be published.',
  },
  'images/missing-alt': {
    severity: 'warning',
    finds: 'An image without alt text, which screen readers cannot describe.',
    fix: 'Describe the image between the brackets: `![The build pipeline, from sources to the output folder](./img/pipeline.png)`. Say what the reader should learn from it, not "image of".',
  },
  'images/needs-site-url': {
    severity: 'warning',
    finds: 'A share-card image (the config\'s or a page\'s `image`) on a site without `siteUrl`: link previews (`og:image`) need an absolute address, so it is left out of them.',
    fix: 'Set `siteUrl` in site.config.ts to the address the site is published at (`siteUrl: \'https://docs.example.com\'`), or write the image as an absolute URL.',
  },
  'images/outside-content': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'An image whose path leads out of content/; only what is in content/ is published, so readers would get a broken image.',
    fix: 'Move or copy the image into content/ (an `img/` or `assets/` folder is common) and change the path to match; the message names a file of the same name in content/ when there is one.',
  },
  'last-updated/shallow-clone': {
    severity: 'warning',
    finds: 'With `lastUpdated: true`, a build in a shallow git clone (CI checkouts often are): pages last changed before the clone\'s oldest commit cannot be dated, so they show no date.',
    fix: 'Fetch the whole history before building: `git fetch --unshallow`, or `fetch-depth: 0` in GitHub\'s actions/checkout.',
    example: 'site.config.ts:12:3: warning: lastUpdated: this is a shallow clone, and 3 pages were last changed before its oldest commit, so they show no date; fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout) [last-updated/shallow-clone]',
  },
  'layout/not-found': {
    severity: 'error',
    finds: 'A page whose `layout:` names a template that is not in templates/ (nor in the built-in theme); the message lists the layouts there are.',
    fix: 'Use one of the layouts the message lists, or add `templates/NAME.liquid`. Write the name without `.liquid` (`layout: wide`), or remove `layout:` to use the default.',
  },
  'links/missing-anchor': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'A link to a `#section` that the target page does not have, with the nearest heading id as "did you mean".',
    fix: 'A heading\'s id is its text in lowercase, with spaces turned into `-` and punctuation dropped: `## List Users` is `#list-users`. Fix the spelling (the suggestion is usually right), or give the heading the id you want by ending it with `{#id}`. A folder\'s generated page has no sections: link to the folder alone.',
  },
  'links/missing-file': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'A link to a file (not a page) that does not exist in content/, including links to built `.html` names.',
    fix: 'Link to pages by their `.md` source (`./install.md`, not `install.html`), and to other files by their path in content/ from the page\'s folder. The message says where the link led and suggests the file it probably meant.',
  },
  'links/missing-in-variant': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'On a site with variants, a link to a page that some variants have and this one does not; the message names the variants that lack it.',
    fix: 'Put the link inside `{% ifvariant … %}…{% endifvariant %}` so only the variants that have the page show it, or add the variant to the target page\'s `variants:` list (or its folder\'s).',
  },
  'links/missing-page': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'A link to a page that does not exist, with the page it probably meant as "did you mean".',
    fix: 'Link by the source file, counted from the page\'s own folder: `[Install](../install.md)`, or from content/ with a leading `/`. A link written as a URL (`../linux/`) is counted from the file\'s folder too, not from the page\'s address, which is one level deeper. Check the suggestion; if the page was removed, remove or change the link.',
  },
  'links/outside-content': {
    severity: 'error',
    relaxedBy: BROKEN_LINKS,
    finds: 'A link whose path leads out of content/ (`../CHANGELOG.md`); only what is in content/ is published, so readers would get "not found".',
    fix: 'Link to the file\'s web address (on your code host, say) instead, or move the file into content/ and link to it there.',
  },
  'liquid/render': {
    severity: 'error',
    finds: 'Liquid that parses but fails when it runs: an `{% include %}` of a template that is not in templates/, a placeholder that is a whole object rather than a value (`{{ page.metadata }}`, or an object through a filter such as `| join`), templates that include each other in a loop, or Liquid that runs past the time or memory limits.',
    fix: 'For a missing include, create `templates/NAME.liquid` or correct the name (quoted, without `.liquid`: `{% include "partials/note" %}` reads templates/partials/note.liquid). Name one value of an object (`{{ page.metadata.version }}`). For an include loop, the message lists the templates in the loop: one of them must stop including the next. For a limit, look for a `{% for %}` with no end or a very large range.',
  },
  'liquid/syntax': {
    severity: 'error',
    finds: 'Liquid that cannot be read: an unknown filter or tag (Jekyll\'s `relative_url` or `{% highlight %}`, say), a `{{` or `{% if %}` never closed, an `{% include %}` whose template name is not quoted.',
    fix: 'The message says what to write instead when there is a known equivalent. Close what is open (`}}`, `{% endif %}`), quote template names without their extension (`{% include "badge" %}`). To show braces as written, wrap them in `{% raw %}…{% endraw %}`, or put `templating: false` in the page\'s frontmatter.',
  },
  'liquid/undefined-variable': {
    severity: 'error',
    finds: 'A placeholder that names no value, in `{{ }}` or on the right of `{% assign %}`, with the nearest name as "did you mean". An undefined placeholder is an error, never an empty string.',
    fix: 'Values of your own live under `metadata` in site.config.ts (or a page\'s frontmatter) and are written `{{ page.metadata.KEY }}`; a page\'s own keys are `{{ page.KEY }}`. Fix the spelling, or add the key. If the text shows another tool\'s syntax (`${{ secrets.TOKEN }}`), wrap it in `{% raw %}…{% endraw %}`. To allow a missing value, give a fallback: `{{ page.metadata.x | default: "…" }}`.',
  },
  'markdown/crash': {
    severity: 'error',
    finds: 'A page the markdown renderer failed on: a bug, or input it cannot handle. The rest of the site still renders.',
    fix: 'Narrow it down by removing parts of the page until the error goes, then rewrite that part. Please report it with the part of the page that causes it: docsmith should say what is wrong instead.',
    example: 'content/reference/matrix.md:1:1: error: markdown could not be rendered: it nests too deeply [markdown/crash]',
  },
  'markdown/empty-page': {
    severity: 'warning',
    finds: 'A page whose body renders to nothing: an empty file, frontmatter alone, only comments, or content that was all removed.',
    fix: 'Write the page\'s content under the frontmatter, or delete the file. A folder needs no page of its own to appear in the sidebar: one is made for it.',
  },
  'markdown/fence-options': {
    severity: 'warning',
    finds: 'Line highlighting or line numbers written in a code fence the VitePress way (```` ```js{4} ````, `ts:line-numbers`); they are left out, and the block is still highlighted in its language.',
    fix: 'Remove the `{…}` or `:line-numbers` after the language. To point at a line, say so in the text before the block, or add a comment in the code.',
  },
  'markdown/heading-attributes': {
    severity: 'warning',
    finds: 'A heading ending in `{#id .class}` or `{#id key=value}`: the id is used, the rest is left out, since headings take no classes or attributes.',
    fix: 'Keep only the id: `## Install {#install}`.',
  },
  'markdown/kramdown-attributes': {
    severity: 'warning',
    finds: 'Kramdown (Jekyll) attribute lists and extensions such as `{: .note}`, `{:toc}` or `{: #id}`; they are left out, with what to write instead.',
    fix: 'For a note or warning, write a callout: `> [!NOTE]` on its own line, then the text on `> ` lines. For a heading id, end the heading with `{#id}`. Remove `{:toc}` and its `* TOC` line: the layout lists the page\'s sections under "On this page".',
  },
  'markdown/too-deep': {
    severity: 'error',
    finds: 'A line that nests quotes or lists more than 100 levels deep; no real page does, so the page is not rendered rather than risking a crash.',
    fix: 'Look at the reported line: usually text pasted from elsewhere (an email thread full of `>`, a generated outline). Flatten it to a few levels, or put it in a code block.',
  },
  'markdown/unclosed-container': {
    severity: 'warning',
    finds: 'A `::: name` container with no closing `:::` line, so it runs to the end of the page; often an inner container closed the outer one.',
    fix: 'End the container with a line of as many colons as opened it. When containers are nested, give the outer one more colons (`:::: details` … `::::`) so the inner `:::` cannot close it.',
  },
  'markdown/unknown-container': {
    severity: 'warning',
    finds: 'A `::: name` container whose name docsmith does not know; its content is shown without a box. The message lists the names there are.',
    fix: 'Use one of the listed names (`note`, `tip`, `warning`, `details`, …), or write a `> [!NOTE]` callout.',
  },
  'metadata/unused': {
    severity: 'warning',
    finds: 'A key under `metadata` in site.config.ts that no page or template reads, often left over after a rename or a typo on one side.',
    fix: 'Remove the key, or use it: `{{ page.metadata.KEY }}`. If pages print a name that is almost the same, one of the two is misspelt.',
  },
  'nav/unreachable': {
    severity: 'warning',
    finds: 'A page that readers cannot reach: neither the sidebar nor any page they can reach links to it.',
    fix: 'Add the page to `nav` in site.config.ts, or link to it from a page that readers can reach. If it is no longer needed, delete it.',
  },
  'render/crash': {
    severity: 'error',
    finds: 'A page whose rendering stopped the worker rendering it (a bug, or a page that runs it out of memory). The worker is replaced and the other pages still render.',
    fix: 'Try the page again; if it fails each time, narrow it down by removing parts until the error goes. Please report it with that part: docsmith should say what is wrong instead.',
    example: 'content/api/events.md:1:1: error: rendering crashed: Worker terminated due to reaching memory limit: JS heap out of memory [render/crash]',
  },
  'render/timeout': {
    severity: 'error',
    finds: 'A page that took longer than 10 seconds to render; it was stopped, and the other pages still render.',
    fix: 'Look for what makes the page large: a `{% for %}` over a long list or a large range, a very long table, thousands of code blocks. Split the page or trim the loop. If the page is ordinary, please report it.',
    example: 'content/reference/all-events.md:1:1: error: rendering took longer than 10 s and was stopped [render/timeout]',
  },
  'search/pagefind': {
    severity: 'error',
    finds: 'A failure of Pagefind, which makes the search index during `docsmith build`: it did not start, or rejected a page.',
    fix: 'The message is Pagefind\'s own. Check that the `pagefind` package is installed (`npm install`) and that the output folder can be written. `--no-search` builds without an index, for a preview.',
    example: 'pagefind:1:1: error: search index: Pagefind did not start [search/pagefind]',
  },
  'variants/none': {
    severity: 'warning',
    severityNote: 'an error for a sidebar entry in site.config.ts that links to such a page, since no variant\'s sidebar can show it',
    finds: 'A page in no variant, because its `variants:` list, narrowed by its folder\'s, leaves none; it is built in none of them.',
    fix: 'List at least one of its folder\'s variants in the page\'s `variants:`, or delete the page (and its sidebar entry).',
  },
  'variants/unknown': {
    severity: 'error',
    finds: 'A variant name that the site does not have, in a page\'s `variants:` list, an `{% ifvariant %}` tag or `--variant`, with the nearest name as "did you mean"; also a `variants:` list or `{% ifvariant %}` on a site that has no variants.',
    fix: 'Use a name from `variants` in site.config.ts (the message lists them). On a site without variants, remove the list or the tag, or add `variants` to the config.',
  },
  'variants/widens': {
    severity: 'error',
    finds: 'A page whose `variants:` list adds a variant its folder leaves out; a folder\'s `index.md` limits every page in the folder.',
    fix: 'Remove the variant from the page, or add it to the folder\'s `index.md` if the whole folder should be in it. A page can narrow its folder\'s variants, not widen them.',
  },
} as const satisfies Readonly<Record<string, Rule>>;

/** A rule's id, such as `links/missing-anchor`: the key of its entry in RULES. */
export type RuleId = keyof typeof RULES;

/** Every rule id, sorted. */
export const RULE_IDS = Object.keys(RULES) as readonly RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A rule's entry, with its optional fields typed as optional. */
export function ruleOf(id: RuleId): Rule {
  return RULES[id];
}
