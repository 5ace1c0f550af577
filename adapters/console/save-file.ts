// The console has no uploads: the XML or CSV file a scan asked for ("/scan localhost xml") is
// written to disk, in the directory portbot was started in, and the answer names the path. A file
// of that name is never overwritten (the job id in the name makes a clash unlikely anyway).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileFate } from '../../src/report/file-line.js';
import type { ReplyFile } from '../../src/report/reply.js';

export async function saveRequestedFile(file: ReplyFile, directory: string): Promise<FileFate> {
  // The name holds safe characters only (scan-file.ts): it cannot leave the directory.
  const path = resolve(directory, file.filename);
  try {
    await writeFile(path, file.content, { flag: 'wx', mode: 0o644 });
    return { kind: 'saved', path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? 'a file of that name is already there' : code === 'EACCES' || code === 'EROFS' ? 'portbot may not write there' : (code ?? 'it could not be written');
    return { kind: 'not-saved', path, why };
  }
}
