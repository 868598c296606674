import './dossier.css';
export { DossierPage } from './DossierPage.tsx';
export { VisitsPage } from './VisitsPage.tsx';
export { PrintApp } from './PrintApp.tsx';
export { CreateVisitList } from './CreateVisitList.tsx';
export { isPrintHash } from './print-route.ts';
