import { readFileSync } from 'node:fs';
import { listCorpus } from '../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../src/main/corpus/front-matter';
import { renderPage } from '../src/main/render/render-page';
const { files } = listCorpus('/tmp/dstudio-corpus-cache/snap-5');
const bodies = files.map((f) => splitFrontMatter(readFileSync(f.absPath, 'utf8')).body);
for (let r = 0; r < 3; r++) for (const b of bodies) renderPage(b, { pageId: 'x' });
