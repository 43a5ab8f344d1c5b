/**
 * A consistent copy of soanthao's database while it runs.
 *
 *   npm run backup -- <thư mục>
 *
 * Exit code: 0 done (the file's path on standard output), 1 could not be done, 2 bad arguments.
 */
import { loadConfig } from '../server/config.js';
import { BackupError, backup } from '../server/backup/backup.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error('Cách dùng: npm run backup -- <thư mục lưu bản sao>');
  process.exit(2);
}
try {
  const file = await backup(loadConfig(), args[0]!);
  console.log(file);
  console.error(`Đã sao lưu vào ${file}. Khôi phục bằng: npm run restore -- ${file}`);
} catch (e) {
  console.error(e instanceof BackupError ? e.message : `Sao lưu không thành công: ${(e as Error).message}`);
  process.exitCode = 1;
}
