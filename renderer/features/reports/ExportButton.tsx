import { useT } from '../../app/i18n.ts';
import { navigate } from '../../app/nav-store.ts';
import type { ReportSheetId } from '../../../shared/reports/api.ts';
import { REPORT_SHEET_IDS } from '../../../shared/reports/api.ts';
import { reportsActions } from './reports-store.ts';
import type { ReactNode } from 'react';

/**
 * "Export to Excel" for any view: presets the sheets that view shows and opens the Reports
 * page, which keeps the shared filter (the report shows what the view showed), asks where to
 * write and runs the export with progress and Cancel.
 */
export function ExportButton({ sheets = REPORT_SHEET_IDS }: { sheets?: readonly ReportSheetId[] }): ReactNode {
  const t = useT();
  return (
    <button
      type="button"
      className="button"
      data-testid="export-to-excel"
      onClick={() => {
        reportsActions.preset(sheets);
        navigate('reports');
      }}
    >
      {t('reports.exportButton')}
    </button>
  );
}
