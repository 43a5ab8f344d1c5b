/**
 * The accounts of this soanthao server, from its own machine.
 *
 *   npm run admin -- create <tên đăng nhập> --office <mã cơ quan> --role <vai trò> [--password-stdin]
 *   npm run admin -- list
 *
 * Exit code: 0 done, 1 could not be done, 2 bad arguments or password.
 */
import { loadConfig } from '../server/config.js';
import { openAccountDirectory } from '../server/auth/directory.js';
import { runAdmin } from '../server/auth/admin-command.js';

const config = loadConfig();
process.exitCode = await runAdmin(process.argv.slice(2), process, async () => (await openAccountDirectory(config))!);
