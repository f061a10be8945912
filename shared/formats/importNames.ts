/** Names an importer gives the document it makes, from the file it came from. */

/** The file's name without folder and without the format's extension (`extensions` as a regex alternation). */
export function documentNameFromFile(fileName: string, extensions: RegExp): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  return name.replace(extensions, '') || 'Imported flow'
}

/** A readable id from any name, letters and digits of every script kept. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'imported'
  )
}
