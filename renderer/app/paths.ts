/**
 * Suggested file paths for the in-app path dialog (browser mode has no native dialog).
 * The host may run on Windows or POSIX, so the separator is taken from the data folder.
 */
export function joinPath(dir: string, fileName: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  if (dir === '') return fileName;
  return dir.endsWith(separator) ? `${dir}${fileName}` : `${dir}${separator}${fileName}`;
}

/** The folder part of a path ('' when it has none). */
export function dirName(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut <= 0 ? filePath.slice(0, cut + 1) : filePath.slice(0, cut);
}

/** A file name without its .atlas extension, for naming copies. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.atlas$/i, '');
}
