import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.ts';
import { benchApp } from './ledgerApp.ts';
import { benchPack } from './pack.ts';

// One 10,000-row Excel import through the route, in a process of its own: its peak RSS is the
// server's footprint during the import. Prints one JSON line; removes the imported records.
// Usage: importChild.ts <sqlite file | postgres url> <file.xlsx> <typeId>

const [location, file, typeId] = process.argv.slice(2) as [string, string, string];
const handle = location.startsWith('postgres')
  ? openDatabase({ databaseUrl: location, dataDir: path.dirname(file) })
  : openDatabase({ databaseUrl: null, dataDir: path.dirname(location) });
const pack = benchPack();
const bench = await benchApp(handle, pack);
const content = fs.readFileSync(file);
const started = new Date().toISOString();
const t0 = performance.now();
const res = await bench.upload(`/api/records/import?packId=${pack.id}&typeId=${typeId}`, path.basename(file), content);
const ms = performance.now() - t0;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
if (res.statusCode !== 200) throw new Error(`import failed: ${res.statusCode} ${res.body.slice(0, 500)}`);
await handle.db.deleteFrom('record').where('created_by', '=', bench.userId).where('created_at', '>=', started).execute();
await bench.close();
await handle.close();
console.log(JSON.stringify({ ms, peakRssMb, created: res.json().created }));
