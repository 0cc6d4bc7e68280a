// The shipped CJK font (SIL OFL 1.1): split by unicode-range, so a page loads only the subsets it shows.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiForCurrentShell } from './api/select-bridge';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App api={createApiForCurrentShell()} />
  </StrictMode>,
);
