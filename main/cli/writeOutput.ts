import { writeFileAtomic } from '../io/writeFileAtomic.js'
import { CliError } from './cliError.js'
import { describeFsError } from './readDocumentFile.js'

/** Standard output without `-o`; with it, an atomic replace of the target file. */
export async function writeOutput(data: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined) {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(data, (error) => (error ? reject(error) : resolve())),
    )
    return
  }
  try {
    await writeFileAtomic(out, data)
  } catch (error) {
    throw new CliError([`${out}: cannot write: ${describeFsError(error)}`])
  }
}
