export { NATIVE_FORMATS } from './registry.ts';
export type { NativeFormat } from './format.ts';
export { CADRAN_CSV, chooseCsvFormat, chooseSheetFormat } from './choose.ts';
export {
  closeExport,
  importExport,
  openExport,
  type ExportOptions,
  type ExportSummary,
  type ImportProgress,
} from './import.ts';
export { removeImport, undoImport, type UndoSummary } from './undo.ts';
export { describeLine, type ReconciliationLine } from './reconcile.ts';
