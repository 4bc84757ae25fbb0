/** What a report holds, sheet by sheet, exactly as it is downloaded (dashboard exports use it too). */
export interface ReportSheet {
  name: string;
  /** Lines above the table: title, period, scope, when computed. */
  heading: string[];
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ReportContent {
  sheets: ReportSheet[];
}
