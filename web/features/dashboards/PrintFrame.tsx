import type { ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { PrinterOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';

/**
 * Printing: the console's sidebar and header are hidden by @media print everywhere on these pages, and `?print=1`
 * shows the page alone on a white sheet (over the console layout) with a print button that itself does not print.
 */
export const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .sr-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .sr-print-sheet { position: static !important; overflow: visible !important; padding: 0 !important; }
  .ant-card { break-inside: avoid; box-shadow: none !important; }
  body { background: #fff !important; }
}
`;

export function PrintStyles() {
  return <style>{PRINT_CSS}</style>;
}

export function PrintFrame({ print, onBack, children }: { print: boolean; onBack: () => void; children: ReactNode }) {
  const t = useT();
  if (!print) return <>{children}</>;
  return (
    <div className="sr-print-sheet" data-testid="print-view" style={{ position: 'fixed', inset: 0, zIndex: 1000, background: '#fff', overflow: 'auto', padding: 24 }}>
      <Flex gap={8} justify="flex-end" className="sr-no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="print-back">
          {t('dashboards.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
          {t('dashboards.printNow')}
        </Button>
      </Flex>
      {children}
    </div>
  );
}
