import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApollo } from './app/apollo';
import { App } from './app/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const apollo = createApollo();
createRoot(root).render(
  <StrictMode>
    <App apollo={apollo} />
  </StrictMode>,
);
