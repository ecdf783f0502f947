import { useState } from 'react';
import { Button } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useCan } from '../../app/session';
import { useT } from '../../i18n';
import { OpenIncidentModal } from './OpenIncidentModal';

/** For the alerts area: opens an incident from this alert (its team, room and session are copied; the alert is linked). */
export function OpenIncidentButton({ alertId, title, size }: { alertId: string; title?: string; size?: 'small' | 'middle' }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('incident:write')) return null;
  return (
    <>
      <Button size={size} icon={<AlertOutlined />} onClick={() => setOpen(true)} data-testid={`open-incident-${alertId}`}>
        {t('incidents.openFromAlert')}
      </Button>
      <OpenIncidentModal open={open} onClose={() => setOpen(false)} alertId={alertId} alertTitle={title} />
    </>
  );
}

export default OpenIncidentButton;
