import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './theme.css';
import { applyTheme, followSystemTheme } from './theme';
import { App } from './App';

// Painted before the first render, so a dark-mode phone never flashes white.
applyTheme();
followSystemTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
