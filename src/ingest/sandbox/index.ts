export {
  ParserSandbox,
  SANDBOX_LIMITS,
  tooLargeOrComplex,
  type SandboxLimits,
} from './parser-sandbox.ts';
export type { CsvRecord, OpenedFile, ParsedCadranCsv } from './protocol.ts';
export { WORKBOOK_LIMITS, workbookOverLimits, type WorkbookLimits } from './zip-limits.ts';
