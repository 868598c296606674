import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startFilterUrlSync } from './app/filter-store.ts';
import './styles/app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
// Filters live in the URL hash so Back restores the previous view.
startFilterUrlSync();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
