import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startFilterUrlSync } from './app/filter-store.ts';
import { startRouteSync } from './app/nav-store.ts';
import { PrintApp, isPrintHash } from './features/dossier/index.ts';
import './styles/app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
// Filters live in the URL hash so Back restores the previous view.
startFilterUrlSync();
startRouteSync();
// `#/print/…`: the A4 document alone, for the PDF printer (no shell, no session start).
createRoot(container).render(<StrictMode>{isPrintHash(window.location.hash) ? <PrintApp /> : <App />}</StrictMode>);
