// Copies what the server reads at run time beside its own modules (page assets, word lists,
// schemas) from server/ into dist/, after tsc has compiled the code there.
import { cpSync } from 'node:fs';

cpSync('server', 'dist', {
  recursive: true,
  filter: (source) => !/\.tsx?$/.test(source),
});
