import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApollo } from './app/apollo';
import { App } from './app/App';
import { isReporterPath } from './features/reports/reporter-path';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
if (isReporterPath(window.location.pathname)) {
  // The reporter pages start their own client: no session, no WebSocket (ReporterApp.tsx).
  void import('./features/reports/ReporterApp').then(({ ReporterApp, createReporterApollo }) => {
    createRoot(root).render(
      <StrictMode>
        <ReporterApp client={createReporterApollo()} />
      </StrictMode>,
    );
  });
} else {
  const apollo = createApollo();
  createRoot(root).render(
    <StrictMode>
      <App apollo={apollo} />
    </StrictMode>,
  );
}
