/**
 * Brings a backup made by `npm run backup` back in place of the current database.
 *
 *   npm run restore -- <tệp sao lưu>
 *
 * Exit code: 0 done, 1 could not be done (nothing changed), 2 bad arguments.
 */
import { loadConfig } from '../server/config.js';
import { BackupError, restore } from '../server/backup/backup.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error('Cách dùng: npm run restore -- <tệp sao lưu (.db hoặc .pgdump)>');
  process.exit(2);
}
try {
  const kept = await restore(loadConfig(), args[0]!);
  console.log(`Đã khôi phục từ ${args[0]}.${kept ? ` Dữ liệu trước khi khôi phục được giữ ở ${kept}.` : ''}`);
} catch (e) {
  console.error(e instanceof BackupError ? e.message : `Khôi phục không thành công; dữ liệu hiện có không đổi: ${(e as Error).message}`);
  process.exitCode = 1;
}
