import { App, Button, Input, Space } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useT } from '../i18n';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the legacy path (plain-http deployments have no async clipboard).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(area);
  return ok;
}

/** A read-only value (a link, a token) with a copy button. */
export function CopyField({ value, testId }: { value: string; testId: string }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input readOnly value={value} onFocus={(e) => e.target.select()} data-testid={testId} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }} />
      <Button
        icon={<CopyOutlined />}
        onClick={() => void copyText(value).then((ok) => (ok ? message.success(t('common.copied')) : message.warning(t('common.copyFailed'))))}
        data-testid={`${testId}-copy`}
      >
        {t('action.copy')}
      </Button>
    </Space.Compact>
  );
}
