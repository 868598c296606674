export { ReportsPage } from './ReportsPage.tsx';
export { ExportButton } from './ExportButton.tsx';
