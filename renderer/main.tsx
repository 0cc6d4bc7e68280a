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
