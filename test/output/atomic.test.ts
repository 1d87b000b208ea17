import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { unsafeOutputReason } from '../../src/output/guard.ts';
import { DiskWriter, OUTPUT_MARKER, recoverLeftovers } from '../../src/output/writer.ts';
import { CLI, docsmith, makeSite, temporaryFolder } from '../helpers.ts';

/**
 * Output safety: a build replaces the previous site all at once or not at all, and
 * never writes into (or replaces) a folder that holds anything but its own output.
 */

/** Every file, folder and link under `dir`, with a hash of each file's bytes: equal trees are byte-identical. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const absolute = path.join(folder, name);
      const relative = `${prefix}${name}`;
      const stats = lstatSync(absolute);
      if (stats.isSymbolicLink()) out[relative] = `link → ${readlinkSync(absolute)}`;
      else if (stats.isDirectory()) {
        out[`${relative}/`] = 'dir';
        walk(absolute, `${relative}/`);
      } else out[relative] = createHash('sha256').update(readFileSync(absolute)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

const stagingFolders = (parent: string) => readdirSync(parent).filter((name) => /^\..+-staging-/.test(name));

/** A process id that surely is not running any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A page with enough prose and code that a few hundred of them take the CLI seconds to build. */
function heavyPage(i: number): string {
  const code = Array.from({ length: 12 }, (_, line) => `  const value${line} = compute(${i}, ${line}); // step ${line}`).join('\n');
  return `---\ntitle: Generated ${i}\n---\n# Generated ${i}\n\n${'Text about the API, its options and limits. '.repeat(30)}\n\n## Example\n\n\`\`\`ts\nexport function example${i}() {\n${code}\n}\n\`\`\`\n\n\`\`\`python\ndef example_${i}():\n    return [x * ${i} for x in range(10)]\n\`\`\`\n`;
}

describe('a build that does not finish leaves the previous dist/ byte-identical', () => {
  it('when the CLI is killed with SIGKILL while writing the new site; the next build clears what it left', async () => {
    const root = makeSite({ 'content/index.md': '# The old home\n\n[About](about.md)\n', 'content/about.md': '# About\n', 'content/img/logo.txt': 'logo' });
    const dist = path.join(root, 'dist');
    expect((await build({ root, writer: new DiskWriter(dist), search: false })).written).toBe(true);
    const before = snapshot(dist);
    expect(Object.keys(before)).toContain('index.html');

    // Now a site big enough to take the CLI a few seconds, and different on every page.
    writeFileSync(path.join(root, 'content/index.md'), '# The new home\n');
    writeFileSync(path.join(root, 'content/about.md'), '# About, rewritten\n');
    mkdirSync(path.join(root, 'content/gen'));
    for (let i = 0; i < 100; i++) writeFileSync(path.join(root, `content/gen/p${i}.md`), heavyPage(i));

    // Node started with the options bin/docsmith.mjs wants, so the build runs in this process
    // (not relaunched, bin/relaunch.mjs): the one killed, whose pid names the staging folder.
    const child = spawn(process.execPath, ['--single-threaded-gc', CLI, 'build', '--root', root, '--no-cache'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    let finished: NodeJS.Signals | number | null | undefined;
    void exited.then((how) => (finished = how));

    // Kill it once the new pages are being written: into its staging folder if the writer
    // is right, or (a writer that is not) as soon as the new site shows up in dist/.
    const started = Date.now();
    let killedWhile = 'rendering';
    while (finished === undefined && Date.now() - started < 30_000) {
      const staging = stagingFolders(root).find((name) => name.includes(`-staging-${child.pid}-`));
      if ((staging && existsSync(path.join(root, staging, 'index.html'))) || existsSync(path.join(dist, 'gen'))) {
        killedWhile = 'writing';
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(finished, `the build ended before it could be killed: ${stderr}`).toBeUndefined();
    child.kill("SIGKILL");
    expect(await exited).toBe('SIGKILL');
    expect(killedWhile).toBe('writing');

    expect(snapshot(dist)).toEqual(before);
    // What it left behind: its staging folder, which is not part of the site.
    expect(stagingFolders(root)).toEqual([expect.stringMatching(new RegExp(`^\\.dist-staging-${child.pid}-\\d+$`))]);

    // The next build starts by removing it (its process is gone), and builds as usual.
    const next = new DiskWriter(dist);
    expect(stagingFolders(root)).toHaveLength(1);
    next.write('index.html', 'next');
    next.commit();
    expect(stagingFolders(root)).toEqual([]);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('next');
  });

  it('when a page has an error (an undefined placeholder), even after others changed', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\n[A](a.md)\n', 'content/a.md': '# A\n' });
    const dist = path.join(root, 'dist');
    expect((await build({ root, writer: new DiskWriter(dist) })).written).toBe(true);
    const before = snapshot(dist);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['index.html', 'a/index.html', '404.html', OUTPUT_MARKER, 'pagefind/']));

    writeFileSync(path.join(root, 'content/index.md'), '# Home, changed\n\n[A](a.md) [B](b.md)\n');
    writeFileSync(path.join(root, 'content/b.md'), '# B\n\nVersion {{ page.metadata.version }}\n');
    const result = await build({ root, writer: new DiskWriter(dist) });
    expect(result.written).toBe(false);
    expect(result.diagnostics).toMatchObject([{ file: 'content/b.md', line: 3, rule: 'liquid/undefined-variable' }]);
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['content', 'dist']);
  });

  it('when the build dies between moving the old site aside and moving the new one in, the next build puts the old one back', () => {
    const root = makeSite({ 'content/index.md': '# x', [`dist/${OUTPUT_MARKER}`]: '', 'dist/index.html': 'old site' });
    const dist = path.join(root, 'dist');
    const before = snapshot(dist);
    const pid = deadPid();
    // The state the swap leaves for a moment: dist moved aside, the staged site not yet moved in.
    const staging = path.join(root, `.dist-staging-${pid}-1700000000000`);
    mkdirSync(staging);
    writeFileSync(path.join(staging, OUTPUT_MARKER), '');
    writeFileSync(path.join(staging, 'index.html'), 'half-built site');
    renameSync(dist, `${staging}-previous`);
    expect(existsSync(dist)).toBe(false);

    recoverLeftovers(dist);
    expect(snapshot(dist)).toEqual(before);
    expect(stagingFolders(root)).toEqual([]);
  });

  it('leaves staging folders of running builds, and folders it did not make, alone', () => {
    const root = makeSite({ 'content/index.md': '# x', [`dist/${OUTPUT_MARKER}`]: '' });
    const dist = path.join(root, 'dist');
    const dead = deadPid();
    const folders = {
      running: `.dist-staging-${process.ppid}-1`, // the process that started this test runs
      foreign: `.dist-staging-${dead}-2`, // someone's folder that merely looks like ours
      stale: `.dist-staging-${dead}-3`,
      staleEmpty: `.dist-staging-${dead}-4`, // killed before it wrote the marker
      otherOutput: `.public-staging-${dead}-5`, // another output folder's
    };
    for (const name of Object.values(folders)) mkdirSync(path.join(root, name));
    for (const name of [folders.running, folders.stale, folders.otherOutput]) writeFileSync(path.join(root, name, OUTPUT_MARKER), '');
    writeFileSync(path.join(root, folders.foreign, 'notes.txt'), 'mine');

    recoverLeftovers(dist);
    expect(stagingFolders(root).sort()).toEqual([folders.foreign, folders.running, folders.otherOutput].sort());
  });
});

describe('the output folder is checked before anything is touched', () => {
  it('the CLI refuses the site root, a parent of it, a folder of sources, and a non-empty folder it did not make (exit 2)', async () => {
    // Everything inside one box, so a wrong answer could damage nothing outside it.
    const box = temporaryFolder('box');
    const root = path.join(box, 'site');
    const files: Record<string, string> = {
      'site/content/index.md': '# Site\n',
      'site/site.config.ts': 'export default {};\n',
      'with-content/content/page.md': '# Theirs\n',
      'with-templates/templates/layout.liquid': '{{ content | raw }}',
      'with-config/site.config.ts': 'export default {};\n',
      'with-git/.git/HEAD': 'ref: refs/heads/main\n',
      'with-git/index.html': 'a site kept in git',
      'unmarked/notes.txt': 'a writer’s notes',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(box, file)), { recursive: true });
      writeFileSync(path.join(box, file), text);
    }
    const before = snapshot(box);
    const cases = [
      [root, /is the site root or contains it/],
      [box, /is the site root or contains it/],
      [path.join(box, 'with-content'), /contains "content"/],
      [path.join(box, 'with-templates'), /contains "templates"/],
      [path.join(box, 'with-config'), /contains "site.config.ts"/],
      [path.join(box, 'with-git'), /contains ".git"/],
      [path.join(box, 'unmarked'), /was not made by this generator/],
    ] as const;
    const results = await Promise.all(cases.map(([out]) => docsmith('build', '--root', root, '--out', out)));
    results.forEach((result, i) => {
      expect(result.code, `--out ${cases[i]![0]}`).toBe(2);
      expect(result.stderr).toMatch(/^error: refusing to build: /);
      expect(result.stderr).toMatch(cases[i]![1]);
    });
    expect(snapshot(box)).toEqual(before);
    expect(stagingFolders(box)).toEqual([]);
    expect(stagingFolders(path.dirname(box)).filter((name) => name.includes(path.basename(box)))).toEqual([]);
  });

  it('refuses a file, a folder inside content/ or templates/, and another name (symlink) for the site root', () => {
    const box = temporaryFolder('box');
    const root = path.join(box, 'site');
    for (const [file, text] of Object.entries({ 'site/content/index.md': '# x', 'site/templates/layout.liquid': '', 'notes.txt': 'text' })) {
      mkdirSync(path.dirname(path.join(box, file)), { recursive: true });
      writeFileSync(path.join(box, file), text);
    }
    symlinkSync(root, path.join(box, 'alias'));
    symlinkSync(box, path.join(box, 'site', 'up'));
    expect(unsafeOutputReason(root, path.join(box, 'notes.txt'))).toMatch(/is a file, not a folder/);
    expect(unsafeOutputReason(root, path.join(root, 'content/dist'))).toMatch(/inside the site's content\/ folder/);
    expect(unsafeOutputReason(root, path.join(root, 'content'))).toMatch(/inside the site's content\/ folder/);
    expect(unsafeOutputReason(root, path.join(root, 'templates/out'))).toMatch(/inside the site's templates\/ folder/);
    expect(unsafeOutputReason(root, path.join(box, 'alias'))).toMatch(/is the site root or contains it/);
    expect(unsafeOutputReason(root, path.join(root, 'up'))).toMatch(/is the site root or contains it/);
    expect(unsafeOutputReason(path.join(box, 'alias'), box)).toMatch(/is the site root or contains it/);
    // Still fine: a new folder next to the site, or dist/ inside it.
    expect(unsafeOutputReason(root, path.join(root, 'dist'))).toBeUndefined();
    expect(unsafeOutputReason(root, path.join(box, 'public'))).toBeUndefined();
  });

  it('DiskWriter itself (the API, without the CLI) will not replace a folder it did not make', () => {
    const root = makeSite({ 'content/index.md': '# Mine', 'notes/todo.txt': 'mine' });
    const before = snapshot(root);
    expect(() => new DiskWriter(root)).toThrow(/refusing to write: .*contains "content"/);
    expect(() => new DiskWriter(path.join(root, 'notes'))).toThrow(/was not made by this generator/);
    expect(snapshot(root)).toEqual(before);
    expect(stagingFolders(path.dirname(root)).filter((name) => name.includes(path.basename(root)))).toEqual([]);

    // …and checks again before the swap, in case the folder changed during the build.
    const writer = new DiskWriter(path.join(root, 'dist'));
    writer.write('index.html', 'built');
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist/precious.md'), 'written meanwhile');
    expect(() => writer.commit()).toThrow(/was not made by this generator/);
    expect(readdirSync(path.join(root, 'dist'))).toEqual(['precious.md']);
    expect(stagingFolders(root)).toEqual([]);
  });
});
