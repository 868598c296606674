/**
 * Child process for the kill-during-save test: saves a workspace over and over, each
 * generation with fresh random content and its checksum, printing "saved N" after each.
 */
import crypto from 'node:crypto';
import { openWorkspaceFile, saveWorkspaceFile } from '../worker/data/workspace-file.ts';

const [file, blobSize] = process.argv.slice(2) as [string, string];
const { db } = await openWorkspaceFile(file);
let generation = Number(db.value("SELECT value FROM meta WHERE key = 'generation'") ?? 0);
db.exec('CREATE TABLE IF NOT EXISTS payload (id INTEGER PRIMARY KEY, blob BLOB NOT NULL)');
// Start-up time varies with machine load; the test times its kill from this line.
process.stdout.write('ready\n');
for (;;) {
  generation += 1;
  const blob = crypto.randomBytes(Number(blobSize));
  const digest = crypto.createHash('sha256').update(blob).digest('hex');
  db.transaction(() => {
    db.run('DELETE FROM payload');
    db.run('INSERT INTO payload (id, blob) VALUES (1, ?)', [blob]);
    db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', ?)", [String(generation)]);
    db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('digest', ?)", [digest]);
  });
  saveWorkspaceFile(db, file);
  process.stdout.write(`saved ${generation}\n`);
}
