/**
 * Every format `flowlane export` writes, and how. Formats arrive with their issues;
 * each adds one entry here. Binary formats are written only with `-o` (cli.md).
 */
import { serializeDocument, type FlowDocument } from '../../shared/document/index.js'

export interface ExportFormat {
  readonly write: (doc: FlowDocument) => Promise<string | Uint8Array> | string | Uint8Array
  readonly binary?: boolean
}

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  /** Normalised re-serialisation: canonical key order and formatting. */
  json: { write: serializeDocument },
}
