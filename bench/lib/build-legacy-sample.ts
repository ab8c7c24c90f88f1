/**
 * Builds a legacy SQLite file of any size from the 600 real rows. Row i repeats seed row
 * i mod 600, and every repeat after the first gets `-copyN` appended to its URL path, so each
 * URL stays unique after canonicalization. Content sizes are the seed's own.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

/** Returns the path of a `rows`-row legacy file in `folder`, building it on first use. */
export function buildLegacySample(seedFile: string, folder: string, rows: number): string {
  const file = path.join(folder, `legacy-${rows}.sqlite`);
  if (existsSync(file)) {
    return file;
  }

  const partFile = `${file}.part`;
  rmSync(partFile, { force: true });
  const target = new Database(partFile);
  target.function('copy_url', (url: unknown, copy: unknown) => suffixUrlPath(String(url), Number(copy)));
  target.exec('create table jobs_data (id integer primary key autoincrement, full_link text unique, title text, content text)');
  target.prepare('attach database ? as seed').run(seedFile);

  const seedRows = (target.prepare('select count(*) as count from seed.jobs_data').get() as { count: number }).count;
  target
    .prepare(
      `with recursive copies(copy) as (select 0 union all select copy + 1 from copies where copy + 1 < ?)
       insert into jobs_data (full_link, title, content)
       select copy_url(s.full_link, c.copy), s.title, s.content
       from copies c cross join seed.jobs_data s
       order by c.copy, s.id
       limit ?`,
    )
    .run(Math.ceil(rows / seedRows), rows);
  target.exec('detach database seed');
  target.close();

  renameSync(partFile, file);
  return file;
}

function suffixUrlPath(url: string, copy: number): string {
  if (copy === 0) {
    return url;
  }
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}-copy${copy}`;
  return parsed.toString();
}
