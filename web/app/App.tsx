import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n';
import { queryClient } from './query-client';
import { router } from './router';
import './global.css';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </I18nProvider>
    </QueryClientProvider>
  );
}
