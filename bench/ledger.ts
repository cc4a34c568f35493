import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { recordSheet } from '../src/core/ledger/excelLayout.ts';
import type { FieldDef, Pack } from '../src/core/pack/schema.ts';
import type { DbHandle } from '../src/server/db/database.ts';
import { benchApp } from './ledgerApp.ts';
import { figure, percentile } from './measure.ts';

// The ledger's figures: a filtered, paginated record list at p95 (the filters the list page
// offers, over the whole dataset), and a 10,000-row Excel import with the importing process's
// peak memory (run in a child process, so that the figure is the server's own footprint).

const IMPORT_TYPE = 'article';
const IMPORT_ROWS = 10_000;

/** List requests as the ledger page makes them: scope, type, unit, dates, pages. */
async function listUrls(handle: DbHandle, packId: string, year: number): Promise<string[]> {
  const orgs = await handle.db.selectFrom('org').select(['id', 'parent_id', 'path']).orderBy('path').execute();
  const root = orgs.find((o) => o.parent_id === null)!;
  const districts = orgs.filter((o) => o.parent_id === root.id);
  const units = orgs.filter((o) => o.parent_id !== null && o.parent_id !== root.id);
  const base = `/api/records?packId=${packId}&pageSize=20`;
  const urls = [
    base,
    `${base}&typeId=article&from=${year}-01-01&to=${year}-12-31`,
    `${base}&typeId=branch_meeting&page=3`,
    `${base}&from=${year}-07-01&to=${year}-09-30`,
  ];
  for (let i = 0; i < 8; i++) {
    const district = districts[i % districts.length]!;
    const unit = units[(i * 37) % units.length]!;
    urls.push(`${base}&orgId=${district.id}&from=${year}-01-01&to=${year}-12-31`);
    urls.push(`${base}&orgId=${unit.id}&subtree=false`);
    urls.push(`${base}&orgId=${unit.id}&typeId=situation_analysis&page=2`);
  }
  return urls;
}

async function timeGets(get: (url: string) => Promise<{ statusCode: number; body: string }>, urls: readonly string[], rounds: number): Promise<number[]> {
  for (const url of urls) await get(url); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const url of urls) {
      const start = performance.now();
      const res = await get(url);
      times.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
  }
  return times;
}

export async function benchRecordList(name: string, handle: DbHandle, pack: Pack, year: number): Promise<void> {
  const bench = await benchApp(handle, pack);
  try {
    const urls = await listUrls(handle, pack.id, year);
    figure(`records.${name}.list_p95_ms`, percentile(await timeGets(bench.get, urls, 7), 95), 'ms');
    const search = [`/api/records?packId=${pack.id}&q=会议`, `/api/records?packId=${pack.id}&typeId=article&q=${encodeURIComponent('第1')}&from=${year}-01-01&to=${year}-12-31`];
    figure(`records.${name}.list_search_p95_ms`, percentile(await timeGets(bench.get, search, 10), 95), 'ms');
  } finally {
    await bench.close();
  }
}

function cellValue(f: FieldDef, date: string, i: number): string | number | undefined {
  switch (f.type) {
    case 'choice': return f.options![i % f.options!.length]!.label;
    case 'boolean': return i % 3 === 0 ? '否' : '是';
    case 'number': return Math.max(f.min ?? 0, Math.min(f.max ?? 100, 1 + (i % 90)));
    case 'date': return date;
    case 'url': return `https://www.example.gov.cn/news/${i}.html`;
    case 'text': return `第${i}号`;
    case 'longtext': return '围绕意识形态工作责任制落实情况进行报道，反映本单位工作成效。';
    default: return undefined; // people, org: left empty (optional in this type)
  }
}

/** A filled import file for `IMPORT_TYPE`: the template's columns, rows spread over units and the year. */
export async function importWorkbook(pack: Pack, unitNames: readonly string[], year: number): Promise<Buffer> {
  const type = pack.recordTypes.find((t) => t.id === IMPORT_TYPE)!;
  const columns = recordSheet(type).columns;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(columns.map((c) => c.header));
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const date = new Date(Date.UTC(year, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    sheet.addRow(columns.map((c) => {
      if (c.key === 'orgName') return unitNames[i % unitNames.length];
      if (c.key === 'title') return `信息报送第${i + 1}篇（${date}）`;
      if (c.key === 'occurredOn') return date;
      if (!c.key.startsWith('field:')) return undefined;
      return cellValue(type.fields.find((f) => `field:${f.id}` === c.key)!, date, i);
    }));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Runs the import in a child process (bench/importChild.ts) against the same database and prints
 * its time and the child's peak RSS; the imported records are removed again afterwards.
 */
export async function benchImport(name: string, handle: DbHandle, pack: Pack, year: number): Promise<void> {
  const units = await handle.db.selectFrom('org').select('name').where('kind', 'in', ['department', 'affiliate', 'township']).orderBy('name').limit(50).execute();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-import-')), `${IMPORT_TYPE}.xlsx`);
  fs.writeFileSync(file, await importWorkbook(pack, units.map((u) => u.name), year));
  try {
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'importChild.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, handle.location, file, IMPORT_TYPE], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; peakRssMb: number; created: number };
    if (result.created !== IMPORT_ROWS) throw new Error(`import created ${result.created} records, expected ${IMPORT_ROWS}`);
    figure(`records.${name}.import_10k_ms`, result.ms, 'ms');
    figure(`records.${name}.import_10k_peak_rss_mb`, result.peakRssMb, 'MB');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
