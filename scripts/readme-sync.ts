// Keeps the README's code in step with the files it shows. Every block between
// `<!-- include: path -->` and `<!-- /include -->` is replaced by that file's text, so the API
// tour is exactly the code the test suite runs. `npm run readme` rewrites the README; the test
// suite fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const BLOCK = /<!-- include: (\S+?)(?: lang=(\w+))? -->\n[\s\S]*?<!-- \/include -->/g;

/** The README text with every include block refreshed from disk. */
export function syncedReadme(readme = readFileSync(`${root}README.md`, 'utf8')): string {
  return readme.replace(BLOCK, (_all, path: string, lang?: string) => {
    const body = readFileSync(`${root}${path}`, 'utf8').trimEnd();
    const fence = lang ?? (path.endsWith('.md') ? '' : 'ts');
    const content = fence === '' ? body : `\`\`\`${fence}\n${body}\n\`\`\``;
    return `<!-- include: ${path}${lang ? ` lang=${lang}` : ''} -->\n${content}\n<!-- /include -->`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${root}README.md`, syncedReadme());
  console.log('README.md synced');
}
