/**
 * Why an import created nothing. The UI maps each code to a translated message; `message`
 * is the English explanation for logs and tests.
 */
export const IMPORT_ERROR_CODES = [
  /** Not .md, .markdown, .html, .htm or .txt. */
  'unsupported-type',
  /** Larger than the import limit. */
  'too-large',
  /** Binary data, or text in an encoding we cannot read. */
  'not-text',
  /** Text, but its structure is broken (e.g. front matter that is not valid YAML). */
  'malformed',
] as const
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

/** Thrown when a document given to an exporter could not have come from the editor. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}
